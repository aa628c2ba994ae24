import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { ops, transportLayer } from "../support/harness.js"
import * as TestHttp from "../support/TestHttpClient.js"
import { pageWire } from "../support/wire.js"

describe("listInstance", () => {
  it.effect("GETs /organization_memberships with order_by, limit and offset", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, pageWire([], 0)))
      const page = yield* ops
        .listInstance({ orderBy: "+username", limit: 500, offset: 0 })
        .pipe(Effect.provide(transportLayer(http)))
      const request = http.last()
      expect(request.method).toBe("GET")
      expect(request.url).toBe(
        "https://api.clerk.test/v1/organization_memberships?order_by=%2Busername&limit=500&offset=0"
      )
      expect(request.bodyText).toBeUndefined()
      expect(page).toStrictEqual({ data: [], totalCount: 0 })
    })
  )

  it.effect("sends no query string when no parameter is given", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, pageWire([], 0)))
      yield* ops.listInstance({}).pipe(Effect.provide(transportLayer(http)))
      expect(http.last().url).toBe("https://api.clerk.test/v1/organization_memberships")
    })
  )
})
