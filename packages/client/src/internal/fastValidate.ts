/**
 * Validators for the schemas whose decoding is the identity on valid input (keyword types,
 * literals, refinements, arrays, string-keyed records, disjoint unions and recursion of those — the
 * shape of `Json` and of metadata): a valid value decodes to an equal value, so the fast path can
 * check it in place and return it instead of rebuilding it. Structs are not among them (decoding
 * drops the keys a struct does not declare), nor are transformations.
 */
import * as Option from "effect/Option"
import * as AST from "effect/SchemaAST"
import { hasParseOptions, type Kind, kindOfValue, kindsOf } from "./astKinds.js"

/** Whether a value is valid (and then decodes to an equal value). */
export type Validator = (u: unknown) => boolean

const memo = new WeakMap<AST.AST, Validator | null>()

/**
 * The validator of `ast`, or `undefined` when decoding `ast` is not the identity (or uses parse
 * options). A record's own `__proto__` key fails validation: decoding must not keep it as a key
 * the way `JSON.parse` made it.
 */
export const compileValidator = (ast: AST.AST): Validator | undefined => {
  const cached = memo.get(ast)
  if (cached !== undefined) return cached ?? undefined
  // recursion: a node met again while it is being compiled is reached through this forwarder
  let compiled: Validator | undefined
  memo.set(ast, (u) => compiled!(u))
  compiled = hasParseOptions(ast) ? undefined : build(ast)
  memo.set(ast, compiled ?? null)
  return compiled
}

const all = (asts: ReadonlyArray<AST.AST>): Array<Validator> | undefined => {
  const out: Array<Validator> = []
  for (const ast of asts) {
    const v = compileValidator(ast)
    if (v === undefined) return undefined
    out.push(v)
  }
  return out
}

const build = (ast: AST.AST): Validator | undefined => {
  switch (ast._tag) {
    case "StringKeyword":
      return (u) => typeof u === "string"
    case "NumberKeyword":
      return (u) => typeof u === "number"
    case "BooleanKeyword":
      return (u) => typeof u === "boolean"
    case "UnknownKeyword":
    case "AnyKeyword":
      return () => true
    case "Literal": {
      const literal = ast.literal
      return (u) => u === literal
    }
    case "Refinement": {
      const from = compileValidator(ast.from)
      if (from === undefined) return undefined
      const filter = ast.filter
      return (u) => from(u) && Option.isNone(filter(u, AST.defaultParseOption, ast))
    }
    case "Suspend": {
      let inner: Validator | undefined | null = null
      const target = ast.f
      // resolved at first use: the target may not be compilable yet while its own cycle compiles
      if (compileValidator(target()) === undefined) return undefined
      return (u) => {
        if (inner === null) inner = compileValidator(target())
        return inner!(u)
      }
    }
    case "TupleType": {
      if (ast.elements.length > 0 || ast.rest.length !== 1) return undefined
      const item = compileValidator(ast.rest[0]!.type)
      if (item === undefined) return undefined
      return (u) => {
        if (!Array.isArray(u)) return false
        for (let i = 0; i < u.length; i++) if (!item(u[i])) return false
        return true
      }
    }
    case "TypeLiteral": {
      const { propertySignatures, indexSignatures } = ast
      if (propertySignatures.length > 0 || indexSignatures.length !== 1) return undefined
      const signature = indexSignatures[0]!
      if (signature.parameter._tag !== "StringKeyword") return undefined
      const value = compileValidator(signature.type)
      if (value === undefined) return undefined
      return (u) => {
        if (typeof u !== "object" || u === null || Array.isArray(u)) return false
        for (const key in u) {
          if (key === "__proto__" || !value((u as Record<string, unknown>)[key])) return false
        }
        // `for…in` also walks inherited keys: a plain JSON object has none but Object.prototype's,
        // which are not enumerable; anything else is not a plain record
        return Object.getPrototypeOf(u) === Object.prototype
      }
    }
    case "Union":
      return buildUnion(ast)
    default:
      return undefined
  }
}

const never: Validator = () => false

/** A union whose members accept disjoint kinds of value, dispatched on the value's kind. */
const buildUnion = (ast: AST.Union): Validator | undefined => {
  if (ast.types.every(AST.isLiteral)) {
    const literals = new Set(ast.types.map((m) => (m as AST.Literal).literal))
    return (u) => literals.has(u as AST.LiteralValue)
  }
  const members = all(ast.types)
  if (members === undefined) return undefined
  const byKind = new Map<Kind, Validator>()
  for (let i = 0; i < members.length; i++) {
    for (const kind of kindsOf(ast.types[i]!)) {
      // overlapping members: which one decodes a value would depend on order
      if (byKind.has(kind)) return undefined
      byKind.set(kind, members[i]!)
    }
  }
  // a switch on `typeof` rather than a lookup by kind: this runs for every JSON value in metadata
  const pick = (kind: Kind): Validator => byKind.get(kind) ?? never
  const string = pick("string")
  const number = pick("number")
  const boolean = pick("boolean")
  const nil = pick("null")
  const array = pick("array")
  const object = pick("object")
  const other = (u: unknown) => byKind.get(kindOfValue(u))?.(u) ?? false
  return (u) => {
    switch (typeof u) {
      case "string":
        return string(u)
      case "number":
        return number(u)
      case "boolean":
        return boolean(u)
      case "object":
        return u === null ? nil(u) : Array.isArray(u) ? array(u) : object(u)
      default:
        return other(u)
    }
  }
}
