import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Stream from "effect/Stream"
import { OrganizationMemberships, Paging, RetryPolicy, streamInstance, streamList } from "../src/index.js"
import { failureOf, runWithClock } from "./support/clock.js"
import { describe, expect, it } from "@effect/vitest"
import { API_URL, SECRET, transportLayer } from "./support/harness.js"
import { clientWithMock } from "./support/mock.js"
import * as TestHttp from "./support/TestHttpClient.js"
import { clerkErrorsWire, membershipWire, pageWire } from "./support/wire.js"

const param = (request: TestHttp.RecordedRequest, key: string) => request.query.find(([k]) => k === key)?.[1]

/** A server holding `total` memberships that pages them by limit/offset (optionally reporting another total). */
const pagingServer =
  (total: number, reported = total): TestHttp.Responder =>
  (request) => {
    const limit = Number(param(request, "limit") ?? 10)
    const offset = Number(param(request, "offset") ?? 0)
    const end = Math.min(total, offset + limit)
    const data = Array.from({ length: Math.max(0, end - offset) }, (_, i) =>
      membershipWire({ id: `orgmem_${offset + i}` })
    )
    return TestHttp.json(200, pageWire(data, reported))
  }
const pages = (http: TestHttp.TestHttpClient) =>
  http.requests.map((request) => `${param(request, "offset")}+${param(request, "limit")}`)

describe("paging streams", () => {
  it.effect("walk every page of 500 (the default) until total_count, in order", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(pagingServer(1203))
      const all = yield* Stream.runCollect(streamList({ organizationId: "org_1" })).pipe(
        Effect.provide(transportLayer(http))
      )
      expect(Paging.DefaultPageSize).toBe(500)
      expect(pages(http)).toStrictEqual(["0+500", "500+500", "1000+500"])
      expect(all.map((m) => m.id)).toStrictEqual(Array.from({ length: 1203 }, (_, i) => `orgmem_${i}`))
    })
  )

  it.effect("keep the filters and start at the given offset", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(pagingServer(9))
      const all = yield* Stream.runCollect(
        streamList({ organizationId: "org_1", userId: ["user_1"], role: ["org:admin"], limit: 3, offset: 2 })
      ).pipe(Effect.provide(transportLayer(http)))
      expect(pages(http)).toStrictEqual(["2+3", "5+3", "8+3"])
      expect(http.requests.every((r) => param(r, "user_id") === "user_1" && param(r, "role") === "org:admin")).toBe(
        true
      )
      expect(all).toHaveLength(7)
    })
  )

  it.effect("are lazy: taking 3 items with pages of 2 fetches 2 pages", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(pagingServer(1000))
      const some = yield* Stream.runCollect(Stream.take(streamList({ organizationId: "org_1", limit: 2 }), 3)).pipe(
        Effect.provide(transportLayer(http))
      )
      expect(some).toHaveLength(3)
      expect(pages(http)).toStrictEqual(["0+2", "2+2"])
    })
  )

  it.effect("stop at total_count even when the server would send more, and at a short or empty page", () =>
    Effect.gen(function* () {
      const capped = TestHttp.make(pagingServer(100, 5))
      expect(
        yield* Stream.runCollect(streamList({ organizationId: "org_1", limit: 2 })).pipe(
          Effect.provide(transportLayer(capped))
        )
      ).toHaveLength(6)
      expect(pages(capped)).toStrictEqual(["0+2", "2+2", "4+2"])
      const short = TestHttp.make(pagingServer(5, 100))
      expect(
        yield* Stream.runCollect(streamList({ organizationId: "org_1", limit: 2 })).pipe(
          Effect.provide(transportLayer(short))
        )
      ).toHaveLength(5)
      expect(pages(short)).toStrictEqual(["0+2", "2+2", "4+2"])
      const empty = TestHttp.make(pagingServer(4, 100))
      yield* Stream.runDrain(streamList({ organizationId: "org_1", limit: 2 })).pipe(
        Effect.provide(transportLayer(empty))
      )
      expect(pages(empty)).toStrictEqual(["0+2", "2+2", "4+2"])
    })
  )

  it.effect("retry each page on its own (on the TestClock)", () =>
    Effect.gen(function* () {
      const server = pagingServer(6)
      const http = TestHttp.make((request, index) => (index === 1 ? TestHttp.json(503, {}) : server(request, index)))
      const exit = yield* runWithClock(
        Stream.runCollect(streamList({ organizationId: "org_1", limit: 3 })).pipe(
          Effect.provide(transportLayer(http, { retry: RetryPolicy.defaultPolicy }))
        )
      )
      expect(pages(http)).toStrictEqual(["0+3", "3+3", "3+3"])
      expect(Exit.isSuccess(exit) && exit.value).toHaveLength(6)
    })
  )

  it.effect("a page's lasting failure ends the stream with that page's typed error, after the earlier items", () =>
    Effect.gen(function* () {
      const server = pagingServer(6)
      const http = TestHttp.make((request, index) =>
        index === 0 ? server(request, index) : TestHttp.json(401, clerkErrorsWire("authentication_invalid"))
      )
      const seen: Array<string> = []
      const exit = yield* runWithClock(
        Stream.runForEach(streamList({ organizationId: "org_1", limit: 3 }), (m) =>
          Effect.sync(() => seen.push(m.id))
        ).pipe(Effect.provide(transportLayer(http)))
      )
      expect(seen).toHaveLength(3)
      expect(failureOf(exit)).toMatchObject({ _tag: "Unauthorized", status: 401 })
    })
  )

  it.effect("can be interrupted mid-way: the page in flight is interrupted", () =>
    Effect.gen(function* () {
      const server = pagingServer(100)
      const http = TestHttp.make((request, index) => (index === 0 ? server(request, index) : TestHttp.hang))
      const fiber = yield* Effect.forkChild(
        Stream.runDrain(streamList({ organizationId: "org_1", limit: 10 })).pipe(Effect.provide(transportLayer(http)))
      )
      for (let i = 0; i < 100 && http.requests.length < 2; i++) yield* Effect.yieldNow
      expect(http.requests).toHaveLength(2)
      yield* Fiber.interrupt(fiber)
      expect(http.interrupted()).toBe(1)
      expect(http.requests).toHaveLength(2)
    })
  )

  it.effect("streamInstance walks the instance-wide list; the service exposes both streams", () =>
    Effect.gen(function* () {
      const standalone = TestHttp.make(pagingServer(5))
      const viaStandalone = yield* Stream.runCollect(streamInstance({ limit: 2 })).pipe(
        Effect.provide(transportLayer(standalone))
      )
      expect(new Set(standalone.requests.map((r) => r.pathname))).toStrictEqual(
        new Set(["/v1/organization_memberships"])
      )
      expect(viaStandalone).toHaveLength(5)
      const http = TestHttp.make(pagingServer(5))
      const counts = yield* Effect.gen(function* () {
        const client = yield* OrganizationMemberships
        const a = yield* Stream.runCount(client.streamInstance({ limit: 2 }))
        const b = yield* Stream.runCount(client.streamList({ organizationId: "org_1", limit: 4 }))
        return [a, b]
      }).pipe(
        Effect.provide(OrganizationMemberships.layer({ secretKey: SECRET, apiUrl: API_URL })),
        Effect.provide(http.layer)
      )
      expect(counts).toStrictEqual([5, 5])
    })
  )
})

describe("paging the embedded mock", () => {
  it.live(
    "streamList walks an organization of 1,234 members in pages of 100: every member once, as list pages them",
    () =>
      Effect.gen(function* () {
        const client = yield* OrganizationMemberships
        const [organization] = (yield* client.listInstance({ limit: 1 })).data
        const organizationId = organization!.organization.id
        const total = (yield* client.list({ organizationId, limit: 1 })).totalCount
        expect(total).toBe(1234)
        const ids = (yield* Stream.runCollect(client.streamList({ organizationId, limit: 100 }))).map((m) => m.id)
        expect(ids).toHaveLength(1234)
        expect(new Set(ids).size).toBe(1234)
        const second = yield* client.list({ organizationId, limit: 100, offset: 100 })
        expect(ids.slice(100, 200)).toStrictEqual(second.data.map((m) => m.id))
      }).pipe(
        Effect.provide(
          clientWithMock({ world: "bulk", bulk: { organizations: 1, users: 1300, membershipsPerOrganization: 1234 } })
        )
      )
  )
})
