/**
 * Resilience on its own, without HTTP: an attempt (a scripted effect) run under a retry policy,
 * reconciliation and the total time-out, on the `TestClock`.
 */
import { describe, expect, it } from "@effect/vitest"
import { Duration, Effect, Exit, Option, TestClock } from "effect"
import * as Resilience from "../../src/internal/resilience.js"
import * as RetryPolicy from "../../src/RetryPolicy.js"

interface Failure {
  readonly _tag: string
  readonly status?: number
  readonly errors?: ReadonlyArray<{ readonly code: string }>
  readonly attempts: number
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

const run = <A>(effect: Effect.Effect<A, Failure>) =>
  Effect.gen(function* () {
    const fiber = yield* Effect.fork(effect)
    yield* TestClock.adjust("1 hours")
    return yield* fiber.await
  })

const options = (overrides: Partial<Resilience.Options<string, Failure, never>> = {}) => ({
  policy: RetryPolicy.make({ jitter: false }),
  context: { operation: "op", idempotent: true },
  onTotalTimeout: (attempts: number): Failure => ({ _tag: "Timeout", attempts }),
  ...overrides
})

describe("resilience", () => {
  it.effect("retries what the policy retries; the final error carries the attempt count", () =>
    Effect.gen(function* () {
      const s = scripted([
        { _tag: "ClerkApiError", status: 503, attempts: 1 },
        { _tag: "ClerkApiError", status: 503, attempts: 1 }
      ])
      expect(yield* run(Resilience.run(s.attempt, options()))).toEqual(Exit.succeed("ok"))
      expect(s.calls()).toBe(3)
      const failing = scripted(Array.from({ length: 9 }, () => ({ _tag: "ClerkApiError", status: 503, attempts: 1 })))
      const exit = yield* run(Resilience.run(failing.attempt, options()))
      expect(Exit.isFailure(exit) && exit.cause._tag === "Fail" && exit.cause.error.attempts).toBe(5)
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
        readBack: Effect.succeed(Option.some("read back"))
      }
      const exit = yield* run(
        Resilience.run(
          s.attempt,
          options({ context: { operation: "create", idempotent: false, reconciled: true }, reconcile })
        )
      )
      expect(exit).toEqual(Exit.succeed("read back"))
    })
  )

  it.effect("a refusal without an earlier ambiguous attempt is not reconciled", () =>
    Effect.gen(function* () {
      const refusal: Failure = { _tag: "BadRequest", status: 400, errors: [{ code: "applied" }], attempts: 1 }
      const s = scripted([refusal])
      const reconcile = { applied: () => true, readBack: Effect.succeed(Option.some("read back")) }
      const exit = yield* run(Resilience.run(s.attempt, options({ reconcile })))
      expect(exit).toEqual(Exit.fail(refusal))
    })
  )

  it.effect("the total time-out ends the call with the attempts made so far", () =>
    Effect.gen(function* () {
      const s = scripted(Array.from({ length: 9 }, () => ({ _tag: "ClerkApiError", status: 503, attempts: 1 })))
      const exit = yield* run(Resilience.run(s.attempt, options({ totalTimeout: Duration.millis(600) })))
      expect(exit).toEqual(Exit.fail({ _tag: "Timeout", attempts: 2 }))
    })
  )
})
