import { describe, expect, it } from "@effect/vitest"
import { Duration, Option } from "effect"
import * as fc from "fast-check"
import { parse as parseRetryAfter } from "../../src/RetryAfter.js"

const now = Date.UTC(2026, 4, 12, 10, 0, 0)
const cap = Duration.seconds(20)
const millis = (value: string | undefined, at = now) =>
  Option.map(parseRetryAfter(value, at, cap), Duration.toMillis).pipe(Option.getOrUndefined)

describe("Retry-After parsing", () => {
  it("reads delay-seconds, including fractions and surrounding blanks", () => {
    expect(millis("3")).toBe(3000)
    expect(millis("0")).toBe(0)
    expect(millis(" 1.5 ")).toBe(1500)
  })

  it("reads an IMF-fixdate relative to the clock, and the obsolete RFC 850 and asctime forms", () => {
    expect(millis(new Date(now + 7000).toUTCString())).toBe(7000)
    expect(millis("Tuesday, 12-May-26 10:00:05 GMT")).toBe(5000)
    expect(millis("Tue May 12 10:00:04 2026")).toBe(4000)
  })

  it("treats a date in the past as no wait", () => {
    expect(millis(new Date(now - 60_000).toUTCString())).toBe(0)
  })

  it("caps long waits, in seconds or as a date", () => {
    expect(millis("3600")).toBe(20_000)
    expect(millis(new Date(now + 3_600_000).toUTCString())).toBe(20_000)
  })

  it("ignores absent, negative and garbage values", () => {
    for (const value of [undefined, "", "-5", "soon", "5s", "1e3", "NaN", "Infinity", "12 May 2026", "0x10"]) {
      expect(millis(value), String(value)).toBeUndefined()
    }
  })

  it("property: delay-seconds and dates round-trip, capped", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: -100_000, max: 100_000 }),
        (seconds, dateOffset) => {
          expect(millis(String(seconds))).toBe(Math.min(seconds * 1000, 20_000))
          const at = now + dateOffset * 1000
          expect(millis(new Date(at).toUTCString())).toBe(Math.min(Math.max(0, dateOffset * 1000), 20_000))
        }
      )
    )
  })
})
