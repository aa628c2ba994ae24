import { OperationNames, Operations, OrganizationFields, PublicUserDataFields } from "@clerk-effect/core"
import { describe, expect, it } from "vitest"
import { FieldKinds, kindOfField } from "../src/recording/Redact.js"

describe("redaction, derived from the contract", () => {
  it("redacts every personal field the recordings have always redacted", () => {
    const before: Record<string, string> = {
      id: "id",
      user_id: "id",
      organization_id: "id",
      created_by: "id",
      clerk_trace_id: "trace",
      first_name: "name",
      last_name: "name",
      name: "name",
      username: "username",
      slug: "slug",
      image_url: "url",
      profile_image_url: "url",
      email_address: "email",
      email_addresses: "email",
      phone_number: "phone",
      phone_numbers: "phone",
      web3_wallet: "wallet",
      web3_wallets: "wallet",
      email_address_query: "query",
      phone_number_query: "query",
      username_query: "query",
      name_query: "query",
      query: "query"
    }
    for (const [field, kind] of Object.entries(before)) expect(kindOfField(field), field).toBe(kind)
  })

  it("takes each field's redaction from the core's declaration", () => {
    for (const field of [...Object.values(OrganizationFields), ...Object.values(PublicUserDataFields)]) {
      if (field.redact === "keep" || field.redact === "identifier") continue
      expect(FieldKinds[field.wire], field.wire).toBe(field.redact)
    }
    for (const name of OperationNames) {
      for (const param of Object.values(Operations[name].params)) {
        if (param.redact !== "keep") expect(FieldKinds[param.wire], `${name}.${param.wire}`).toBe(param.redact)
      }
    }
  })

  it("keeps what the contract declares safe to commit", () => {
    for (const field of ["role", "permissions", "created_at", "has_image", "max_allowed_memberships", "total_count"]) {
      expect(kindOfField(field), field).toBeUndefined()
    }
  })
})
