/**
 * The fence around the core's wire codecs as this line uses them (`endpoint.codec` of every API,
 * `OrganizationWireCodec`, `PublicUserDataWireCodec`): on any input they must agree with Effect 4's
 * own Schema decoder and encoder (`SchemaParser.decodeUnknownResult` / `encodeResult`), refusals and
 * values alike — a valid wire body decodes to exactly Effect's value (deep equal, same prototypes,
 * same key order), a body Effect refuses is refused, and a value encodes to exactly Effect's
 * encoded form.
 *
 * Values of each model come from Effect 4's own Schema-derived generator (`Arbitrary.schema`) and
 * are checked with `Arbitrary.checkEffect` (which shrinks a failure and prints a replay token);
 * arbitrary JSON comes from fast-check's `fc.jsonValue()`.
 */
import { isDeepStrictEqual } from "node:util"
import {
  type Fields,
  OrganizationFields,
  OrganizationMembershipFields,
  OrganizationMembershipsPageFields,
  PublicUserDataFields,
  Wire
} from "@clerk-effect/core"
import * as Arbitrary from "effect/Arbitrary"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as SchemaIssue from "effect/SchemaIssue"
import * as SchemaParser from "effect/SchemaParser"
import fc from "fast-check"
import {
  type AnyEndpoint,
  Api,
  type Endpoint,
  makeApi,
  Organization,
  OrganizationWireCodec,
  PublicUserData,
  PublicUserDataWireCodec
} from "../src/contract/index.js"
import * as ResponseDecoder from "../src/internal/responseDecoder.js"
import { describe, expect, it } from "@effect/vitest"
import { vi } from "vitest"
import { membershipWire } from "./support/wire.js"

// each property runs up to a few thousand generated bodies through both codecs: seconds on a quiet
// machine, tens of seconds on a loaded one (a shared CI runner), never a sign of a wrong answer
vi.setConfig({ testTimeout: 120_000 })

type AnySchema = Endpoint.AnySchema

const formatIssue = SchemaIssue.makeFormatterDefault()

/** Runs of every property. */
const Runs = 200

/**
 * The largest size Effect's generator grows values to (each string, array and record observes it
 * on its own): a page at this size holds a few memberships with a few metadata keys each.
 */
const Size = 8

/**
 * A model's shape as the core's field tables give it: its fields, and the models nested in its
 * fields (an array field holds one model per item).
 */
interface Shape {
  readonly name: string
  readonly fields: Readonly<Record<string, Fields.Field>>
  readonly nested: Readonly<Record<string, Shape>>
}

const OrganizationShape: Shape = { name: "Organization", fields: OrganizationFields, nested: {} }
const PublicUserDataShape: Shape = { name: "PublicUserData", fields: PublicUserDataFields, nested: {} }
const MembershipShape: Shape = {
  name: "OrganizationMembership",
  fields: OrganizationMembershipFields,
  nested: { organization: OrganizationShape, publicUserData: PublicUserDataShape }
}
const PageShape: Shape = {
  name: "OrganizationMembershipsPage",
  fields: OrganizationMembershipsPageFields,
  nested: { data: MembershipShape }
}

/** Every optional field of every model, as `Model.field`. */
const OptionalFields = [OrganizationShape, PublicUserDataShape, MembershipShape, PageShape].flatMap((shape) =>
  Object.entries(shape.fields).flatMap(([key, field]) => (field.optional ? [`${shape.name}.${key}`] : []))
)

/** `value` (of `shape`) without the optional fields named in `dropped`, in every object of their model. */
const dropFields = (value: unknown, shape: Shape, dropped: ReadonlySet<string>): unknown => {
  if (Array.isArray(value)) return value.map((item) => dropFields(item, shape, dropped))
  const out: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    if (dropped.has(`${shape.name}.${key}`)) continue
    const inner = shape.nested[key]
    out[key] = inner === undefined ? field : dropFields(field, inner, dropped)
  }
  return out
}

/** A codec under test: the Schema it must agree with, the codec as the line uses it, and its model's shape. */
interface Subject {
  readonly name: string
  readonly schema: AnySchema
  readonly codec: Wire.WireCodec<unknown, unknown>
  readonly shape: Shape
}

/** The caller's typed metadata: literals, an optional field and a transformation (a number sent as a string). */
const TypedApi = makeApi({
  publicMetadata: Schema.Struct({
    plan: Schema.Literals(["free", "pro"]),
    seats: Schema.optionalKey(Schema.Int),
    since: Schema.NumberFromString
  }),
  privateMetadata: Schema.Record(Schema.String, Schema.Unknown)
})

/** Metadata keys a careless codec would mishandle (quotes, line breaks, `Object.prototype` names, indices). */
const OddKeysApi = makeApi({
  publicMetadata: Schema.Struct({
    'we"ird': Schema.String,
    // Finite, not Number: NaN would reach the wire as null
    "line\nbreak\u2028": Schema.optionalKey(Schema.Finite),
    constructor: Schema.Boolean,
    "0": Schema.NullOr(Schema.Literals(["x", 1, true]))
  }),
  privateMetadata: Schema.Record(Schema.String, Schema.Unknown)
})

/**
 * Every codec an API's endpoints decode with, once each, named by the endpoints that use it: a new
 * endpoint, or one with a codec of its own, is fenced without a word here.
 */
const endpointSubjects = (apiName: string, api: Record<string, AnyEndpoint>): ReadonlyArray<Subject> => {
  const groups: Array<{
    readonly schema: AnySchema
    readonly codec: unknown
    readonly paginated: boolean
    readonly names: Array<string>
  }> = []
  for (const [name, endpoint] of Object.entries(api)) {
    const group = groups.find((g) => g.codec === endpoint.codec && g.schema === endpoint.success)
    if (group === undefined) {
      const paginated = endpoint.paginated !== undefined
      groups.push({ schema: endpoint.success, codec: endpoint.codec, paginated, names: [name] })
    } else group.names.push(name)
  }
  return groups.map(({ schema, codec, names, paginated }) => ({
    name: `${apiName} ${names.join("/")}`,
    schema,
    codec: codec as Wire.WireCodec<unknown, unknown>,
    // a paginated operation answers a page, every other one a membership
    shape: paginated ? PageShape : MembershipShape
  }))
}

const subjects: ReadonlyArray<Subject> = [
  {
    name: "Organization",
    schema: Organization,
    codec: OrganizationWireCodec as Wire.WireCodec<unknown, unknown>,
    shape: OrganizationShape
  },
  {
    name: "PublicUserData",
    schema: PublicUserData,
    codec: PublicUserDataWireCodec as Wire.WireCodec<unknown, unknown>,
    shape: PublicUserDataShape
  },
  ...endpointSubjects("Api", Api),
  ...endpointSubjects("typed-metadata Api", TypedApi),
  ...endpointSubjects("odd-keys Api", OddKeysApi)
]

/** The key order of every object in a value, depth first (`isDeepStrictEqual` ignores it). */
const keyOrder = (u: unknown): unknown =>
  Array.isArray(u)
    ? u.map(keyOrder)
    : typeof u === "object" && u !== null
      ? Object.entries(u).map(([k, v]) => [k, keyOrder(v)])
      : null

/** The same value: deep equal (prototypes and `-0` included) with every object's keys in the same order. */
const sameValue = (a: unknown, b: unknown): boolean =>
  isDeepStrictEqual(a, b) && isDeepStrictEqual(keyOrder(a), keyOrder(b))

/** A body as it arrives: JSON text, parsed (own `__proto__` keys included: Effect 4 keeps them as keys). */
const overTheWire = (u: unknown): unknown => JSON.parse(JSON.stringify(u))

/** What a decoder made of an input: its value, or a refusal. */
type Verdict = { readonly accepted: true; readonly value: unknown } | { readonly accepted: false }

const effectDecodes = (subject: Subject, input: unknown): Verdict => {
  const result = SchemaParser.decodeUnknownResult(subject.schema)(structuredClone(input))
  return Result.isSuccess(result) ? { accepted: true, value: result.success } : { accepted: false }
}

const codecDecodes = (subject: Subject, input: unknown): Verdict => {
  const value = Wire.run(subject.codec.decode, structuredClone(input))
  return value === Wire.Invalid ? { accepted: false } : { accepted: true, value }
}

/** Whether the codec and Effect both refuse `input`, or both accept it as the same value. */
const decodeAlike = (subject: Subject, input: unknown): boolean => {
  const effect = effectDecodes(subject, input)
  const codec = codecDecodes(subject, input)
  if (!codec.accepted || !effect.accepted) return codec.accepted === effect.accepted
  return sameValue(codec.value, effect.value)
}

/** Effect's encoded form of a valid value (each generated value is valid, so a failure is a bug here). */
const effectEncodes = (subject: Subject, value: unknown): unknown => {
  const result = SchemaParser.encodeResult(subject.schema)(value)
  if (Result.isFailure(result)) {
    throw new Error(`Effect refused to encode a generated ${subject.name}: ${formatIssue(result.failure)}`)
  }
  return result.success
}

/**
 * Whether the codec encodes `value` to exactly Effect's encoded form. Both see the value itself (an
 * encoder must not change it): a copy would not keep the prototypes of its objects.
 */
const encodeAlike = (subject: Subject, value: unknown): boolean =>
  sameValue(subject.codec.encode(value), effectEncodes(subject, value))

/**
 * A change to a body: the value at a path (each step picks a key of the object or array reached,
 * modulo their number) replaced, or removed.
 */
const Mutation = Schema.Struct({
  path: Schema.Array(Schema.Natural).check(Schema.isMinLength(1), Schema.isMaxLength(6)),
  replacement: Schema.Union([
    Schema.Json,
    // values each field's decoder must judge: a fraction, a negative, an unsafe integer, empty
    // text, a role, and an own key whose value is `undefined` (refused by both)
    Schema.Literals([1.5, -1, 2 ** 53, "", "org:admin"]),
    Schema.Undefined
  ]),
  remove: Schema.Boolean
})

/**
 * `u` with `mutation` applied (copied along the path, `u` left as it is; an own `__proto__` key is
 * replaced or removed as a key). Removing an array item shortens the array, as a body could.
 */
const mutate = (u: unknown, mutation: typeof Mutation.Type): unknown => {
  const [step, ...rest] = mutation.path
  if (step === undefined || typeof u !== "object" || u === null) return mutation.replacement
  const entries = Object.entries(u)
  if (entries.length === 0) return mutation.replacement
  const at = step % entries.length
  const removed = mutation.remove && rest.length === 0
  const changed = entries.flatMap(
    ([key, value], i): Array<[string, unknown]> =>
      i !== at ? [[key, value]] : removed ? [] : [[key, mutate(value, { ...mutation, path: rest })]]
  )
  return Array.isArray(u) ? changed.map(([, value]) => value) : Object.fromEntries(changed)
}

/** Checks `property` on `Runs` values of `arbitrary` with Effect's runner; a failure shows the shrunk input and its replay token. */
const holds = <A>(arbitrary: Arbitrary.Arbitrary<A>, property: (value: A) => boolean) =>
  Effect.gen(function* () {
    const result = yield* Arbitrary.checkEffect(arbitrary, property, { runs: Runs, size: Size })
    expect(Arbitrary.formatCheckFailure(result) ?? "passed").toBe("passed")
    expect(result).toMatchObject({ _tag: "Passed", runs: Runs })
  })

describe("the core's wire codecs, as this line uses them, against Effect 4's Schema", () => {
  for (const subject of subjects) {
    describe(subject.name, () => {
      const values = Arbitrary.schema(subject.schema)
      // a valid wire body: any value of the type, encoded by Effect, through JSON text as on a socket
      const bodies = Arbitrary.map(values, (value) => overTheWire(effectEncodes(subject, value)))

      it.effect("decode: a valid wire body decodes to exactly Effect's value", () =>
        holds(bodies, (body) => codecDecodes(subject, body).accepted && decodeAlike(subject, body))
      )

      it.effect("decode: a mutated body is accepted only if Effect accepts it, with the same value", () =>
        Effect.gen(function* () {
          const verdicts = { accepted: 0, refused: 0 }
          yield* holds(Arbitrary.all([bodies, Arbitrary.schema(Mutation)]), ([body, mutation]) => {
            const input = mutate(body, mutation)
            verdicts[effectDecodes(subject, input).accepted ? "accepted" : "refused"]++
            return decodeAlike(subject, input)
          })
          // both verdicts were reached: the fence holds in both directions
          expect(verdicts.accepted).toBeGreaterThan(0)
          expect(verdicts.refused).toBeGreaterThan(0)
        })
      )

      it("decode: arbitrary JSON is accepted only if Effect accepts it", () => {
        fc.assert(
          fc.property(fc.jsonValue(), (input) => decodeAlike(subject, input)),
          { numRuns: Runs }
        )
      })

      it.effect("encode: a valid value encodes to exactly Effect's encoded form", () =>
        holds(values, (value) => encodeAlike(subject, value))
      )

      it.effect("encode: a value with optional fields dropped encodes to exactly Effect's encoded form", () =>
        holds(
          Arbitrary.all([values, Arbitrary.schema(Schema.Array(Schema.Literals(OptionalFields)))]),
          ([value, dropped]) => encodeAlike(subject, dropFields(value, subject.shape, new Set(dropped)))
        )
      )
    })
  }

  const membership: Subject = {
    name: "membership",
    schema: Api.update.success,
    codec: Api.update.codec as Wire.WireCodec<unknown, unknown>,
    shape: MembershipShape
  }

  it("an optional field present with undefined is refused by both", () => {
    const body = membershipWire({ role_name: undefined })
    expect(codecDecodes(membership, body).accepted).toBe(false)
    expect(effectDecodes(membership, body).accepted).toBe(false)
  })

  it("an own __proto__ key in metadata (JSON.parse makes them) is a key to both, never a prototype", () => {
    const body = membershipWire({ public_metadata: JSON.parse('{"__proto__":{"polluted":true},"ok":1}') })
    const codec = codecDecodes(membership, body)
    const effect = effectDecodes(membership, body)
    expect(codec.accepted && effect.accepted && sameValue(codec.value, effect.value)).toBe(true)
    const metadata = (codec as { value: { publicMetadata: object } }).value.publicMetadata
    expect(Object.hasOwn(metadata, "__proto__")).toBe(true)
    expect(Object.getPrototypeOf(metadata)).toBe(Object.prototype)
  })

  it("metadata nested deeper than the codec checks: the codec refuses, Effect accepts, the client answers Effect's value", () => {
    // the one difference by design: the core checks JSON to `Wire.MaxJsonDepth` levels and leaves
    // deeper metadata to this line's Schema decoder, which walks JSON without recursion
    let deep: unknown = "bottom"
    for (let i = 0; i < Wire.MaxJsonDepth; i++) deep = [deep]
    const body = membershipWire({ public_metadata: { deep } })
    expect(codecDecodes(membership, body).accepted).toBe(false)
    const effect = effectDecodes(membership, body)
    expect(effect.accepted).toBe(true)
    const answered = ResponseDecoder.make(Api.update)(200, {}, JSON.stringify(body))
    expect(Result.isSuccess(answered)).toBe(true)
    expect(
      sameValue(Result.isSuccess(answered) ? answered.success.data : undefined, (effect as { value: unknown }).value)
    ).toBe(true)
  })
})
