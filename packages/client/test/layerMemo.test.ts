import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer, Scope } from "effect"
import { OrganizationMemberships, RetryPolicy } from "../src/index.js"
import * as TestHttpClient from "./support/TestHttpClient.js"
import { pageWire } from "./support/wire.js"

describe("OrganizationMemberships layers", () => {
  it.effect("two layers with different options built in one memo map give two clients (no shared Default)", () =>
    Effect.gen(function* () {
      const http = TestHttpClient.make(() => TestHttpClient.json(200, pageWire([])))
      const memoMap = yield* Layer.makeMemoMap
      const scope = yield* Scope.make()
      const build = (apiUrl: string) =>
        Layer.buildWithMemoMap(
          OrganizationMemberships.layer({ secretKey: "sk_test_x", apiUrl, retry: RetryPolicy.none }).pipe(
            Layer.provide(http.layer)
          ),
          memoMap,
          scope
        )
      const first = yield* build("http://first.test/v1")
      const second = yield* build("http://second.test/v1")
      yield* Effect.provide(
        Effect.flatMap(OrganizationMemberships, (c) => c.listInstance({})),
        first
      )
      yield* Effect.provide(
        Effect.flatMap(OrganizationMemberships, (c) => c.listInstance({})),
        second
      )
      expect(http.requests.map((r) => new URL(r.url).host)).toEqual(["first.test", "second.test"])
    })
  )
})
