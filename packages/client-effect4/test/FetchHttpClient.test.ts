import * as Effect from "effect/Effect"
import * as PlatformFetchHttpClient from "effect/http/FetchHttpClient"
import * as HttpClient from "effect/http/HttpClient"
import * as HttpClientRequest from "effect/http/HttpClientRequest"
import * as FetchHttpClient from "../src/FetchHttpClient.js"
import { describe, expect, it } from "@effect/vitest"
import { loopbackServer } from "./support/loopback.js"

describe("FetchHttpClient", () => {
  it.effect("exposes status, headers (repeated ones joined), cookies and the body read once as text and json", () =>
    Effect.gen(function* () {
      const { origin, seen } = yield* loopbackServer((_req, res) => {
        res.setHeader("Set-Cookie", ["a=1", "b=2"])
        res.writeHead(201, { "content-type": "application/json", "x-trace": "abc" })
        res.end(JSON.stringify({ ok: true }))
      })
      const client = yield* HttpClient.HttpClient
      const response = yield* client.execute(
        HttpClientRequest.get(`${origin}/v1/things`).pipe(HttpClientRequest.setUrlParams({ user_id: ["a", "b"] }))
      )
      expect(response.status).toBe(201)
      expect(response.url).toBe(`${origin}/v1/things?user_id=a&user_id=b`)
      expect(response.headers["x-trace"]).toBe("abc")
      expect(response.headers["set-cookie"]).toBe("a=1, b=2")
      expect(response.cookies.cookies.b?.value).toBe("2")
      expect(yield* response.text).toBe('{"ok":true}')
      expect(yield* response.json).toEqual({ ok: true })
      expect(seen[0]?.url).toBe("/v1/things?user_id=a&user_id=b")
    }).pipe(Effect.provide(FetchHttpClient.layer))
  )

  it.effect("uses the Fetch and the RequestInit provided to the calling fiber (the request's headers win)", () =>
    Effect.gen(function* () {
      const { origin, seen } = yield* loopbackServer((_req, res) => {
        res.writeHead(200)
        res.end("ok")
      })
      const called: Array<string> = []
      const counting: typeof globalThis.fetch = (input, init) => {
        called.push(String(input))
        return globalThis.fetch(input, init)
      }
      const client = yield* HttpClient.HttpClient
      const text = yield* client.get(`${origin}/init`, { headers: { "x-both": "request" } }).pipe(
        Effect.flatMap((response) => response.text),
        Effect.provideService(PlatformFetchHttpClient.Fetch, counting),
        Effect.provideService(PlatformFetchHttpClient.RequestInit, {
          headers: { "x-init": "init", "x-both": "init" }
        })
      )
      expect(text).toBe("ok")
      expect(called).toEqual([`${origin}/init`])
      expect(seen[0]?.headers["x-init"]).toBe("init")
      expect(seen[0]?.headers["x-both"]).toBe("request")
    }).pipe(Effect.provide(FetchHttpClient.layer))
  )
})
