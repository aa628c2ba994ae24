import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Wire from "../src/codecs/Wire.js"
import type { Fields } from "../src/Fields.js"
import * as Json from "../src/Json.js"
import { OrganizationCodec, OrganizationFields } from "../src/models/Organization.js"
import { OrganizationMembershipCodec, OrganizationMembershipFields } from "../src/models/OrganizationMembership.js"
import {
  OrganizationMembershipsPageCodec,
  OrganizationMembershipsPageFields
} from "../src/models/OrganizationMembershipsPage.js"
import { PublicUserDataCodec, PublicUserDataFields } from "../src/models/PublicUserData.js"

const organization = {
  object: "organization",
  id: "org_1",
  name: "Acme",
  slug: "acme",
  image_url: "https://img",
  has_image: true,
  members_count: 3,
  missing_member_with_elevated_permissions: false,
  pending_invitations_count: 0,
  max_allowed_memberships: 5,
  admin_delete_enabled: true,
  public_metadata: { a: [1, { b: null }] },
  private_metadata: {},
  created_by: "user_0",
  created_at: 1,
  updated_at: 2,
  last_active_at: 3,
  role_set_key: null
}
const user = {
  user_id: "user_1",
  first_name: "Ada",
  last_name: null,
  profile_image_url: null,
  image_url: "https://u",
  has_image: false,
  identifier: "ada@example.com",
  username: null,
  banned: false,
  deprovisioned: false
}
const membership = {
  id: "orgmem_1",
  object: "organization_membership",
  role: "org:admin",
  role_name: "Admin",
  permissions: ["org:sys_memberships:manage"],
  public_metadata: { tier: "gold" },
  private_metadata: { n: 1 },
  organization,
  public_user_data: user,
  created_at: 10,
  updated_at: 11
}
const page = { data: [membership, membership], total_count: 7 }
const decodedOrganization = () => OrganizationCodec.decode(structuredClone(organization))
const decodedMembership = () => OrganizationMembershipCodec.decode(structuredClone(membership))

/** The table's wire keys: all of them, and the required ones. */
const keys = <A>(fields: Fields<A>) => {
  const all = Object.values<Fields<A>[keyof A]>(fields).map((f) => f.wire)
  const required = Object.values<Fields<A>[keyof A]>(fields)
    .filter((f) => !f.optional)
    .map((f) => f.wire)
  return { all, required, camel: Object.keys(fields) }
}

const models = [
  ["Organization", OrganizationCodec, OrganizationFields, organization],
  ["PublicUserData", PublicUserDataCodec, PublicUserDataFields, user],
  ["OrganizationMembership", OrganizationMembershipCodec, OrganizationMembershipFields, membership],
  ["OrganizationMembershipsPage", OrganizationMembershipsPageCodec, OrganizationMembershipsPageFields, page]
] as const

describe("wire codecs against their field tables", () => {
  for (const [name, codec, fields, full] of models) {
    it(`${name}: a full body round-trips, its keys are exactly the table's, camelCase as the table names them`, () => {
      const decoded = (codec.decode as (u: unknown) => object)(full)
      expect(Object.keys(decoded)).toEqual(keys(fields as Fields<unknown>).camel)
      const encoded = (codec.encode as (a: unknown) => object)(decoded)
      expect(encoded).toEqual(full)
      expect(Object.keys(encoded)).toEqual(keys(fields as Fields<unknown>).all)
    })

    it(`${name}: every required field is required, every optional one may be absent`, () => {
      const { all, required } = keys(fields as Fields<unknown>)
      for (const key of all) {
        const { [key]: _, ...without } = full as Record<string, unknown>
        const result = Wire.run(codec.decode as (u: unknown) => unknown, without)
        if (required.includes(key)) expect(result, `${name}.${key} is required`).toBe(Wire.Invalid)
        else expect(result, `${name}.${key} is optional`).not.toBe(Wire.Invalid)
      }
    })
  }

  it("refuses values of the wrong type, non-finite numbers and unsafe integers", () => {
    const run = (u: unknown) => Wire.run(OrganizationMembershipCodec.decode, u)
    expect(run({ ...membership, created_at: 1.5 })).toBe(Wire.Invalid)
    expect(run({ ...membership, created_at: 2 ** 53 })).toBe(Wire.Invalid)
    expect(run({ ...membership, permissions: ["a", 1] })).toBe(Wire.Invalid)
    expect(run({ ...membership, object: "organization" })).toBe(Wire.Invalid)
    expect(run({ ...membership, public_metadata: [] })).toBe(Wire.Invalid)
    expect(run({ ...membership, role_name: undefined })).toBe(Wire.Invalid)
    expect(run([])).toBe(Wire.Invalid)
  })

  it("encodes every metadata object as a new plain object with its own string keys, as Schema's record encoders do", () => {
    // a caller's object may have any prototype (Effect 4's Json accepts Object.create(null)):
    // Effect's encoders answer a new plain object with its own enumerable string keys
    // (`__proto__` included), never the caller's object itself
    const metadata = () => {
      const m = Object.create(null) as Record<string | symbol, unknown>
      m.b = { nested: true }
      m["1"] = 2
      m[Symbol("s")] = 3
      Object.defineProperty(m, "__proto__", { value: 4, enumerable: true, writable: true, configurable: true })
      return m as Json.Metadata
    }
    const wires = [
      ["metadata", Wire.JsonMetadataCodec.encode(metadata())],
      [
        "organization public_metadata",
        OrganizationCodec.encode({ ...decodedOrganization(), publicMetadata: metadata() }).public_metadata
      ],
      [
        "organization private_metadata",
        OrganizationCodec.encode({ ...decodedOrganization(), privateMetadata: metadata() }).private_metadata
      ],
      [
        "membership public_metadata",
        OrganizationMembershipCodec.encode({ ...decodedMembership(), publicMetadata: metadata() }).public_metadata
      ],
      [
        "membership private_metadata",
        OrganizationMembershipCodec.encode({ ...decodedMembership(), privateMetadata: metadata() }).private_metadata
      ]
    ] as const
    for (const [name, wire] of wires) {
      expect(Object.getPrototypeOf(wire), name).toBe(Object.prototype)
      expect(Reflect.ownKeys(wire as object), name).toEqual(["1", "b", "__proto__"])
      expect(Object.getOwnPropertyDescriptor(wire, "__proto__")?.value, name).toBe(4)
    }
  })

  it("never throws anything but Invalid on arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (u) => {
        for (const [, codec] of models) Wire.run(codec.decode as (u: unknown) => unknown, u)
      }),
      { numRuns: 300 }
    )
  })

  it("every field says how a recording redacts it; personal fields are redacted", () => {
    expect(PublicUserDataFields.firstName.redact).toBe("name")
    expect(PublicUserDataFields.identifier.redact).toBe("identifier")
    expect(OrganizationFields.id.redact).toBe("id")
    expect(OrganizationMembershipFields.role.redact).toBe("keep")
  })
})

describe("Json", () => {
  it("drops __proto__ keys when reading, spelt out or escaped", () => {
    const parsed = Json.parse('{"a":{"__proto__":{"x":1}},"\\u005f_proto__":2}')
    expect(parsed.ok).toBe(true)
    if (parsed.ok) {
      expect(Object.getPrototypeOf((parsed.value as { a: object }).a)).toBe(Object.prototype)
      expect(Object.hasOwn(parsed.value as object, "__proto__")).toBe(false)
    }
    expect(Json.parse("{").ok).toBe(false)
  })

  it("finds the path of an own __proto__ key", () => {
    expect(Json.protoKeyPath(JSON.parse('{"a":[{"__proto__":1}]}'))).toEqual(["a", "0", "__proto__"])
    expect(Json.protoKeyPath({ a: 1 })).toBeUndefined()
  })
})
