/**
 * The two lines of the client side by side: the Effect 3 line (`@clerk-effect/client` on
 * `effect` 3, run with Effect 3's runtime, imported here as `effect3`) and this Effect 4 line, each
 * over a `fetch` transport (the Effect 3 line's own `@clerk-effect/client/fetch`, Effect 4's
 * `effect/http/FetchHttpClient`), with retries off: one call is one request. An outcome is what a
 * caller can observe, with the text that each Effect version words its own way (messages) left out.
 */
import * as Client3 from "@clerk-effect/client"
import * as Fetch3 from "@clerk-effect/client/fetch"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as E3 from "effect3"
import * as Client4 from "../../src/index.js"

/** An operation name (the same six in both lines; the reflection test proves it). */
export type OperationName = Client4.OperationName

/** Where a line sends its requests. */
export interface Target {
  readonly apiUrl: string
  readonly secretKey: string
}

/** What a caller observes of one call. */
export type Outcome =
  | { readonly kind: "success"; readonly value: unknown }
  | { readonly kind: "failure"; readonly tag: string; readonly fields: Readonly<Record<string, unknown>> }
  | { readonly kind: "defect"; readonly description: string }

/**
 * The fields of an error a caller can rely on, in both lines. Left out: `message` and `reason`
 * (each Effect version words its Schema and transport problems its own way).
 */
const ComparedFields = [
  "operation",
  "status",
  "errors",
  "meta",
  "clerkTraceId",
  "retryAfter",
  "rawBody",
  "attempts",
  "outcome",
  "field",
  "path",
  "method",
  "url",
  "timeoutMillis"
] as const

const failureOf = (error: unknown): Outcome => {
  if (typeof error !== "object" || error === null || !("_tag" in error)) {
    return { kind: "defect", description: `not a tagged error: ${String(error)}` }
  }
  const record = error as Record<string, unknown>
  const fields: Record<string, unknown> = {}
  for (const key of ComparedFields) if (record[key] !== undefined) fields[key] = record[key]
  return { kind: "failure", tag: String(record._tag), fields }
}

/** One line: calls an operation by name against a target. */
export interface Line {
  readonly name: "effect3" | "effect4"
  readonly call: (op: OperationName, input: unknown, target: Target) => Promise<Outcome>
}

const ops3 = Client3.Operations.make()

/** The Effect 3 line. */
export const effect3: Line = {
  name: "effect3",
  call: (op, input, target) => {
    const transport = Client3.ClerkTransport.layer({
      secretKey: target.secretKey,
      apiUrl: target.apiUrl,
      retry: Client3.RetryPolicy.none
    }).pipe(E3.Layer.provide(Fetch3.layer))
    const operation = ops3[op] as (
      input: unknown
    ) => E3.Effect.Effect<unknown, unknown, Client3.ClerkTransport.ClerkTransport>
    return E3.Effect.runPromise(E3.Effect.exit(E3.Effect.provide(operation(input), transport))).then(
      (exit): Outcome => {
        if (E3.Exit.isSuccess(exit)) return { kind: "success", value: exit.value }
        const failure = E3.Cause.failureOption(exit.cause)
        return E3.Option.isSome(failure)
          ? failureOf(failure.value)
          : { kind: "defect", description: E3.Cause.pretty(exit.cause) }
      }
    )
  }
}

const ops4 = Client4.Operations.make()

/** The Effect 4 line. */
export const effect4: Line = {
  name: "effect4",
  call: (op, input, target) => {
    const transport = Client4.ClerkTransport.layer({
      secretKey: target.secretKey,
      apiUrl: target.apiUrl,
      retry: Client4.RetryPolicy.none
    }).pipe(Layer.provide(FetchHttpClient.layer))
    const operation = ops4[op] as (
      input: unknown
    ) => Effect.Effect<unknown, unknown, Client4.ClerkTransport.ClerkTransport>
    return Effect.runPromise(Effect.exit(Effect.provide(operation(input), transport))).then((exit): Outcome => {
      if (Exit.isSuccess(exit)) return { kind: "success", value: exit.value }
      const failure = Cause.findErrorOption(exit.cause)
      return Option.isSome(failure)
        ? failureOf(failure.value)
        : { kind: "defect", description: Cause.pretty(exit.cause) }
    })
  }
}
