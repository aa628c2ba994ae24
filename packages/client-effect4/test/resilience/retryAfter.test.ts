/**
 * `RetryAfter`: the header read by Effect's own grammar (`Headers.parseRetryAfter`), capped, and
 * an HTTP date measured from the clock given or from the response's own `Date`.
 */
import * as Duration from "effect/Duration"
import * as Option from "effect/Option"
import * as fc from "fast-check"
import * as RetryAfter from "../../src/RetryAfter.js"
import { describe, expect, it } from "@effect/vitest"

const now = Date.UTC(2026, 4, 12, 10, 0, 0)
const cap = Duration.seconds(20)
const millis = (value: string | undefined, at = now) =>
  Option.getOrUndefined(Option.map(RetryAfter.parse(value, at, cap), Duration.toMillis))
const fromHeaders = (headers: Record<string, string>) =>
  Option.getOrUndefined(Option.map(RetryAfter.fromHeaders(headers), Duration.toMillis))
const httpDate = (at: number) => new Date(at).toUTCString()

describe("RetryAfter.parse", () => {
  it("reads whole delay-seconds, with surrounding blanks", () => {
    expect(millis("3")).toBe(3000)
    expect(millis("0")).toBe(0)
    expect(millis(" 2 ")).toBe(2000)
  })

  it("reads an IMF-fixdate relative to the clock, and the obsolete RFC 850 and asctime forms", () => {
    expect(millis(httpDate(now + 7000))).toBe(7000)
    expect(millis("Tuesday, 12-May-26 10:00:05 GMT")).toBe(5000)
    expect(millis("Tue May 12 10:00:04 2026")).toBe(4000)
  })

  it("treats a date in the past as no wait", () => {
    expect(millis(httpDate(now - 60_000))).toBe(0)
  })

  it("caps long waits, in seconds or as a date; without a cap, none", () => {
    expect(millis("3600")).toBe(20_000)
    expect(millis(httpDate(now + 3_600_000))).toBe(20_000)
    expect(Option.map(RetryAfter.parse("3600", now), Duration.toMillis)).toStrictEqual(Option.some(3_600_000))
  })

  it("honours a fraction of a second (the core's one rule for both lines)", () => {
    expect(millis("1.5")).toBe(1500)
  })

  it("ignores absent, negative and garbage values, and dates that do not exist", () => {
    for (const value of [
      undefined,
      "",
      "-5",
      "soon",
      "5s",
      "1e3",
      "NaN",
      "Infinity",
      "12 May 2026",
      "0x10",
      "Wed, 31 Jun 2026 10:00:00 GMT"
    ]) {
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
          expect(millis(httpDate(now + dateOffset * 1000))).toBe(Math.min(Math.max(0, dateOffset * 1000), 20_000))
        }
      )
    )
  })
})

describe("RetryAfter.fromHeaders", () => {
  it("delay-seconds as they are, whatever the Date", () => {
    expect(fromHeaders({ "retry-after": "7" })).toBe(7000)
    expect(fromHeaders({ "retry-after": "7", date: "not a date" })).toBe(7000)
  })

  it("an HTTP date measured from the response's Date header (the server's clock), uncapped", () => {
    expect(fromHeaders({ "retry-after": httpDate(now + 9000), date: httpDate(now) })).toBe(9000)
    expect(fromHeaders({ "retry-after": httpDate(now + 3_600_000), date: httpDate(now) })).toBe(3_600_000)
    expect(fromHeaders({ "retry-after": httpDate(now - 5000), date: httpDate(now) })).toBe(0)
  })

  it("nothing without the header, for an unparsable one, or for a date without a valid Date", () => {
    expect(fromHeaders({})).toBeUndefined()
    expect(fromHeaders({ "retry-after": "soon", date: httpDate(now) })).toBeUndefined()
    expect(fromHeaders({ "retry-after": httpDate(now + 9000) })).toBeUndefined()
    expect(fromHeaders({ "retry-after": httpDate(now + 9000), date: "yesterday" })).toBeUndefined()
  })
})
