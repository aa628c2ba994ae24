/**
 * A fast path for decoding responses: compiles a schema's decoding (the subset of the AST our
 * models use — structs, renamed keys, optional fields, arrays, records, literals, keyword types,
 * refinements, disjoint unions, recursion) into plain functions, once per schema.
 *
 * It is only a fast path: it returns `Fail` whenever the input is not plainly valid, and the
 * executor then runs Effect's own decoder, which produces the error (or, should this path ever be
 * more conservative than Effect's, the value). For valid input it returns what Effect's decoder
 * returns (same values, same keys, same key order); the property tests compare the two. Any AST
 * node outside the subset is decoded by Effect's decoder for that node.
 */
import * as Either from "effect/Either"
import { identity } from "effect/Function"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import { hasParseOptions, kindOfValue, kindsOf, type Kind } from "./astKinds.js"
import { generateStruct, type StructField, type UnreadField } from "./fastStruct.js"
import * as FastValidate from "./fastValidate.js"

/** Returned when the fast path does not accept the input. */
export const Fail: unique symbol = Symbol.for("@clerk-effect/client/internal/fastDecode/Fail")

/** A compiled decoder: the decoded value, or `Fail`. */
export type FastDecoder = (input: unknown) => unknown

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

const hasOwn = Object.prototype.hasOwnProperty

/** Whether struct decoders are generated (`fastStruct`); off only to test the generic loops. */
let generating = true
const memoGenerated = new WeakMap<AST.AST, FastDecoder>()
const memoGeneric = new WeakMap<AST.AST, FastDecoder>()

/** Effect's own decoder for a node outside the subset, as a fast decoder. */
const viaEffect = (ast: AST.AST): FastDecoder => {
  const decode = ParseResult.decodeUnknownEither(Schema.make(ast))
  return (input) => {
    const result = decode(input)
    return Either.isRight(result) ? result.right : Fail
  }
}

/**
 * Runs a fast decoder; anything it throws (a stack overflow on absurdly deep input) is a `Fail`,
 * so Effect's decoder decides what that input means, exactly as without the fast path.
 */
export const run = (decoder: FastDecoder, input: unknown): unknown => {
  try {
    return decoder(input)
  } catch {
    return Fail
  }
}

/** Compiles (once per AST node) the fast decoder of `ast`. */
export const compile = (ast: AST.AST): FastDecoder => {
  const memo = generating ? memoGenerated : memoGeneric
  const cached = memo.get(ast)
  if (cached !== undefined) return cached
  // recursion (Schema.suspend): calls made before compilation ends go through this forwarder
  let compiled: FastDecoder | undefined
  memo.set(ast, (input) => compiled!(input))
  compiled = hasParseOptions(ast) ? viaEffect(ast) : validatedInPlace(ast, build(ast))
  memo.set(ast, compiled)
  return compiled
}

/**
 * `compile` with no generated code: the generic loops a content security policy that forbids
 * `Function` falls back to (for tests).
 */
export const compileGeneric = (ast: AST.AST): FastDecoder => {
  generating = false
  try {
    return compile(ast)
  } finally {
    generating = true
  }
}

/**
 * Where decoding `ast` is the identity on valid input (JSON values, metadata records), a valid
 * input is returned as it is after an in-place check, with no copy; anything else goes to
 * `decoder` (which then fails, or copies a record without the `__proto__` key that failed the check).
 */
const validatedInPlace = (ast: AST.AST, decoder: FastDecoder): FastDecoder => {
  switch (ast._tag) {
    case "TupleType":
    case "TypeLiteral":
    case "Union":
    case "Suspend":
    case "Refinement": {
      const valid = FastValidate.compileValidator(ast)
      return valid === undefined ? decoder : (u) => (valid(u) ? u : decoder(u))
    }
    default:
      return decoder
  }
}

const build = (ast: AST.AST): FastDecoder => {
  switch (ast._tag) {
    case "StringKeyword":
      return (u) => (typeof u === "string" ? u : Fail)
    case "NumberKeyword":
      return (u) => (typeof u === "number" ? u : Fail)
    case "BooleanKeyword":
      return (u) => (typeof u === "boolean" ? u : Fail)
    case "UnknownKeyword":
    case "AnyKeyword":
      return (u) => u
    case "Literal": {
      const literal = ast.literal
      return (u) => (u === literal ? u : Fail)
    }
    case "Refinement": {
      const from = compile(ast.from)
      const filter = ast.filter
      return (u) => {
        const a = from(u)
        if (a === Fail) return Fail
        return Option.isNone(filter(a, AST.defaultParseOption, ast)) ? a : Fail
      }
    }
    case "Suspend": {
      let inner: FastDecoder | undefined
      return (u) => {
        if (inner === undefined) inner = compile(ast.f())
        return inner(u)
      }
    }
    case "TupleType":
      return buildTuple(ast)
    case "TypeLiteral":
      return buildTypeLiteral(ast)
    case "Union":
      return buildUnion(ast)
    case "Transformation":
      return buildTransformation(ast)
    default:
      return viaEffect(ast)
  }
}

const buildTuple = (ast: AST.TupleType): FastDecoder => {
  if (ast.elements.length > 0 || ast.rest.length !== 1) return viaEffect(ast)
  const item = compile(ast.rest[0]!.type)
  return (u) => {
    if (!Array.isArray(u)) return Fail
    const out = new Array(u.length)
    for (let i = 0; i < u.length; i++) {
      const a = item(u[i])
      if (a === Fail) return Fail
      out[i] = a
    }
    return out
  }
}

const buildTypeLiteral = (ast: AST.TypeLiteral): FastDecoder => {
  const { propertySignatures, indexSignatures } = ast
  if (propertySignatures.length === 0 && indexSignatures.length === 0) {
    return (u) => (u === null || u === undefined ? Fail : u)
  }
  if (indexSignatures.length > 0) {
    // a record: one index signature over string keys, no named properties
    const signature = indexSignatures[0]!
    if (propertySignatures.length > 0 || indexSignatures.length > 1 || signature.parameter._tag !== "StringKeyword") {
      return viaEffect(ast)
    }
    const value = compile(signature.type)
    return (u) => {
      if (!isRecord(u)) return Fail
      const out: Record<string, unknown> = {}
      for (const key of Object.keys(u)) {
        // assigning it would set `out`'s prototype rather than add a key (Effect's decoder does so)
        if (key === "__proto__") continue
        const a = value(u[key])
        if (a === Fail) return Fail
        out[key] = a
      }
      return out
    }
  }
  const fields: Array<StructField> = []
  for (const ps of propertySignatures) {
    if (typeof ps.name !== "string") return viaEffect(ast)
    fields.push({
      name: ps.name,
      wireKey: ps.name,
      wireOptional: ps.isOptional,
      wireType: ps.type,
      decodeWire: compile(ps.type),
      step: undefined,
      optional: ps.isOptional,
      typeType: undefined,
      decodeType: passThrough
    })
  }
  return structDecoder(fields, [])
}

const buildUnion = (ast: AST.Union): FastDecoder => {
  const members = ast.types
  if (members.every(AST.isLiteral)) {
    const literals = new Set(members.map((m) => (m as AST.Literal).literal))
    return (u) => (literals.has(u as AST.LiteralValue) ? u : Fail)
  }
  // members must accept disjoint kinds of value, so at most one can match (order is then irrelevant)
  const byKind = new Map<Kind, FastDecoder>()
  for (const member of members) {
    for (const kind of kindsOf(member)) {
      if (byKind.has(kind)) return viaEffect(ast)
      byKind.set(kind, compile(member))
    }
  }
  return (u) => {
    const decoder = byKind.get(kindOfValue(u))
    return decoder === undefined ? Fail : decoder(u)
  }
}

const buildTransformation = (ast: AST.Transformation): FastDecoder => {
  const transformation = ast.transformation
  if (!AST.isTypeLiteralTransformation(transformation) && !AST.isComposeTransformation(transformation)) {
    return viaEffect(ast)
  }
  if (AST.isTypeLiteralTransformation(transformation)) {
    const direct = renamedStruct(transformation.propertySignatureTransformations, ast.from, ast.to)
    if (direct !== undefined) return direct
  }
  const from = compile(ast.from)
  const to = compile(ast.to)
  if (AST.isComposeTransformation(transformation)) {
    return (u) => {
      const a = from(u)
      return a === Fail ? Fail : to(a)
    }
  }
  const steps = transformation.propertySignatureTransformations
  return (u) => {
    const a = from(u)
    if (a === Fail) return Fail
    // the same moves as Effect's: each renamed key is deleted and re-added under its new name
    const record = a as Record<PropertyKey, unknown>
    for (const step of steps) {
      const o = step.decode(hasOwn.call(record, step.from) ? Option.some(record[step.from]) : Option.none())
      delete record[step.from]
      if (Option.isSome(o)) record[step.to] = o.value
    }
    return to(record)
  }
}

const passThrough: FastDecoder = (u) => u

/**
 * Whether two ASTs decode alike (annotations other than parse options aside): the same node, or
 * the same structure. `AST.typeAST` builds fresh nodes at every unfolding of a `Schema.suspend`, so
 * recursion is compared to a fixed depth of unfoldings and assumed equal beyond it.
 */
const SuspendDepth = 2

const equivalent = (a: AST.AST, b: AST.AST, unfoldings: number): boolean => {
  if (a === b) return true
  if (a._tag !== b._tag || hasParseOptions(a) || hasParseOptions(b)) return false
  const all = <X>(xs: ReadonlyArray<X>, ys: ReadonlyArray<X>, f: (x: X, y: X) => boolean) =>
    xs.length === ys.length && xs.every((x, i) => f(x, ys[i]!))
  switch (a._tag) {
    case "StringKeyword":
    case "NumberKeyword":
    case "BooleanKeyword":
    case "UnknownKeyword":
    case "AnyKeyword":
    case "UndefinedKeyword":
      return true
    case "Literal":
      return a.literal === (b as AST.Literal).literal
    case "Refinement":
      return a.filter === (b as AST.Refinement).filter && equivalent(a.from, (b as AST.Refinement).from, unfoldings)
    case "Union":
      return all(a.types, (b as AST.Union).types, (x, y) => equivalent(x, y, unfoldings))
    case "TupleType": {
      const t = b as AST.TupleType
      return (
        a.isReadonly === t.isReadonly &&
        all(
          a.elements,
          t.elements,
          (x, y) => x.isOptional === y.isOptional && equivalent(x.type, y.type, unfoldings)
        ) &&
        all(a.rest, t.rest, (x, y) => equivalent(x.type, y.type, unfoldings))
      )
    }
    case "TypeLiteral": {
      const t = b as AST.TypeLiteral
      return (
        all(
          a.propertySignatures,
          t.propertySignatures,
          (x, y) => x.name === y.name && x.isOptional === y.isOptional && equivalent(x.type, y.type, unfoldings)
        ) &&
        all(
          a.indexSignatures,
          t.indexSignatures,
          (x, y) => equivalent(x.parameter, y.parameter, unfoldings) && equivalent(x.type, y.type, unfoldings)
        )
      )
    }
    case "Suspend":
      return unfoldings >= SuspendDepth || equivalent(a.f(), (b as AST.Suspend).f(), unfoldings + 1)
    default:
      return false
  }
}

/**
 * A struct with renamed keys (`fromKey`), decoded in one pass straight from the wire object to the
 * type-side object: for each type-side field, Effect's three steps — decode the wire-side field,
 * move it to its new key, decode the type-side field — applied to that one value, with no
 * intermediate object. Wire-side fields that no type-side field reads are still checked. The
 * type-side check is skipped where the wire-side decoder compiled here already produced a value of
 * exactly that type. Only for plain structs and independent renames; `undefined` otherwise.
 */
const renamedStruct = (
  steps: ReadonlyArray<AST.PropertySignatureTransformation>,
  from: AST.AST,
  to: AST.AST
): FastDecoder | undefined => {
  if (!AST.isTypeLiteral(from) || !AST.isTypeLiteral(to)) return undefined
  if (from.indexSignatures.length > 0 || to.indexSignatures.length > 0) return undefined
  if (hasParseOptions(from) || hasParseOptions(to)) {
    return undefined
  }
  const fromKeys = new Set<PropertyKey>(steps.map((s) => s.from))
  const toKeys = new Set<PropertyKey>(steps.map((s) => s.to))
  if (toKeys.size !== steps.length || fromKeys.size !== steps.length) return undefined
  // a key renamed to itself (`identifier` → `identifier`) only moves; one renamed onto another
  // step's source key would make the result depend on the order of the steps
  if (steps.some((s) => s.to !== s.from && fromKeys.has(s.to))) return undefined
  const wire = new Map<PropertyKey, AST.PropertySignature>(from.propertySignatures.map((ps) => [ps.name, ps]))
  if ([...wire.keys()].some((k) => typeof k !== "string")) return undefined
  if ([...fromKeys].some((k) => !wire.has(k))) return undefined
  const read = new Set<PropertyKey>()
  const fields: Array<StructField> = []
  for (const ps of to.propertySignatures) {
    if (typeof ps.name !== "string") return undefined
    const step = steps.find((s) => s.to === ps.name)
    const wireKey = step !== undefined ? (step.from as string) : fromKeys.has(ps.name) ? undefined : ps.name
    const source = wireKey === undefined ? undefined : wire.get(wireKey)
    if (wireKey !== undefined && source === undefined) return undefined
    if (wireKey !== undefined) read.add(wireKey)
    const identityStep = step === undefined || step.decode === identity
    const sameType =
      source !== undefined &&
      identityStep &&
      source.isOptional === ps.isOptional &&
      equivalent(AST.typeAST(source.type), ps.type, 0)
    fields.push({
      name: ps.name,
      wireKey,
      wireOptional: source?.isOptional ?? true,
      wireType: source?.type,
      decodeWire: source === undefined ? passThrough : compile(source.type),
      step: identityStep ? undefined : step!.decode,
      optional: ps.isOptional,
      typeType: sameType ? undefined : ps.type,
      decodeType: sameType ? passThrough : compile(ps.type)
    })
  }
  const unread = from.propertySignatures
    .filter((ps) => !read.has(ps.name))
    .map((ps) => ({ key: ps.name as string, optional: ps.isOptional, type: ps.type, decode: compile(ps.type) }))
  return structDecoder(fields, unread)
}

/**
 * The decoder of a struct read field by field (a plain struct is one whose fields keep their
 * keys): generated code, or where code cannot be generated, the same steps in a loop.
 */
const structDecoder = (fields: ReadonlyArray<StructField>, unread: ReadonlyArray<UnreadField>): FastDecoder => {
  const generated = generating ? generateStruct(fields, unread, Fail) : undefined
  if (generated !== undefined) return generated
  const count = fields.length
  return (u) => {
    if (!isRecord(u)) return Fail
    for (const check of unread) {
      if (check.optional && !hasOwn.call(u, check.key)) continue
      if (check.decode(u[check.key]) === Fail) return Fail
    }
    const out: Record<string, unknown> = {}
    for (let i = 0; i < count; i++) {
      const field = fields[i]!
      let present = false
      let value: unknown
      if (field.wireKey !== undefined && (hasOwn.call(u, field.wireKey) || !field.wireOptional)) {
        value = field.decodeWire(u[field.wireKey])
        if (value === Fail) return Fail
        present = true
      }
      if (field.step !== undefined) {
        const o = field.step(present ? Option.some(value) : Option.none())
        present = Option.isSome(o)
        value = present ? (o as Option.Some<unknown>).value : undefined
      }
      if (!present && field.optional) continue
      const a = field.decodeType(present ? value : undefined)
      if (a === Fail) return Fail
      out[field.name] = a
    }
    return out
  }
}
