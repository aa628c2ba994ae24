/**
 * Wire equivalence, reflected: the Effect 4 line's contract and wire knowledge against the Effect
 * 3 line's, programmatically. Every endpoint's description (operation id, method, route, declared
 * statuses, traits) and the wire and camelCase keys of every struct; the error tags and fields;
 * Clerk's error codes; the constants (API URL and version, time-out, page size, filter cap,
 * order-by fields, rate-limit presets, retry defaults); the retry classification and schedule
 * (with `Retry-After` values of every form); the duration forms configuration reads; and the
 * public surface (exports, operations, streams, `withHttpInfo`).
 */
import * as Client3 from "@clerk-effect/client"
import * as Contract3 from "@clerk-effect/client/contract"
import * as Cause from "effect/Cause"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"
import * as Schedule from "effect/Schedule"
import type * as Schema from "effect/Schema"
import * as SchemaAST from "effect/SchemaAST"
import * as E3 from "effect3"
import * as Contract4 from "../../src/contract/index.js"
import * as Client4 from "../../src/index.js"
import { describe, expect, it } from "../support/effectTest.js"

type OperationName = Client4.OperationName
const operationNames = Object.keys(Client4.Api) as Array<OperationName>

/** `name` or `name?` of each property of a struct-shaped AST, sorted. */
const keysOf3 = (ast: E3.SchemaAST.AST): ReadonlyArray<string> => {
  if (!E3.SchemaAST.isTypeLiteral(ast)) throw new Error(`not a struct: ${ast._tag}`)
  return ast.propertySignatures.map((p) => `${String(p.name)}${p.isOptional ? "?" : ""}`).sort()
}
const keysOf4 = (ast: SchemaAST.AST): ReadonlyArray<string> => {
  if (!SchemaAST.isObjects(ast)) throw new Error(`not a struct: ${ast._tag}`)
  return ast.propertySignatures.map((p) => `${String(p.name)}${SchemaAST.isOptional(p.type) ? "?" : ""}`).sort()
}

/** The wire keys and the camelCase keys of a struct schema, in each line. */
const shape3 = (schema: E3.Schema.Schema.AnyNoContext) => ({
  wire: keysOf3(E3.Schema.encodedSchema(schema).ast),
  type: keysOf3(E3.Schema.typeSchema(schema).ast)
})
const shape4 = (schema: Schema.Top) => ({
  wire: keysOf4(SchemaAST.toEncoded(schema.ast)),
  type: keysOf4(SchemaAST.toType(schema.ast))
})

describe("the contract, reflected", () => {
  it("the same operations, in the same order", () => {
    expect(Client4.OperationNames).toStrictEqual(Client3.OperationNames)
  })

  it.each(operationNames)("%s: the same description (id, method, route, statuses, traits)", (op) => {
    const three = Client3.Api[op]
    const four = Client4.Api[op]
    const describe = (e: typeof three | typeof four) => ({
      name: e.name,
      operationId: e.operationId,
      method: e.method,
      path: e.path,
      errors: [...e.errors],
      idempotent: e.idempotent,
      paginated: e.paginated,
      closedBody: e.closedBody,
      hasBody: e.body !== undefined,
      reconciled:
        e.reconciled === undefined
          ? undefined
          : {
              through: e.reconciled.through,
              appliedStatus: e.reconciled.appliedStatus,
              appliedCode: e.reconciled.appliedCode,
              readInput: (e.reconciled.readInput as (input: unknown) => object)({
                organizationId: "org_1",
                userId: "user_1",
                role: "org:member"
              })
            }
    })
    expect(describe(four)).toStrictEqual(describe(three))
  })

  it.each(operationNames)("%s: the same wire and camelCase keys of path, query, body and success", (op) => {
    const three = Client3.Api[op]
    const four = Client4.Api[op]
    expect(shape4(four.pathParams)).toStrictEqual(shape3(three.pathParams))
    expect(shape4(four.query)).toStrictEqual(shape3(three.query))
    if (three.body !== undefined && four.body !== undefined) expect(shape4(four.body)).toStrictEqual(shape3(three.body))
    expect(shape4(four.success)).toStrictEqual(shape3(three.success))
  })

  it("the same wire and camelCase keys of every model", () => {
    const pairs: ReadonlyArray<readonly [string, E3.Schema.Schema.AnyNoContext, Schema.Top]> = [
      ["Organization", Client3.Organization, Client4.Organization],
      ["PublicUserData", Client3.PublicUserData, Client4.PublicUserData],
      ["OrganizationMembership", Client3.OrganizationMembership, Client4.OrganizationMembership],
      ["OrganizationMemberships", Client3.OrganizationMembershipsPage, Client4.OrganizationMembershipsPage],
      ["ClerkError", Client3.ClerkError, Client4.ClerkError],
      ["ClerkErrors", Client3.ClerkErrors, Client4.ClerkErrors]
    ]
    for (const [name, three, four] of pairs) expect(shape4(four), name).toStrictEqual(shape3(three))
  })

  it("the same error tags per status, and the same fields on every status error", () => {
    const tags = (errors: Record<number, new (fields: never) => { readonly _tag: string }>) =>
      Object.entries(errors).map(([status, ErrorClass]) => [
        status,
        new ErrorClass({ operation: "x", status: Number(status), errors: [], attempts: 1 } as never)._tag
      ])
    expect(tags(Client4.StatusErrors)).toStrictEqual(tags(Client3.StatusErrors))
    expect(Object.keys(Client4.StatusErrorFields).sort()).toStrictEqual(Object.keys(Client3.StatusErrorFields).sort())
  })

  it("the same error codes, constants and presets", () => {
    expect(Client4.ClerkErrorCodes).toStrictEqual(Client3.ClerkErrorCodes)
    expect(Contract4.MaxFilterValues).toBe(Contract3.MaxFilterValues)
    expect(Contract4.OrderByFields).toStrictEqual(Contract3.OrderByFields)
    expect(Client4.ClerkTransport.DefaultApiUrl).toBe(Client3.ClerkTransport.DefaultApiUrl)
    expect(Client4.ClerkTransport.DefaultApiVersion).toBe(Client3.ClerkTransport.DefaultApiVersion)
    expect(Duration.toMillis(Client4.ClerkTransport.DefaultTimeout)).toBe(
      E3.Duration.toMillis(Client3.ClerkTransport.DefaultTimeout)
    )
    expect(Client4.Paging.DefaultPageSize).toBe(Client3.Paging.DefaultPageSize)
    for (const preset of ["production", "development"] as const) {
      expect(Duration.toMillis(Client4.RateLimit[preset].interval)).toBe(
        E3.Duration.toMillis(Client3.RateLimit[preset].interval)
      )
      expect(Client4.RateLimit[preset].limit).toBe(Client3.RateLimit[preset].limit)
    }
    const defaults = (
      d: { readonly [K in keyof Client4.RetryPolicy.Options]: unknown },
      toMillis: (u: never) => number
    ) =>
      Object.fromEntries(
        Object.entries(d).map(([key, value]) => [key, typeof value === "object" ? toMillis(value as never) : value])
      )
    expect(defaults(Client4.RetryPolicy.Defaults, Duration.toMillis)).toStrictEqual(
      defaults(Client3.RetryPolicy.Defaults, E3.Duration.toMillis)
    )
  })

  it("the same public surface: exports, operations, streams and withHttpInfo", () => {
    expect(Object.keys(Client4).sort()).toStrictEqual(Object.keys(Client3).sort())
    const ops3 = Client3.Operations.make()
    const ops4 = Client4.Operations.make()
    expect(Object.keys(ops4).sort()).toStrictEqual(Object.keys(ops3).sort())
    expect(Object.keys(ops4.withHttpInfo).sort()).toStrictEqual(Object.keys(ops3.withHttpInfo).sort())
  })
})

/** An error of each kind a policy classifies, and with `Retry-After` values of every form. */
const now = Date.UTC(2026, 4, 12, 10, 0, 0)
const errors: ReadonlyArray<unknown> = [
  ...[400, 401, 403, 404, 418, 422, 429, 500, 501, 502, 503, 504].map((status) => ({ _tag: "X", status, attempts: 1 })),
  { _tag: "TransportError", attempts: 1 },
  { _tag: "Timeout", attempts: 1 },
  { _tag: "ResponseDecodeError", status: 200, attempts: 1 },
  { _tag: "InvalidInput", attempts: 1 },
  null,
  "boom"
]

/** `Retry-After` values the two lines read alike: absent, seconds, dates in each RFC 9110 form, garbage. */
const retryAfterAlike = [
  undefined,
  "3",
  "0",
  " 2 ",
  "3600",
  new Date(now + 7000).toUTCString(),
  new Date(now - 60_000).toUTCString(),
  "Tuesday, 12-May-26 10:00:05 GMT",
  "Tue May 12 10:00:04 2026",
  "-5",
  "soon",
  "5s",
  "1e3",
  "",
  "0x10"
]

/**
 * `Retry-After` values the lines read differently, each with its reason: the Effect 4 line reads
 * the header with Effect's own `Headers.parseRetryAfter`, which follows RFC 9110 (delay-seconds
 * are whole; a date must exist); the Effect 3 line's reader accepts these.
 */
const retryAfterDiffering: ReadonlyArray<readonly [value: string, three: number, four: "computed", why: string]> = [
  ["1.5", 1500, "computed", "RFC 9110 delay-seconds is 1*DIGIT: a fraction is not a Retry-After (Effect 4 ignores it)"],
  [
    "Wed, 31 Jun 2026 10:00:00 GMT",
    20_000,
    "computed",
    "there is no 31 June: Effect 4 ignores the date, Effect 3's Date.parse rolls it over to 1 July"
  ]
]

const policy = { ...Client4.RetryPolicy.Defaults, jitter: false }
const policy3 = { ...Client3.RetryPolicy.Defaults, jitter: false }

/** The wait (ms) the schedule of each line gives after `error` at `at`, or "stop". */
const wait3 = (error: unknown, context: Client3.RetryPolicy.RetryContext, retries = 0, at = now) => {
  const schedule = Client3.RetryPolicy.schedule(policy3, context, now)
  let state = schedule.initial
  let out: number | "stop" = "stop"
  for (let i = 0; i <= retries; i++) {
    const [next, delay, decision] = E3.Effect.runSync(schedule.step(at, error, state))
    state = next
    out = E3.ScheduleDecision.isDone(decision) ? "stop" : E3.Duration.toMillis(delay)
  }
  return out
}
const wait4 = (error: unknown, context: Client4.RetryPolicy.RetryContext, retries = 0, at = now) =>
  Effect.runSync(
    Effect.gen(function* () {
      const step = yield* Schedule.toStep(Client4.RetryPolicy.schedule(policy, context, now))
      let out: number | "stop" = "stop"
      for (let i = 0; i <= retries; i++) {
        const exit = yield* Effect.exit(step(at, error))
        out = Exit.isSuccess(exit) ? Duration.toMillis(exit.value[1]) : "stop"
        if (Exit.isFailure(exit)) expect(Cause.isDone(Cause.squash(exit.cause))).toBe(true)
      }
      return out
    })
  )

const contexts = [
  { operation: "list", idempotent: true },
  { operation: "create", idempotent: false, reconciled: true },
  { operation: "create", idempotent: false }
]

describe("retries, reflected", () => {
  it("the same classification and retry decision for every kind of failure and operation", () => {
    for (const error of errors) {
      expect(Client4.RetryPolicy.classify(error), JSON.stringify(error)).toBe(Client3.RetryPolicy.classify(error))
      expect(Client4.RetryPolicy.isAmbiguous(error)).toBe(Client3.RetryPolicy.isAmbiguous(error))
      for (const context of contexts) {
        expect(Client4.RetryPolicy.isRetryable(error, context)).toBe(Client3.RetryPolicy.isRetryable(error, context))
      }
    }
  })

  it("the same computed backoff, attempt cap and elapsed cap", () => {
    for (let retry = 0; retry < 12; retry++) {
      expect(Client4.RetryPolicy.computedDelayMillis(policy, retry)).toBe(
        Client3.RetryPolicy.computedDelayMillis(policy3, retry)
      )
    }
    const transient = { _tag: "X", status: 503, attempts: 1 }
    for (const context of contexts) {
      for (let retries = 0; retries < 6; retries++) {
        expect(wait4(transient, context, retries)).toBe(wait3(transient, context, retries))
      }
      // past the elapsed cap nothing is retried
      expect(wait4(transient, context, 0, now + 29_900)).toBe(wait3(transient, context, 0, now + 29_900))
    }
  })

  it("the same wait for every Retry-After both read alike", () => {
    for (const retryAfter of retryAfterAlike) {
      const error = { _tag: "X", status: 429, attempts: 1, ...(retryAfter === undefined ? {} : { retryAfter }) }
      expect(wait4(error, contexts[0]!), String(retryAfter)).toBe(wait3(error, contexts[0]!))
    }
  })

  it("the documented Retry-After differences, and only those", () => {
    const computed = wait4({ _tag: "X", status: 429, attempts: 1 }, contexts[0]!)
    for (const [retryAfter, three, four] of retryAfterDiffering) {
      const error = { _tag: "X", status: 429, attempts: 1, retryAfter }
      expect(wait3(error, contexts[0]!), retryAfter).toBe(three)
      expect(wait4(error, contexts[0]!), retryAfter).toBe(four === "computed" ? computed : four)
    }
  })
})

/** Duration settings both lines read alike (ms, or none). */
const durationsAlike = [
  "700",
  "700ms",
  "5s",
  "2m",
  "1h",
  "10 seconds",
  "1.5s",
  " 5 s ",
  "3 nanos",
  "2 days",
  "1 week",
  "0"
]
const durationsRefused = ["Infinity", "", "abc", "5 fortnights", "1e3", "-5s", "5 s s"]

describe("configuration, reflected", () => {
  it("the same durations from CLERK_TIMEOUT's forms, and the same refusals", () => {
    const millis3 = (text: string) =>
      E3.Option.getOrUndefined(E3.Option.map(Client3.ConfigDuration.parse(text), E3.Duration.toMillis))
    const millis4 = (text: string) =>
      Option.getOrUndefined(Option.map(Client4.ConfigDuration.parse(text), Duration.toMillis))
    for (const text of durationsAlike) {
      expect(millis4(text), text).toBe(millis3(text))
      expect(millis4(text), text).toBeDefined()
    }
    for (const text of durationsRefused) {
      expect(millis4(text), text).toBeUndefined()
      expect(millis3(text), text).toBeUndefined()
    }
    // documented difference: "-5 seconds" is no duration (the Effect 3 line reads it as 0 ms, its
    // Duration clamping negatives, although its own documentation says negatives are refused)
    expect(millis4("-5 seconds")).toBeUndefined()
    expect(millis3("-5 seconds")).toBe(0)
  })
})
