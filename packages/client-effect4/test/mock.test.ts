/**
 * Every operation against the embedded mock (started per test through fixtures' framework-neutral
 * `start`, as an Effect 4 `Layer`): the success and each declared status the mock reaches through
 * the typed client (the rest, refused before sending, are covered by the validation tests); 500 by
 * fault injection.
 */
import { SmallWorld } from "@clerk-effect/fixtures"
import * as Effect from "effect/Effect"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import { OrganizationMemberships, RetryPolicy } from "../src/index.js"
import { describe, expect, it } from "@effect/vitest"
import { clientWithMock, Mock } from "./support/mock.js"

const { organizations: orgs, users } = SmallWorld

/** The error tag a call ended with, or "success". */
const outcome = <A, E extends { readonly _tag: string }, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.match(effect, { onFailure: (e) => e._tag, onSuccess: () => "success" })

/** A client of the mock whose key the mock does not know. */
const wrongKey = Layer.unwrap(
  Effect.map(Mock, (mock) =>
    OrganizationMemberships.layer({ secretKey: "sk_test_wrong", apiUrl: mock.baseUrl, retry: RetryPolicy.none })
  )
).pipe(Layer.provide(FetchHttpClient.layer))

describe("every operation against the embedded mock", () => {
  it.live("create: success, 400 duplicate, 403 over quota, 404 unknown organization, 422 unknown role", () =>
    Effect.gen(function* () {
      const client = yield* OrganizationMemberships
      const created = yield* client.create({ organizationId: orgs.acme, userId: users.judy, role: "org:member" })
      expect(created.publicUserData?.userId).toBe(users.judy)
      expect(created.organization.id).toBe(orgs.acme)
      const tags = [
        yield* outcome(client.create({ organizationId: orgs.acme, userId: users.alice, role: "org:member" })),
        yield* outcome(client.create({ organizationId: orgs.initech, userId: users.judy, role: "org:member" })),
        yield* outcome(client.create({ organizationId: orgs.initech, userId: users.mallory, role: "org:member" })),
        yield* outcome(
          client.create({ organizationId: SmallWorld.missingOrganizationId, userId: users.niaj, role: "org:member" })
        ),
        yield* outcome(client.create({ organizationId: orgs.hooli, userId: users.niaj, role: "org:no_such_role" }))
      ]
      expect(tags).toStrictEqual(["BadRequest", "success", "Forbidden", "NotFound", "UnprocessableEntity"])
    }).pipe(Effect.provide(clientWithMock()))
  )

  it.live("list and listInstance: pages, filters, ordering; 401 for a key the server does not know", () =>
    Effect.gen(function* () {
      const client = yield* OrganizationMemberships
      const acme = yield* client.list({ organizationId: orgs.acme, orderBy: "-created_at" })
      expect(acme.totalCount).toBe(5)
      const admins = yield* client.list({ organizationId: orgs.acme, role: ["org:admin"] })
      expect(admins.data.map((m) => m.publicUserData?.userId)).toStrictEqual([users.alice])
      const everyone = yield* Stream.runCount(client.streamInstance({ limit: 2 }))
      expect(everyone).toBe((yield* client.listInstance({ limit: 1 })).totalCount)
      const refused = yield* Effect.gen(function* () {
        const stranger = yield* OrganizationMemberships
        return [
          yield* outcome(stranger.list({ organizationId: orgs.acme })),
          yield* outcome(stranger.listInstance({})),
          yield* outcome(stranger.delete({ organizationId: orgs.acme, userId: users.bob }))
        ]
      }).pipe(Effect.provide(wrongKey))
      expect(refused).toStrictEqual(["Unauthorized", "Unauthorized", "Unauthorized"])
    }).pipe(Effect.provide(clientWithMock()))
  )

  it.live("listInstance: 500 from the server (fault injection) is InternalServerError", () =>
    Effect.gen(function* () {
      const mock = yield* Mock
      yield* Effect.promise(() => mock.setFaults({ rules: [{ route: "listInstance", kind: "status", status: 500 }] }))
      const client = yield* OrganizationMemberships
      expect(yield* outcome(client.listInstance({}))).toBe("InternalServerError")
    }).pipe(Effect.provide(clientWithMock()))
  )

  it.live("update: success, 400 demoting the last admin, 404 not a member, 422 unknown role", () =>
    Effect.gen(function* () {
      const client = yield* OrganizationMemberships
      const promoted = yield* client.update({ organizationId: orgs.acme, userId: users.bob, role: "org:admin" })
      expect(promoted.role).toBe("org:admin")
      const tags = [
        yield* outcome(client.update({ organizationId: orgs.initech, userId: users.heidi, role: "org:member" })),
        yield* outcome(client.update({ organizationId: orgs.acme, userId: users.judy, role: "org:admin" })),
        yield* outcome(client.update({ organizationId: orgs.acme, userId: users.carol, role: "org:no_such_role" }))
      ]
      expect(tags).toStrictEqual(["BadRequest", "NotFound", "UnprocessableEntity"])
    }).pipe(Effect.provide(clientWithMock()))
  )

  it.live("delete: success (then 404), 400 removing the last admin", () =>
    Effect.gen(function* () {
      const client = yield* OrganizationMemberships
      const removed = yield* client.delete({ organizationId: orgs.acme, userId: users.dave })
      expect(removed.publicUserData?.userId).toBe(users.dave)
      const tags = [
        yield* outcome(client.delete({ organizationId: orgs.acme, userId: users.dave })),
        yield* outcome(client.delete({ organizationId: orgs.initech, userId: users.heidi }))
      ]
      expect(tags).toStrictEqual(["NotFound", "BadRequest"])
    }).pipe(Effect.provide(clientWithMock()))
  )

  it.live("updateMetadata: deep merge (null removes a key), 404 not a member", () =>
    Effect.gen(function* () {
      const client = yield* OrganizationMemberships
      yield* client.updateMetadata({
        organizationId: orgs.acme,
        userId: users.erin,
        publicMetadata: { team: { name: "core", size: 3 }, drop: "me" }
      })
      const merged = yield* client.updateMetadata({
        organizationId: orgs.acme,
        userId: users.erin,
        publicMetadata: { team: { size: 4 }, drop: null }
      })
      expect(merged.publicMetadata.team).toStrictEqual({ name: "core", size: 4 })
      expect("drop" in merged.publicMetadata).toBe(false)
      expect(
        yield* outcome(
          client.updateMetadata({ organizationId: orgs.acme, userId: users.judy, privateMetadata: { a: 1 } })
        )
      ).toBe("NotFound")
    }).pipe(Effect.provide(clientWithMock()))
  )
})
