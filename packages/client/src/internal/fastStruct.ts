/**
 * Generated struct decoders for the fast path: the loop over a struct's fields (keyed reads and
 * writes with a different key at every step, which V8 cannot specialise) is written out as
 * straight-line code, once per struct, with the checks of plain fields (strings, numbers,
 * booleans, literals, `null`) inlined and the result built with a fixed key order. Where code
 * cannot be generated (`Function` forbidden by a content security policy, an unusual key) the
 * caller keeps its generic loop.
 */
import * as Option from "effect/Option"
import type * as AST from "effect/SchemaAST"
import { hasParseOptions } from "./astKinds.js"

/** A decoder of the fast path: the decoded value, or the `fail` marker. */
type Decoder = (input: unknown) => unknown

/** How one type-side field is read from the wire object (see `fastDecode`'s `renamedStruct`). */
export interface StructField {
  readonly name: string
  /** the wire key, or `undefined` when the field's key was renamed away (it reads as absent) */
  readonly wireKey: string | undefined
  readonly wireOptional: boolean
  /** the wire-side type, `undefined` when nothing is read (the value passes through) */
  readonly wireType: AST.AST | undefined
  readonly decodeWire: Decoder
  /** the rename's own decode, when it is not the identity */
  readonly step: ((o: Option.Option<unknown>) => Option.Option<unknown>) | undefined
  readonly optional: boolean
  /** the type-side type, `undefined` when the wire-side decode already produced it */
  readonly typeType: AST.AST | undefined
  readonly decodeType: Decoder
}

/** A wire-side field no type-side field reads: it is still checked. */
export interface UnreadField {
  readonly key: string
  readonly optional: boolean
  readonly type: AST.AST
  readonly decode: Decoder
}

/** A JavaScript condition that holds when `x` is valid for `ast` (decoding it then returns it). */
const inlineCheck = (ast: AST.AST, x: string): string | undefined => {
  if (hasParseOptions(ast)) return undefined
  switch (ast._tag) {
    case "StringKeyword":
      return `typeof ${x} === "string"`
    case "NumberKeyword":
      return `typeof ${x} === "number"`
    case "BooleanKeyword":
      return `typeof ${x} === "boolean"`
    case "UnknownKeyword":
    case "AnyKeyword":
      return "true"
    case "Literal": {
      const literal = ast.literal
      if (literal === null || typeof literal === "string" || typeof literal === "boolean") {
        return `${x} === ${JSON.stringify(literal)}`
      }
      if (typeof literal === "number" && Number.isFinite(literal) && !Object.is(literal, -0)) {
        return `${x} === ${String(literal)}`
      }
      return undefined
    }
    case "Union": {
      const parts: Array<string> = []
      for (const member of ast.types) {
        const check = inlineCheck(member, x)
        if (check === undefined) return undefined
        parts.push(`(${check})`)
      }
      return parts.join(" || ")
    }
    default:
      return undefined
  }
}

/** Keys that must not be written as literal property names (they are not plain own properties). */
const unsafeKey = (key: string) => key === "__proto__"

const canGenerate = (() => {
  try {
    return new Function("return 1")() === 1
  } catch {
    return false
  }
})()

/**
 * The generated decoder of a struct, or `undefined` when it cannot be generated. It returns the
 * same value, with the same key order, as the generic loop it replaces.
 */
export const generateStruct = (
  fields: ReadonlyArray<StructField>,
  unread: ReadonlyArray<UnreadField>,
  fail: unknown
): Decoder | undefined => {
  if (!canGenerate) return undefined
  if (fields.some((f) => unsafeKey(f.name) || (f.wireKey !== undefined && unsafeKey(f.wireKey)))) return undefined
  if (unread.some((f) => unsafeKey(f.key))) return undefined
  const k = (key: string) => JSON.stringify(key)
  const lines: Array<string> = [
    "return function decodeStruct(u) {",
    '  if (typeof u !== "object" || u === null || Array.isArray(u)) return Fail'
  ]
  const decoders: Array<Decoder> = []
  const steps: Array<(o: Option.Option<unknown>) => Option.Option<unknown>> = []
  /** Code that checks (or decodes in place) variable `x` with `ast`'s decoder, failing out. */
  const check = (x: string, ast: AST.AST | undefined, decode: Decoder): string => {
    if (ast === undefined) return ""
    const inline = inlineCheck(ast, x)
    if (inline !== undefined) return inline === "true" ? "" : `if (!(${inline})) return Fail; `
    decoders.push(decode)
    return `${x} = d[${decoders.length - 1}](${x}); if (${x} === Fail) return Fail; `
  }
  unread.forEach((f, i) => {
    const read = `var r${i} = u[${k(f.key)}]; ${check(`r${i}`, f.type, f.decode)}`
    lines.push(f.optional ? `  if (hasOwn.call(u, ${k(f.key)})) { ${read}}` : `  { ${read}}`)
  })
  fields.forEach((f, i) => {
    const p = `p${i}`
    const v = `v${i}`
    if (f.wireKey === undefined) {
      lines.push(`  var ${p} = false, ${v}`)
    } else {
      const present = f.wireOptional ? `hasOwn.call(u, ${k(f.wireKey)})` : "true"
      lines.push(`  var ${p} = ${present}, ${v}`)
      lines.push(`  if (${p}) { ${v} = u[${k(f.wireKey)}]; ${check(v, f.wireType, f.decodeWire)}}`)
    }
    if (f.step !== undefined) {
      steps.push(f.step)
      lines.push(
        `  { var o = s[${steps.length - 1}](${p} ? some(${v}) : none()); ${p} = isSome(o); ${v} = ${p} ? o.value : undefined }`
      )
    }
    const typeCheck = check(v, f.typeType, f.decodeType)
    if (typeCheck !== "") lines.push(f.optional ? `  if (${p}) { ${typeCheck}}` : `  ${typeCheck}`)
  })
  // the result: the leading run of always-present fields as one literal, then the rest in order
  let leading = 0
  while (leading < fields.length && !fields[leading]!.optional) leading++
  lines.push(
    `  var out = { ${fields
      .slice(0, leading)
      .map((f, i) => `${k(f.name)}: v${i}`)
      .join(", ")} }`
  )
  for (let i = leading; i < fields.length; i++) {
    const f = fields[i]!
    lines.push(f.optional ? `  if (p${i}) out[${k(f.name)}] = v${i}` : `  out[${k(f.name)}] = v${i}`)
  }
  lines.push("  return out", "}")
  const factory = new Function("Fail", "hasOwn", "d", "s", "some", "none", "isSome", lines.join("\n")) as (
    ...args: ReadonlyArray<unknown>
  ) => Decoder
  return factory(fail, Object.prototype.hasOwnProperty, decoders, steps, Option.some, Option.none, Option.isSome)
}
