/**
 * The cases generated from the contract: every operation has its authentication cases, every
 * paginated one its paging bounds, and raw routes are the endpoints' own templates filled in.
 */
import { Api, OperationNames } from "@clerk-effect/client/contract"
import { describe, expect, it } from "@effect/vitest"
import { AllCases } from "../src/cases/index.js"
import { pathOf } from "../src/cases/route.js"

const ids = new Set(AllCases.map((c) => c.id))

describe("cases generated per endpoint", () => {
  it("every operation has MissingAuth and WrongAuth (401)", () => {
    for (const op of OperationNames) {
      expect(ids.has(`${op}:MissingAuth:401`), op).toBe(true)
      expect(ids.has(`${op}:WrongAuth:401`), op).toBe(true)
    }
  })

  it("every paginated operation has its paging bounds (422), and no other has them", () => {
    for (const op of OperationNames) {
      for (const name of ["InvalidLimit", "ZeroLimit", "NegativeOffset"]) {
        expect(ids.has(`${op}:${name}:422`), `${op}:${name}`).toBe(Api[op].paginated !== undefined)
      }
    }
  })

  it("ids are unique", () => {
    expect(ids.size).toBe(AllCases.length)
  })

  it("raw routes fill the endpoint's template with percent-encoded wire parameters", () => {
    expect(pathOf("updateMetadata", { organizationId: "org/1", userId: "user 2" })).toBe(
      "/organizations/org%2F1/memberships/user%202/metadata"
    )
    expect(pathOf("listInstance", {})).toBe(Api.listInstance.path)
  })
})
