import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { expectTypeOf } from "vitest"
import { makeClient, Operations } from "../src/index.js"
import { describe, expect, it } from "@effect/vitest"
import { transportLayer } from "./support/harness.js"
import * as TestHttp from "./support/TestHttpClient.js"
import { membershipWire, pageWire } from "./support/wire.js"

/** The caller's own metadata shapes; `joinedAt` is a Date in code and an ISO string on the wire. */
const PublicMeta = Schema.Struct({
  team: Schema.String,
  joinedAt: Schema.optionalKey(Schema.DateFromString),
  tags: Schema.optionalKey(Schema.Array(Schema.Unknown))
})
const PrivateMeta = Schema.Struct({ notes: Schema.Struct({ level: Schema.Number }) })

const typed = Operations.make({ publicMetadata: PublicMeta, privateMetadata: PrivateMeta })

describe("typed metadata", () => {
  it.effect("Operations.make decodes and types the caller's metadata", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(
        TestHttp.json(200, membershipWire({ public_metadata: { team: "core", joinedAt: "2024-01-02T03:04:05.000Z" } }))
      )
      const membership = yield* typed
        .update({ organizationId: "org_1", userId: "user_1", role: "org:member" })
        .pipe(Effect.provide(transportLayer(http)))
      expectTypeOf(membership.publicMetadata).toEqualTypeOf<typeof PublicMeta.Type>()
      expectTypeOf(membership.privateMetadata).toEqualTypeOf<typeof PrivateMeta.Type | undefined>()
      expect(membership.publicMetadata.team).toBe("core")
      expect(membership.publicMetadata.joinedAt).toStrictEqual(new Date("2024-01-02T03:04:05.000Z"))
      expect(membership.privateMetadata?.notes.level).toBe(2)
    })
  )

  it.effect("create encodes typed metadata through the caller's schema", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, membershipWire({ public_metadata: { team: "core" } })))
      yield* typed
        .create({
          organizationId: "org_1",
          userId: "user_1",
          role: "org:member",
          publicMetadata: { team: "core", joinedAt: new Date("2024-01-02T03:04:05.000Z") },
          privateMetadata: { notes: { level: 3 } }
        })
        .pipe(Effect.provide(transportLayer(http)))
      expect(JSON.parse(http.last().bodyText ?? "")).toStrictEqual({
        user_id: "user_1",
        role: "org:member",
        public_metadata: { team: "core", joinedAt: "2024-01-02T03:04:05.000Z" },
        private_metadata: { notes: { level: 3 } }
      })
    })
  )

  it.effect("metadata that does not match the caller's schema is a ResponseDecodeError naming the path", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, pageWire([membershipWire({ public_metadata: { team: 42 } })])))
      const error = yield* Effect.flip(typed.list({ organizationId: "org_1" })).pipe(
        Effect.provide(transportLayer(http))
      )
      expect(error).toMatchObject({
        _tag: "ResponseDecodeError",
        operation: "list",
        path: "data.0.public_metadata.team"
      })
    })
  )

  it.effect("makeClient types the service's metadata and needs no transport per call", () =>
    Effect.gen(function* () {
      const http = TestHttp.make([
        TestHttp.json(200, pageWire([membershipWire({ public_metadata: { team: "growth" } })], 1)),
        TestHttp.json(200, pageWire([membershipWire({ public_metadata: { squad: "growth" } })], 1))
      ])
      const client = yield* makeClient({ publicMetadata: PublicMeta, privateMetadata: PrivateMeta }).pipe(
        Effect.provide(transportLayer(http))
      )
      const page = client.listInstance({ limit: 1 })
      expectTypeOf(page).toEqualTypeOf<Effect.Effect<Effect.Success<typeof page>, Effect.Error<typeof page>, never>>()
      const { data } = yield* page
      expectTypeOf(data[0]!.publicMetadata.team).toEqualTypeOf<string>()
      expect(data.map((m) => m.publicMetadata.team)).toStrictEqual(["growth"])
      const mismatch = yield* Effect.flip(client.listInstance({}))
      expect(mismatch).toMatchObject({ _tag: "ResponseDecodeError", path: "data.0.public_metadata.team" })
    })
  )
})
