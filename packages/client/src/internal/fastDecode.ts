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

/** Returned when the fast path does not accept the input. */
export const Fail: unique symbol = Symbol.for("@clerk-effect/client/internal/fastDecode/Fail")

/** A compiled decoder: the decoded value, or `Fail`. */
export type FastDecoder = (input: unknown) => unknown

type Kind = "string" | "number" | "boolean" | "null" | "undefined" | "array" | "object" | "other"
const AllKinds: ReadonlySet<Kind> = new Set<Kind>([
  "string",
  "number",
  "boolean",
  "null",
  "undefined",
  "array",
  "object",
  "other"
])

const kindOfValue = (u: unknown): Kind => {
  if (u === null) return "null"
  if (Array.isArray(u)) return "array"
  switch (typeof u) {
    case "string":
      return "string"
    case "number":
      return "number"
    case "boolean":
      return "boolean"
    case "undefined":
      return "undefined"
    case "object":
      return "object"
    default:
      return "other"
  }
}

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

const hasOwn = Object.prototype.hasOwnProperty

/** The runtime kinds an AST can accept when decoding (an over-approximation). */
const kindsOf = (ast: AST.AST, seen: Set<AST.AST> = new Set()): ReadonlySet<Kind> => {
  if (seen.has(ast)) return AllKinds
  seen.add(ast)
  switch (ast._tag) {
    case "StringKeyword":
    case "TemplateLiteral":
      return new Set(["string"])
    case "NumberKeyword":
      return new Set(["number"])
    case "BooleanKeyword":
      return new Set(["boolean"])
    case "UndefinedKeyword":
      return new Set(["undefined"])
    case "Literal":
      return new Set([kindOfValue(ast.literal)])
    case "TupleType":
      return new Set(["array"])
    case "TypeLiteral":
      return ast.propertySignatures.length === 0 && ast.indexSignatures.length === 0 ? AllKinds : new Set(["object"])
    case "Refinement":
      return kindsOf(ast.from, seen)
    case "Transformation":
      return kindsOf(ast.from, seen)
    case "Suspend":
      return kindsOf(ast.f(), seen)
    case "Union": {
      const out = new Set<Kind>()
      for (const member of ast.types) for (const k of kindsOf(member, seen)) out.add(k)
      return out
    }
    default:
      return AllKinds
  }
}

const memo = new WeakMap<AST.AST, FastDecoder>()

/** Effect's own decoder for a node outside the subset, as a fast decoder. */
const viaEffect = (ast: AST.AST): FastDecoder => {
  const decode = ParseResult.decodeUnknownEither(Schema.make(ast))
  return (input) => {
    const result = decode(input)
    return Either.isRight(result) ? result.right : Fail
  }
}

/** Compiles (once per AST node) the fast decoder of `ast`. */
export const compile = (ast: AST.AST): FastDecoder => {
  const cached = memo.get(ast)
  if (cached !== undefined) return cached
  // recursion (Schema.suspend): calls made before compilation ends go through this forwarder
  let compiled: FastDecoder | undefined
  memo.set(ast, (input) => compiled!(input))
  compiled = Option.isSome(AST.getParseOptionsAnnotation(ast)) ? viaEffect(ast) : build(ast)
  memo.set(ast, compiled)
  return compiled
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
        const a = value(u[key])
        if (a === Fail) return Fail
        out[key] = a
      }
      return out
    }
  }
  const count = propertySignatures.length
  const names: Array<string> = []
  const optional: Array<boolean> = []
  const decoders: Array<FastDecoder> = []
  for (const ps of propertySignatures) {
    if (typeof ps.name !== "string") return viaEffect(ast)
    names.push(ps.name)
    optional.push(ps.isOptional)
    decoders.push(compile(ps.type))
  }
  return (u) => {
    if (!isRecord(u)) return Fail
    const out: Record<string, unknown> = {}
    for (let i = 0; i < count; i++) {
      const name = names[i]!
      if (optional[i] && !hasOwn.call(u, name)) continue
      const a = decoders[i]!(u[name])
      if (a === Fail) return Fail
      out[name] = a
    }
    return out
  }
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
  const from = compile(ast.from)
  const to = compile(ast.to)
  if (AST.isComposeTransformation(transformation)) {
    return (u) => {
      const a = from(u)
      return a === Fail ? Fail : to(a)
    }
  }
  const steps = transformation.propertySignatureTransformations
  const fused = AST.isTypeLiteral(ast.to) ? fuseRenames(steps, ast.to) : undefined
  if (fused !== undefined) {
    return (u) => {
      const a = from(u)
      return a === Fail ? Fail : fused(a as Record<string, unknown>)
    }
  }
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

/**
 * Renames followed by a struct: the struct's fields are read straight from the renamed-from keys,
 * without building (and deleting from) the intermediate object. Only for independent renames
 * (no key both renamed from and to, no key written twice); `undefined` otherwise.
 */
const fuseRenames = (
  steps: ReadonlyArray<AST.PropertySignatureTransformation>,
  to: AST.TypeLiteral
): ((record: Record<string, unknown>) => unknown) | undefined => {
  if (to.indexSignatures.length > 0) return undefined
  const fromKeys = new Set<PropertyKey>(steps.map((s) => s.from))
  const toKeys = new Set<PropertyKey>(steps.map((s) => s.to))
  if (toKeys.size !== steps.length || [...toKeys].some((k) => fromKeys.has(k))) return undefined
  type Field =
    | { readonly name: string; readonly source: "same"; readonly optional: boolean; readonly decode: FastDecoder }
    | {
        readonly name: string
        readonly source: "renamed"
        readonly from: string
        readonly step: (o: Option.Option<unknown>) => Option.Option<unknown>
        readonly identity: boolean
        readonly optional: boolean
        readonly decode: FastDecoder
      }
    | { readonly name: string; readonly source: "removed"; readonly optional: boolean; readonly decode: FastDecoder }
  const fields: Array<Field> = []
  for (const ps of to.propertySignatures) {
    if (typeof ps.name !== "string") return undefined
    const decode = compile(ps.type)
    const step = steps.find((s) => s.to === ps.name)
    if (step !== undefined) {
      if (typeof step.from !== "string") return undefined
      fields.push({
        name: ps.name,
        source: "renamed",
        from: step.from,
        step: step.decode,
        identity: step.decode === identity,
        optional: ps.isOptional,
        decode
      })
    } else if (fromKeys.has(ps.name)) {
      fields.push({ name: ps.name, source: "removed", optional: ps.isOptional, decode })
    } else {
      fields.push({ name: ps.name, source: "same", optional: ps.isOptional, decode })
    }
  }
  const count = fields.length
  return (record) => {
    const out: Record<string, unknown> = {}
    for (let i = 0; i < count; i++) {
      const field = fields[i]!
      let present: boolean
      let value: unknown
      if (field.source === "same") {
        present = hasOwn.call(record, field.name)
        value = record[field.name]
      } else if (field.source === "renamed") {
        const has = hasOwn.call(record, field.from)
        if (field.identity) {
          present = has
          value = has ? record[field.from] : undefined
        } else {
          const o = field.step(has ? Option.some(record[field.from]) : Option.none())
          present = Option.isSome(o)
          value = present ? (o as Option.Some<unknown>).value : undefined
        }
      } else {
        present = false
        value = undefined
      }
      if (!present && field.optional) continue
      const a = field.decode(value)
      if (a === Fail) return Fail
      out[field.name] = a
    }
    return out
  }
}
