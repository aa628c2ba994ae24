import { describe, expect, it } from "@effect/vitest"
import { MaxMetadataBytes } from "@clerk-effect/core"
import * as Either from "effect/Either"
import { Api } from "../src/contract/Api.js"
import * as RequestEncoder from "../src/internal/requestEncoder.js"

// Clerk's metadata bound (the core's MaxMetadataBytes) is validated before anything is sent.
const text = (bytes: number) => "x".repeat(bytes)
/** An object whose JSON text is exactly `bytes` long: {"k":"xxx…"} */
const ofSize = (bytes: number) => ({ k: text(bytes - 8) })

describe("metadata bound, before sending", () => {
  const create = RequestEncoder.make(Api.create)
  const merge = RequestEncoder.make(Api.updateMetadata)
  const base = { organizationId: "org_1", userId: "user_1", role: "org:member" }

  it("create: metadata at the bound is sent, one byte over is InvalidInput naming the field", () => {
    expect(Either.isRight(create({ ...base, publicMetadata: ofSize(MaxMetadataBytes) }))).toBe(true)
    const over = create({ ...base, privateMetadata: ofSize(MaxMetadataBytes + 1) })
    expect(Either.isLeft(over) && over.left).toMatchObject({ _tag: "InvalidInput", field: "privateMetadata" })
    expect(Either.isLeft(over) && over.left.message).toMatch(/8192 bytes/)
  })

  it("counts UTF-8 bytes, not characters", () => {
    const wide = { k: "é".repeat(MaxMetadataBytes / 2) } // 2 bytes each: over the bound in bytes, not in characters
    const result = create({ ...base, publicMetadata: wide })
    expect(Either.isLeft(result) && result.left).toMatchObject({ _tag: "InvalidInput", field: "publicMetadata" })
  })

  it("updateMetadata: a patch is judged by what the merge keeps of it (deletions do not count)", () => {
    const deletions = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`key_${i}`, null]))
    expect(Either.isRight(merge({ organizationId: "org_1", userId: "user_1", publicMetadata: deletions }))).toBe(true)
    const big = merge({ organizationId: "org_1", userId: "user_1", publicMetadata: ofSize(MaxMetadataBytes + 1) })
    expect(Either.isLeft(big) && big.left).toMatchObject({ _tag: "InvalidInput", field: "publicMetadata" })
  })
})
