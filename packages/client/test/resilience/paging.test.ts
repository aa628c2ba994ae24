import { describe, expect, it } from "@effect/vitest"
import { Chunk, Effect, Exit, Fiber, Stream } from "effect"
import { OrganizationMemberships, Paging, RetryPolicy, streamInstance, streamList } from "../../src/index.js"
import { clerkErrorsWire, membershipWire, pageWire } from "../support/wire.js"
import * as Scripted from "./support/Scripted.js"

/** A server holding `total` memberships that pages them by limit/offset (optionally reporting another total). */
const pagingServer =
  (total: number, reported = total) =>
  (call: Scripted.Call) => {
    const limit = Number(call.query.get("limit") ?? 10)
    const offset = Number(call.query.get("offset") ?? 0)
    const end = Math.min(total, offset + limit)
    const data = Array.from({ length: Math.max(0, end - offset) }, (_, i) =>
      membershipWire({ id: `orgmem_${offset + i}` })
    )
    return Scripted.respond(200, pageWire(data, reported))
  }
const pages = (calls: ReadonlyArray<Scripted.Call>) =>
  calls.map((call) => `${call.query.get("offset")}+${call.query.get("limit")}`)

describe("paging streams", () => {
  it.effect("walks every page of 500 (the default) until total_count, in order", () =>
    Effect.gen(function* () {
      const http = Scripted.make(pagingServer(1203))
      const all = yield* Stream.runCollect(streamList({ organizationId: "org_1" })).pipe(
        Effect.provide(Scripted.transport(http))
      )
      expect(Paging.DefaultPageSize).toBe(500)
      expect(pages(http.calls)).toStrictEqual(["0+500", "500+500", "1000+500"])
      expect(Chunk.toReadonlyArray(all).map((m) => m.id)).toStrictEqual(
        Array.from({ length: 1203 }, (_, i) => `orgmem_${i}`)
      )
    })
  )

  it.effect("keeps the filters and starts at the given offset", () =>
    Effect.gen(function* () {
      const http = Scripted.make(pagingServer(9))
      const all = yield* Stream.runCollect(
        streamList({ organizationId: "org_1", userId: ["user_1"], role: ["org:admin"], limit: 3, offset: 2 })
      ).pipe(Effect.provide(Scripted.transport(http)))
      expect(pages(http.calls)).toStrictEqual(["2+3", "5+3", "8+3"])
      expect(
        http.calls.every((call) => call.query.get("user_id") === "user_1" && call.query.get("role") === "org:admin")
      ).toBe(true)
      expect(Chunk.size(all)).toBe(7)
    })
  )

  it.effect("is lazy: taking 3 items with pages of 2 fetches 2 pages", () =>
    Effect.gen(function* () {
      const http = Scripted.make(pagingServer(1000))
      const some = yield* Stream.runCollect(Stream.take(streamList({ organizationId: "org_1", limit: 2 }), 3)).pipe(
        Effect.provide(Scripted.transport(http))
      )
      expect(Chunk.size(some)).toBe(3)
      expect(pages(http.calls)).toStrictEqual(["0+2", "2+2"])
    })
  )

  it.effect("stops at total_count even when the server would send more", () =>
    Effect.gen(function* () {
      const http = Scripted.make(pagingServer(100, 4))
      const all = yield* Stream.runCollect(streamList({ organizationId: "org_1", limit: 2 })).pipe(
        Effect.provide(Scripted.transport(http))
      )
      expect(pages(http.calls)).toStrictEqual(["0+2", "2+2"])
      expect(Chunk.size(all)).toBe(4)
    })
  )

  it.effect("stops at a short page or an empty page even when total_count says more", () =>
    Effect.gen(function* () {
      const short = Scripted.make(pagingServer(7, 50))
      const some = yield* Stream.runCollect(streamList({ organizationId: "org_1", limit: 5 })).pipe(
        Effect.provide(Scripted.transport(short))
      )
      expect(pages(short.calls)).toStrictEqual(["0+5", "5+5"])
      expect(Chunk.size(some)).toBe(7)
      const empty = Scripted.make(pagingServer(0, 50))
      const none = yield* Stream.runCollect(streamList({ organizationId: "org_1" })).pipe(
        Effect.provide(Scripted.transport(empty))
      )
      expect(empty.calls).toHaveLength(1)
      expect(Chunk.size(none)).toBe(0)
    })
  )

  it.effect("retries each page on its own", () =>
    Effect.gen(function* () {
      const server = pagingServer(6)
      const http = Scripted.make((call, index) => (index === 1 || index === 2 ? Scripted.respond(503) : server(call)))
      const exit = yield* Scripted.runWithClock(
        Stream.runCollect(streamList({ organizationId: "org_1", limit: 3 })).pipe(
          Effect.provide(Scripted.transport(http))
        )
      )
      expect(pages(http.calls)).toStrictEqual(["0+3", "3+3", "3+3", "3+3"])
      expect(Exit.isSuccess(exit) && Chunk.size(exit.value)).toBe(6)
    })
  )

  it.effect("a page's lasting failure ends the stream with that page's typed error, after the earlier items", () =>
    Effect.gen(function* () {
      const server = pagingServer(6)
      const http = Scripted.make((call, index) =>
        index === 0 ? server(call) : Scripted.respond(401, clerkErrorsWire("authentication_invalid"))
      )
      const seen: Array<string> = []
      const exit = yield* Scripted.runWithClock(
        Stream.runForEach(streamList({ organizationId: "org_1", limit: 3 }, { retry: RetryPolicy.none }), (m) =>
          Effect.sync(() => seen.push(m.id))
        ).pipe(Effect.provide(Scripted.transport(http)))
      )
      expect(seen).toHaveLength(3)
      expect(Exit.isFailure(exit) && exit.cause._tag === "Fail" && exit.cause.error._tag).toBe("Unauthorized")
    })
  )

  it.effect("can be interrupted mid-way: the page in flight is interrupted", () =>
    Effect.gen(function* () {
      const server = pagingServer(100)
      const http = Scripted.make((call, index) => (index === 0 ? server(call) : Scripted.hang))
      const fiber = yield* Effect.fork(
        Stream.runDrain(streamList({ organizationId: "org_1", limit: 10 })).pipe(
          Effect.provide(Scripted.transport(http))
        )
      )
      for (let i = 0; i < 100 && http.calls.length < 2; i++) yield* Effect.yieldNow()
      expect(http.calls).toHaveLength(2)
      yield* Fiber.interrupt(fiber)
      expect(http.interrupted()).toBe(1)
      expect(http.calls).toHaveLength(2)
    })
  )

  it.effect("streamInstance walks the instance-wide list; the service exposes both streams", () =>
    Effect.gen(function* () {
      const standalone = Scripted.make(pagingServer(5))
      const viaStandalone = yield* Stream.runCollect(streamInstance({ limit: 2 })).pipe(
        Effect.provide(Scripted.transport(standalone))
      )
      expect(standalone.calls.map((call) => call.pathname)).toStrictEqual([
        "/v1/organization_memberships",
        "/v1/organization_memberships",
        "/v1/organization_memberships"
      ])
      expect(Chunk.size(viaStandalone)).toBe(5)

      const http = Scripted.make(pagingServer(5))
      const counts = yield* Effect.gen(function* () {
        const client = yield* OrganizationMemberships
        const a = yield* Stream.runCount(client.streamInstance({ limit: 2 }))
        const b = yield* Stream.runCount(client.streamList({ organizationId: "org_1", limit: 4 }))
        return [a, b]
      }).pipe(
        Effect.provide(OrganizationMemberships.layer({ secretKey: "sk_test_x", apiUrl: "https://api.clerk.test/v1" })),
        Effect.provide(http.layer)
      )
      expect(counts).toStrictEqual([5, 5])
    })
  )
})
