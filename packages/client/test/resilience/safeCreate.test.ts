import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit } from "effect"
import { Operations, OrganizationMemberships, RetryPolicy, create, deleteMembership } from "../../src/index.js"
import { clerkErrorsWire, membershipWire, pageWire } from "../support/wire.js"
import * as Scripted from "./support/Scripted.js"

const input = { organizationId: "org_1", userId: "user_1", role: "org:member" }
const member = membershipWire({ id: "orgmem_readback" })
const alreadyAMember = Scripted.respond(400, clerkErrorsWire("already_a_member_in_organization"))
const failureOf = <A, E>(exit: Exit.Exit<A, E>): E => {
  if (Exit.isSuccess(exit) || exit.cause._tag !== "Fail") throw new Error(`expected a failure, got ${String(exit)}`)
  return exit.cause.error
}
const route = (calls: ReadonlyArray<Scripted.Call>) => calls.map((call) => `${call.method} ${call.pathname}`)

describe("safe create", () => {
  for (const [name, ambiguous] of [
    ["a 500", Scripted.respond(500)],
    ["a 503", Scripted.respond(503)],
    ["a reset", Scripted.reset],
    ["a time-out", Scripted.hang]
  ] as const) {
    it.effect(`after ${name}, an already_a_member answer is resolved by reading the membership back`, () =>
      Effect.gen(function* () {
        const http = Scripted.make((call, index) =>
          call.method === "GET" ? Scripted.respond(200, pageWire([member])) : index === 0 ? ambiguous : alreadyAMember
        )
        const exit = yield* Scripted.runWithClock(
          create(input, { timeout: "1 second" }).pipe(Effect.provide(Scripted.transport(http)))
        )
        expect(route(http.calls)).toStrictEqual([
          "POST /v1/organizations/org_1/memberships",
          "POST /v1/organizations/org_1/memberships",
          "GET /v1/organizations/org_1/memberships"
        ])
        const readBack = http.calls[2]
        expect(readBack?.query.getAll("user_id")).toStrictEqual(["user_1"])
        expect(readBack?.query.get("limit")).toBe("1")
        expect(Exit.isSuccess(exit) && exit.value.id).toBe("orgmem_readback")
      })
    )
  }

  it.effect("the service's create and the withHttpInfo variant reconcile too", () =>
    Effect.gen(function* () {
      const script = (call: Scripted.Call, index: number) =>
        call.method === "GET"
          ? Scripted.respond(200, pageWire([member]))
          : index === 0
            ? Scripted.reset
            : alreadyAMember
      const http = Scripted.make(script)
      const service = OrganizationMemberships.layer({ secretKey: "sk_test_x", apiUrl: "https://api.clerk.test/v1" })
      const viaService = yield* Scripted.runWithClock(
        Effect.flatMap(OrganizationMemberships, (client) => client.create(input)).pipe(
          Effect.provide(service),
          Effect.provide(http.layer)
        )
      )
      expect(Exit.isSuccess(viaService) && viaService.value.id).toBe("orgmem_readback")
      const viaInfo = yield* Scripted.runWithClock(
        Operations.make()
          .withHttpInfo.create(input)
          .pipe(Effect.provide(Scripted.transport(Scripted.make(script))))
      )
      expect(Exit.isSuccess(viaInfo) && viaInfo.value.data.id).toBe("orgmem_readback")
    })
  )

  it.effect("a duplicate without an earlier ambiguous attempt fails with BadRequest, and nothing is read", () =>
    Effect.gen(function* () {
      const http = Scripted.make([alreadyAMember])
      const exit = yield* Scripted.runWithClock(create(input).pipe(Effect.provide(Scripted.transport(http))))
      expect(route(http.calls)).toStrictEqual(["POST /v1/organizations/org_1/memberships"])
      const error = failureOf(exit)
      expect(error).toMatchObject({ _tag: "BadRequest", status: 400, attempts: 1 })
      expect(error._tag === "BadRequest" && error.errors[0]?.code).toBe("already_a_member_in_organization")
    })
  )

  it.effect("a 429 is not ambiguous (nothing was applied): a duplicate after it is a real duplicate", () =>
    Effect.gen(function* () {
      const http = Scripted.make([Scripted.respond(429), alreadyAMember])
      const exit = yield* Scripted.runWithClock(create(input).pipe(Effect.provide(Scripted.transport(http))))
      expect(http.calls.map((call) => call.method)).toStrictEqual(["POST", "POST"])
      expect(failureOf(exit)).toMatchObject({ _tag: "BadRequest", attempts: 2 })
    })
  )

  it.effect("when the read-back finds nothing (removed meanwhile), the BadRequest stands", () =>
    Effect.gen(function* () {
      const http = Scripted.make((call, index) =>
        call.method === "GET"
          ? Scripted.respond(200, pageWire([]))
          : index === 0
            ? Scripted.respond(502)
            : alreadyAMember
      )
      const exit = yield* Scripted.runWithClock(create(input).pipe(Effect.provide(Scripted.transport(http))))
      expect(http.calls).toHaveLength(3)
      expect(failureOf(exit)).toMatchObject({ _tag: "BadRequest", attempts: 2 })
    })
  )

  it.effect("a read-back's 401 is reported as an undeclared status of create", () =>
    Effect.gen(function* () {
      const http = Scripted.make((call, index) =>
        call.method === "GET"
          ? Scripted.respond(401, clerkErrorsWire("authentication_invalid"))
          : index === 0
            ? Scripted.respond(503)
            : alreadyAMember
      )
      const exit = yield* Scripted.runWithClock(create(input).pipe(Effect.provide(Scripted.transport(http))))
      expect(failureOf(exit)).toMatchObject({ _tag: "ClerkApiError", status: 401, attempts: 2 })
    })
  )

  it.effect("with retries off, an ambiguous create fails at once", () =>
    Effect.gen(function* () {
      const http = Scripted.make([Scripted.respond(503), Scripted.respond(200, member)])
      const exit = yield* Scripted.runWithClock(
        create(input, { retry: RetryPolicy.none }).pipe(Effect.provide(Scripted.transport(http)))
      )
      expect(http.calls).toHaveLength(1)
      expect(failureOf(exit)).toMatchObject({ status: 503, attempts: 1 })
    })
  )

  it.effect("a create that succeeds on the retry returns it without reading back", () =>
    Effect.gen(function* () {
      const http = Scripted.make([Scripted.respond(503), Scripted.respond(200, membershipWire({ id: "orgmem_new" }))])
      const exit = yield* Scripted.runWithClock(create(input).pipe(Effect.provide(Scripted.transport(http))))
      expect(http.calls.map((call) => call.method)).toStrictEqual(["POST", "POST"])
      expect(Exit.isSuccess(exit) && exit.value.id).toBe("orgmem_new")
    })
  )
})

describe("delete after an ambiguous attempt", () => {
  it.effect(
    "a retried delete that finds 404 fails with NotFound and attempts > 1 (the member is gone either way)",
    () =>
      Effect.gen(function* () {
        const http = Scripted.make([
          Scripted.respond(503),
          Scripted.respond(404, clerkErrorsWire("resource_not_found"))
        ])
        const exit = yield* Scripted.runWithClock(
          deleteMembership({ organizationId: "org_1", userId: "user_1" }).pipe(Effect.provide(Scripted.transport(http)))
        )
        expect(http.calls.map((call) => call.method)).toStrictEqual(["DELETE", "DELETE"])
        expect(failureOf(exit)).toMatchObject({ _tag: "NotFound", status: 404, attempts: 2 })
      })
  )

  it.effect("a delete that finds 404 at once fails with NotFound and attempts 1", () =>
    Effect.gen(function* () {
      const http = Scripted.make([Scripted.respond(404, clerkErrorsWire("resource_not_found"))])
      const exit = yield* Scripted.runWithClock(
        deleteMembership({ organizationId: "org_1", userId: "user_1" }).pipe(Effect.provide(Scripted.transport(http)))
      )
      expect(failureOf(exit)).toMatchObject({ _tag: "NotFound", attempts: 1 })
    })
  )
})
