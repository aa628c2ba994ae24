/**
 * What a write that keeps failing returns, through the operations over a scripted HttpClient on
 * the TestClock: the membership when a read-back can tell, else an error whose `outcome` says
 * whether it may have been applied.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit } from "effect"
import {
  create,
  deleteMembership,
  isOutcomeUnknown,
  Operations,
  RetryPolicy,
  update,
  updateMetadata
} from "../../src/index.js"
import { clerkErrorsWire, membershipWire, pageWire } from "../support/wire.js"
import * as Scripted from "./support/Scripted.js"

const input = { organizationId: "org_1", userId: "user_1", role: "org:member" }
const membership = { organizationId: "org_1", userId: "user_1" }
const member = membershipWire({ id: "orgmem_readback" })
const alreadyAMember = Scripted.respond(400, clerkErrorsWire("already_a_member_in_organization"))
const failureOf = <A, E>(exit: Exit.Exit<A, E>): E => {
  if (Exit.isSuccess(exit) || exit.cause._tag !== "Fail") throw new Error(`expected a failure, got ${String(exit)}`)
  return exit.cause.error
}
const route = (calls: ReadonlyArray<Scripted.Call>) => calls.map((call) => call.method)
const posts = (calls: ReadonlyArray<Scripted.Call>) => calls.filter((call) => call.method === "POST").length

describe("create: the read-back", () => {
  it.effect("is retried on its own; its 503s and 429s are not create attempts (the bug: they were)", () =>
    Effect.gen(function* () {
      const reads = [Scripted.respond(503), Scripted.respond(429, {}, { "retry-after": "1" })]
      let read = 0
      const http = Scripted.make((call, index) =>
        call.method === "GET"
          ? (reads[read++] ?? Scripted.respond(200, pageWire([member])))
          : index === 0
            ? Scripted.reset
            : alreadyAMember
      )
      const exit = yield* Scripted.runWithClock(create(input).pipe(Effect.provide(Scripted.transport(http))))
      expect(route(http.calls)).toStrictEqual(["POST", "POST", "GET", "GET", "GET"])
      expect(Exit.isSuccess(exit) && exit.value.id).toBe("orgmem_readback")
    })
  )

  it.effect("when every attempt ends ambiguously, a last read-back that finds the membership returns it", () =>
    Effect.gen(function* () {
      const http = Scripted.make((call) =>
        call.method === "GET" ? Scripted.respond(200, pageWire([member])) : Scripted.respond(503)
      )
      const exit = yield* Scripted.runWithClock(create(input).pipe(Effect.provide(Scripted.transport(http))))
      expect(route(http.calls)).toStrictEqual(["POST", "POST", "POST", "POST", "POST", "GET"])
      expect(Exit.isSuccess(exit) && exit.value.id).toBe("orgmem_readback")
    })
  )

  it.effect("a last read-back that finds nothing: the create's last error, outcome unknown", () =>
    Effect.gen(function* () {
      const http = Scripted.make((call) =>
        call.method === "GET" ? Scripted.respond(200, pageWire([])) : Scripted.respond(502)
      )
      const exit = yield* Scripted.runWithClock(create(input).pipe(Effect.provide(Scripted.transport(http))))
      const error = failureOf(exit)
      expect(error).toMatchObject({ _tag: "ClerkApiError", status: 502, attempts: 5, outcome: "unknown" })
      expect(isOutcomeUnknown(error)).toBe(true)
      expect(error.message).toContain("outcome unknown")
    })
  )

  it.effect("a last read-back that keeps failing: the create's last error, outcome unknown", () =>
    Effect.gen(function* () {
      const http = Scripted.make((call) => (call.method === "GET" ? Scripted.respond(503) : Scripted.hang))
      const exit = yield* Scripted.runWithClock(
        create(input, { timeout: "1 second" }).pipe(Effect.provide(Scripted.transport(http)))
      )
      expect(posts(http.calls)).toBe(5)
      expect(failureOf(exit)).toMatchObject({ _tag: "Timeout", attempts: 5, outcome: "unknown" })
    })
  )

  it.effect("a create refused without any ambiguous attempt was not applied: no outcome, nothing read", () =>
    Effect.gen(function* () {
      const http = Scripted.make([
        Scripted.respond(429, {}, { "retry-after": "0" }),
        Scripted.respond(404, clerkErrorsWire("resource_not_found"))
      ])
      const exit = yield* Scripted.runWithClock(create(input).pipe(Effect.provide(Scripted.transport(http))))
      const error = failureOf(exit)
      expect(route(http.calls)).toStrictEqual(["POST", "POST"])
      expect(error).toMatchObject({ _tag: "NotFound", attempts: 2 })
      expect(error).not.toHaveProperty("outcome")
      expect(isOutcomeUnknown(error)).toBe(false)
    })
  )

  it.effect("a 2xx create whose body cannot be read is read back (it was applied)", () =>
    Effect.gen(function* () {
      const http = Scripted.make((call) =>
        call.method === "GET" ? Scripted.respond(200, pageWire([member])) : Scripted.respond(200, { id: 7 })
      )
      const exit = yield* Scripted.runWithClock(create(input).pipe(Effect.provide(Scripted.transport(http))))
      expect(route(http.calls)).toStrictEqual(["POST", "GET"])
      expect(Exit.isSuccess(exit) && exit.value.id).toBe("orgmem_readback")
    })
  )

  it.effect("the total time-out ends the read-back too: outcome unknown", () =>
    Effect.gen(function* () {
      const http = Scripted.make((call) => (call.method === "GET" ? Scripted.hang : Scripted.respond(503)))
      const exit = yield* Scripted.runWithClock(
        create(input, { totalTimeout: "5 seconds" }).pipe(Effect.provide(Scripted.transport(http)))
      )
      expect(failureOf(exit)).toMatchObject({ _tag: "Timeout", attempts: 5, outcome: "unknown" })
      expect(http.interrupted()).toBe(1)
    })
  )

  it.effect("withHttpInfo follows the same rules", () =>
    Effect.gen(function* () {
      const http = Scripted.make((call) =>
        call.method === "GET" ? Scripted.respond(200, pageWire([])) : Scripted.respond(503)
      )
      const exit = yield* Scripted.runWithClock(
        Operations.make()
          .withHttpInfo.create(input)
          .pipe(Effect.provide(Scripted.transport(http)))
      )
      expect(failureOf(exit)).toMatchObject({ status: 503, outcome: "unknown" })
    })
  )
})

describe("idempotent writes repeated after an ambiguous attempt", () => {
  it.effect("delete: a repeat that finds 404 fails with NotFound, outcome unknown (gone, by it or before)", () =>
    Effect.gen(function* () {
      const http = Scripted.make([Scripted.reset, Scripted.respond(404, clerkErrorsWire("resource_not_found"))])
      const exit = yield* Scripted.runWithClock(
        deleteMembership(membership).pipe(Effect.provide(Scripted.transport(http)))
      )
      expect(failureOf(exit)).toMatchObject({ _tag: "NotFound", attempts: 2, outcome: "unknown" })
    })
  )

  it.effect("delete: a 404 at once was not applied by this call: NotFound without outcome", () =>
    Effect.gen(function* () {
      const http = Scripted.make([Scripted.respond(404, clerkErrorsWire("resource_not_found"))])
      const exit = yield* Scripted.runWithClock(
        deleteMembership(membership).pipe(Effect.provide(Scripted.transport(http)))
      )
      expect(failureOf(exit)).not.toHaveProperty("outcome")
    })
  )

  it.effect("updateMetadata: a repeat returns the membership as merged by the repeat (same patch, same result)", () =>
    Effect.gen(function* () {
      const merged = membershipWire({ public_metadata: { plan: "pro" } })
      const http = Scripted.make([Scripted.respond(503), Scripted.respond(200, merged)])
      const exit = yield* Scripted.runWithClock(
        updateMetadata({ ...membership, publicMetadata: { plan: "pro" } }).pipe(
          Effect.provide(Scripted.transport(http))
        )
      )
      expect(http.calls.map((call) => call.body)).toStrictEqual([
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
        const http = Scripted.make([Scripted.respond(504)])
        const exit = yield* Scripted.runWithClock(call.pipe(Effect.provide(Scripted.transport(http))))
        expect(http.calls).toHaveLength(5)
        expect(failureOf(exit)).toMatchObject({ status: 504, attempts: 5, outcome: "unknown" })
      }
    })
  )

  it.effect("a write with retries off fails at once, outcome unknown; a read never has one", () =>
    Effect.gen(function* () {
      const write = Scripted.make([Scripted.reset])
      const exit = yield* Scripted.runWithClock(
        update({ ...membership, role: "org:admin" }, { retry: RetryPolicy.none }).pipe(
          Effect.provide(Scripted.transport(write))
        )
      )
      expect(failureOf(exit)).toMatchObject({ _tag: "TransportError", attempts: 1, outcome: "unknown" })
      const read = Scripted.make([Scripted.reset])
      const listed = yield* Scripted.runWithClock(
        Operations.make()
          .list({ organizationId: "org_1" }, { retry: RetryPolicy.none })
          .pipe(Effect.provide(Scripted.transport(read)))
      )
      expect(failureOf(listed)).not.toHaveProperty("outcome")
    })
  )
})
