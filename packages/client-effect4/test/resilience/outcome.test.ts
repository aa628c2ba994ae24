/**
 * What a write that keeps failing returns, through the operations over the test HttpClient on the
 * TestClock: the membership when a read-back can tell, else an error whose `outcome` says whether
 * it may have been applied.
 */
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import {
  create,
  deleteMembership,
  isOutcomeUnknown,
  Operations,
  RetryPolicy,
  update,
  updateMetadata
} from "../../src/index.js"
import { failureOf, runWithClock } from "../support/clock.js"
import { describe, expect, it } from "@effect/vitest"
import { transportLayer } from "../support/harness.js"
import * as TestHttp from "../support/TestHttpClient.js"
import { clerkErrorsWire, membershipWire, pageWire } from "../support/wire.js"

const input = { organizationId: "org_1", userId: "user_1", role: "org:member" }
const membership = { organizationId: "org_1", userId: "user_1" }
const member = membershipWire({ id: "orgmem_readback" })
const alreadyAMember = TestHttp.json(400, clerkErrorsWire("already_a_member_in_organization"))
const status = (code: number, headers: Record<string, string> = {}) => TestHttp.json(code, {}, headers)
const route = (http: TestHttp.TestHttpClient) => http.requests.map((r) => r.method)
const posts = (http: TestHttp.TestHttpClient) => http.requests.filter((r) => r.method === "POST").length
/** The transport with the client's default retry policy and budget. */
const retrying = (http: TestHttp.TestHttpClient) => transportLayer(http, { retry: RetryPolicy.defaultPolicy })

describe("create: the read-back", () => {
  it.effect("is retried on its own; its 503s and 429s are not create attempts", () =>
    Effect.gen(function* () {
      const reads = [status(503), status(429, { "retry-after": "1" })]
      let read = 0
      const http = TestHttp.make((request, index) =>
        request.method === "GET"
          ? (reads[read++] ?? TestHttp.json(200, pageWire([member])))
          : index === 0
            ? TestHttp.fail("reset")
            : alreadyAMember
      )
      const exit = yield* runWithClock(create(input).pipe(Effect.provide(retrying(http))))
      expect(route(http)).toStrictEqual(["POST", "POST", "GET", "GET", "GET"])
      expect(Exit.isSuccess(exit) && exit.value.id).toBe("orgmem_readback")
    })
  )

  it.effect("when every attempt ends ambiguously, a last read-back that finds the membership returns it", () =>
    Effect.gen(function* () {
      const http = TestHttp.make((request) =>
        request.method === "GET" ? TestHttp.json(200, pageWire([member])) : status(503)
      )
      const exit = yield* runWithClock(create(input).pipe(Effect.provide(retrying(http))))
      expect(route(http)).toStrictEqual(["POST", "POST", "POST", "POST", "POST", "GET"])
      expect(Exit.isSuccess(exit) && exit.value.id).toBe("orgmem_readback")
    })
  )

  it.effect("a last read-back that finds nothing: the create's last error, outcome unknown", () =>
    Effect.gen(function* () {
      const http = TestHttp.make((request) =>
        request.method === "GET" ? TestHttp.json(200, pageWire([])) : status(502)
      )
      const exit = yield* runWithClock(create(input).pipe(Effect.provide(retrying(http))))
      const error = failureOf(exit)
      expect(error).toMatchObject({ _tag: "ClerkApiError", status: 502, attempts: 5, outcome: "unknown" })
      expect(isOutcomeUnknown(error)).toBe(true)
      expect(error.message).toContain("outcome unknown")
    })
  )

  it.effect("a last read-back that keeps failing: the create's last error, outcome unknown", () =>
    Effect.gen(function* () {
      const http = TestHttp.make((request) => (request.method === "GET" ? status(503) : TestHttp.hang))
      const exit = yield* runWithClock(create(input, { timeout: "1 second" }).pipe(Effect.provide(retrying(http))))
      expect(posts(http)).toBe(5)
      expect(failureOf(exit)).toMatchObject({ _tag: "Timeout", attempts: 5, outcome: "unknown" })
    })
  )

  it.effect("a create refused without any ambiguous attempt was not applied: no outcome, nothing read", () =>
    Effect.gen(function* () {
      const http = TestHttp.make([
        status(429, { "retry-after": "0" }),
        TestHttp.json(404, clerkErrorsWire("resource_not_found"))
      ])
      const exit = yield* runWithClock(create(input).pipe(Effect.provide(retrying(http))))
      const error = failureOf(exit)
      expect(route(http)).toStrictEqual(["POST", "POST"])
      expect(error).toMatchObject({ _tag: "NotFound", attempts: 2 })
      expect(error).not.toHaveProperty("outcome")
      expect(isOutcomeUnknown(error)).toBe(false)
    })
  )

  it.effect("a 2xx create whose body cannot be read is read back (it was applied)", () =>
    Effect.gen(function* () {
      const http = TestHttp.make((request) =>
        request.method === "GET" ? TestHttp.json(200, pageWire([member])) : TestHttp.json(200, { id: 7 })
      )
      const exit = yield* runWithClock(create(input).pipe(Effect.provide(retrying(http))))
      expect(route(http)).toStrictEqual(["POST", "GET"])
      expect(Exit.isSuccess(exit) && exit.value.id).toBe("orgmem_readback")
    })
  )

  it.effect("the total time-out ends the read-back too: outcome unknown", () =>
    Effect.gen(function* () {
      const http = TestHttp.make((request) => (request.method === "GET" ? TestHttp.hang : status(503)))
      const exit = yield* runWithClock(
        create(input, { totalTimeout: "5 seconds" }).pipe(Effect.provide(retrying(http)))
      )
      expect(failureOf(exit)).toMatchObject({ _tag: "Timeout", attempts: 5, outcome: "unknown" })
      expect(http.interrupted()).toBe(1)
    })
  )

  it.effect("withHttpInfo follows the same rules", () =>
    Effect.gen(function* () {
      const http = TestHttp.make((request) =>
        request.method === "GET" ? TestHttp.json(200, pageWire([])) : status(503)
      )
      const exit = yield* runWithClock(
        Operations.make()
          .withHttpInfo.create(input)
          .pipe(Effect.provide(retrying(http)))
      )
      expect(failureOf(exit)).toMatchObject({ status: 503, outcome: "unknown" })
    })
  )
})

describe("idempotent writes repeated after an ambiguous attempt", () => {
  it.effect("delete: a repeat that finds 404 fails with NotFound, outcome unknown (gone, by it or before)", () =>
    Effect.gen(function* () {
      const http = TestHttp.make([TestHttp.fail("reset"), TestHttp.json(404, clerkErrorsWire("resource_not_found"))])
      const exit = yield* runWithClock(deleteMembership(membership).pipe(Effect.provide(retrying(http))))
      expect(failureOf(exit)).toMatchObject({ _tag: "NotFound", attempts: 2, outcome: "unknown" })
    })
  )

  it.effect("delete: a 404 at once was not applied by this call: NotFound without outcome", () =>
    Effect.gen(function* () {
      const http = TestHttp.make([TestHttp.json(404, clerkErrorsWire("resource_not_found"))])
      const exit = yield* runWithClock(deleteMembership(membership).pipe(Effect.provide(retrying(http))))
      expect(failureOf(exit)).toMatchObject({ _tag: "NotFound", attempts: 1 })
      expect(failureOf(exit)).not.toHaveProperty("outcome")
    })
  )

  it.effect("updateMetadata: a repeat returns the membership as merged by the repeat (same patch, same result)", () =>
    Effect.gen(function* () {
      const merged = membershipWire({ public_metadata: { plan: "pro" } })
      const http = TestHttp.make([status(503), TestHttp.json(200, merged)])
      const exit = yield* runWithClock(
        updateMetadata({ ...membership, publicMetadata: { plan: "pro" } }).pipe(Effect.provide(retrying(http)))
      )
      expect(http.requests.map((r) => JSON.parse(r.bodyText ?? "null"))).toStrictEqual([
        { public_metadata: { plan: "pro" } },
        { public_metadata: { plan: "pro" } }
      ])
      expect(Exit.isSuccess(exit) && exit.value.publicMetadata).toStrictEqual({ plan: "pro" })
    })
  )

  it.effect("update and updateMetadata whose attempts end ambiguously fail with outcome unknown", () =>
    Effect.gen(function* () {
      for (const call of [
        update({ ...membership, role: "org:admin" }),
        updateMetadata({ ...membership, privateMetadata: { a: null } })
      ]) {
        const http = TestHttp.make([status(504)])
        const exit = yield* runWithClock(call.pipe(Effect.provide(retrying(http))))
        expect(http.requests).toHaveLength(5)
        expect(failureOf(exit)).toMatchObject({ status: 504, attempts: 5, outcome: "unknown" })
      }
    })
  )

  it.effect("a write with retries off fails at once, outcome unknown; a read never has one", () =>
    Effect.gen(function* () {
      const write = TestHttp.make([TestHttp.fail("reset")])
      const exit = yield* runWithClock(
        update({ ...membership, role: "org:admin" }, { retry: RetryPolicy.none }).pipe(Effect.provide(retrying(write)))
      )
      expect(failureOf(exit)).toMatchObject({ _tag: "TransportError", attempts: 1, outcome: "unknown" })
      const read = TestHttp.make([TestHttp.fail("reset")])
      const listed = yield* runWithClock(
        Operations.make()
          .list({ organizationId: "org_1" }, { retry: RetryPolicy.none })
          .pipe(Effect.provide(retrying(read)))
      )
      expect(failureOf(listed)).toMatchObject({ _tag: "TransportError", attempts: 1 })
      expect(failureOf(listed)).not.toHaveProperty("outcome")
    })
  )
})
