/**
 * Drift between the contract (`Api`) and an OpenAPI 3 document: operations, methods, paths,
 * parameters (types, limits, array caps), declared statuses and required response fields.
 *
 * @since 0.1.0
 */
import { Api, type AnyEndpoint, OperationNames } from "@clerk-effect/client/contract"
import { type Intended, IntendedDifferences } from "./Intended.js"
import * as Shape from "./Shape.js"

/**
 * One difference: `contract` and `spec` say what each side has (`-` for nothing); `intended` when
 * the contract makes it on purpose.
 *
 * @since 0.1.0
 * @category models
 */
export interface Difference {
  readonly operation: string
  readonly subject: string
  readonly contract: string
  readonly spec: string
  readonly intended?: Intended | undefined
}

/**
 * The outcome: the differences, and intended differences no longer seen (the list is stale).
 *
 * @since 0.1.0
 * @category models
 */
export interface DriftReport {
  readonly differences: ReadonlyArray<Difference>
  readonly staleIntended: ReadonlyArray<Intended>
}

type Json = Record<string, unknown>
const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)
const Methods = ["get", "post", "put", "patch", "delete"] as const

interface SpecOperation {
  readonly method: string
  readonly path: string
  readonly operation: Json
  readonly pathItem: Json
}

/**
 * Why a document is not an OpenAPI 3 document, or `undefined` when it is one.
 *
 * @since 0.1.0
 * @category validation
 */
export const invalid = (doc: unknown): string | undefined =>
  !isObject(doc)
    ? "not a JSON object"
    : typeof doc.openapi !== "string" || !doc.openapi.startsWith("3.")
      ? "no `openapi: 3.x` field"
      : !isObject(doc.paths)
        ? "no `paths` object"
        : undefined

const operationsOf = (doc: Json): Map<string, SpecOperation> => {
  const out = new Map<string, SpecOperation>()
  for (const [path, item] of Object.entries(doc.paths as Json)) {
    if (!isObject(item)) continue
    for (const method of Methods) {
      const operation = item[method]
      if (isObject(operation) && typeof operation.operationId === "string") {
        out.set(operation.operationId, { method: method.toUpperCase(), path, operation, pathItem: item })
      }
    }
  }
  return out
}

const describeField = (field: Shape.Field | undefined): string =>
  field === undefined ? "-" : `${field.required ? "required" : "optional"} ${Shape.format(field.shape)}`

const limitText = (shape: Shape.Shape, key: "minimum" | "maximum" | "maxItems"): string =>
  shape[key] === undefined ? "-" : String(shape[key])

/** Parameter differences (both sides given as object shapes keyed by wire name). */
const compareParams = (
  push: (subject: string, contract: string, spec: string) => void,
  where: string,
  contract: ReadonlyMap<string, Shape.Field>,
  spec: ReadonlyMap<string, Shape.Field>
) => {
  for (const name of new Set([...contract.keys(), ...spec.keys()])) {
    const c = contract.get(name)
    const s = spec.get(name)
    const subject = `${where} ${name}`
    if (c === undefined || s === undefined) {
      push(subject, describeField(c), describeField(s))
      continue
    }
    if (c.required !== s.required) push(`${subject} required`, String(c.required), String(s.required))
    if (Shape.format(c.shape) !== Shape.format(s.shape) && s.shape.type !== "any" && c.shape.type !== "any") {
      push(`${subject} type`, Shape.format(c.shape), Shape.format(s.shape))
    }
    for (const key of ["minimum", "maximum", "maxItems"] as const) {
      if (c.shape[key] !== s.shape[key]) push(`${subject} ${key}`, limitText(c.shape, key), limitText(s.shape, key))
    }
  }
}

/** Response differences: fields either side requires, their presence and types, recursively. */
const compareResponse = (
  push: (subject: string, contract: string, spec: string) => void,
  at: string,
  contract: Shape.Shape,
  spec: Shape.Shape
) => {
  if (contract.type === "array" && spec.type === "array" && contract.items && spec.items) {
    compareResponse(push, `${at}[]`, contract.items, spec.items)
    return
  }
  if (contract.fields === undefined || spec.fields === undefined) return
  for (const name of new Set([...contract.fields.keys(), ...spec.fields.keys()])) {
    const c = contract.fields.get(name)
    const s = spec.fields.get(name)
    const subject = `response ${at === "" ? "" : `${at}.`}${name}`
    if (!(c?.required || s?.required)) continue
    if (c === undefined || s === undefined || c.required !== s.required) {
      push(subject, describeField(c), describeField(s))
      continue
    }
    if (Shape.format(c.shape) !== Shape.format(s.shape) && s.shape.type !== "any" && c.shape.type !== "any") {
      push(`${subject} type`, Shape.format(c.shape), Shape.format(s.shape))
    }
    compareResponse(push, `${at === "" ? "" : `${at}.`}${name}`, c.shape, s.shape)
  }
}

const specParams = (doc: Json, op: SpecOperation, location: "path" | "query"): Map<string, Shape.Field> => {
  const out = new Map<string, Shape.Field>()
  const all = [
    ...(Array.isArray(op.pathItem.parameters) ? op.pathItem.parameters : []),
    ...(Array.isArray(op.operation.parameters) ? op.operation.parameters : [])
  ]
  for (const raw of all) {
    const param = Shape.resolveRef(doc, raw)
    if (param === undefined || param.in !== location || typeof param.name !== "string") continue
    out.set(param.name, { required: param.required === true, shape: Shape.fromOpenApi(doc, param.schema) })
  }
  return out
}

const jsonSchemaOf = (doc: Json, container: unknown): unknown => {
  const resolved = Shape.resolveRef(doc, container)
  const content = resolved === undefined ? undefined : resolved.content
  return isObject(content) && isObject(content["application/json"]) ? content["application/json"].schema : undefined
}

const fieldsOf = (shape: Shape.Shape): ReadonlyMap<string, Shape.Field> => shape.fields ?? new Map()

const compareOperation = (
  doc: Json,
  endpoint: AnyEndpoint,
  op: SpecOperation,
  push: (d: Omit<Difference, "operation">) => void
) => {
  const add = (subject: string, contract: string, spec: string) => push({ subject, contract, spec })
  if (endpoint.method !== op.method) add("method", endpoint.method, op.method)
  if (endpoint.path !== op.path) add("path", endpoint.path, op.path)
  compareParams(add, "path parameter", fieldsOf(Shape.fromAst(endpoint.pathParams.ast)), specParams(doc, op, "path"))
  compareParams(add, "query parameter", fieldsOf(Shape.fromAst(endpoint.query.ast)), specParams(doc, op, "query"))
  const specBody = jsonSchemaOf(doc, op.operation.requestBody)
  const contractBody =
    endpoint.body === undefined ? new Map<string, Shape.Field>() : fieldsOf(Shape.fromAst(endpoint.body.ast))
  compareParams(
    add,
    "body field",
    contractBody,
    specBody === undefined ? new Map() : fieldsOf(Shape.fromOpenApi(doc, specBody))
  )
  const responses = isObject(op.operation.responses) ? op.operation.responses : {}
  const specStatuses = Object.keys(responses).filter((s) => /^\d{3}$/.test(s))
  const contractStatuses = ["200", ...endpoint.errors.map(String)]
  for (const status of new Set([...contractStatuses, ...specStatuses])) {
    const c = contractStatuses.includes(status)
    const s = specStatuses.includes(status)
    if (c !== s) add(`status ${status}`, c ? "declared" : "-", s ? "declared" : "-")
  }
  const success = specStatuses.find((s) => s.startsWith("2"))
  const successSchema = success === undefined ? undefined : jsonSchemaOf(doc, responses[success])
  if (successSchema !== undefined) {
    compareResponse(add, "", Shape.fromAst(endpoint.success.ast), Shape.fromOpenApi(doc, successSchema))
  }
}

/**
 * Compares the contract (every endpoint of `Api`, matched by operationId) with an OpenAPI document.
 * Spec operations the contract lacks are reported when they share a path with a contract endpoint.
 *
 * @since 0.1.0
 * @category comparing
 */
export const compare = (
  doc: unknown,
  endpoints: ReadonlyArray<AnyEndpoint> = OperationNames.map((n) => Api[n] as AnyEndpoint),
  intended: ReadonlyArray<Intended> = IntendedDifferences
): DriftReport => {
  const json = doc as Json
  const spec = operationsOf(json)
  const differences: Array<Difference> = []
  for (const endpoint of endpoints) {
    const push = (d: Omit<Difference, "operation">) => differences.push({ operation: endpoint.operationId, ...d })
    const op = spec.get(endpoint.operationId)
    if (op === undefined) push({ subject: "operation", contract: `${endpoint.method} ${endpoint.path}`, spec: "-" })
    else compareOperation(json, endpoint, op, push)
  }
  const ids = new Set(endpoints.map((e) => e.operationId))
  const paths = new Set(endpoints.map((e) => e.path))
  for (const [id, op] of spec) {
    if (!ids.has(id) && paths.has(op.path)) {
      differences.push({ operation: id, subject: "operation", contract: "-", spec: `${op.method} ${op.path}` })
    }
  }
  const marked = differences.map((d) => ({
    ...d,
    intended: intended.find(
      (i) => i.operation === d.operation && i.subject === d.subject && i.contract === d.contract && i.spec === d.spec
    )
  }))
  return {
    differences: marked,
    staleIntended: intended.filter((i) => ids.has(i.operation) && !marked.some((d) => d.intended === i))
  }
}

/**
 * The report's lines: one per difference, grouped by operation; intended ones marked with their
 * reason and source; a closing summary line.
 *
 * @since 0.1.0
 * @category formatting
 */
export const format = (report: DriftReport): ReadonlyArray<string> => {
  const lines: Array<string> = []
  const byOperation = new Map<string, Array<Difference>>()
  for (const d of report.differences) byOperation.set(d.operation, [...(byOperation.get(d.operation) ?? []), d])
  for (const [operation, list] of byOperation) {
    lines.push(operation)
    for (const d of list) {
      const line = `  ${d.subject}: contract has ${d.contract}, spec has ${d.spec}`
      lines.push(
        d.intended === undefined ? line : `${line} (intended: ${d.intended.reason}; source: ${d.intended.source})`
      )
    }
  }
  for (const i of report.staleIntended) {
    lines.push(
      `note: intended difference no longer seen: ${i.operation} ${i.subject} (remove it from drift/Intended.ts)`
    )
  }
  const unintended = report.differences.filter((d) => d.intended === undefined).length
  const intendedCount = report.differences.length - unintended
  lines.push(`${unintended} difference${unintended === 1 ? "" : "s"}, ${intendedCount} intended`)
  return lines
}

/**
 * Whether the report fails the check: any difference not listed as intended.
 *
 * @since 0.1.0
 * @category predicates
 */
export const hasDrift = (report: DriftReport): boolean => report.differences.some((d) => d.intended === undefined)
