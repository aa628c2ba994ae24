import { describe, expect, it } from "@effect/vitest"
import { Effect, Either } from "effect"
import { call, operationNames, ops, transportLayer } from "./support/harness.js"
import * as TestHttp from "./support/TestHttpClient.js"
import { membershipWire, organizationWire, pageWire, successWire, validInput } from "./support/wire.js"

const isList = (op: string) => op === "list" || op === "listInstance"

/** The membership `membershipWire()` decodes to. */
const expectedMembership = {
  id: "orgmem_1",
  object: "organization_membership",
  role: "org:admin",
  roleName: "Admin",
  permissions: ["org:sys_memberships:manage", "org:sys_profile:read"],
  publicMetadata: { team: "core", tags: ["a", 1, true, null] },
  privateMetadata: { notes: { level: 2 } },
  organization: {
    object: "organization",
    id: "org_2abc",
    name: "Acme Inc",
    slug: "acme",
    imageUrl: "https://img.example.test/org.png",
    hasImage: true,
    membersCount: 3,
    missingMemberWithElevatedPermissions: false,
    pendingInvitationsCount: 1,
    maxAllowedMemberships: 5,
    adminDeleteEnabled: true,
    publicMetadata: { plan: "pro" },
    privateMetadata: { billing: { id: 7 } },
    createdBy: "user_creator",
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_100_000,
    lastActiveAt: 1_700_000_200_000,
    roleSetKey: null
  },
  publicUserData: {
    userId: "user_2xyz",
    firstName: "Ada",
    lastName: null,
    profileImageUrl: null,
    imageUrl: "https://img.example.test/user.png",
    hasImage: false,
    identifier: "ada@example.test",
    username: null,
    banned: false,
    deprovisioned: false
  },
  createdAt: 1_700_000_300_000,
  updatedAt: 1_700_000_400_000
}

const respondWith = (op: (typeof operationNames)[number], body: TestHttp.Reply) =>
  Effect.either(call(op, validInput[op])).pipe(Effect.provide(transportLayer(TestHttp.make(body))))

/** Wraps one membership document as the operation's success body. */
const asBody = (op: string, membership: unknown) =>
  isList(op) ? pageWire([membershipWire(), membership], 2) : membership

describe("success decoding", () => {
  it.effect.each(operationNames)("%s decodes a full membership (organization, public user data) to camelCase", (op) =>
    Effect.gen(function* () {
      const result = yield* respondWith(op, TestHttp.json(200, successWire[op]))
      expect(result._tag).toBe("Right")
      expect(Either.getOrThrow(result)).toStrictEqual(
        isList(op) ? { data: [expectedMembership], totalCount: 1 } : expectedMembership
      )
    })
  )

  it.effect.each(operationNames)("%s tolerates unknown extra fields at every level", (op) =>
    Effect.gen(function* () {
      const membership = membershipWire({
        brand_new_field: { x: 1 },
        organization: organizationWire({ future_flag: true }),
        public_user_data: { ...membershipWire().public_user_data, extra: "y" }
      })
      const body = isList(op) ? { ...pageWire([membership]), next_cursor: "abc" } : membership
      const result = yield* respondWith(op, TestHttp.json(200, body))
      expect(result._tag).toBe("Right")
      const value = result._tag === "Right" ? result.right : undefined
      const decoded = (isList(op) ? (value as { data: Array<unknown> }).data[0] : value) as Record<string, unknown>
      expect(decoded).toStrictEqual(expectedMembership)
      expect(decoded).not.toHaveProperty("brand_new_field")
    })
  )

  it.effect.each(operationNames)("%s: optional fields may be absent", (op) =>
    Effect.gen(function* () {
      const { role_name: _r, private_metadata: _p, public_user_data: _u, ...minimal } = membershipWire()
      const result = yield* respondWith(op, TestHttp.json(200, asBody(op, minimal)))
      expect(result._tag).toBe("Right")
    })
  )

  const missing: ReadonlyArray<readonly [string, (m: Record<string, unknown>) => Record<string, unknown>, string]> = [
    ["organization.slug", (m) => ({ ...m, organization: organizationWire({ slug: undefined }) }), "organization.slug"],
    ["role", (m) => ({ ...m, role: undefined }), "role"],
    ["created_at", (m) => ({ ...m, created_at: undefined }), "created_at"],
    [
      "public_user_data.image_url",
      (m) => ({ ...m, public_user_data: { ...(m.public_user_data as object), image_url: undefined } }),
      "public_user_data.image_url"
    ]
  ]

  for (const op of operationNames) {
    it.effect.each(missing)(`${op}: missing %s → ResponseDecodeError naming its path`, ([, mutate, path]) =>
      Effect.gen(function* () {
        const broken = JSON.parse(JSON.stringify(mutate(membershipWire())))
        const result = yield* respondWith(op, TestHttp.json(200, asBody(op, broken)))
        expect(result).toMatchObject({
          _tag: "Left",
          left: {
            _tag: "ResponseDecodeError",
            operation: op,
            status: 200,
            path: isList(op) ? `data.1.${path}` : path,
            reason: "is missing"
          }
        })
      })
    )
  }

  it.effect("a wrong type names its path and says what was expected", () =>
    Effect.gen(function* () {
      const result = yield* respondWith("list", TestHttp.json(200, pageWire([membershipWire({ permissions: "all" })])))
      expect(result).toMatchObject({
        _tag: "Left",
        left: { _tag: "ResponseDecodeError", path: "data.0.permissions" }
      })
      if (result._tag === "Left") expect(result.left.message).toContain("data.0.permissions")
    })
  )

  it.effect("a missing total_count on a page", () =>
    Effect.gen(function* () {
      const result = yield* respondWith("listInstance", TestHttp.json(200, { data: [] }))
      expect(result).toMatchObject({ _tag: "Left", left: { _tag: "ResponseDecodeError", path: "total_count" } })
    })
  )

  it.effect.each(operationNames)("%s: invalid JSON and non-object JSON are ResponseDecodeErrors", (op) =>
    Effect.gen(function* () {
      for (const [reply, reason] of [
        [TestHttp.text(200, "{not json"), "invalid JSON"],
        [TestHttp.text(200, ""), "invalid JSON"],
        [TestHttp.json(200, [membershipWire()]), "expected a JSON object"],
        [TestHttp.json(200, null), "expected a JSON object"],
        [TestHttp.json(200, "ok"), "expected a JSON object"]
      ] as const) {
        const result = yield* respondWith(op, reply)
        expect(result).toMatchObject({
          _tag: "Left",
          left: { _tag: "ResponseDecodeError", operation: op, status: 200, path: "" }
        })
        if (result._tag === "Left") expect((result.left as { reason: string }).reason).toContain(reason)
      }
    })
  )
})

describe("withHttpInfo", () => {
  it.effect("returns the data with the response's status and headers", () =>
    Effect.gen(function* () {
      const http = TestHttp.make(
        TestHttp.json(201, membershipWire(), { "x-request-id": "req_1", "x-ratelimit-remaining": "99" })
      )
      const result = yield* ops.withHttpInfo
        .create({ organizationId: "org_2abc", userId: "user_2xyz", role: "org:member" })
        .pipe(Effect.provide(transportLayer(http)))
      expect(result.status).toBe(201)
      expect(result.headers["x-request-id"]).toBe("req_1")
      expect(result.headers["x-ratelimit-remaining"]).toBe("99")
      expect(result.headers["content-type"]).toBe("application/json")
      expect(result.data).toStrictEqual(expectedMembership)
    })
  )

  it.effect.each(operationNames)("%s has a withHttpInfo variant", (op) =>
    Effect.gen(function* () {
      const http = TestHttp.make(TestHttp.json(200, successWire[op], { "x-op": op }))
      const run = ops.withHttpInfo[op] as unknown as (
        input: unknown
      ) => Effect.Effect<{ status: number; headers: Record<string, string> }, unknown, never>
      const result = yield* run(validInput[op]).pipe(Effect.provide(transportLayer(http)))
      expect(result.status).toBe(200)
      expect(result.headers["x-op"]).toBe(op)
    })
  )
})
