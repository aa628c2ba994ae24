import { describe, expect, it } from "vitest"
import { mayHaveApplied, stamp } from "../src/Outcome.js"
import * as Backoff from "../src/retry/Backoff.js"
import * as Budget from "../src/retry/Budget.js"
import { CallAccount } from "../src/retry/CallAccount.js"
import { classify, isRefusal, isRetryable } from "../src/retry/Classify.js"

const status = (s: number) => ({ _tag: "X", status: s })

describe("Classify", () => {
  it("classifies by tag and status", () => {
    expect(classify(status(429))).toBe("throttled")
    for (const s of [500, 502, 503, 504]) expect(classify(status(s))).toBe("transient")
    expect(classify({ _tag: "TransportError" })).toBe("transient")
    expect(classify({ _tag: "Timeout" })).toBe("transient")
    for (const e of [
      status(400),
      status(501),
      { _tag: "ResponseDecodeError", status: 503 },
      { _tag: "InvalidInput" },
      null,
      "x"
    ]) {
      expect(classify(e)).toBe("permanent")
    }
  })

  it("repeats an ambiguous failure only when that is safe", () => {
    expect(isRetryable(status(503), { operation: "create", idempotent: false })).toBe(false)
    expect(isRetryable(status(503), { operation: "create", idempotent: false, reconciled: true })).toBe(true)
    expect(isRetryable(status(429), { operation: "create", idempotent: false })).toBe(true)
    expect(isRetryable(status(404), { operation: "list", idempotent: true })).toBe(false)
  })

  it("recognises a refusal by status and code", () => {
    const applied = isRefusal(400, "already_a_member_in_organization")
    expect(applied({ status: 400, errors: [{ code: "already_a_member_in_organization" }] })).toBe(true)
    expect(applied({ status: 400, errors: [{ code: "other" }] })).toBe(false)
    expect(applied({ status: 422, errors: [{ code: "already_a_member_in_organization" }] })).toBe(false)
  })
})

describe("Backoff", () => {
  const context = { operation: "list", idempotent: true }
  const base = { retries: 0, nowMillis: 0, startMillis: 0, retryAfterMillis: undefined, random: 0.5 }

  it("grows the computed delay and caps it", () => {
    const t = Backoff.Defaults
    expect([0, 1, 2].map((r) => Backoff.computedDelayMillis(t, r))).toEqual([500, 750, 1125])
    expect(Backoff.computedDelayMillis(t, 50)).toBe(10_000)
  })

  it("waits a jittered delay, or the Retry-After when there is one", () => {
    expect(Backoff.decide(Backoff.Defaults, context, { ...base, error: status(503) })).toBe(250)
    expect(Backoff.decide(Backoff.Defaults, context, { ...base, error: status(429), retryAfterMillis: 1500 })).toBe(
      1500
    )
    expect(Backoff.usesRandom(Backoff.Defaults, 1500)).toBe(false)
    expect(Backoff.decide({ ...Backoff.Defaults, jitter: false }, context, { ...base, error: status(503) })).toBe(500)
  })

  it("stops on a permanent error, after the last attempt, past the elapsed limit, and when the budget cannot pay", () => {
    const t = Backoff.Defaults
    expect(Backoff.decide(t, context, { ...base, error: status(400) })).toBeUndefined()
    expect(Backoff.decide(t, context, { ...base, error: status(503), retries: 4 })).toBeUndefined()
    expect(Backoff.decide(t, context, { ...base, error: status(503), nowMillis: 29_900 })).toBeUndefined()
    expect(Backoff.decide(t, context, { ...base, error: status(503), charge: () => false })).toBeUndefined()
  })
})

describe("Budget and CallAccount", () => {
  it("charges retries and time-outs, refuses when dry, refills on success up to capacity", () => {
    const tokens = Budget.make({ capacity: 12 })
    expect(tokens.take({ _tag: "Timeout" })).toBe(10)
    expect(tokens.take(status(503))).toBeUndefined()
    expect(tokens.remaining).toBe(2)
    tokens.give(100)
    expect(tokens.remaining).toBe(12)
  })

  it("an unlimited budget always pays", () => {
    const tokens = Budget.make(Budget.unlimited)
    for (let i = 0; i < 1000; i++) expect(tokens.take(status(503))).toBe(0)
  })

  it("gives back the last retry's price after a retried success, one token after a clean one", () => {
    const tokens = Budget.make({ capacity: 100 })
    const retried = new CallAccount(0, tokens)
    retried.started()
    expect(retried.charge(status(503))).toBe(true)
    expect(tokens.remaining).toBe(95)
    retried.succeeded()
    expect(tokens.remaining).toBe(100)
    tokens.take(status(503))
    const clean = new CallAccount(0, tokens)
    clean.started()
    clean.succeeded()
    expect(tokens.remaining).toBe(96)
  })

  it("says a write's outcome is unknown after an ambiguous attempt, not after a refusal", () => {
    const ambiguous = new CallAccount(0, Budget.make())
    ambiguous.started()
    ambiguous.charge(status(503))
    ambiguous.started()
    const error = { _tag: "BadRequest", status: 400, attempts: 1 }
    expect(ambiguous.finalError(error, true)).toMatchObject({ attempts: 2, outcome: "unknown" })
    expect(ambiguous.finalError(error, false)).not.toHaveProperty("outcome")
    const refused = new CallAccount(0, Budget.make())
    refused.started()
    refused.failed(error)
    expect(refused.finalError(error, true)).not.toHaveProperty("outcome")
  })
})

describe("Outcome", () => {
  it("a 2xx that could not be read may have been applied; a refusal was not", () => {
    expect(mayHaveApplied({ _tag: "ResponseDecodeError", status: 200 })).toBe(true)
    expect(mayHaveApplied({ _tag: "ResponseDecodeError", status: 0 })).toBe(false)
    expect(mayHaveApplied({ _tag: "ResponseDecodeError", status: 503 })).toBe(true)
    expect(mayHaveApplied({ _tag: "ResponseDecodeError", status: 422 })).toBe(false)
    expect(mayHaveApplied(status(422))).toBe(false)
  })

  it("stamps a copy of the same class, keeping the stack", () => {
    class E extends Error {
      readonly attempts = 1
    }
    const e = new E("x")
    const stamped = stamp(e, 3, "unknown")
    expect(stamped).toBeInstanceOf(E)
    expect(stamped).toMatchObject({ attempts: 3, outcome: "unknown" })
    expect(stamped.stack).toBe(e.stack)
    expect(stamp(e, 1)).toBe(e)
  })
})
