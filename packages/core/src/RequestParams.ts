/**
 * An operation's parameters as a server receives them, decoded by the core's parameter table
 * (`Operation.params`): the wire values at one location (path, query or body) in, the camelCase
 * input out, or the first problem, named by its wire name with the value concerned. The rules are
 * `Params`' (each client line's Schemas apply the same ones, and the mock's tests check that they
 * agree); the mock decodes its requests with this.
 *
 * Order, as a Schema decoder reports: an unknown field of a closed body first, then each parameter
 * in the table's order. A required parameter that is absent is `Missing`; a value of the wrong type
 * or format (a number for a string, `10.0` for an integer, an unknown `order_by`) is `WrongType`; a
 * value that breaks a rule (an empty id, `limit=0`, more than 100 filter values) is `NotAllowed`,
 * with the decoded value. Metadata must be a JSON object; a key whose value is not JSON (`1e400`)
 * is `WrongType` named `public_metadata.<key>`; its `__proto__` keys are dropped.
 *
 * @since 0.3.0
 */
import * as Json from "./Json.js"
import type { Operation } from "./Operations.js"
import * as Params from "./Params.js"

/**
 * Why parameters do not decode: the first problem, with the parameter's wire name.
 *
 * @since 0.3.0
 * @category models
 */
export type Problem =
  | { readonly _tag: "Missing"; readonly param: string }
  | { readonly _tag: "Unexpected"; readonly param: string }
  | { readonly _tag: "WrongType"; readonly param: string; readonly value: unknown }
  | { readonly _tag: "NotAllowed"; readonly param: string; readonly value: unknown }

/**
 * Decoded parameters: the camelCase input, or the first problem.
 *
 * @since 0.3.0
 * @category models
 */
export type Decoded =
  | { readonly ok: true; readonly input: Record<string, unknown> }
  | { readonly ok: false; readonly problem: Problem }

/**
 * Decodes the wire values of one location (a record by wire name).
 *
 * @since 0.3.0
 * @category models
 */
export type Decoder = (wire: Readonly<Record<string, unknown>>) => Decoded

/** One value's outcome: its decoded value, `Absent` (a `null` taken as absent), or the problem. */
type Step = { readonly value: unknown } | typeof Absent | Problem

const Absent: unique symbol = Symbol("Absent")

const wrongType = (param: string, value: unknown): Problem => ({ _tag: "WrongType", param, value })
const notAllowed = (param: string, value: unknown): Problem => ({ _tag: "NotAllowed", param, value })

/** A string that follows `check`. */
const text =
  (check: (s: string) => string | undefined) =>
  (value: unknown, param: Params.Param): Step =>
    typeof value !== "string"
      ? wrongType(param.wire, value)
      : check(value) === undefined
        ? { value }
        : notAllowed(param.wire, value)

/** An integer in plain decimal that follows `check`. */
const integer =
  (check: (n: number) => string | undefined) =>
  (value: unknown, param: Params.Param): Step => {
    if (typeof value !== "string") return wrongType(param.wire, value)
    const n = Params.parseQueryInt(value)
    if (n === undefined) return wrongType(param.wire, value)
    return check(n) === undefined ? { value: n } : notAllowed(param.wire, n)
  }

const isTextArray = (value: unknown): value is ReadonlyArray<string> =>
  Array.isArray(value) && value.every((v) => typeof v === "string" && Params.checkText(v) === undefined)

/** A repeated query parameter: a list of texts (one occurrence reads as a one-element list). */
const textList = (value: unknown, param: Params.Param): Step => {
  if (typeof value === "string") {
    return Params.checkText(value) === undefined ? { value: [value] } : notAllowed(param.wire, value)
  }
  if (!isTextArray(value)) return wrongType(param.wire, value)
  return Params.checkTextList(value) === undefined ? { value } : notAllowed(param.wire, value)
}

const OrderByPattern = new RegExp(`^[+-]?(?:${Params.OrderByFields.join("|")})$`)

const orderBy = (value: unknown, param: Params.Param): Step =>
  typeof value === "string" && OrderByPattern.test(value) ? { value } : wrongType(param.wire, value)

/** A JSON object (a `null` is absent where the parameter is nullable), without its `__proto__` keys. */
const metadata = (value: unknown, param: Params.Param): Step => {
  if (value === null && param.nullable) return Absent
  if (!Json.isObject(value)) return wrongType(param.wire, value)
  const key = Json.firstNonJsonKey(value)
  if (key !== undefined) return wrongType(`${param.wire}.${key}`, value[key])
  return { value: Json.protoKeyPath(value) === undefined ? value : Json.withoutProtoKeys(value) }
}

const noCheck = (): undefined => undefined

/** The decoder of each kind of parameter. */
const Kinds: { readonly [K in Params.ParamKind]: (value: unknown, param: Params.Param) => Step } = {
  id: text(Params.checkId),
  text: text(Params.checkText),
  role: text(Params.checkRole),
  limit: integer(Params.checkLimit),
  offset: integer(Params.checkOffset),
  timestampMillis: integer(noCheck),
  textList,
  orderBy,
  metadata,
  metadataPatch: metadata
}

/**
 * The decoder of `operation`'s parameters at `location`. A closed body (`closedBody`) refuses a
 * field it does not have; elsewhere unknown fields are ignored.
 *
 * @since 0.3.0
 * @category constructors
 */
export const decoder = (
  operation: Pick<Operation, "params" | "closedBody">,
  location: Params.ParamLocation
): Decoder => {
  const params = Object.entries(operation.params).filter(([, p]) => p.in === location)
  const wireNames = new Set(params.map(([, p]) => p.wire))
  const closed = location === "body" && operation.closedBody
  return (wire) => {
    if (closed) {
      for (const key of Object.keys(wire)) {
        if (!wireNames.has(key)) return { ok: false, problem: { _tag: "Unexpected", param: key } }
      }
    }
    const input: Record<string, unknown> = {}
    for (const [name, param] of params) {
      if (!Object.hasOwn(wire, param.wire)) {
        if (param.required) return { ok: false, problem: { _tag: "Missing", param: param.wire } }
        continue
      }
      const step = Kinds[param.kind](wire[param.wire], param)
      if (step === Absent) continue
      if ("_tag" in step) return { ok: false, problem: step }
      input[name] = step.value
    }
    return { ok: true, input }
  }
}
