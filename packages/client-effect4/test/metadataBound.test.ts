import { MaxMetadataBytes } from "@clerk-effect/core"
import { describe, expect, it } from "@effect/vitest"
import * as Result from "effect/Result"
import { Api } from "../src/contract/Api.js"
import * as RequestEncoder from "../src/internal/requestEncoder.js"

// The Effect 4 line validates Clerk's metadata bound (the core's rule) before sending, as the Effect 3 line does.
describe("metadata bound, before sending (Effect 4)", () => {
  const input = (publicMetadata: object) => ({
    organizationId: "org_1",
    userId: "user_1",
    role: "org:member",
    publicMetadata
  })
  const refusal = (result: Result.Result<unknown, { readonly _tag: string; readonly field: string }>) =>
    Result.isFailure(result) ? { _tag: result.failure._tag, field: result.failure.field } : "sent"

  it("refuses one byte over the bound on create and on a merge, naming the field; sends what fits", () => {
    const create = RequestEncoder.make(Api.create)
    const merge = RequestEncoder.make(Api.updateMetadata)
    const atBound = { k: "x".repeat(MaxMetadataBytes - 8) }
    const over = { k: "x".repeat(MaxMetadataBytes - 7) }
    expect(refusal(create(input(atBound)))).toBe("sent")
    expect(refusal(create(input(over)))).toEqual({ _tag: "InvalidInput", field: "publicMetadata" })
    expect(refusal(merge(input(over)))).toEqual({ _tag: "InvalidInput", field: "publicMetadata" })
    const deletions = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`key_${i}`, null]))
    expect(refusal(merge(input(deletions)))).toBe("sent")
  })
})
