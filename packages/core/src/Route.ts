/**
 * Route templates (`/organizations/{organization_id}/memberships`) compiled once: encode a path
 * from wire-named parameters (percent-encoded), match a request path back to its parameters, decode
 * one segment. The client lines, the mock, the recorder and the suite all use this one compiler.
 *
 * @since 0.1.0
 */

/**
 * A compiled route template.
 *
 * - `template`: the template as written.
 * - `params`: the wire names of its `{placeholders}`, in order.
 * - `encode(values)`: the path with each placeholder replaced by its percent-encoded value.
 * - `segments(path)`: the raw (still percent-encoded) parameter values of a path (no query string)
 *   that has this route's shape, in `params` order, else `undefined`.
 * - `match(path)`: the decoded parameter values of a path that has this route's shape, else
 *   `undefined` (also when a segment is not valid percent-encoding).
 *
 * @since 0.1.0
 * @category models
 */
export interface Route {
  readonly template: string
  readonly params: ReadonlyArray<string>
  readonly encode: (values: Readonly<Record<string, unknown>>) => string
  readonly segments: (path: string) => ReadonlyArray<string> | undefined
  readonly match: (path: string) => Record<string, string> | undefined
}

type Piece = { readonly literal: string } | { readonly param: string }

const Placeholder = /(\{[a-z_]+\})/

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/**
 * Decodes one percent-encoded path segment; `undefined` when it is not valid percent-encoding (a
 * lone `%`, an invalid UTF-8 sequence).
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeSegment = (segment: string): string | undefined => {
  if (!segment.includes("%")) return segment
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}

/**
 * Compiles a route template.
 *
 * @since 0.1.0
 * @category constructors
 */
export const compile = (template: string): Route => {
  const pieces: ReadonlyArray<Piece> = template
    .split(Placeholder)
    .filter((p) => p.length > 0)
    .map((part) => (part.startsWith("{") ? { param: part.slice(1, -1) } : { literal: part }))
  const params = pieces.flatMap((p) => ("param" in p ? [p.param] : []))
  const pattern = new RegExp(`^${pieces.map((p) => ("param" in p ? "([^/]+)" : escapeRegExp(p.literal))).join("")}$`)
  return {
    template,
    params,
    encode: (values) => {
      let out = ""
      for (const piece of pieces) {
        out += "literal" in piece ? piece.literal : encodeURIComponent(String(values[piece.param]))
      }
      return out
    },
    segments: (path) => {
      const found = pattern.exec(path)
      return found === null ? undefined : found.slice(1)
    },
    match: (path) => {
      const found = pattern.exec(path)
      if (found === null) return undefined
      const values: Record<string, string> = {}
      for (let i = 0; i < params.length; i++) {
        const decoded = decodeSegment(found[i + 1]!)
        if (decoded === undefined) return undefined
        values[params[i]!] = decoded
      }
      return values
    }
  }
}

/**
 * Writes wire-named query parameters as a query string: arrays become repeated keys, `undefined`
 * values are left out; starts with `?` when non-empty.
 *
 * @since 0.1.0
 * @category encoding
 */
export const formatQuery = (params: Readonly<Record<string, unknown>>): string => {
  let out = ""
  for (const key in params) {
    const value = params[key]
    if (value === undefined) continue
    const name = encodeURIComponent(key)
    if (Array.isArray(value)) {
      for (const item of value) out += `${out === "" ? "?" : "&"}${name}=${encodeURIComponent(String(item))}`
    } else {
      out += `${out === "" ? "?" : "&"}${name}=${encodeURIComponent(String(value))}`
    }
  }
  return out
}
