/**
 * The shape of a JSON body: every field path (`data[].organization.slug`) with the kinds of value
 * seen there (`string`, `integer`, `number`, `boolean`, `object`, `array`). `null` is a value, not
 * a shape: a field that is `null` on one side and a string on the other does not differ in shape.
 *
 * @since 0.2.0
 */

/**
 * The kinds of a JSON value.
 *
 * @since 0.2.0
 * @category models
 */
export type Kind = "string" | "integer" | "number" | "boolean" | "object" | "array" | "text"

/**
 * A body's shape: kinds by path, and the paths of arrays that were always empty (what they hold
 * is unknown, so it cannot differ).
 *
 * @since 0.2.0
 * @category models
 */
export interface Shape {
  readonly kinds: ReadonlyMap<string, ReadonlySet<Kind>>
  readonly emptyArrays: ReadonlySet<string>
}

const kindOf = (value: unknown): Kind | undefined =>
  value === null || value === undefined
    ? undefined
    : Array.isArray(value)
      ? "array"
      : typeof value === "object"
        ? "object"
        : typeof value === "number"
          ? Number.isInteger(value)
            ? "integer"
            : "number"
          : typeof value === "boolean"
            ? "boolean"
            : "string"

/**
 * The shape of a parsed JSON body (a string body that is not JSON has the kind `text` at its root).
 *
 * @since 0.2.0
 * @category constructors
 */
export const of = (body: unknown, isText = false): Shape => {
  const kinds = new Map<string, Set<Kind>>()
  const filled = new Set<string>()
  const arrays = new Set<string>()
  const add = (path: string, kind: Kind) => {
    const set = kinds.get(path) ?? new Set<Kind>()
    set.add(kind)
    kinds.set(path, set)
  }
  const walk = (value: unknown, path: string) => {
    const kind = kindOf(value)
    if (kind === undefined) {
      // present, but null: compatible with any kind
      if (!kinds.has(path)) kinds.set(path, new Set())
      return
    }
    add(path, kind)
    if (Array.isArray(value)) {
      arrays.add(path)
      if (value.length > 0) filled.add(path)
      for (const item of value) walk(item, `${path}[]`)
    } else if (kind === "object") {
      for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
        walk(child, path === "" ? key : `${path}.${key}`)
      }
    }
  }
  if (isText) add("", "text")
  else walk(body, "")
  return { kinds, emptyArrays: new Set([...arrays].filter((p) => !filled.has(p))) }
}

const normalized = (kinds: ReadonlySet<Kind>): string => {
  const list = [...kinds].filter((k) => !(k === "integer" && kinds.has("number")))
  return list.sort().join("|")
}

const under = (path: string, arrays: ReadonlySet<string>): boolean => [...arrays].some((a) => path.startsWith(`${a}[]`))

/**
 * The differences of two shapes, one line per path: present on one side only, or of other kinds.
 * `left` and `right` name the sides; paths under an array empty on either side are not compared.
 *
 * @since 0.2.0
 * @category comparing
 */
export const diff = (a: Shape, b: Shape, left: string, right: string): ReadonlyArray<string> => {
  const out: Array<string> = []
  const paths = [...new Set([...a.kinds.keys(), ...b.kinds.keys()])].sort()
  for (const path of paths) {
    if (under(path, a.emptyArrays) || under(path, b.emptyArrays)) continue
    const x = a.kinds.get(path)
    const y = b.kinds.get(path)
    if (x?.size === 0 || y?.size === 0) continue
    const name = path === "" ? "(body)" : path
    const xs = x === undefined ? "-" : normalized(x)
    const ys = y === undefined ? "-" : normalized(y)
    if (xs !== ys) out.push(`${name}: ${left} has ${xs}, ${right} has ${ys}`)
  }
  return out
}
