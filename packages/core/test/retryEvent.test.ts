import { describe, expect, it } from "vitest"
import * as Backoff from "../src/retry/Backoff.js"
import * as RetryEvent from "../src/retry/RetryEvent.js"

const status = (s: number, tag = "X") => ({ _tag: tag, status: s })
const read = { operation: "list", idempotent: true }
const write = { operation: "create", idempotent: false }
const base = { retries: 0, nowMillis: 0, startMillis: 0, retryAfterMillis: undefined, random: 0.5 }

describe("Backoff.decision: why a failure is retried or not", () => {
  const t = Backoff.Defaults

  it("a retry says how long and whether Retry-After or the backoff set the wait", () => {
    expect(Backoff.decision(t, read, { ...base, error: status(503) })).toStrictEqual({
      _tag: "Retry",
      delayMillis: 250,
      source: "backoff"
    })
    expect(Backoff.decision(t, read, { ...base, error: status(429), retryAfterMillis: 2000 })).toStrictEqual({
      _tag: "Retry",
      delayMillis: 2000,
      source: "retry_after"
    })
  })

  it("a stop names its reason", () => {
    const stop = (reason: Backoff.StopReason) => ({ _tag: "Stop", reason })
    expect(Backoff.decision(t, read, { ...base, error: status(404) })).toStrictEqual(stop("permanent"))
    expect(Backoff.decision(t, write, { ...base, error: status(503) })).toStrictEqual(stop("unsafe"))
    expect(Backoff.decision(t, read, { ...base, error: status(503), retries: 4 })).toStrictEqual(
      stop("attempts_exhausted")
    )
    expect(Backoff.decision(t, read, { ...base, error: status(503), nowMillis: 29_900 })).toStrictEqual(
      stop("elapsed_exceeded")
    )
    expect(Backoff.decision(t, read, { ...base, error: status(503), charge: () => false })).toStrictEqual(
      stop("budget_exhausted")
    )
  })

  it("refusal is the stop known before timing, random and budget", () => {
    expect(Backoff.refusal(t, read, status(503), 0)).toBeUndefined()
    expect(Backoff.refusal(t, read, status(400), 0)).toBe("permanent")
    expect(Backoff.refusal(t, write, { _tag: "Timeout" }, 0)).toBe("unsafe")
    expect(Backoff.refusal(t, read, status(429), 4)).toBe("attempts_exhausted")
  })

  it("decide is the decision's delay (undefined for a stop), for every input", () => {
    const errors = [status(429), status(503), status(404), { _tag: "TransportError" }, { _tag: "Timeout" }]
    for (const error of errors)
      for (const context of [read, write])
        for (const retries of [0, 3, 4])
          for (const nowMillis of [0, 29_900])
            for (const retryAfterMillis of [undefined, 1000])
              for (const charge of [undefined, () => false]) {
                const attempted = { ...base, error, retries, nowMillis, retryAfterMillis, charge }
                const d = Backoff.decision(t, context, attempted)
                expect(Backoff.decide(t, context, attempted)).toBe(d._tag === "Retry" ? d.delayMillis : undefined)
              }
  })
})

describe("RetryEvent: what a retry, a stop or a rate-limit wait reports", () => {
  const attempt = { operation: "list", attempt: 1, maxAttempts: 5 }

  it("names the failure: status when there is one, the reason in every case", () => {
    expect(RetryEvent.failureOf(status(429, "TooManyRequests"))).toStrictEqual({
      reason: "throttled",
      status: 429,
      type: "TooManyRequests"
    })
    expect(RetryEvent.failureOf(status(503, "ClerkApiError"))).toStrictEqual({
      reason: "server_error",
      status: 503,
      type: "ClerkApiError"
    })
    expect(RetryEvent.failureOf({ _tag: "TransportError", reason: "Transport: ECONNRESET" })).toStrictEqual({
      reason: "transport_error",
      status: undefined,
      type: "TransportError"
    })
    expect(RetryEvent.failureOf({ _tag: "Timeout" })).toStrictEqual({
      reason: "timeout",
      status: undefined,
      type: "Timeout"
    })
    expect(RetryEvent.failureOf(status(404, "NotFound")).reason).toBe("other")
    expect(RetryEvent.failureOf("boom")).toStrictEqual({ reason: "other", status: undefined, type: undefined })
  })

  it("a retry after a 429 with Retry-After", () => {
    const event = RetryEvent.ofDecision(attempt, status(429, "TooManyRequests"), {
      _tag: "Retry",
      delayMillis: 2000,
      source: "retry_after"
    })
    expect(event).toStrictEqual({
      name: "clerk.retry",
      message:
        "Retrying list: attempt 1 of 5 failed with status 429 (throttled); next attempt in 2000 ms (Retry-After)",
      attributes: {
        "clerk.operation": "list",
        "clerk.attempt": 1,
        "clerk.max_attempts": 5,
        "clerk.retry.reason": "throttled",
        "http.response.status_code": 429,
        "error.type": "TooManyRequests",
        "clerk.retry.delay_ms": 2000,
        "clerk.retry.delay_source": "retry_after"
      }
    })
  })

  it("a retry after a transport failure (no status attribute)", () => {
    const event = RetryEvent.ofDecision(
      { ...attempt, attempt: 2 },
      { _tag: "TransportError" },
      {
        _tag: "Retry",
        delayMillis: 312,
        source: "backoff"
      }
    )
    expect(event?.message).toBe(
      "Retrying list: attempt 2 of 5 failed with TransportError (transport_error); next attempt in 312 ms (backoff)"
    )
    expect(event?.attributes).not.toHaveProperty("http.response.status_code")
    expect(event?.attributes["error.type"]).toBe("TransportError")
  })

  it("a stop of a retryable failure says why; a permanent failure reports nothing", () => {
    const budget = RetryEvent.ofDecision({ ...attempt, attempt: 3 }, status(503, "ClerkApiError"), {
      _tag: "Stop",
      reason: "budget_exhausted"
    })
    expect(budget).toStrictEqual({
      name: "clerk.retry.stop",
      message: "Not retrying list: attempt 3 of 5 failed with status 503 (server_error); the retry budget is exhausted",
      attributes: {
        "clerk.operation": "list",
        "clerk.attempt": 3,
        "clerk.max_attempts": 5,
        "clerk.retry.reason": "server_error",
        "http.response.status_code": 503,
        "error.type": "ClerkApiError",
        "clerk.retry.stop_reason": "budget_exhausted"
      }
    })
    for (const reason of ["unsafe", "attempts_exhausted", "elapsed_exceeded"] as const) {
      const event = RetryEvent.ofDecision(attempt, status(503), { _tag: "Stop", reason })
      expect(event?.attributes["clerk.retry.stop_reason"]).toBe(reason)
      expect(event?.message.startsWith("Not retrying list: attempt 1 of 5 failed with status 503")).toBe(true)
    }
    expect(RetryEvent.ofDecision(attempt, status(404), { _tag: "Stop", reason: "permanent" })).toBeUndefined()
  })

  it("a wait on the client-side rate limiter", () => {
    expect(RetryEvent.rateLimited({ operation: "list", attempt: 2 }, 500)).toStrictEqual({
      name: "clerk.rate_limit.wait",
      message: "Rate limited list: attempt 2 delayed 500 ms by the client-side rate limiter",
      attributes: { "clerk.operation": "list", "clerk.attempt": 2, "clerk.rate_limit.delay_ms": 500 }
    })
  })

  it("carries no text of the error: only tags, numbers and the names above", () => {
    const secretish = {
      _tag: "TransportError",
      reason: "Bearer sk_test_SECRET",
      message: "sk_test_SECRET",
      status: undefined
    }
    const event = RetryEvent.ofDecision(attempt, secretish, { _tag: "Retry", delayMillis: 1, source: "backoff" })
    expect(JSON.stringify(event)).not.toContain("sk_test")
    // a tag that is not an identifier (not one of ours) is not reported
    const odd = RetryEvent.ofDecision(
      attempt,
      { _tag: "sk_test_SECRET x", status: 503 },
      {
        _tag: "Retry",
        delayMillis: 1,
        source: "backoff"
      }
    )
    expect(JSON.stringify(odd)).not.toContain("sk_test")
  })
})
