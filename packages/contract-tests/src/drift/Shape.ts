/**
 * A small, comparable description of a value's wire shape (type, nullability, limits, fields),
 * derived either from an Effect Schema's AST (the contract) or from an OpenAPI schema (the spec).
 *
 * @since 0.1.0
 */
import * as Option from "effect/Option"
import * as SchemaAST from "effect/SchemaAST"

/**
 * A wire shape: `type` is a JSON Schema type name (`any` when unknown), `fields` for objects
 * (by wire key), `items` for arrays.
 *
 * @since 0.1.0
 * @category models
 */
export interface Shape {
  readonly type: string
  readonly nullable: boolean
  readonly minimum?: number | undefined
  readonly maximum?: number | undefined
  readonly maxItems?: number | undefined
  readonly items?: Shape | undefined
  readonly fields?: ReadonlyMap<string, Field> | undefined
}

/**
 * A field of an object shape.
 *
 * @since 0.1.0
 * @category models
 */
export interface Field {
  readonly required: boolean
  readonly shape: Shape
}

const Any: Shape = { type: "any", nullable: false }

const limits = (js: Record<string, unknown>): Partial<Shape> => {
  const out: { minimum?: number; maximum?: number; maxItems?: number } = {}
  if (typeof js.minimum === "number") out.minimum = js.minimum
  if (typeof js.maximum === "number") out.maximum = js.maximum
  if (typeof js.maxItems === "number") out.maxItems = js.maxItems
  return out
}

const objectOf = (signatures: ReadonlyArray<SchemaAST.PropertySignature>, depth: number): Shape => {
  const fields = new Map<string, Field>()
  for (const p of signatures) fields.set(String(p.name), { required: !p.isOptional, shape: fromAst(p.type, depth + 1) })
  return { type: "object", nullable: false, fields }
}

/**
 * The wire shape of a schema's AST: keys as sent (`fromKey` renames followed), types as decoded
 * (`IntFromQuery` is an integer), limits from refinements' `jsonSchema` annotations.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromAst = (ast: SchemaAST.AST, depth = 0): Shape => {
  if (depth > 12) return Any
  switch (ast._tag) {
    case "Refinement": {
      const inner = fromAst(ast.from, depth)
      const js = Option.getOrElse(SchemaAST.getJSONSchemaAnnotation(ast), () => ({})) as Record<string, unknown>
      return { ...inner, ...(js.type === "integer" ? { type: "integer" } : {}), ...limits(js) }
    }
    case "Transformation":
      // a struct with renamed keys: the encoded side holds the wire keys and each field's whole schema
      return ast.transformation._tag === "TypeLiteralTransformation" && ast.from._tag === "TypeLiteral"
        ? objectOf(ast.from.propertySignatures, depth)
        : fromAst(ast.to, depth)
    case "TypeLiteral":
      return ast.propertySignatures.length === 0 && ast.indexSignatures.length > 0
        ? { type: "object", nullable: false }
        : objectOf(ast.propertySignatures, depth)
    case "StringKeyword":
    case "TemplateLiteral":
      return { type: "string", nullable: false }
    case "NumberKeyword":
      return { type: "number", nullable: false }
    case "BooleanKeyword":
      return { type: "boolean", nullable: false }
    case "Literal":
      return ast.literal === null
        ? { type: "null", nullable: true }
        : { type: typeof ast.literal === "bigint" ? "integer" : typeof ast.literal, nullable: false }
    case "Enums":
      return { type: typeof ast.enums[0]?.[1] === "number" ? "number" : "string", nullable: false }
    case "TupleType": {
      const rest = ast.rest[0]
      return { type: "array", nullable: false, items: rest === undefined ? Any : fromAst(rest.type, depth + 1) }
    }
    case "Suspend":
      return fromAst(ast.f(), depth + 1)
    case "Union": {
      const members = ast.types.map((t) => fromAst(t, depth))
      const nullable = members.some((m) => m.type === "null" || m.nullable)
      const rest = members.filter((m) => m.type !== "null")
      const types = [...new Set(rest.map((m) => m.type))]
      if (types.length === 1 && rest[0] !== undefined) return { ...rest[0], nullable }
      return { type: types.length === 0 ? "null" : types.sort().join("|"), nullable }
    }
    default:
      return Any
  }
}

type Json = Record<string, unknown>

const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

/**
 * Resolves a local `$ref` (`#/components/...`) of an OpenAPI document; `undefined` when it does not resolve.
 *
 * @since 0.1.0
 * @category constructors
 */
export const resolveRef = (doc: unknown, value: unknown, seen: ReadonlySet<string> = new Set()): Json | undefined => {
  if (!isObject(value)) return undefined
  const ref = value.$ref
  if (typeof ref !== "string") return value
  if (!ref.startsWith("#/") || seen.has(ref)) return undefined
  let at: unknown = doc
  for (const part of ref.slice(2).split("/")) {
    at = isObject(at) ? at[part.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined
  }
  return resolveRef(doc, at, new Set([...seen, ref]))
}

/**
 * The wire shape of an OpenAPI 3.0/3.1 schema (`$ref`, `allOf`, `nullable` and `type: [.., "null"]` followed).
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromOpenApi = (doc: unknown, raw: unknown, depth = 0): Shape => {
  const schema = resolveRef(doc, raw)
  if (schema === undefined || depth > 12) return Any
  if (Array.isArray(schema.allOf) && schema.type === undefined && schema.properties === undefined) {
    const parts = schema.allOf.map((s) => fromOpenApi(doc, s, depth + 1))
    const fields = new Map<string, Field>()
    for (const part of parts) for (const [k, v] of part.fields ?? []) fields.set(k, v)
    const first = parts[0] ?? Any
    return { ...first, nullable: schema.nullable === true, ...(fields.size > 0 ? { fields } : {}) }
  }
  for (const key of ["oneOf", "anyOf"] as const) {
    const alternatives = schema[key]
    if (Array.isArray(alternatives)) {
      const members = alternatives.map((s) => fromOpenApi(doc, s, depth + 1))
      const rest = members.filter((m) => m.type !== "null")
      const nullable = schema.nullable === true || members.some((m) => m.type === "null" || m.nullable)
      const types = [...new Set(rest.map((m) => m.type))]
      if (types.length === 1 && rest[0] !== undefined) return { ...rest[0], nullable }
      return { type: types.sort().join("|"), nullable }
    }
  }
  const declared = Array.isArray(schema.type)
    ? schema.type.map(String)
    : typeof schema.type === "string"
      ? [schema.type]
      : []
  const nonNull = declared.filter((t) => t !== "null")
  const nullable = schema.nullable === true || declared.includes("null")
  const type =
    nonNull.length === 1
      ? (nonNull[0] as string)
      : nonNull.length > 1
        ? nonNull.sort().join("|")
        : schema.properties !== undefined
          ? "object"
          : "any"
  const base: { -readonly [K in keyof Shape]: Shape[K] } = { type, nullable, ...limits(schema) }
  if (type === "array") base.items = fromOpenApi(doc, schema.items, depth + 1)
  if (type === "object" && isObject(schema.properties)) {
    const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : [])
    const fields = new Map<string, Field>()
    for (const [k, v] of Object.entries(schema.properties)) {
      fields.set(k, { required: required.has(k), shape: fromOpenApi(doc, v, depth + 1) })
    }
    base.fields = fields
  }
  return base
}

/**
 * A shape written for a difference line: `integer (1..500)`, `array<string> (max 100)`, `string|null`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const format = (shape: Shape): string => {
  const type = shape.type === "array" && shape.items !== undefined ? `array<${format(shape.items)}>` : shape.type
  return shape.nullable && shape.type !== "null" ? `${type}|null` : type
}
