import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { OperationNames, Operations } from "../src/Operations.js"
import { ProvisioningRoutes } from "../src/Provisioning.js"
import * as Route from "../src/Route.js"

describe("Route", () => {
  const membership = Route.compile("/organizations/{organization_id}/memberships/{user_id}")

  it("lists its parameters and fills them percent-encoded", () => {
    expect(membership.params).toEqual(["organization_id", "user_id"])
    expect(membership.encode({ organization_id: "org_1", user_id: "user_2/metadata" })).toBe(
      "/organizations/org_1/memberships/user_2%2Fmetadata"
    )
  })

  it("matches a path back to its decoded parameters, and nothing else", () => {
    expect(membership.match("/organizations/org%201/memberships/u")).toEqual({ organization_id: "org 1", user_id: "u" })
    expect(membership.match("/organizations/org_1/memberships")).toBeUndefined()
    expect(membership.match("/organizations/org_1/memberships/u/metadata")).toBeUndefined()
    expect(membership.match("/organizations/%E0%A4%A/memberships/u")).toBeUndefined()
    expect(membership.segments("/organizations/%E0%A4%A/memberships/u")).toEqual(["%E0%A4%A", "u"])
    expect(membership.segments("/organizations/o/memberships")).toBeUndefined()
  })

  it("decodes a segment, or says it is not percent-encoding", () => {
    expect(Route.decodeSegment("a%2Fb")).toBe("a/b")
    expect(Route.decodeSegment("plain")).toBe("plain")
    expect(Route.decodeSegment("%")).toBeUndefined()
  })

  it("round-trips any well-formed id through encode and match", () => {
    const id = fc.string({ minLength: 1, unit: "grapheme" })
    fc.assert(
      fc.property(id, id, (organizationId, userId) => {
        const path = membership.encode({ organization_id: organizationId, user_id: userId })
        expect(membership.match(path)).toEqual({ organization_id: organizationId, user_id: userId })
      }),
      { numRuns: 300 }
    )
  })

  it("writes repeated keys for arrays and leaves undefined out", () => {
    expect(Route.formatQuery({ user_id: ["a", "b&c"], limit: "10", offset: undefined })).toBe(
      "?user_id=a&user_id=b%26c&limit=10"
    )
    expect(Route.formatQuery({})).toBe("")
  })

  it("routes every operation's template to itself only", () => {
    for (const name of OperationNames) {
      const op = Operations[name]
      const values = Object.fromEntries(op.route.params.map((p) => [p, `v_${p}`]))
      const path = op.route.encode(values)
      expect(op.route.match(path)).toEqual(values)
      const others = OperationNames.filter((n) => Operations[n].path !== op.path)
      for (const other of others) expect(Operations[other].route.match(path)).toBeUndefined()
    }
    expect(ProvisioningRoutes.deleteUser.match("/users/user_1")).toEqual({ user_id: "user_1" })
  })
})
