/**
 * `it.effect` for vitest 3, written against Effect 4: each test's effect runs in its own scope with
 * Effect 4's `TestClock` and `TestConsole` (so timing rules are checked on virtual time, never with
 * real sleeps), and a failure is thrown as the error it failed with. `it.live` runs on the real
 * clock. This is what `@effect/vitest` 4 does; it is not used because `@effect/vitest` 4.0.x needs
 * vitest 5, which needs Node 22 (the project runs on Node 20), and its version (4.0.5) is not the
 * one every other Effect package is pinned to (4.1.0).
 */
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import * as TestClock from "effect/testing/TestClock"
import * as TestConsole from "effect/testing/TestConsole"
import * as V from "vitest"

/** The services every `it.effect` test has. */
export type TestServices = TestClock.TestClock | TestConsole.TestConsole | Scope.Scope

const TestEnv = Layer.mergeAll(TestConsole.layer, TestClock.layer())

const runExit = async <A, E>(effect: Effect.Effect<A, E>): Promise<void> => {
  const exit = await Effect.runPromise(Effect.exit(effect))
  if (Exit.isSuccess(exit)) return
  // an assertion thrown inside the effect is a defect: rethrow it as it was
  throw Cause.squash(exit.cause)
}

const runTest = <A, E>(effect: Effect.Effect<A, E, TestServices>) =>
  runExit(effect.pipe(Effect.scoped, Effect.provide(TestEnv)))

const runLive = <A, E>(effect: Effect.Effect<A, E, Scope.Scope>) => runExit(Effect.scoped(effect))

type Timeout = number | undefined

/** A test of effects needing `R`: `(name, () => effect, timeout?)`, and `.each(cases)(name, (case) => effect)`. */
export interface Tester<R> {
  <A, E>(name: string, self: () => Effect.Effect<A, E, R>, timeout?: Timeout): void
  readonly each: <T>(
    cases: ReadonlyArray<T>
  ) => <A, E>(name: string, self: (args: T) => Effect.Effect<A, E, R>, timeout?: Timeout) => void
}

const tester = <R>(runner: <A, E>(effect: Effect.Effect<A, E, R>) => Promise<void>): Tester<R> => {
  const test = <A, E>(name: string, self: () => Effect.Effect<A, E, R>, timeout?: Timeout) =>
    V.it(name, { ...(timeout === undefined ? {} : { timeout }) }, () => runner(Effect.suspend(self)))
  const each =
    <T>(cases: ReadonlyArray<T>) =>
    <A, E>(name: string, self: (args: T) => Effect.Effect<A, E, R>, timeout?: Timeout) =>
      V.it.for(cases)(name, { ...(timeout === undefined ? {} : { timeout }) }, (args) =>
        runner(Effect.suspend(() => self(args)))
      )
  return Object.assign(test, { each })
}

/** vitest's `it`, with `effect` (TestClock, TestConsole, a scope) and `live` (the real clock, a scope). */
export const it: typeof V.it & { readonly effect: Tester<TestServices>; readonly live: Tester<Scope.Scope> } = (() => {
  const added: Record<PropertyKey, unknown> = { effect: tester(runTest), live: tester(runLive) }
  // a proxy, as @effect/vitest does: vitest's own `it` (and its helpers) stays untouched
  return new Proxy(V.it, {
    get: (target, property, receiver) =>
      Object.hasOwn(added, property) ? added[property] : Reflect.get(target, property, receiver)
  }) as typeof V.it & { readonly effect: Tester<TestServices>; readonly live: Tester<Scope.Scope> }
})()

export { describe, expect } from "vitest"
