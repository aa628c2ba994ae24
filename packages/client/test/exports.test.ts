import { describe, expect, it } from "@effect/vitest"
import { Context, Schema } from "effect"
import * as Client from "../src/index.js"
import * as Contract from "../src/contract/index.js"

describe("package exports", () => {
  it("the root's OrganizationMemberships is the service; the page schema is OrganizationMembershipsPage", () => {
    expect(Context.isTag(Client.OrganizationMemberships)).toBe(true)
    expect(Client.OrganizationMembershipsPage).toBe(Contract.OrganizationMembershipsPage)
    expect("OrganizationMemberships" in Contract).toBe(false)
    const page = Schema.decodeUnknownSync(Client.OrganizationMembershipsPage)({ data: [], total_count: 0 })
    expect(page).toEqual({ data: [], totalCount: 0 })
  })
})
