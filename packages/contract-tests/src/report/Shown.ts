/**
 * What the reports show of a case: its exchanges (both bodies, whatever sent them) and its messages
 * redacted exactly as a recording redacts them — the case goes through `Recording.fromResult` with
 * one `Redactor` for the whole run, so the same value gets the same placeholder in every case of
 * the report (`<user_1>`, `<email_2>`), and the secret never appears — then back into the report's
 * form: the path with its parameters and query as placeholders, the bodies as JSON text cut at
 * `ReportBodyLimit`.
 *
 * @since 0.3.0
 */
import * as Redacted from "effect/Redacted"
import * as Exchange from "../Exchange.js"
import * as Redact from "../recording/Redact.js"
import * as Recording from "../recording/Recording.js"
import type { CaseResult } from "../Report.js"

/**
 * The report's view of a run: `result` turns a case's result and its whole exchanges into what the
 * reports show.
 *
 * @since 0.3.0
 * @category models
 */
export interface Shown {
  readonly result: (result: CaseResult, exchanges: ReadonlyArray<Exchange.Exchange>) => CaseResult
}

/** A placeholder or any other value in a query string: `<user_1>` stays readable. */
const queryPart = (text: string): string => encodeURIComponent(text).replace(/%3C/g, "<").replace(/%3E/g, ">")

/** A recorded value back as the text of a body. */
const bodyText = (value: unknown): string | undefined =>
  value === undefined ? undefined : typeof value === "string" ? value : JSON.stringify(value)

/**
 * A recorded exchange in the report's form; `prefix` is the base URL's path when the request was
 * under it (the recording keeps routes relative to it).
 *
 * @since 0.3.0
 * @category conversions
 */
export const toExchange = (prefix: string, recorded: Recording.RecordedExchange): Exchange.Exchange => {
  const path = recorded.route.replace(/\{(\w+)\}/g, (whole, name: string) => recorded.params[name] ?? whole)
  const query = Object.entries(recorded.query)
    .flatMap(([name, values]) => values.map((value) => `${queryPart(name)}=${queryPart(value)}`))
    .join("&")
  const body = bodyText(recorded.requestBody)
  const response = bodyText(recorded.body) ?? (recorded.status === undefined ? undefined : "")
  return {
    method: recorded.method,
    url: `${prefix}${path}${query === "" ? "" : `?${query}`}`,
    ...(body === undefined ? {} : { body }),
    ...(recorded.status === undefined ? {} : { status: recorded.status }),
    ...(recorded.error === undefined ? {} : { error: recorded.error }),
    ...(recorded.headers === undefined ? {} : { headers: recorded.headers }),
    ...(response === undefined ? {} : { response })
  }
}

/**
 * The report's view of a run against `baseUrl` with `secret` (one redactor for the whole run).
 *
 * @since 0.3.0
 * @category constructors
 */
export const make = (baseUrl: string, secret?: Redacted.Redacted<string>): Shown => {
  const basePath = new URL(baseUrl).pathname.replace(/\/+$/, "")
  const redactor = Redact.make(secret === undefined ? "" : Redacted.value(secret))
  const prefixOf = (exchange: Exchange.Exchange) =>
    new URL(exchange.url, "http://report.invalid").pathname.startsWith(basePath) ? basePath : ""
  return {
    result: (result, exchanges) => {
      const recorded = Recording.fromResult(redactor, basePath, result, exchanges)
      return {
        ...result,
        messages: recorded.messages,
        exchanges: recorded.exchanges.map((e, i) => {
          const sent = exchanges[i]
          return Exchange.forReport(toExchange(sent === undefined ? basePath : prefixOf(sent), e))
        })
      }
    }
  }
}
