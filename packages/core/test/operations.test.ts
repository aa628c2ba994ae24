import { describe, expect, it } from "vitest"
import { ClerkErrorCodes } from "../src/ErrorCodes.js"
import { isWrite, OperationNames, Operations, paramsIn } from "../src/Operations.js"
import * as Params from "../src/Params.js"
import { StatusTags } from "../src/Statuses.js"

describe("Operations", () => {
  it("lists the six operations in the documented order", () => {
    expect(OperationNames).toEqual(["create", "list", "update", "delete", "updateMetadata", "listInstance"])
    for (const name of OperationNames) expect(Operations[name].name).toBe(name)
  })

  it("declares path parameters exactly as the route template names them", () => {
    for (const name of OperationNames) {
      const op = Operations[name]
      expect(Object.values(paramsIn(op, "path")).map((p) => p.wire)).toEqual(op.route.params)
      for (const p of Object.values(paramsIn(op, "path"))) expect(p.required).toBe(true)
    }
  })

  it("declares only statuses that have an error tag", () => {
    for (const name of OperationNames) for (const s of Operations[name].statuses) expect(StatusTags[s]).toBeDefined()
  })

  it("keeps the traits consistent: reads are idempotent, a reconciled write reads through a paginated read", () => {
    for (const name of OperationNames) {
      const op = Operations[name]
      if (!isWrite(op)) expect(op.idempotent).toBe(true)
      if (op.reconciled !== undefined) {
        const through = Operations[op.reconciled.through as keyof typeof Operations]
        expect(through.paginated).toBeDefined()
        expect(Object.values(ClerkErrorCodes)).toContain(op.reconciled.appliedCode)
      }
      if (op.creates !== undefined) expect(OperationNames).toContain(op.creates.removedBy)
      if (op.paginated !== undefined)
        expect(Object.keys(op.params)).toEqual(expect.arrayContaining(["limit", "offset"]))
    }
  })

  it("names what a create made, for clean-up", () => {
    expect(Operations.create.creates?.created({ organizationId: "org_1", userId: "user_1" } as never)).toEqual([
      { organizationId: "org_1", userId: "user_1" }
    ])
  })
})

describe("Params", () => {
  it("checks ids, texts, roles and page bounds", () => {
    expect(Params.checkId("")).toMatch(/non-empty/)
    expect(Params.checkId("..")).toMatch(/dot segment/)
    expect(Params.checkId("a\uD800")).toMatch(/lone surrogate/)
    expect(Params.checkId("user_1")).toBeUndefined()
    expect(Params.checkRole("")).toMatch(/non-empty/)
    expect(Params.checkLimit(0)).toMatch(/1 to 500/)
    expect(Params.checkLimit(500)).toBeUndefined()
    expect(Params.checkOffset(-1)).toMatch(/greater than or equal to 0/)
    expect(Params.checkTextList(Array.from({ length: 101 }, () => "x"))).toMatch(/at most 100/)
  })

  it("reads query integers only in plain decimal", () => {
    expect(Params.parseQueryInt("10")).toBe(10)
    expect(Params.parseQueryInt("-3")).toBe(-3)
    for (const s of ["10.0", "1e1", "", " 1", "0x1", "1234567890123456"])
      expect(Params.parseQueryInt(s)).toBeUndefined()
  })
})
