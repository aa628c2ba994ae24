/**
 * Route templates: `/organizations/{organization_id}/memberships` compiled once into a function
 * that fills in percent-encoded values.
 */

/** Compiles a route template into a function of its (wire-named) parameters. */
export const compilePath = (template: string): ((params: Readonly<Record<string, unknown>>) => string) => {
  const parts = template.split(/(\{[a-z_]+\})/).filter((p) => p.length > 0)
  const pieces = parts.map((part) => (part.startsWith("{") ? { param: part.slice(1, -1) } : { literal: part }))
  return (params) => {
    let out = ""
    for (const piece of pieces) {
      out += "literal" in piece ? piece.literal : encodeURIComponent(String(params[piece.param]))
    }
    return out
  }
}

/** Writes encoded query parameters as a query string; arrays become repeated keys; starts with `?` when non-empty. */
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
