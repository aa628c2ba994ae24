/**
 * Wire documents (snake_case JSON, as Clerk sends them) for tests, and valid inputs per operation.
 */
import type { OperationName } from "../../src/contract/Api.js"
import type { Endpoint } from "../../src/contract/Endpoint.js"
import type { Api } from "../../src/index.js"

/** An organization as Clerk sends it, with every documented field. */
export const organizationWire = (overrides: Record<string, unknown> = {}) => ({
  object: "organization",
  id: "org_2abc",
  name: "Acme Inc",
  slug: "acme",
  image_url: "https://img.example.test/org.png",
  has_image: true,
  members_count: 3,
  missing_member_with_elevated_permissions: false,
  pending_invitations_count: 1,
  max_allowed_memberships: 5,
  admin_delete_enabled: true,
  public_metadata: { plan: "pro" },
  private_metadata: { billing: { id: 7 } },
  created_by: "user_creator",
  created_at: 1_700_000_000_000,
  updated_at: 1_700_000_100_000,
  last_active_at: 1_700_000_200_000,
  role_set_key: null,
  ...overrides
})

/** The member's public user data as Clerk sends it. */
export const publicUserDataWire = (overrides: Record<string, unknown> = {}) => ({
  user_id: "user_2xyz",
  first_name: "Ada",
  last_name: null,
  profile_image_url: null,
  image_url: "https://img.example.test/user.png",
  has_image: false,
  identifier: "ada@example.test",
  username: null,
  banned: false,
  deprovisioned: false,
  ...overrides
})

/** A full membership as Clerk sends it. */
export const membershipWire = (overrides: Record<string, unknown> = {}) => ({
  id: "orgmem_1",
  object: "organization_membership",
  role: "org:admin",
  role_name: "Admin",
  permissions: ["org:sys_memberships:manage", "org:sys_profile:read"],
  public_metadata: { team: "core", tags: ["a", 1, true, null] },
  private_metadata: { notes: { level: 2 } },
  organization: organizationWire(),
  public_user_data: publicUserDataWire(),
  created_at: 1_700_000_300_000,
  updated_at: 1_700_000_400_000,
  ...overrides
})

/** A page of memberships as Clerk sends it. */
export const pageWire = (data: ReadonlyArray<unknown> = [membershipWire()], totalCount = data.length) => ({
  data,
  total_count: totalCount
})

/** A `ClerkErrors` body as Clerk sends it. */
export const clerkErrorsWire = (code: string, traceId = "trace_abc123") => ({
  errors: [
    {
      code,
      message: `short ${code}`,
      long_message: `long ${code}`,
      meta: { param_name: "role" }
    }
  ],
  meta: { request: "r1" },
  clerk_trace_id: traceId
})

/** The 2xx body of each operation. */
export const successWire: { readonly [K in OperationName]: unknown } = {
  create: membershipWire(),
  list: pageWire(),
  update: membershipWire(),
  delete: membershipWire(),
  updateMetadata: membershipWire(),
  listInstance: pageWire()
}

/** A valid input of each operation. */
export const validInput: { readonly [K in OperationName]: Endpoint.Input<Api[K]> } = {
  create: { organizationId: "org_2abc", userId: "user_2xyz", role: "org:member" },
  list: { organizationId: "org_2abc" },
  update: { organizationId: "org_2abc", userId: "user_2xyz", role: "org:admin" },
  delete: { organizationId: "org_2abc", userId: "user_2xyz" },
  updateMetadata: { organizationId: "org_2abc", userId: "user_2xyz", publicMetadata: { a: 1 } },
  listInstance: {}
}
