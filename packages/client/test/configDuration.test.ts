/**
 * `CLERK_TIMEOUT` in the forms people type (issue 14): `700ms` was refused while `700 millis` worked.
 */
import { describe, expect, it } from "@effect/vitest"
import { ConfigProvider, Duration, Effect, Either, Option } from "effect"
import { ClerkTransport, ConfigDuration } from "../src/index.js"

const withEnv = (env: Record<string, string>) =>
  Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env))))

describe("ConfigDuration", () => {
  it.effect.each([
    ["700ms", 700],
    ["700 ms", 700],
    ["700 millis", 700],
    ["5s", 5_000],
    ["1.5s", 1_500],
    ["10 seconds", 10_000],
    ["2m", 120_000],
    ["2 minutes", 120_000],
    ["1h", 3_600_000],
    ["700", 700]
  ] as const)("CLERK_TIMEOUT=%s is %d ms", ([text, millis]) =>
    Effect.gen(function* () {
      const options = yield* ClerkTransport.ClientOptionsConfig.pipe(
        withEnv({ CLERK_SECRET_KEY: "sk_test_x", CLERK_TIMEOUT: text })
      )
      expect(options.timeout === undefined ? undefined : Duration.toMillis(options.timeout)).toBe(millis)
    })
  )

  it.effect("no CLERK_TIMEOUT leaves the default", () =>
    Effect.gen(function* () {
      const options = yield* ClerkTransport.ClientOptionsConfig.pipe(withEnv({ CLERK_SECRET_KEY: "sk_test_x" }))
      expect(options.timeout).toBeUndefined()
    })
  )

  it.effect.each(["soon", "5 parsecs", "-3s", "", "ms"])("CLERK_TIMEOUT=%j fails saying what it takes", (text) =>
    Effect.gen(function* () {
      const result = yield* Effect.either(
        ClerkTransport.ClientOptionsConfig.pipe(withEnv({ CLERK_SECRET_KEY: "sk_test_x", CLERK_TIMEOUT: text }))
      )
      expect(Either.isLeft(result)).toBe(true)
      if (Either.isLeft(result)) {
        expect(String(result.left)).toContain("CLERK_TIMEOUT")
        expect(String(result.left)).toContain("700ms, 5s, 2m")
      }
    })
  )

  it("parse reads Effect's other forms too", () => {
    expect(Option.map(ConfigDuration.parse("2 days"), Duration.toHours)).toEqual(Option.some(48))
    expect(ConfigDuration.parse("fast")).toEqual(Option.none())
  })
})
