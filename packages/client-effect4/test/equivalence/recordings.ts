/**
 * Recorded responses both lines decode: valid bodies (full, minimal, with unknown fields, nulls
 * where Clerk allows them, deep metadata), broken ones (invalid or truncated JSON, empty, wrong
 * types, missing fields, `__proto__` keys), `ClerkErrors` bodies for every status, error bodies
 * that are not `ClerkErrors`, odd statuses (201, 204, 418, 429 with `Retry-After`, 502, 503) and a
 * dropped connection. Each is served as is, for every operation, to both lines.
 */
import type { Recorded } from "./replayServer.js"
import { clerkErrorsWire, membershipWire, organizationWire, pageWire, publicUserDataWire } from "../support/wire.js"

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Recorded => ({
  status,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body)
})

const text = (status: number, body: string, contentType = "text/plain"): Recorded => ({
  status,
  headers: { "content-type": contentType },
  body
})

/** A membership with only the fields Clerk always sends. */
const minimalMembership = () => {
  const { role_name: _r, private_metadata: _p, public_user_data: _u, ...rest } = membershipWire()
  const {
    image_url: _i,
    members_count: _m,
    missing_member_with_elevated_permissions: _e,
    pending_invitations_count: _c,
    private_metadata: _op,
    created_by: _b,
    last_active_at: _l,
    role_set_key: _k,
    ...organization
  } = organizationWire()
  return { ...rest, organization }
}

const deep = (depth: number): unknown => {
  let value: unknown = "bottom"
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { k: value } : [value]
  return value
}

/** Membership documents: each valid or broken in one way. */
const memberships: ReadonlyArray<readonly [string, unknown]> = [
  ["full", membershipWire()],
  ["minimal", minimalMembership()],
  ["unknown fields", { ...membershipWire({ surprise: 1 }), organization: organizationWire({ extra: [1] }) }],
  [
    "nullable fields null",
    membershipWire({ public_user_data: publicUserDataWire({ first_name: null, identifier: null, username: null }) })
  ],
  ["deep metadata", membershipWire({ public_metadata: { deep: deep(200) } })],
  ["__proto__ in metadata", membershipWire({ public_metadata: JSON.parse('{"__proto__":{"polluted":true},"ok":1}') })],
  ["created_at not an integer", membershipWire({ created_at: 1.5 })],
  ["created_at a string", membershipWire({ created_at: "1700000000000" })],
  ["wrong object literal", membershipWire({ object: "organization" })],
  ["organization missing", (({ organization: _, ...rest }) => rest)(membershipWire())],
  ["permissions not an array", membershipWire({ permissions: "org:sys_memberships:manage" })],
  ["metadata an array", membershipWire({ public_metadata: [1, 2] })],
  ["nested slug wrong", membershipWire({ organization: organizationWire({ slug: 7 }) })],
  [
    "public user data field missing",
    membershipWire({ public_user_data: (({ image_url: _, ...r }) => r)(publicUserDataWire()) })
  ]
]

/** The success bodies of an operation: a membership, or a page of them. */
const successBodies = (paged: boolean): ReadonlyArray<readonly [string, Recorded]> =>
  paged
    ? [
        ...memberships.map(([name, m]) => [`page of ${name}`, json(200, pageWire([membershipWire(), m], 7))] as const),
        ["empty page", json(200, pageWire([], 0))],
        ["page without total_count", json(200, { data: [membershipWire()] })],
        ["page with data null", json(200, { data: null, total_count: 0 })],
        ["total_count not an integer", json(200, pageWire([], 1.5))]
      ]
    : memberships.map(([name, m]) => [name, json(200, m)] as const)

/** Bodies that are no document at all, with 2xx statuses. */
const brokenBodies: ReadonlyArray<readonly [string, Recorded]> = [
  ["truncated JSON", { status: 200, headers: { "content-type": "application/json" }, body: '{"id":"orgmem_1","obj' }],
  ["HTML", text(200, "<html><body>maintenance</body></html>", "text/html")],
  ["empty body", text(200, "", "application/json")],
  ["JSON null", json(200, null)],
  ["JSON array", json(200, [membershipWire()])],
  ["JSON string", json(200, "ok")],
  [
    "top-level __proto__",
    { status: 200, headers: { "content-type": "application/json" }, body: '{"__proto__":{"data":[]}}' }
  ],
  ["201 with a membership", json(201, membershipWire())],
  ["204 no content", { status: 204, headers: {}, body: "" }]
]

/** Error bodies: `ClerkErrors` in its variants, and bodies that are not. */
const errorBodies = (statuses: ReadonlyArray<number>): ReadonlyArray<readonly [string, Recorded]> => [
  ...[...statuses, 418, 429, 500, 502, 503].map(
    (status) => [`${status} ClerkErrors`, json(status, clerkErrorsWire("some_code"))] as const
  ),
  ["429 with Retry-After seconds", json(429, clerkErrorsWire("too_many_requests"), { "retry-after": "3" })],
  [
    "429 with Retry-After date",
    json(429, clerkErrorsWire("too_many_requests"), { "retry-after": "Wed, 21 Oct 2015 07:28:00 GMT" })
  ],
  ["400 ClerkErrors without trace id or meta", json(400, { errors: [{ code: "x", message: "m", long_message: "l" }] })],
  [
    "422 with meta keys of every shape",
    json(422, {
      errors: [
        {
          code: "form_param_value_invalid",
          message: "m",
          long_message: "l",
          meta: { param_name: "role", allowed_values: ["a"], _0: 1, Mixed_Case: 2, already: "camelCase" }
        }
      ],
      meta: { some_key: true }
    })
  ],
  ["404 errors empty", json(404, { errors: [] })],
  [
    "401 meta.param_name not a string",
    json(401, { errors: [{ code: "c", message: "m", long_message: "l", meta: { param_name: 5 } }] })
  ],
  ["403 errors not an array", json(403, { errors: "nope" })],
  ["500 long HTML", text(500, `<html>${"x".repeat(3000)}</html>`, "text/html")],
  ["502 text", text(502, "bad gateway")],
  ["503 empty", text(503, "")],
  ["400 truncated JSON", { status: 400, headers: { "content-type": "application/json" }, body: '{"errors":[' }]
]

/** Every recording for an operation that declares `statuses` and pages or not. */
export const recordingsFor = (
  statuses: ReadonlyArray<number>,
  paged: boolean
): ReadonlyArray<readonly [string, Recorded]> => [
  ...successBodies(paged),
  ...brokenBodies,
  ...errorBodies(statuses),
  ["connection dropped", "drop"]
]
