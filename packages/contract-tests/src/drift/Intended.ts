/**
 * The differences from Clerk's OpenAPI document that the contract makes on purpose, each with its
 * reason and source. `drift` prints them as intended instead of failing on them.
 *
 * @since 0.1.0
 */

/**
 * One intended difference: it matches a difference with the same operation (operationId), subject
 * and both sides' values.
 *
 * @since 0.1.0
 * @category models
 */
export interface Intended {
  readonly operation: string
  readonly subject: string
  /** What the contract has, as a difference line says it. */
  readonly contract: string
  /** What the spec has, as a difference line says it. */
  readonly spec: string
  /** Why the contract differs on purpose. */
  readonly reason: string
  /** Where the contract's side comes from (the spec's prose, an SDK's docs). */
  readonly source: string
}

/** An array filter's cap of 100 values, which the spec states in its description only. */
const capInProse = (param: string): Intended => ({
  operation: "ListOrganizationMemberships",
  subject: `query parameter ${param} maxItems`,
  contract: "100",
  spec: "-",
  reason: "the contract enforces the cap of 100 values the spec states in prose only",
  source: `spec: the description of ${param} (no maxItems in its schema)`
})

/**
 * Every intended difference.
 *
 * @since 0.1.0
 * @category constants
 */
export const IntendedDifferences: ReadonlyArray<Intended> = [
  ...["user_id", "email_address", "phone_number", "username", "web3_wallet", "role"].map(capInProse),
  {
    operation: "UpdateOrganizationMembership",
    subject: "status 400",
    contract: "declared",
    spec: "-",
    reason:
      "the contract declares the union of the spec's and the SDK docs' statuses; the mock answers 400 organization_minimum_permissions_needed to demoting an organization's only admin (an assumption: update:DemoteLastAdmin:400)",
    source: "SDK docs: clerk-backend-api (Python) update_organization_membership declares ClerkErrors 400, 404, 422"
  },
  {
    operation: "DeleteOrganizationMembership",
    subject: "status 400",
    contract: "declared",
    spec: "-",
    reason:
      "the contract declares the union of the spec's and the SDK docs' statuses; the mock answers 400 organization_minimum_permissions_needed to removing an organization's only admin (an assumption: delete:LastAdmin:400)",
    source: "SDK docs: clerk-backend-api (Python) delete_organization_membership declares ClerkErrors 400, 401, 404"
  }
]
