import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as DurationText from "../src/grammar/Duration.js"
import * as RetryAfter from "../src/grammar/RetryAfter.js"

describe("Retry-After", () => {
  const now = Date.UTC(2026, 11, 7, 12, 0, 0)

  it("reads delay-seconds, fractions included", () => {
    expect(RetryAfter.parse("120", now)).toBe(120_000)
    expect(RetryAfter.parse(" 1.5 ", now)).toBe(1_500)
    expect(RetryAfter.parse("0", now)).toBe(0)
  })

  it("is no wait for negatives, garbage and absence", () => {
    for (const v of ["-1", "-0.5", "soon", "", "1e3", "Infinity", "1,5"])
      expect(RetryAfter.parse(v, now)).toBeUndefined()
    expect(RetryAfter.parse(undefined, now)).toBeUndefined()
  })

  it("clamps huge values to the cap", () => {
    expect(RetryAfter.parse("99999999999999999999", now, 20_000)).toBe(20_000)
    expect(RetryAfter.parse("Fri, 31 Dec 9999 23:59:59 GMT", now, 20_000)).toBe(20_000)
  })

  it("reads the three HTTP date forms, from the given now; a past date is a zero wait", () => {
    expect(RetryAfter.parse("Mon, 07 Dec 2026 12:00:05 GMT", now)).toBe(5_000)
    expect(RetryAfter.parse("Monday, 07-Dec-26 12:00:05 GMT", now)).toBe(5_000)
    expect(RetryAfter.parse("Mon Dec  7 12:00:05 2026", now)).toBe(5_000)
    expect(RetryAfter.parse("Mon, 07 Dec 2026 11:00:00 GMT", now)).toBe(0)
  })

  it("refuses dates that do not exist", () => {
    for (const v of [
      "Mon, 30 Feb 2026 12:00:00 GMT",
      "Mon, 07 Dec 2026 25:00:00 GMT",
      "Mon, 07 Foo 2026 12:00:00 GMT"
    ]) {
      expect(RetryAfter.parse(v, now)).toBeUndefined()
    }
  })

  it("measures a date from the response's own Date header", () => {
    expect(
      RetryAfter.fromHeaders({ "retry-after": "Mon, 07 Dec 2026 12:00:03 GMT", date: "Mon, 07 Dec 2026 12:00:00 GMT" })
    ).toBe(3_000)
    expect(RetryAfter.fromHeaders({ "retry-after": "Mon, 07 Dec 2026 12:00:03 GMT" })).toBeUndefined()
    expect(RetryAfter.fromHeaders({ "retry-after": "2" })).toBe(2_000)
    expect(RetryAfter.fromHeaders({})).toBeUndefined()
  })

  it("never throws and never answers a negative or non-finite wait", () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0, max: 2 ** 40 }), (value, at) => {
        const wait = RetryAfter.parse(value, at)
        if (wait !== undefined) expect(wait >= 0 && Number.isFinite(wait)).toBe(true)
      }),
      { numRuns: 500 }
    )
  })
})

describe("Duration text", () => {
  it("reads compact and long forms; a plain number is milliseconds", () => {
    const cases: Array<[string, number]> = [
      ["700", 700],
      ["700ms", 700],
      ["5s", 5_000],
      [" 2 m ", 120_000],
      ["1h", 3_600_000],
      ["10 seconds", 10_000],
      ["1.5s", 1_500],
      ["2 days", 172_800_000],
      ["1 week", 604_800_000],
      ["3 nanos", 3e-6]
    ]
    for (const [text, millis] of cases) expect(DurationText.parse(text)).toEqual({ ok: true, millis })
  })

  it("refuses negatives with a message that says so", () => {
    for (const text of ["-5 seconds", "-5s", "-700"]) {
      const parsed = DurationText.parse(text)
      expect(parsed.ok).toBe(false)
      if (!parsed.ok) expect(parsed.message).toMatch(/cannot be negative/)
    }
  })

  it("refuses what is not a duration, naming the forms it takes", () => {
    for (const text of ["", "soon", "5 parsecs", "5s5", "1e3"]) {
      const parsed = DurationText.parse(text)
      expect(parsed.ok).toBe(false)
      if (!parsed.ok) expect(parsed.message).toContain("700ms")
    }
  })
})
