/**
 * fast-check arbitraries of steps in a universe: writes on the world's organizations and users
 * (valid and invalid), reads of every kind (both lists with filters, orders and pages), requests
 * the client refuses to send, refused keys, and concurrent groups of writes. Everything is drawn
 * from small sets (a few organizations, users, metadata keys) so that steps collide: the same
 * membership written and read again, keys merged into keys.
 *
 * @since 0.3.0
 */
import type { Json, Metadata } from "@clerk-effect/client"
import { OrderByFields } from "@clerk-effect/client/contract"
import * as fc from "fast-check"
import { InvalidKinds } from "./Predict.js"
import { filterRequires } from "./Query.js"
import type { FilterSpec, OrderByRef, PageSpec, Step, UserRef, Write } from "./Step.js"
import type { Universe } from "./Universe.js"

/** The metadata keys patches draw from (few, so that patches meet). */
const Keys = ["plan", "limits", "tags", "seats", "note"] as const

const scalar: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom("pro", "team", "free"),
  fc.integer({ min: 0, max: 9 }),
  fc.boolean()
)

/** A JSON value for metadata, `null` allowed when `nulls` (a merge's deletion). */
const value = (nulls: boolean, depth: number): fc.Arbitrary<Json> => {
  const leaves: Array<fc.WeightedArbitrary<Json>> = [
    { arbitrary: scalar, weight: 4 },
    { arbitrary: fc.array(fc.constantFrom("a", "b", "c"), { maxLength: 2 }), weight: 1 },
    ...(nulls ? [{ arbitrary: fc.constant(null), weight: 2 }] : [])
  ]
  return depth <= 0
    ? fc.oneof(...leaves)
    : fc.oneof(...leaves, { arbitrary: object(nulls, depth - 1) as fc.Arbitrary<Json>, weight: 2 })
}

const object = (nulls: boolean, depth: number): fc.Arbitrary<Metadata> =>
  fc.dictionary(fc.constantFrom(...Keys), value(nulls, depth), { minKeys: 1, maxKeys: 3 })

/** A patch for a merge: nested objects, arrays, scalars and `null`s on a few keys. */
const patch = object(true, 2)

/** Metadata given at creation (no `null`s). */
const given = object(false, 1)

/**
 * The arbitraries of a universe.
 *
 * @since 0.3.0
 * @category models
 */
export interface StepArbitraries {
  readonly step: fc.Arbitrary<Step>
  /** Each kind of step, with its weight, for `fc.commands`. */
  readonly weighted: ReadonlyArray<{ readonly weight: number; readonly arbitrary: fc.Arbitrary<Step> }>
}

/**
 * The step arbitraries of a universe.
 *
 * @since 0.3.0
 * @category constructors
 */
export const make = (universe: Universe): StepArbitraries => {
  const capabilities = universe.world.capabilities
  const organizationWeights = { main: 8, other: 3, quota: 3, "unknown-org": 1 } as const
  const organization = fc.oneof(
    ...universe.organizationRefs.map((ref) => ({ arbitrary: fc.constant(ref), weight: organizationWeights[ref] }))
  )
  const groupWeight = (ref: UserRef) =>
    ref === "unknown-user"
      ? 1
      : ({ spare: 6, main: 3, other: 2, quota: 2, outsider: 2 } as const)[ref.split("#")[0] as "spare"]
  const user = fc.oneof(...universe.userRefs.map((ref) => ({ arbitrary: fc.constant(ref), weight: groupWeight(ref) })))
  const knownUser = universe.userRefs.filter((r) => r !== "unknown-user")
  const someUser = knownUser.length === 0 ? user : fc.constantFrom(...knownUser)
  const role = fc.oneof(
    { arbitrary: fc.constant("org:member" as const), weight: 4 },
    { arbitrary: fc.constant("org:admin" as const), weight: 2 },
    { arbitrary: fc.constant("org:contract_no_such_role" as const), weight: 1 }
  )
  const target = { organization, user }

  const create: fc.Arbitrary<Write> = fc.record(
    { _tag: fc.constant("create" as const), ...target, role, publicMetadata: given, privateMetadata: given },
    { requiredKeys: ["_tag", "organization", "user", "role"] }
  )
  const update: fc.Arbitrary<Write> = fc.record({ _tag: fc.constant("update" as const), ...target, role })
  const remove: fc.Arbitrary<Write> = fc.record({ _tag: fc.constant("delete" as const), ...target })
  const updateMetadata: fc.Arbitrary<Write> = fc.oneof(
    fc.record({ _tag: fc.constant("updateMetadata" as const), ...target, publicMetadata: patch }),
    fc.record({ _tag: fc.constant("updateMetadata" as const), ...target, privateMetadata: patch }),
    fc.record({
      _tag: fc.constant("updateMetadata" as const),
      ...target,
      publicMetadata: patch,
      privateMetadata: patch
    })
  )

  const filterKinds: ReadonlyArray<fc.Arbitrary<FilterSpec>> = [
    fc.record({
      kind: fc.constant("userId" as const),
      values: fc.array(fc.record({ sign: fc.constantFrom("" as const, "+" as const, "-" as const), user }), {
        minLength: 1,
        maxLength: 3
      })
    }),
    fc.record({
      kind: fc.constant("role" as const),
      values: fc.uniqueArray(
        fc.constantFrom("org:admin" as const, "org:member" as const, "org:contract_unknown" as const),
        {
          minLength: 1,
          maxLength: 2
        }
      )
    }),
    fc.record({
      kind: fc.constant("exact" as const),
      field: fc.constantFrom(
        "emailAddress" as const,
        "phoneNumber" as const,
        "username" as const,
        "web3Wallet" as const
      ),
      users: fc.array(user, { minLength: 1, maxLength: 2 })
    }),
    fc.record({
      kind: fc.constant("partial" as const),
      field: fc.constantFrom(
        "query" as const,
        "emailAddressQuery" as const,
        "phoneNumberQuery" as const,
        "usernameQuery" as const,
        "nameQuery" as const
      ),
      user: someUser,
      upper: fc.boolean()
    }),
    fc.record({
      kind: fc.constant("time" as const),
      field: fc.constantFrom(
        "createdAtBefore" as const,
        "createdAtAfter" as const,
        "lastActiveAtBefore" as const,
        "lastActiveAtAfter" as const
      ),
      user: someUser,
      shift: fc.constantFrom(-1 as const, 1 as const)
    })
  ]
  const predictable = (spec: FilterSpec) => filterRequires(spec).every((c) => capabilities.has(c))
  const filter = fc.oneof(...filterKinds).filter(predictable)
  const fields = OrderByFields.filter(
    (f) => (f !== "email_address" || capabilities.has("emails")) && (f !== "phone_number" || capabilities.has("phones"))
  )
  const orderBy = (allowed: ReadonlyArray<string>): fc.Arbitrary<OrderByRef> =>
    fc
      .tuple(fc.constantFrom("+", "-"), fc.constantFrom(...allowed))
      .map(([sign, field]) => `${sign}${field}` as OrderByRef)
  const page = (allowed: ReadonlyArray<string>): fc.Arbitrary<PageSpec> =>
    fc.record(
      {
        orderBy: orderBy(allowed),
        limit: fc.oneof(
          { arbitrary: fc.integer({ min: 1, max: 6 }), weight: 4 },
          { arbitrary: fc.constant(500), weight: 1 }
        ),
        offset: fc.integer({ min: 0, max: 8 })
      },
      { requiredKeys: [] }
    )
  const list: fc.Arbitrary<Step> = fc.record({
    _tag: fc.constant("list" as const),
    organization,
    filters: fc.oneof(
      { arbitrary: fc.constant([]), weight: 3 },
      { arbitrary: fc.array(filter, { minLength: 1, maxLength: 2 }), weight: 2 }
    ),
    page: page(fields)
  })
  const listInstance: fc.Arbitrary<Step> = fc.record({
    _tag: fc.constant("listInstance" as const),
    page: page(["created_at"])
  })
  const invalid: fc.Arbitrary<Step> = fc
    .constantFrom(
      ...Object.entries(InvalidKinds).flatMap(([operation, kinds]) =>
        kinds.map((kind) => ({ operation: operation as keyof typeof InvalidKinds, kind }))
      )
    )
    .chain(({ operation, kind }) =>
      fc.record({
        _tag: fc.constant("invalid" as const),
        operation: fc.constant(operation),
        kind: fc.constant(kind),
        ...target
      })
    )
  const unauthorized: fc.Arbitrary<Step> = fc.record({
    _tag: fc.constant("unauthorized" as const),
    operation: fc.constantFrom(
      "create" as const,
      "list" as const,
      "update" as const,
      "delete" as const,
      "updateMetadata" as const,
      "listInstance" as const
    ),
    auth: fc.constantFrom("wrong" as const, "none" as const),
    ...target
  })
  // concurrent merges of distinct keys into one membership, or a create raced with a delete
  const merges: fc.Arbitrary<Step> = fc
    .record({
      organization,
      user,
      count: fc.integer({ min: 2, max: 3 }),
      side: fc.constantFrom("publicMetadata", "privateMetadata")
    })
    .chain(({ organization, user, count, side }) =>
      fc.tuple(...Array.from({ length: count }, () => value(false, 1))).map(
        (values): Step => ({
          _tag: "concurrent",
          writes: values.map(
            (v, i): Write => ({ _tag: "updateMetadata", organization, user, [side]: { [`concurrent_${i + 1}`]: v } })
          )
        })
      )
    )
  const race: fc.Arbitrary<Step> = fc
    .record({ organization, user, createFirst: fc.boolean() })
    .map(({ organization, user, createFirst }): Step => {
      const writes: Array<Write> = [
        { _tag: "create", organization, user, role: "org:member" },
        { _tag: "delete", organization, user }
      ]
      return { _tag: "concurrent", writes: createFirst ? writes : writes.reverse() }
    })
  const weighted = [
    { weight: 4, arbitrary: create as fc.Arbitrary<Step> },
    { weight: 3, arbitrary: update as fc.Arbitrary<Step> },
    { weight: 3, arbitrary: remove as fc.Arbitrary<Step> },
    { weight: 4, arbitrary: updateMetadata as fc.Arbitrary<Step> },
    { weight: 7, arbitrary: list },
    { weight: 3, arbitrary: listInstance },
    { weight: 1, arbitrary: invalid },
    { weight: 1, arbitrary: unauthorized },
    { weight: 1, arbitrary: merges },
    { weight: 1, arbitrary: race }
  ]
  return { step: fc.oneof(...weighted), weighted }
}
