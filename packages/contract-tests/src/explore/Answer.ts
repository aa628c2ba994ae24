/**
 * What a server answered a step, whichever way it was sent (through the client or raw): a
 * membership, a page, a refusal (status, the client's error tag, Clerk error codes), or no usable
 * answer (no response, a body that does not match the contract, input the client refused).
 *
 * @since 0.3.0
 */
import type { OrganizationMembership } from "@clerk-effect/client"
import { show } from "../cases/support.js"

/**
 * A page of memberships.
 *
 * @since 0.3.0
 * @category models
 */
export interface Page {
  readonly data: ReadonlyArray<OrganizationMembership>
  readonly totalCount: number
}

/**
 * An answer.
 *
 * @since 0.3.0
 * @category models
 */
export type Answer =
  | { readonly _tag: "Membership"; readonly status: number; readonly membership: OrganizationMembership }
  | { readonly _tag: "Page"; readonly status: number; readonly page: Page }
  | {
      readonly _tag: "Refused"
      readonly status: number
      /** The client's error (`NotFound`, `ClerkApiError`, …); absent for a raw request. */
      readonly clientTag: string | undefined
      /** `errors[].code`; `undefined` when the body is not a ClerkErrors document. */
      readonly codes: ReadonlyArray<string> | undefined
      readonly text: string
    }
  | { readonly _tag: "NoAnswer"; readonly status: number | undefined; readonly problem: string }

/**
 * The status of an answer, if the server answered.
 *
 * @since 0.3.0
 * @category accessors
 */
export const statusOf = (answer: Answer): number | undefined => answer.status

/**
 * An answer in a line, for the script: `200 user_bob in org_acme (org:admin, public {…})`,
 * `200 page of 2 (total_count 5): user_bob, user_carol`, `404 resource_not_found`.
 *
 * @since 0.3.0
 * @category formatting
 */
export const describe = (answer: Answer): string => {
  switch (answer._tag) {
    case "Membership": {
      const m = answer.membership
      const metadata = Object.keys(m.publicMetadata).length === 0 ? "" : `, public ${show(m.publicMetadata)}`
      const secret =
        m.privateMetadata === undefined || Object.keys(m.privateMetadata).length === 0
          ? ""
          : `, private ${show(m.privateMetadata)}`
      return `${answer.status} ${m.publicUserData?.userId ?? "?"} in ${m.organization.id} (${m.role}${metadata}${secret}; ${m.id})`
    }
    case "Page": {
      const users = answer.page.data.map((m) => m.publicUserData?.userId ?? m.id)
      const listed = users.length === 0 ? "empty" : users.join(", ")
      return `${answer.status} page of ${answer.page.data.length} (total_count ${answer.page.totalCount}): ${listed}`
    }
    case "Refused":
      return `${answer.status} ${answer.codes === undefined ? "(not a ClerkErrors body)" : answer.codes.join(", ")}${answer.clientTag === undefined ? "" : ` (${answer.clientTag})`}`
    case "NoAnswer":
      return `${answer.status === undefined ? "no answer" : answer.status}: ${answer.problem}`
  }
}
