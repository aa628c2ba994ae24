/**
 * Generated inputs for every operation (fast-check): the small world's ids and arbitrary text
 * (empty, dot segments, slashes, `?`, `%`, spaces, non-ASCII, lone surrogates), known and unknown
 * roles, JSON metadata and values that are not (NaN, Infinity, arrays, `null`, own `__proto__`
 * keys, 20,000 levels of nesting), valid and invalid
 * paging, every filter of `list` with up to and over 100 values. Valid and invalid inputs alike:
 * both lines must send the same request, or refuse the same field before sending.
 */
import { SmallWorld } from "@clerk-effect/fixtures"
import fc from "fast-check"
import type { OperationName } from "./lines.js"

const oddText = fc.constantFrom("", ".", "..", "a/b", "a?b=c", "%2F", "a b", "ü→✓", "\ud800", "user_2/metadata", "#x")
const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
  { weight: 2, arbitrary: oddText }
)

const organizationId = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(...Object.values(SmallWorld.organizations), SmallWorld.missingOrganizationId)
  },
  { weight: 1, arbitrary: text }
)
const userId = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...Object.values(SmallWorld.users), SmallWorld.missingUserId) },
  { weight: 1, arbitrary: text }
)
const role = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("org:admin", "org:member", "org:unknown") },
  { weight: 1, arbitrary: text }
)

const json = fc.jsonValue({ maxDepth: 3 })

/** An object nested `depth` levels deep (deeper than a recursive walk's stack). */
const nested = (depth: number): unknown => {
  let value: unknown = 1
  for (let i = 0; i < depth; i++) value = { k: value }
  return value
}
const metadata = fc.oneof(
  { weight: 6, arbitrary: fc.dictionary(fc.string({ maxLength: 6 }), json, { maxKeys: 4 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      { n: Number.NaN },
      { deep: { x: Number.POSITIVE_INFINITY } },
      [1],
      "x",
      null,
      { a: null },
      JSON.parse('{"__proto__":{"polluted":true}}'),
      { ok: JSON.parse('{"a":{"__proto__":1}}') },
      { deep: nested(20_000) }
    )
  }
)

const integerOrNot = (valid: fc.Arbitrary<number>) =>
  fc.oneof(
    { weight: 5, arbitrary: valid },
    { weight: 1, arbitrary: fc.constantFrom(0, -1, 501, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60) }
  )
const paging = {
  limit: integerOrNot(fc.integer({ min: 1, max: 500 })),
  offset: integerOrNot(fc.integer({ min: 0, max: 10_000 })),
  orderBy: fc.oneof(
    fc.constantFrom(
      "created_at",
      "-created_at",
      "+first_name",
      "last_name",
      "-email_address",
      "username",
      "+phone_number"
    ),
    fc.constantFrom("nonsense", "--created_at", " created_at")
  )
}
const values = fc.oneof(
  { weight: 8, arbitrary: fc.array(text, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.array(fc.constant("a"), { minLength: 101, maxLength: 103 }) }
)
const timestamp = integerOrNot(fc.integer({ min: 0, max: 4_102_444_800_000 }))

const optional = <T extends Record<string, fc.Arbitrary<unknown>>>(model: T) =>
  fc.record(model, { requiredKeys: [] }) as fc.Arbitrary<
    Partial<{ [K in keyof T]: T[K] extends fc.Arbitrary<infer V> ? V : never }>
  >

/** Inputs of each operation. */
export const inputs: { readonly [K in OperationName]: fc.Arbitrary<Record<string, unknown>> } = {
  create: fc
    .tuple(
      fc.record({ organizationId, userId, role }),
      optional({ publicMetadata: metadata, privateMetadata: metadata })
    )
    .map(([required, rest]) => ({ ...required, ...rest })),
  list: fc
    .tuple(
      fc.record({ organizationId }),
      optional({
        ...paging,
        userId: values,
        emailAddress: values,
        phoneNumber: values,
        username: values,
        web3Wallet: values,
        role: values,
        query: text,
        emailAddressQuery: text,
        phoneNumberQuery: text,
        usernameQuery: text,
        nameQuery: text,
        lastActiveAtBefore: timestamp,
        lastActiveAtAfter: timestamp,
        createdAtBefore: timestamp,
        createdAtAfter: timestamp
      })
    )
    .map(([required, rest]) => ({ ...required, ...rest })),
  update: fc.record({ organizationId, userId, role }),
  delete: fc.record({ organizationId, userId }),
  updateMetadata: fc
    .tuple(fc.record({ organizationId, userId }), optional({ publicMetadata: metadata, privateMetadata: metadata }))
    .map(([required, rest]) => ({ ...required, ...rest })),
  listInstance: optional(paging)
}

const acmeMember = { organizationId: SmallWorld.organizations.acme, userId: SmallWorld.users.bob }

/** Inputs every run includes, besides the generated ones: the hostile metadata, for certain. */
export const examples: { readonly [K in OperationName]: ReadonlyArray<readonly [Record<string, unknown>]> } = {
  create: [
    [{ ...acmeMember, role: "org:member", publicMetadata: JSON.parse('{"__proto__":{"polluted":true}}') }],
    [{ ...acmeMember, role: "org:member", privateMetadata: { deep: nested(20_000) } }]
  ],
  list: [[{ organizationId: SmallWorld.organizations.acme, userId: ["a", "b"], query: "a b/?%", limit: 500 }]],
  update: [[{ ...acmeMember, role: "org:admin" }]],
  delete: [[acmeMember]],
  updateMetadata: [
    [{ ...acmeMember, publicMetadata: { ok: JSON.parse('{"a":{"__proto__":1}}') } }],
    [{ ...acmeMember, publicMetadata: { deep: nested(20_000) } }],
    [{ ...acmeMember, privateMetadata: { team: { size: 4 }, drop: null } }]
  ],
  listInstance: [[{ orderBy: "-created_at", limit: 2, offset: 1 }]]
}
