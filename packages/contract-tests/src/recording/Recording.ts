/**
 * A recording of a run: one JSON file per case (`<operation>.<Name>.<status>.json`, the case id
 * with `.` for `:`) holding every exchange of the case — method, route template and parameters,
 * status, the headers that matter and the body — redacted (`Redact`), and `recording.json`
 * saying where and when it was recorded. Made by `pnpm contract --record DIR`, read by
 * `--compare DIR` and `--observed DIR`.
 *
 * @since 0.2.0
 */
import { Route as CoreRoute, ProvisioningRoutes } from "@clerk-effect/core"
import { Api, OperationNames } from "@clerk-effect/client/contract"
import type { CaseResult } from "../Report.js"
import type { AnswerInfo, SourceInfo } from "../Source.js"
import type { Exchange } from "../Exchange.js"
import type { WorldKind } from "../World.js"
import type * as Redact from "./Redact.js"

/**
 * One exchange as recorded.
 *
 * @since 0.2.0
 * @category models
 */
export interface RecordedExchange {
  readonly method: string
  /** The route template under the base URL, e.g. `/organizations/{organization_id}/memberships`. */
  readonly route: string
  readonly params: Readonly<Record<string, string>>
  readonly query: Readonly<Record<string, ReadonlyArray<string>>>
  /** The request body: JSON, or the text sent when it is not JSON. */
  readonly requestBody?: unknown
  readonly status?: number
  /** Why no response came back. */
  readonly error?: string
  readonly headers?: Readonly<Record<string, string>>
  /** The response body: JSON, or the text when it is not JSON. */
  readonly body?: unknown
}

/**
 * One case as recorded: its result and its exchanges.
 *
 * @since 0.2.0
 * @category models
 */
export interface RecordedCase {
  readonly case: string
  readonly operation: string
  readonly outcome: CaseResult["outcome"]
  readonly source: SourceInfo
  readonly answers: ReadonlyArray<AnswerInfo>
  /** The accepted answer the server gave (its label), when it gave one. */
  readonly answer?: string
  readonly messages: ReadonlyArray<string>
  readonly exchanges: ReadonlyArray<RecordedExchange>
}

/**
 * What `recording.json` says: the server, the world, when, and the cases recorded.
 *
 * @since 0.2.0
 * @category models
 */
export interface RecordingMeta {
  readonly recordedFrom: string
  readonly world: WorldKind
  readonly recordedAt: string
  readonly suiteVersion: string
  readonly redacted: string
  readonly cases: ReadonlyArray<string>
}

/**
 * The name of a recording's description file.
 *
 * @since 0.2.0
 * @category constants
 */
export const MetaFile = "recording.json"

/**
 * What the placeholders in a recording stand for (written into `recording.json`).
 *
 * @since 0.2.0
 * @category constants
 */
export const RedactionNote =
  "the secret key, e-mail addresses, names, usernames, phone numbers, wallets, image URLs, slugs, query fragments, ids and trace ids are replaced by placeholders (<user_1>, <email_2>, …), the same value by the same placeholder throughout the recording"

/**
 * The file of a case: its id with `.` for `:` (portable file names), and `.json`.
 *
 * @since 0.2.0
 * @category naming
 */
export const fileOf = (id: string): string => `${id.replace(/:/g, ".")}.json`

/**
 * The routes a recording knows, compiled by the core: the six operations' and the Backend API's
 * provisioning routes, the longest first.
 */
const Routes: ReadonlyArray<CoreRoute.Route> = [
  ...OperationNames.map((op) => Api[op].operation.route),
  ...Object.values(ProvisioningRoutes)
]
  .filter((route, i, all) => all.findIndex((r) => r.template === route.template) === i)
  .sort((a, b) => b.template.split("/").length - a.template.split("/").length)

/** A segment as it was sent, when it is not valid percent-encoding. */
const decode = (text: string): string => CoreRoute.decodeSegment(text) ?? text

/**
 * The route template and path parameters of a path under the base URL (`undefined` route when it
 * is none of the known ones).
 *
 * @since 0.2.0
 * @category parsing
 */
export const routeOf = (path: string): { readonly route?: string; readonly params: Record<string, string> } => {
  for (const route of Routes) {
    const found = route.segments(path)
    if (found !== undefined) {
      return {
        route: route.template,
        params: Object.fromEntries(route.params.map((name, i) => [name, decode(found[i]!)]))
      }
    }
  }
  return { params: {} }
}

const parse = (text: string | undefined): unknown => {
  if (text === undefined || text === "") return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/** Query parameters whose values are personal data, and how they are redacted. */
const FieldKindsOfQuery: Readonly<Record<string, Redact.Kind>> = {
  email_address: "email",
  phone_number: "phone",
  username: "username",
  web3_wallet: "wallet",
  email_address_query: "query",
  phone_number_query: "query",
  username_query: "query",
  name_query: "query",
  query: "query"
}

/** Id-valued query parameters (`user_id=-user_1` keeps its sign). */
const redactQueryValue = (redactor: Redact.Redactor, name: string, value: string): string => {
  if (name === "user_id") {
    const sign = /^[+-]/.test(value) ? value.charAt(0) : ""
    return sign + redactor.placeholder("id", value.slice(sign.length))
  }
  const kind = FieldKindsOfQuery[name]
  return kind === undefined ? redactor.text(value) : redactor.placeholder(kind, value)
}

/**
 * An exchange as recorded: the path under `basePath` (the base URL's path, e.g. `/v1`) split into
 * route template and parameters, everything redacted with `redactor`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const fromExchange = (redactor: Redact.Redactor, basePath: string, exchange: Exchange): RecordedExchange => {
  const url = new URL(exchange.url, "http://recording.invalid")
  const under = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) || "/" : url.pathname
  const { route, params } = routeOf(under)
  const requestBody = parse(exchange.body)
  const body = parse(exchange.response)
  // ids first (route, query, bodies), so that free text (messages) is redacted with them
  for (const value of Object.values(params)) redactor.placeholder("id", value)
  redactor.learn(requestBody)
  redactor.learn(body)
  const query: Record<string, Array<string>> = {}
  for (const [name, value] of url.searchParams) {
    query[name] = [...(query[name] ?? []), redactQueryValue(redactor, name, value)]
  }
  const headers =
    exchange.headers === undefined
      ? undefined
      : Object.fromEntries(
          Object.entries(exchange.headers).map(([name, value]) => [
            name,
            name === "x-clerk-trace-id" ? redactor.placeholder("trace", value) : value
          ])
        )
  return {
    method: exchange.method,
    route: route ?? redactor.text(under),
    params: Object.fromEntries(
      Object.entries(params).map(([name, value]) => [name, redactor.placeholder("id", value)])
    ),
    query,
    ...(requestBody === undefined ? {} : { requestBody: redactor.json(requestBody) }),
    ...(exchange.status === undefined ? {} : { status: exchange.status }),
    ...(exchange.error === undefined ? {} : { error: redactor.text(exchange.error) }),
    ...(headers === undefined ? {} : { headers }),
    ...(body === undefined ? {} : { body: redactor.json(body) })
  }
}

/**
 * A case's result and exchanges as recorded. The exchanges are redacted first, so that the
 * messages are redacted with the values the case's own exchanges showed (a name, a mock's id).
 *
 * @since 0.2.0
 * @category constructors
 */
export const fromResult = (
  redactor: Redact.Redactor,
  basePath: string,
  result: CaseResult,
  exchanges: ReadonlyArray<Exchange>
): RecordedCase => {
  const recorded = exchanges.map((e) => fromExchange(redactor, basePath, e))
  return {
    case: result.id,
    operation: result.operation,
    outcome: result.outcome,
    source: result.source,
    answers: result.answers,
    ...(result.answer === undefined ? {} : { answer: result.answer }),
    messages: result.messages.map(redactor.text),
    exchanges: recorded
  }
}
