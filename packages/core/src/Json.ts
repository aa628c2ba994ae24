/**
 * JSON as the API sends and receives it: the value and metadata types, reading a body safely
 * (`__proto__` keys never become prototypes) and finding a key no encoder can send.
 *
 * @since 0.1.0
 */

/**
 * Any JSON value.
 *
 * @since 0.1.0
 * @category models
 */
export type Json = string | number | boolean | null | ReadonlyArray<Json> | { readonly [key: string]: Json }

/**
 * A metadata object: a JSON object with string keys.
 *
 * @since 0.1.0
 * @category models
 */
export type Metadata = { readonly [key: string]: Json }

/** Drops `__proto__` keys, which decoding would otherwise turn into a decoded object's prototype. */
const dropProtoKeys = (key: string, value: unknown): unknown => (key === "__proto__" ? undefined : value)

/**
 * Whether `text` spells `__proto__` anywhere. Searching for "proto" and then looking around each
 * hit is several times faster than searching for "__proto__" itself in snake_case JSON, where
 * underscores are everywhere.
 */
const mentionsProto = (text: string): boolean => {
  for (let i = text.indexOf("proto"); i !== -1; i = text.indexOf("proto", i + 1)) {
    if (text.startsWith("__proto__", i - 2)) return true
  }
  return false
}

/**
 * The result of reading JSON text: the value, or the parser's message.
 *
 * @since 0.1.0
 * @category models
 */
export type Parsed = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string }

/**
 * Reads JSON text; `__proto__` keys are dropped (the reviver that drops them only runs on the rare
 * text that may hold one, spelt out or behind a `\u` escape).
 *
 * @since 0.1.0
 * @category parsing
 */
export const parse = (text: string): Parsed => {
  try {
    const suspicious = text.includes("\\u") || mentionsProto(text)
    return { ok: true, value: suspicious ? JSON.parse(text, dropProtoKeys) : JSON.parse(text) }
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) }
  }
}

/**
 * Whether `u` is a JSON object (not an array, not `null`).
 *
 * @since 0.1.0
 * @category predicates
 */
export const isObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/**
 * The path of the first own `__proto__` key in `u`, depth first. `JSON.parse` makes such keys; an
 * encoder that assigns them sets the prototype instead, so the key would vanish from a request
 * without a word: the clients refuse such input.
 *
 * @since 0.1.0
 * @category predicates
 */
export const protoKeyPath = (u: unknown): ReadonlyArray<string> | undefined => {
  if (typeof u !== "object" || u === null) return undefined
  if (!Array.isArray(u) && Object.hasOwn(u, "__proto__")) return ["__proto__"]
  for (const key of Object.keys(u)) {
    const found = protoKeyPath((u as Record<string, unknown>)[key])
    if (found !== undefined) return [key, ...found]
  }
  return undefined
}

/**
 * Whether `u` is a JSON value: a string, a finite number (JSON has no `NaN` or `Infinity`, though
 * `JSON.parse` reads `1e400` as `Infinity`), a boolean, `null`, or an array or object of JSON
 * values. Checked without recursion, at any depth.
 *
 * @since 0.3.0
 * @category predicates
 */
export const isJsonValue = (u: unknown): boolean => {
  const stack: Array<unknown> = [u]
  while (stack.length > 0) {
    const value = stack.pop()
    switch (typeof value) {
      case "string":
      case "boolean":
        break
      case "number":
        if (!Number.isFinite(value)) return false
        break
      case "object":
        if (value === null) break
        if (Array.isArray(value)) for (let i = 0; i < value.length; i++) stack.push(value[i])
        else for (const key in value) if (Object.hasOwn(value, key)) stack.push((value as Record<string, unknown>)[key])
        break
      default:
        return false
    }
  }
  return true
}

/**
 * The first own key of `object` (in `Object.keys` order) whose value is not a JSON value
 * (`isJsonValue`), if any.
 *
 * @since 0.3.0
 * @category predicates
 */
export const firstNonJsonKey = (object: Readonly<Record<string, unknown>>): string | undefined => {
  for (const key of Object.keys(object)) if (!isJsonValue(object[key])) return key
  return undefined
}

/**
 * A copy of `u` without its `__proto__` keys, at any depth (what a Schema decoder of JSON builds:
 * assigning such a key would set a prototype). Recursive: for values of bounded depth.
 *
 * @since 0.3.0
 * @category constructors
 */
export const withoutProtoKeys = (u: unknown): unknown => {
  if (typeof u !== "object" || u === null) return u
  if (Array.isArray(u)) return u.map(withoutProtoKeys)
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(u)) {
    if (key !== "__proto__") out[key] = withoutProtoKeys((u as Record<string, unknown>)[key])
  }
  return out
}
