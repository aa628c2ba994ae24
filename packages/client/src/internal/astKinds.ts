/**
 * What the fast paths read off a Schema AST: the kinds of runtime value a node can accept (to
 * dispatch a union on the value's kind), and whether a node carries parse options (which only
 * Effect's own interpreter honours).
 */
import * as Option from "effect/Option"
import * as AST from "effect/SchemaAST"

/** A kind of runtime value. */
export type Kind = "string" | "number" | "boolean" | "null" | "undefined" | "array" | "object" | "other"
/** Every kind. */
export const AllKinds: ReadonlySet<Kind> = new Set<Kind>([
  "string",
  "number",
  "boolean",
  "null",
  "undefined",
  "array",
  "object",
  "other"
])

/** The kind of a value. */
export const kindOfValue = (u: unknown): Kind => {
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

/** The runtime kinds an AST can accept when decoding (an over-approximation). */
export const kindsOf = (ast: AST.AST, seen: Set<AST.AST> = new Set()): ReadonlySet<Kind> => {
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

/** Whether `ast` carries parse options. */
export const hasParseOptions = (ast: AST.AST): boolean => Option.isSome(AST.getParseOptionsAnnotation(ast))
