/**
 * Driving virtual time: run an effect to its end while the `TestClock` runs through every wait,
 * and a `Random` that answers a fixed sequence (for jittered waits).
 */
import * as Effect from "effect/Effect"
import type * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Random from "effect/Random"
import * as TestClock from "effect/testing/TestClock"

/** Runs `effect` to its end, letting the `TestClock` run through every wait (up to a day). */
export const runWithClock = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<Exit.Exit<A, E>, never, R> =>
  Effect.gen(function* () {
    const fiber = yield* Effect.forkChild(effect)
    yield* TestClock.adjust("1 days")
    return yield* Fiber.await(fiber)
  })

/** `Random` answering `values` in turn (the last one repeats). */
export const fixedRandom = (values: ReadonlyArray<number>) => {
  let next = 0
  const draw = () => values[Math.min(next++, values.length - 1)] ?? 0
  return <A, E, R>(effect: Effect.Effect<A, E, R>) =>
    Effect.provideService(effect, Random.Random, {
      nextDoubleUnsafe: draw,
      nextIntUnsafe: () => Math.floor(draw() * Number.MAX_SAFE_INTEGER)
    })
}

/** The failure of an exit that must have failed. */
export const failureOf = <A, E>(exit: Exit.Exit<A, E>): E => {
  if (exit._tag === "Success") throw new Error("expected a failure, got a success")
  const reason = exit.cause.reasons[0]
  if (reason?._tag !== "Fail") throw new Error(`expected a typed failure, got ${String(exit)}`)
  return reason.error
}
