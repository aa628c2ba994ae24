/**
 * Resilience on its own, without HTTP: an attempt (a scripted effect) run under a retry policy,
 * the retry budget, reconciliation, the outcome of a write and the total time-out, on the
 * `TestClock`.
 */
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"
import * as Schedule from "effect/Schedule"
import * as Resilience from "../../src/internal/resilience.js"
import * as RetryBudget from "../../src/RetryBudget.js"
import * as RetryPolicy from "../../src/RetryPolicy.js"
import { failureOf, runWithClock as run } from "../support/clock.js"
import { describe, expect, it } from "@effect/vitest"

interface Failure {
  readonly _tag: string
  readonly status?: number
  readonly errors?: ReadonlyArray<{ readonly code: string }>
  readonly attempts: number
  readonly outcome?: "unknown"
}

/** An attempt that fails with `failures` in turn, then succeeds with "ok". */
const scripted = (failures: ReadonlyArray<Failure>) => {
  let calls = 0
  const attempt = Effect.suspend(() => {
    const failure = failures[calls++]
    return failure === undefined ? Effect.succeed("ok") : Effect.fail(failure)
  })
  return { attempt, calls: () => calls }
}

const options = (
  overrides: Partial<Resilience.Options<string, Failure, never>> = {}
): Resilience.Options<string, Failure, never> => ({
  policy: RetryPolicy.make({ jitter: false }),
  context: { operation: "op", idempotent: true },
  budget: RetryBudget.makeUnsafe(),
  write: false,
  onTotalTimeout: (attempts: number): Failure => ({ _tag: "Timeout", attempts }),
  ...overrides
})

const successOf = <A, E>(exit: Exit.Exit<A, E>): A => {
  if (Exit.isFailure(exit)) throw new Error(`expected a success, got ${String(exit)}`)
  return exit.value
}

describe("resilience", () => {
  it.effect("retries what the policy retries; the final error carries the attempt count", () =>
    Effect.gen(function* () {
      const s = scripted([
        { _tag: "ClerkApiError", status: 503, attempts: 1 },
        { _tag: "ClerkApiError", status: 503, attempts: 1 }
      ])
      expect(successOf(yield* run(Resilience.run(s.attempt, options())))).toBe("ok")
      expect(s.calls()).toBe(3)
      const failing = scripted(Array.from({ length: 9 }, () => ({ _tag: "ClerkApiError", status: 503, attempts: 1 })))
      const exit = yield* run(Resilience.run(failing.attempt, options()))
      expect(failureOf(exit).attempts).toBe(5)
    })
  )

  it.effect("reconciles: a refusal after an ambiguous attempt becomes the result read back", () =>
    Effect.gen(function* () {
      const s = scripted([
        { _tag: "Timeout", attempts: 1 },
        { _tag: "BadRequest", status: 400, errors: [{ code: "applied" }], attempts: 1 }
      ])
      const reconcile = {
        applied: (e: Failure) => e.errors?.[0]?.code === "applied",
        readBack: () => Effect.succeed(Option.some("read back")),
        context: { operation: "read", idempotent: true }
      }
      const exit = yield* run(
        Resilience.run(
          s.attempt,
          options({ context: { operation: "create", idempotent: false, reconciled: true }, write: true, reconcile })
        )
      )
      expect(successOf(exit)).toBe("read back")
    })
  )

  it.effect("a refusal without an earlier ambiguous attempt is not reconciled", () =>
    Effect.gen(function* () {
      const refusal: Failure = { _tag: "BadRequest", status: 400, errors: [{ code: "applied" }], attempts: 1 }
      const s = scripted([refusal])
      const reconcile = {
        applied: () => true,
        readBack: () => Effect.succeed(Option.some("read back")),
        context: { operation: "read", idempotent: true }
      }
      const exit = yield* run(Resilience.run(s.attempt, options({ write: true, reconcile })))
      expect(failureOf(exit)).toBe(refusal)
    })
  )

  it.effect("the total time-out ends the call with the attempts made so far", () =>
    Effect.gen(function* () {
      const s = scripted(Array.from({ length: 9 }, () => ({ _tag: "ClerkApiError", status: 503, attempts: 1 })))
      const exit = yield* run(Resilience.run(s.attempt, options({ totalTimeout: Duration.millis(600) })))
      expect(failureOf(exit)).toStrictEqual({ _tag: "Timeout", attempts: 2 })
    })
  )
})

const s503: Failure = { _tag: "ClerkApiError", status: 503, attempts: 1 }
const s429: Failure = { _tag: "TooManyRequests", status: 429, attempts: 1 }
const s422: Failure = { _tag: "UnprocessableEntity", status: 422, attempts: 1 }
const timeout: Failure = { _tag: "Timeout", attempts: 1 }
const applied: Failure = { _tag: "BadRequest", status: 400, errors: [{ code: "applied" }], attempts: 1 }

/** A read-back that answers `replies` in turn (a failure, or what it found), then nothing found. */
const readBack = (replies: ReadonlyArray<Failure | Option.Option<string>>) => {
  let calls = 0
  const reconcile: Resilience.Reconcile<string, Failure, never> = {
    applied: (e) => e.errors?.[0]?.code === "applied",
    readBack: () =>
      Effect.suspend(() => {
        const reply = replies[calls++] ?? Option.none()
        return Option.isOption(reply) ? Effect.succeed(reply) : Effect.fail(reply)
      }),
    context: { operation: "read", idempotent: true }
  }
  return { reconcile, calls: () => calls }
}

const createOptions = (
  reconcile: Resilience.Reconcile<string, Failure, never> | undefined,
  overrides: Partial<Resilience.Options<string, Failure, never>> = {}
) =>
  options({
    context: { operation: "create", idempotent: false, reconciled: reconcile !== undefined },
    write: true,
    reconcile,
    ...overrides
  })

describe("the read-back of an ambiguous write", () => {
  it.effect("is retried on its own: its failures are not attempts of the write", () =>
    Effect.gen(function* () {
      const write = scripted([timeout, applied])
      const read = readBack([s503, s429, Option.some("read back")])
      const exit = yield* run(Resilience.run(write.attempt, createOptions(read.reconcile)))
      expect(successOf(exit)).toBe("read back")
      expect(write.calls()).toBe(2)
      expect(read.calls()).toBe(3)
    })
  )

  it.effect(
    "a read-back that keeps failing after the applied refusal: its error, the write's attempts, outcome unknown",
    () =>
      Effect.gen(function* () {
        const write = scripted([s503, applied])
        const read = readBack(Array.from({ length: 9 }, () => s503))
        const exit = yield* run(Resilience.run(write.attempt, createOptions(read.reconcile)))
        expect(failureOf(exit)).toStrictEqual({ ...s503, attempts: 2, outcome: "unknown" })
        // the policy's five attempts, for the read-back alone
        expect(read.calls()).toBe(5)
        expect(write.calls()).toBe(2)
      })
  )

  it.effect("attempts that end unresolved are read back once more: found, the call returns it", () =>
    Effect.gen(function* () {
      const write = scripted(Array.from({ length: 9 }, () => s503))
      const read = readBack([Option.some("read back")])
      const exit = yield* run(Resilience.run(write.attempt, createOptions(read.reconcile)))
      expect(successOf(exit)).toBe("read back")
      expect(write.calls()).toBe(5)
    })
  )

  it.effect("...even when the last attempts were throttled: an earlier ambiguous one is still unresolved", () =>
    Effect.gen(function* () {
      const write = scripted([timeout, s429, s429, s429, s429, s429])
      const read = readBack([Option.some("read back")])
      const exit = yield* run(Resilience.run(write.attempt, createOptions(read.reconcile)))
      expect(successOf(exit)).toBe("read back")
    })
  )

  it.effect("not found, or failing: the write's last error stands, with outcome unknown", () =>
    Effect.gen(function* () {
      const notFound = yield* run(
        Resilience.run(scripted(Array(9).fill(s503)).attempt, createOptions(readBack([Option.none()]).reconcile))
      )
      expect(failureOf(notFound)).toStrictEqual({ ...s503, attempts: 5, outcome: "unknown" })
      const failing = yield* run(
        Resilience.run(scripted(Array(9).fill(timeout)).attempt, createOptions(readBack(Array(9).fill(s429)).reconcile))
      )
      expect(failureOf(failing)).toStrictEqual({ ...timeout, attempts: 5, outcome: "unknown" })
    })
  )

  it.effect("the applied refusal whose read-back finds nothing stands, with outcome unknown", () =>
    Effect.gen(function* () {
      const exit = yield* run(
        Resilience.run(scripted([s503, applied]).attempt, createOptions(readBack([Option.none()]).reconcile))
      )
      expect(failureOf(exit)).toStrictEqual({ ...applied, attempts: 2, outcome: "unknown" })
    })
  )

  it.effect("stays within the call's elapsed limit: its retries count from the call's start", () =>
    Effect.gen(function* () {
      // 500 + 750 ms of retries of the write; 1.4 s of elapsed budget leaves no room for a read-back retry
      const policy = RetryPolicy.make({ jitter: false, maxAttempts: 3, maxElapsed: "1400 millis" })
      const write = scripted([s503, s503, s503])
      const read = readBack(Array(9).fill(s503))
      const exit = yield* run(Resilience.run(write.attempt, createOptions(read.reconcile, { policy })))
      expect(failureOf(exit)).toStrictEqual({ ...s503, attempts: 3, outcome: "unknown" })
      expect(read.calls()).toBe(1)
    })
  )

  it.effect("RetryPolicy.none sends one request: no read-back, outcome unknown", () =>
    Effect.gen(function* () {
      const read = readBack([Option.some("read back")])
      const exit = yield* run(
        Resilience.run(scripted([s503]).attempt, createOptions(read.reconcile, { policy: RetryPolicy.none }))
      )
      expect(failureOf(exit)).toStrictEqual({ ...s503, attempts: 1, outcome: "unknown" })
      expect(read.calls()).toBe(0)
    })
  )
})

describe("the outcome of a failed write", () => {
  it.effect("nothing ambiguous (throttled, refused): no outcome", () =>
    Effect.gen(function* () {
      const exit = yield* run(Resilience.run(scripted([s429, s429, s422]).attempt, createOptions(undefined)))
      expect(failureOf(exit)).toStrictEqual({ ...s422, attempts: 3 })
    })
  )

  it.effect("an ambiguous attempt, even followed by refusals: outcome unknown", () =>
    Effect.gen(function* () {
      const idempotentWrite = options({ write: true })
      const exit = yield* run(Resilience.run(scripted([s503, s429, s422]).attempt, idempotentWrite))
      expect(failureOf(exit)).toStrictEqual({ ...s422, attempts: 3, outcome: "unknown" })
    })
  )

  it.effect("a 2xx that could not be read was applied: outcome unknown (not retried)", () =>
    Effect.gen(function* () {
      const unreadable: Failure = { _tag: "ResponseDecodeError", status: 200, attempts: 1 }
      const exit = yield* run(Resilience.run(scripted([unreadable]).attempt, options({ write: true })))
      expect(failureOf(exit)).toStrictEqual({ ...unreadable, outcome: "unknown" })
      const read = yield* run(Resilience.run(scripted([unreadable]).attempt, options()))
      expect(failureOf(read)).toStrictEqual(unreadable)
    })
  )

  it.effect("a policy of your own that retries without charging: the failures it hid may have applied", () =>
    Effect.gen(function* () {
      const own: RetryPolicy.RetryPolicy = { retry: (attempt) => Effect.retry(attempt, Schedule.recurs(2)) }
      const budget = RetryBudget.makeUnsafe({ capacity: 10 })
      const exit = yield* run(
        Resilience.run(scripted([s429, s429, s422]).attempt, options({ policy: own, budget, write: true }))
      )
      // the 429s were never reported: the client cannot claim nothing was applied
      expect(failureOf(exit)).toStrictEqual({ ...s422, attempts: 3, outcome: "unknown" })
      expect(yield* budget.available).toBe(10)
    })
  )

  it.effect("a read never has an outcome", () =>
    Effect.gen(function* () {
      const exit = yield* run(Resilience.run(scripted(Array(9).fill(timeout)).attempt, options()))
      expect(failureOf(exit)).toStrictEqual({ ...timeout, attempts: 5 })
    })
  )

  it.effect(
    "the total time-out: unknown when it interrupts a write's attempt in flight, none during a wait after a 429",
    () =>
      Effect.gen(function* () {
        const hanging = Effect.suspend(() => Effect.never)
        const inFlight = yield* run(
          Resilience.run(hanging, options({ write: true, totalTimeout: Duration.millis(100) }))
        )
        expect(failureOf(inFlight)).toStrictEqual({ _tag: "Timeout", attempts: 1, outcome: "unknown" })
        const waiting = yield* run(
          Resilience.run(
            scripted(Array(9).fill(s429)).attempt,
            options({ write: true, totalTimeout: Duration.millis(600) })
          )
        )
        expect(failureOf(waiting)).toStrictEqual({ _tag: "Timeout", attempts: 2 })
      })
  )
})

describe("the retry budget", () => {
  it.effect("each retry is paid for; when the budget cannot pay, the call fails with its last error", () =>
    Effect.gen(function* () {
      const budget = RetryBudget.makeUnsafe({ capacity: 10 })
      const first = yield* run(Resilience.run(scripted(Array(9).fill(s503)).attempt, options({ budget })))
      expect(failureOf(first).attempts).toBe(3)
      expect(yield* budget.available).toBe(0)
      const second = scripted(Array(9).fill(s503))
      expect(failureOf(yield* run(Resilience.run(second.attempt, options({ budget })))).attempts).toBe(1)
    })
  )

  it.effect("a clean success gives 1 back, a retried one what its last retry took; never above capacity", () =>
    Effect.gen(function* () {
      const budget = RetryBudget.makeUnsafe({ capacity: 20 })
      yield* run(Resilience.run(scripted([s503, s503]).attempt, options({ budget })))
      expect(yield* budget.available).toBe(15)
      yield* run(Resilience.run(scripted([timeout]).attempt, options({ budget })))
      expect(yield* budget.available).toBe(15)
      yield* run(Resilience.run(scripted([]).attempt, options({ budget })))
      expect(yield* budget.available).toBe(16)
      for (let i = 0; i < 10; i++) yield* run(Resilience.run(scripted([]).attempt, options({ budget })))
      expect(yield* budget.available).toBe(20)
    })
  )

  it.effect("a retry after a time-out costs 10", () =>
    Effect.gen(function* () {
      const budget = RetryBudget.makeUnsafe({ capacity: 15 })
      const exit = yield* run(Resilience.run(scripted(Array(9).fill(timeout)).attempt, options({ budget })))
      expect(failureOf(exit).attempts).toBe(2)
      expect(yield* budget.available).toBe(5)
    })
  )

  it.effect("a read-back is paid for too: with an empty budget, no read-back and outcome unknown", () =>
    Effect.gen(function* () {
      const budget = RetryBudget.makeUnsafe({ capacity: 0 })
      const read = readBack([Option.some("read back")])
      const exit = yield* run(Resilience.run(scripted([s503]).attempt, createOptions(read.reconcile, { budget })))
      expect(failureOf(exit)).toStrictEqual({ ...s503, attempts: 1, outcome: "unknown" })
      expect(read.calls()).toBe(0)
    })
  )

  it.effect("RetryBudget.unlimited never runs dry", () =>
    Effect.gen(function* () {
      const budget = RetryBudget.makeUnsafe(RetryBudget.unlimited)
      for (let i = 0; i < 25; i++) {
        const exit = yield* run(Resilience.run(scripted(Array(9).fill(timeout)).attempt, options({ budget })))
        expect(failureOf(exit).attempts).toBe(5)
      }
    })
  )
})
