import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import { create, deleteMembership, Operations, OrganizationMemberships, RetryPolicy } from "../../src/index.js"
import { failureOf, runWithClock } from "../support/clock.js"
import { describe, expect, it } from "@effect/vitest"
import { API_URL, SECRET, transportLayer } from "../support/harness.js"
import * as TestHttp from "../support/TestHttpClient.js"
import { clerkErrorsWire, membershipWire, pageWire } from "../support/wire.js"

const input = { organizationId: "org_1", userId: "user_1", role: "org:member" }
const member = membershipWire({ id: "orgmem_readback" })
const alreadyAMember = TestHttp.json(400, clerkErrorsWire("already_a_member_in_organization"))
const route = (http: TestHttp.TestHttpClient) => http.requests.map((r) => `${r.method} ${r.pathname}`)
const retrying = (http: TestHttp.TestHttpClient) => transportLayer(http, { retry: RetryPolicy.defaultPolicy })

describe("safe create (on the TestClock)", () => {
  it.effect.each([
    ["a 500", TestHttp.json(500, {})],
    ["a 503", TestHttp.text(503, "unavailable")],
    ["a reset", TestHttp.fail("reset")],
    ["a time-out", TestHttp.hang]
  ] as const)("after %s, an already_a_member answer is resolved by reading the membership back", ([, ambiguous]) =>
    Effect.gen(function* () {
      const http = TestHttp.make((request, index) =>
        request.method === "GET" ? TestHttp.json(200, pageWire([member])) : index === 0 ? ambiguous : alreadyAMember
      )
      const exit = yield* runWithClock(create(input, { timeout: "1 second" }).pipe(Effect.provide(retrying(http))))
      expect(route(http)).toStrictEqual([
        "POST /v1/organizations/org_1/memberships",
        "POST /v1/organizations/org_1/memberships",
        "GET /v1/organizations/org_1/memberships"
      ])
      expect(http.requests[2]?.query).toStrictEqual([
        ["limit", "1"],
        ["user_id", "user_1"]
      ])
      expect(Exit.isSuccess(exit) && exit.value.id).toBe("orgmem_readback")
    })
  )

  it.effect("the service's create and the withHttpInfo variant reconcile too", () =>
    Effect.gen(function* () {
      const script: TestHttp.Responder = (request, index) =>
        request.method === "GET"
          ? TestHttp.json(200, pageWire([member]))
          : index === 0
            ? TestHttp.fail("reset")
            : alreadyAMember
      const http = TestHttp.make(script)
      const viaService = yield* runWithClock(
        Effect.gen(function* () {
          const client = yield* OrganizationMemberships
          return yield* client.create(input)
        }).pipe(
          Effect.provide(OrganizationMemberships.layer({ secretKey: SECRET, apiUrl: API_URL })),
          Effect.provide(http.layer)
        )
      )
      expect(Exit.isSuccess(viaService) && viaService.value.id).toBe("orgmem_readback")
      const viaInfo = yield* runWithClock(
        Operations.make()
          .withHttpInfo.create(input)
          .pipe(Effect.provide(retrying(TestHttp.make(script))))
      )
      expect(Exit.isSuccess(viaInfo) && viaInfo.value.data.id).toBe("orgmem_readback")
    })
  )

  it.effect("a duplicate without an earlier ambiguous attempt fails with BadRequest, and nothing is read", () =>
    Effect.gen(function* () {
      const http = TestHttp.make([alreadyAMember])
      const exit = yield* runWithClock(create(input).pipe(Effect.provide(retrying(http))))
      expect(route(http)).toStrictEqual(["POST /v1/organizations/org_1/memberships"])
      const error = failureOf(exit)
      expect(error).toMatchObject({ _tag: "BadRequest", status: 400, attempts: 1 })
      expect(error._tag === "BadRequest" && error.errors[0]?.code).toBe("already_a_member_in_organization")
      expect(error).not.toHaveProperty("outcome")
    })
  )

  it.effect("a 429 is not ambiguous (nothing was applied): a duplicate after it is a real duplicate", () =>
    Effect.gen(function* () {
      const http = TestHttp.make([TestHttp.json(429, {}), alreadyAMember])
      const exit = yield* runWithClock(create(input).pipe(Effect.provide(retrying(http))))
      expect(http.requests.map((r) => r.method)).toStrictEqual(["POST", "POST"])
      expect(failureOf(exit)).toMatchObject({ _tag: "BadRequest", attempts: 2 })
      expect(failureOf(exit)).not.toHaveProperty("outcome")
    })
  )

  it.effect("when the read-back finds nothing (removed meanwhile), the BadRequest stands", () =>
    Effect.gen(function* () {
      const http = TestHttp.make((request, index) =>
        request.method === "GET"
          ? TestHttp.json(200, pageWire([]))
          : index === 0
            ? TestHttp.json(502, {})
            : alreadyAMember
      )
      const exit = yield* runWithClock(create(input).pipe(Effect.provide(retrying(http))))
      expect(http.requests).toHaveLength(3)
      expect(failureOf(exit)).toMatchObject({ _tag: "BadRequest", attempts: 2, outcome: "unknown" })
    })
  )

  it.effect("a read-back's 401 is reported as an undeclared status of create", () =>
    Effect.gen(function* () {
      const http = TestHttp.make((request, index) =>
        request.method === "GET"
          ? TestHttp.json(401, clerkErrorsWire("authentication_invalid"))
          : index === 0
            ? TestHttp.json(503, {})
            : alreadyAMember
      )
      const exit = yield* runWithClock(create(input).pipe(Effect.provide(retrying(http))))
      expect(failureOf(exit)).toMatchObject({ _tag: "ClerkApiError", status: 401, attempts: 2, outcome: "unknown" })
    })
  )

  it.effect("with retries off, an ambiguous create fails at once", () =>
    Effect.gen(function* () {
      const http = TestHttp.make([TestHttp.json(503, {}), TestHttp.json(200, member)])
      const exit = yield* runWithClock(create(input, { retry: RetryPolicy.none }).pipe(Effect.provide(retrying(http))))
      expect(http.requests).toHaveLength(1)
      expect(failureOf(exit)).toMatchObject({ status: 503, attempts: 1, outcome: "unknown" })
    })
  )

  it.effect("a create that succeeds on the retry returns it without reading back", () =>
    Effect.gen(function* () {
      const http = TestHttp.make([TestHttp.json(503, {}), TestHttp.json(200, membershipWire({ id: "orgmem_new" }))])
      const exit = yield* runWithClock(create(input).pipe(Effect.provide(retrying(http))))
      expect(http.requests.map((r) => r.method)).toStrictEqual(["POST", "POST"])
      expect(Exit.isSuccess(exit) && exit.value.id).toBe("orgmem_new")
    })
  )
})

describe("delete after an ambiguous attempt", () => {
  it.effect(
    "a retried delete that finds 404 fails with NotFound and attempts > 1 (the member is gone either way)",
    () =>
      Effect.gen(function* () {
        const http = TestHttp.make([TestHttp.json(503, {}), TestHttp.json(404, clerkErrorsWire("resource_not_found"))])
        const exit = yield* runWithClock(
          deleteMembership({ organizationId: "org_1", userId: "user_1" }).pipe(Effect.provide(retrying(http)))
        )
        expect(http.requests.map((r) => r.method)).toStrictEqual(["DELETE", "DELETE"])
        expect(failureOf(exit)).toMatchObject({ _tag: "NotFound", status: 404, attempts: 2, outcome: "unknown" })
      })
  )
})
