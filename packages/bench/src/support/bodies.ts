/**
 * Clerk-shaped wire bodies (snake_case JSON, as Clerk sends them), precomputed once so a server
 * spends no time building them.
 */

/** One membership as Clerk's Backend API returns it (≈ 1.6 KB of JSON). */
export const membership = (i: number): Record<string, unknown> => ({
  object: "organization_membership",
  id: `orgmem_${String(i).padStart(27, "0")}`,
  role: i % 7 === 0 ? "org:admin" : "org:member",
  role_name: i % 7 === 0 ? "Admin" : "Member",
  permissions: [
    "org:sys_profile:read",
    "org:sys_memberships:read",
    ...(i % 7 === 0 ? ["org:sys_profile:manage", "org:sys_memberships:manage", "org:sys_domains:manage"] : [])
  ],
  public_metadata: { department: "engineering", seat: i, tags: ["bench", "loopback"], onboarding: { done: true } },
  private_metadata: { billing: { plan: "pro", since: 1_700_000_000_000 + i }, notes: "precomputed" },
  organization: {
    object: "organization",
    id: "org_2bench0000000000000000000000",
    name: "Benchmark Organization",
    slug: "benchmark-organization",
    image_url: "https://img.clerk.com/eyJ0eXBlIjoiZGVmYXVsdCIsImlpZCI6Imluc18yYmVuY2gifQ",
    has_image: false,
    members_count: 100_000,
    pending_invitations_count: 0,
    max_allowed_memberships: 0,
    admin_delete_enabled: true,
    public_metadata: { tier: "enterprise", region: "eu-west-1" },
    private_metadata: {},
    created_by: "user_2bench00000000000000000000",
    created_at: 1_700_000_000_000,
    updated_at: 1_700_000_000_000,
    last_active_at: 1_700_000_000_000,
    role_set_key: null
  },
  public_user_data: {
    user_id: `user_${String(i).padStart(27, "0")}`,
    first_name: `First${i}`,
    last_name: `Last${i}`,
    profile_image_url: `https://images.clerk.dev/uploaded/img_${String(i).padStart(27, "0")}.png`,
    image_url: `https://img.clerk.com/eyJ0eXBlIjoicHJveHkiLCJzcmMiOiJ1c2VyXyR7aX0ifQ${i}`,
    has_image: true,
    identifier: `user${i}@example.com`,
    username: `user${i}`,
    banned: false
  },
  created_at: 1_700_000_000_000 + i,
  updated_at: 1_700_000_000_000 + i
})

/** A list page of `limit` memberships with a `total_count`. */
export const listPage = (limit: number, total = 100_000): Record<string, unknown> => ({
  data: Array.from({ length: limit }, (_, i) => membership(i)),
  total_count: total
})

/** The list sizes every benchmark uses. */
export const ListLimits = [10, 100, 500] as const

/** The precomputed JSON strings: one list page per limit, and a created membership. */
export const precomputed = (): { readonly lists: ReadonlyMap<number, string>; readonly created: string } => ({
  lists: new Map(ListLimits.map((limit) => [limit, JSON.stringify(listPage(limit))])),
  created: JSON.stringify(membership(1))
})
