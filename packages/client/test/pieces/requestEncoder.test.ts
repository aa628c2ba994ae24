/**
 * The request encoder on its own: input in, path + query + body out, or the `InvalidInput` naming
 * the field.
 */
import { describe, expect, it } from "@effect/vitest"
import { Either } from "effect"
import { Api } from "../../src/contract/Api.js"
import * as RequestEncoder from "../../src/internal/requestEncoder.js"

describe("requestEncoder", () => {
  it("fills the route template (percent-encoded) and writes the query in Clerk's form", () => {
    const encode = RequestEncoder.make(Api.list)
    const encoded = encode({ organizationId: "org/1", userId: ["u1", "u2"], limit: 10, orderBy: "-created_at" })
    expect(encoded).toEqual(
      Either.right({
        path: "/organizations/org%2F1/memberships?order_by=-created_at&limit=10&user_id=u1&user_id=u2",
        body: undefined
      })
    )
  })

  it("sends the body as snake_case JSON, and no query for an operation without one", () => {
    const encode = RequestEncoder.make(Api.create)
    const encoded = encode({ organizationId: "org_1", userId: "user_1", role: "org:admin", publicMetadata: { a: 1 } })
    expect(encoded).toEqual(
      Either.right({
        path: "/organizations/org_1/memberships",
        body: JSON.stringify({ user_id: "user_1", role: "org:admin", public_metadata: { a: 1 } })
      })
    )
  })

  it("a bad field is an InvalidInput naming the camelCase field; nothing is encoded", () => {
    const result = RequestEncoder.make(Api.list)({ organizationId: "org_1", limit: 501 })
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isLeft(result)) {
      expect(result.left._tag).toBe("InvalidInput")
      expect(result.left.field).toBe("limit")
      expect(result.left.operation).toBe("list")
    }
  })

  it("an own __proto__ key in a body is refused, named by its path", () => {
    const metadata = JSON.parse('{"__proto__": {"x": 1}}') as Record<string, never>
    const result = RequestEncoder.make(Api.updateMetadata)({
      organizationId: "org_1",
      userId: "user_1",
      publicMetadata: metadata
    })
    expect(Either.isLeft(result) && result.left.field).toBe("publicMetadata.__proto__")
  })
})
