/**
 * Wire equivalence, reflected: the Effect 4 line's contract and wire knowledge against the Effect
 * 3 line's, programmatically. Every endpoint's description (operation id, method, route, declared
 * statuses, traits) and the wire and camelCase keys of every struct; the error tags (declared and
 * universal) and the fields of every error class; the `TooManyRequests` a 429 becomes and the
 * `outcome` helpers; Clerk's error codes; the constants (API URL and version, time-out, page size,
 * filter cap, order-by fields, rate-limit presets, retry defaults, retry budget defaults); the
 * retry classification and schedule (with `Retry-After` values of every form, and a budget that
 * cannot pay); the retry budget's accounting; the duration forms configuration reads; and the
 * public surface (exports and each module's members, operations, streams, `withHttpInfo`).
 */
import * as Client3 from "@clerk-effect/client"
import * as Contract3 from "@clerk-effect/client/contract"
import * as Cause from "effect/Cause"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"
import * as Schedule from "effect/Schedule"
import * as Schema from "effect/Schema"
import * as SchemaAST from "effect/SchemaAST"
import * as E3 from "effect3"
import * as Contract4 from "../../src/contract/index.js"
import * as Client4 from "../../src/index.js"
import { describe, expect, it } from "@effect/vitest"

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
    expect(tags(Client4.UniversalStatusErrors)).toStrictEqual(tags(Client3.UniversalStatusErrors))
    expect(Object.keys(Client4.StatusErrorFields).sort()).toStrictEqual(Object.keys(Client3.StatusErrorFields).sort())
  })

  it("the same fields, and which are optional, on every error class", () => {
    // the classes' field maps as structs (runtime values: their types are each class's own)
    const fields3 = (fields: object) =>
      shape3(E3.Schema.Struct(fields as Record<string, E3.Schema.Schema.AnyNoContext>))
    const fields4 = (fields: object) => shape4(Schema.Struct(fields as Schema.Struct.Fields))
    const pairs: ReadonlyArray<readonly [string, object, object]> = [
      ["BadRequest", Client3.BadRequest.fields, Client4.BadRequest.fields],
      ["Unauthorized", Client3.Unauthorized.fields, Client4.Unauthorized.fields],
      ["Forbidden", Client3.Forbidden.fields, Client4.Forbidden.fields],
      ["NotFound", Client3.NotFound.fields, Client4.NotFound.fields],
      ["UnprocessableEntity", Client3.UnprocessableEntity.fields, Client4.UnprocessableEntity.fields],
      ["InternalServerError", Client3.InternalServerError.fields, Client4.InternalServerError.fields],
      ["TooManyRequests", Client3.TooManyRequests.fields, Client4.TooManyRequests.fields],
      ["ClerkApiError", Client3.ClerkApiError.fields, Client4.ClerkApiError.fields],
      ["TransportError", Client3.TransportError.fields, Client4.TransportError.fields],
      ["Timeout", Client3.Timeout.fields, Client4.Timeout.fields],
      ["ResponseDecodeError", Client3.ResponseDecodeError.fields, Client4.ResponseDecodeError.fields],
      ["InvalidInput", Client3.InvalidInput.fields, Client4.InvalidInput.fields],
      ["OutcomeField", Client3.OutcomeField, Client4.OutcomeField]
    ]
    for (const [name, three, four] of pairs) expect(fields4(four), name).toStrictEqual(fields3(three))
  })

  it("the same TooManyRequests from the same 429, whatever its Retry-After, but the documented differences", () => {
    const fields = { operation: "list", status: 429, errors: [], attempts: 1, clerkTraceId: "trace_1" }
    const date = new Date(now).toUTCString()
    const cases: ReadonlyArray<Record<string, string>> = [
      {},
      { date },
      ...retryAfterAlike.flatMap((retryAfter) =>
        retryAfter === undefined ? [] : [{ "retry-after": retryAfter }, { "retry-after": retryAfter, date }]
      ),
      { "retry-after": new Date(now + 7000).toUTCString(), date: "not a date" }
    ]
    /** The error's fields, tag and message, with `retryAfter` in ms (each line's `Duration` read by its own). */
    const view = (error: { readonly _tag: string; readonly message: string }, toMillis: (d: never) => number) => {
      const { retryAfter, ...rest } = error as unknown as { readonly retryAfter?: unknown }
      const millis = retryAfter === undefined ? undefined : toMillis(retryAfter as never)
      return { ...rest, _tag: error._tag, message: error.message, retryAfter: millis }
    }
    const declared = new Set<number>(Client4.Api.list.errors)
    for (const headers of cases) {
      const header = headers["retry-after"] === undefined ? {} : { retryAfter: headers["retry-after"] }
      const three = Client3.fromStatus(declared, { ...fields, ...header }, headers)
      const four = Client4.fromStatus(declared, { ...fields, ...header }, headers)
      expect(view(four, Duration.toMillis), JSON.stringify(headers)).toStrictEqual(view(three, E3.Duration.toMillis))
      expect(four._tag).toBe("TooManyRequests")
      expect(Client4.RetryAfter.fromHeaders(headers).pipe(Option.map(Duration.toMillis))).toStrictEqual(
        Option.fromUndefinedOr(
          E3.Option.getOrUndefined(E3.Option.map(Client3.RetryAfter.fromHeaders(headers), E3.Duration.toMillis))
        )
      )
    }
    // one rule (the core's grammar): a fraction is honoured, a date that does not exist is refused
    const oneRule = { "1.5": 1500, "Wed, 31 Jun 2026 10:00:00 GMT": undefined }
    for (const [retryAfter, millis] of Object.entries(oneRule)) {
      const headers = { "retry-after": retryAfter, date: new Date(now).toUTCString() }
      const error3 = Client3.fromStatus(declared, { ...fields, retryAfter }, headers) as Client3.TooManyRequests
      const error4 = Client4.fromStatus(declared, { ...fields, retryAfter }, headers) as Client4.TooManyRequests
      const wait3 = error3.retryAfter === undefined ? undefined : E3.Duration.toMillis(error3.retryAfter)
      const wait4 = error4.retryAfter === undefined ? undefined : Duration.toMillis(error4.retryAfter)
      expect(wait3, retryAfter).toBe(millis)
      expect(wait4, retryAfter).toBe(millis)
    }
  })

  it("the same outcome on the same errors, and the same words for it", () => {
    const values: ReadonlyArray<unknown> = [
      { outcome: "unknown" },
      { outcome: "Unknown" },
      { outcome: undefined },
      {},
      null,
      "unknown",
      new Client4.Timeout({
        operation: "x",
        method: "POST",
        url: "u",
        timeoutMillis: 1,
        attempts: 1,
        outcome: "unknown"
      })
    ]
    for (const value of values) expect(Client4.isOutcomeUnknown(value)).toBe(Client3.isOutcomeUnknown(value))
    for (const outcome of ["unknown", undefined] as const) {
      const transport = { operation: "create", method: "POST", url: "u", reason: "reset", attempts: 2, outcome }
      const status = { operation: "create", status: 502, errors: [], attempts: 3, outcome }
      const decode = { operation: "create", status: 200, path: "id", reason: "expected a string", attempts: 1, outcome }
      const timeout = { operation: "create", method: "POST", url: "u", timeoutMillis: 1000, attempts: 5, outcome }
      expect(Client4.describeOutcome({ outcome })).toBe(Client3.describeOutcome({ outcome }))
      expect(new Client4.TransportError(transport).message).toBe(new Client3.TransportError(transport).message)
      expect(new Client4.Timeout(timeout).message).toBe(new Client3.Timeout(timeout).message)
      expect(new Client4.ResponseDecodeError(decode).message).toBe(new Client3.ResponseDecodeError(decode).message)
      expect(new Client4.ClerkApiError(status).message).toBe(new Client3.ClerkApiError(status).message)
    }
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
    expect(Client4.RetryBudget.Defaults).toStrictEqual(Client3.RetryBudget.Defaults)
    expect(Client4.RetryBudget.unlimited).toStrictEqual(Client3.RetryBudget.unlimited)
    expect(Client4.RetryPolicy.none.repeats).toBe(Client3.RetryPolicy.none.repeats)
    for (const maxAttempts of [1, 2, 5]) {
      expect(Client4.RetryPolicy.make({ maxAttempts }).repeats).toBe(Client3.RetryPolicy.make({ maxAttempts }).repeats)
    }
  })

  it("the same public surface: exports, operations, streams and withHttpInfo", () => {
    expect(Object.keys(Client4).sort()).toStrictEqual(Object.keys(Client3).sort())
    // each module's members: the same, but Effect 4's naming of what runs outside an effect
    // (`makeUnsafe`, Effect 3's `unsafeMake`) and what the Effect 4 line adds
    const renamed: Record<string, string> = { makeUnsafe: "unsafeMake" }
    const added: Record<string, ReadonlyArray<string>> = {
      ConfigDuration: ["DurationFromText"]
    }
    const modules: ReadonlyArray<readonly [string, object, object]> = [
      ["ClerkTransport", Client3.ClerkTransport, Client4.ClerkTransport],
      ["ConfigDuration", Client3.ConfigDuration, Client4.ConfigDuration],
      ["Paging", Client3.Paging, Client4.Paging],
      ["RateLimit", Client3.RateLimit, Client4.RateLimit],
      ["RetryAfter", Client3.RetryAfter, Client4.RetryAfter],
      ["RetryBudget", Client3.RetryBudget, Client4.RetryBudget],
      ["RetryPolicy", Client3.RetryPolicy, Client4.RetryPolicy]
    ]
    for (const [name, three, four] of modules) {
      const members4 = Object.keys(four)
        .filter((key) => !(added[name] ?? []).includes(key))
        .map((key) => renamed[key] ?? key)
      expect(members4.sort(), name).toStrictEqual(Object.keys(three).sort())
    }
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
 * `Retry-After` values the two lines once read differently, now read by the core's one rule: a
 * fraction of a second is honoured (RFC 9110 defines whole seconds; waiting what the server asked
 * beats ignoring it), a date that does not exist is no wait (the computed backoff applies).
 */
const retryAfterOneRule: ReadonlyArray<readonly [value: string, wait: number | "computed"]> = [
  ["1.5", 1500],
  ["Wed, 31 Jun 2026 10:00:00 GMT", "computed"]
]

const policy = { ...Client4.RetryPolicy.Defaults, jitter: false }
const policy3 = { ...Client3.RetryPolicy.Defaults, jitter: false }

/** The wait (ms) the schedule of each line gives after `error` at `at`, or "stop". */
const wait3 = (
  error: unknown,
  context: Client3.RetryPolicy.RetryContext,
  retries = 0,
  at = now,
  call?: Client3.RetryPolicy.RetryCall
) => {
  const schedule = Client3.RetryPolicy.schedule(policy3, context, now, call)
  let state = schedule.initial
  let out: number | "stop" = "stop"
  for (let i = 0; i <= retries; i++) {
    const [next, delay, decision] = E3.Effect.runSync(schedule.step(at, error, state))
    state = next
    out = E3.ScheduleDecision.isDone(decision) ? "stop" : E3.Duration.toMillis(delay)
  }
  return out
}
const wait4 = (
  error: unknown,
  context: Client4.RetryPolicy.RetryContext,
  retries = 0,
  at = now,
  call?: Client4.RetryPolicy.RetryCall
) =>
  Effect.runSync(
    Effect.gen(function* () {
      const step = yield* Schedule.toStep(Client4.RetryPolicy.schedule(policy, context, now, call))
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

  it("the same wait for a Retry-After a TooManyRequests carries as a Duration, capped alike", () => {
    for (const seconds of [0, 1, 3, 19, 20, 21, 3600]) {
      const three = { _tag: "TooManyRequests", status: 429, attempts: 1, retryAfter: E3.Duration.seconds(seconds) }
      const four = { _tag: "TooManyRequests", status: 429, attempts: 1, retryAfter: Duration.seconds(seconds) }
      expect(wait4(four, contexts[0]!), String(seconds)).toBe(wait3(three, contexts[0]!))
    }
  })

  it("the same stop when the budget cannot pay, and the same charges", () => {
    const transient = { _tag: "X", status: 503, attempts: 1 }
    const charged3: Array<unknown> = []
    const charged4: Array<unknown> = []
    const broke3 = { startMillis: now, charge: (error: unknown) => charged3.push(error) < 0 }
    const broke4 = { startMillis: now, charge: (error: unknown) => charged4.push(error) < 0 }
    for (const context of contexts) {
      const four = wait4(transient, context, 0, now, broke4)
      expect(four).toBe(wait3(transient, context, 0, now, broke3))
      expect(four).toBe("stop")
    }
    // charged only for what the policy would retry: list and the reconciled create, not the plain create
    expect(charged4).toStrictEqual(charged3)
    expect(charged4).toStrictEqual([transient, transient])
  })

  it("the same budget accounting: takes, refusals and refills", () => {
    const three = Client3.RetryBudget.unsafeMake({ capacity: 27 })
    const four = Client4.RetryBudget.makeUnsafe({ capacity: 27 })
    const steps: ReadonlyArray<unknown> = [
      { _tag: "ClerkApiError", status: 503 },
      { _tag: "Timeout" },
      { _tag: "TooManyRequests", status: 429 },
      { _tag: "Timeout" },
      { _tag: "TransportError" },
      { _tag: "Timeout" }
    ]
    for (const [i, error] of steps.entries()) {
      expect(four.takeUnsafe(error), String(i)).toBe(three.unsafeTake(error))
      if (i % 2 === 1) {
        four.giveUnsafe(i)
        three.unsafeGive(i)
      }
      expect(Effect.runSync(four.available)).toBe(E3.Effect.runSync(three.available))
    }
    four.giveUnsafe(1000)
    three.unsafeGive(1000)
    expect(Effect.runSync(four.available)).toBe(27)
    expect(E3.Effect.runSync(three.available)).toBe(27)
  })

  it("one Retry-After rule in both lines: fractions honoured, impossible dates refused", () => {
    const computed = wait4({ _tag: "X", status: 429, attempts: 1 }, contexts[0]!)
    for (const [retryAfter, wait] of retryAfterOneRule) {
      const error = { _tag: "X", status: 429, attempts: 1, retryAfter }
      const expected = wait === "computed" ? computed : wait
      expect(wait3(error, contexts[0]!), retryAfter).toBe(expected)
      expect(wait4(error, contexts[0]!), retryAfter).toBe(expected)
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
    // one reading (the core's grammar): a negative is no duration in either line
    expect(millis4("-5 seconds")).toBeUndefined()
    expect(millis3("-5 seconds")).toBeUndefined()
  })
})
