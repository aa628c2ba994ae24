/**
 * This line's Schemas reflected against the core's tables (read from Effect 4's `SchemaAST`, not
 * from anything the line wrote twice): every operation's path, query and body Schemas declare
 * exactly the core operation's parameters at that location (camelCase key, wire key, optional or
 * required), every model Schema exactly its core field table, the status errors exactly the
 * core's status tags, and the error codes are the core's. A failure names the operation or model
 * and every key that differs.
 */
import { isDeepStrictEqual } from "node:util"
import {
  ClerkErrorCodes as CoreClerkErrorCodes,
  type Fields,
  Operation,
  Operations,
  OrganizationFields,
  OrganizationMembershipFields,
  OrganizationMembershipsPageFields,
  PublicUserDataFields,
  Statuses
} from "@clerk-effect/core"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type * as Schema from "effect/Schema"
import * as SchemaAST from "effect/SchemaAST"
import * as SchemaGetter from "effect/SchemaGetter"
import * as SchemaTransformation from "effect/SchemaTransformation"
import {
  Api,
  ClerkErrorCodes,
  Organization,
  OrganizationMembership,
  OrganizationMembershipsPage,
  PublicUserData,
  StatusErrors,
  UniversalStatusErrors
} from "../src/contract/index.js"
import { describe, expect, it } from "@effect/vitest"

/** A property on both sides: its wire key, and whether it may be absent. */
interface Key {
  readonly wire: string
  readonly optional: boolean
}

/** The property signatures of a struct's side, by key. */
const propertiesOf = (ast: SchemaAST.AST): ReadonlyMap<PropertyKey, SchemaAST.PropertySignature> =>
  new Map(SchemaAST.isObjects(ast) ? ast.propertySignatures.map((p) => [p.name, p]) : [])

/**
 * The wire key of each camelCase key, as the struct's own encoding renames them
 * (`Schema.encodeKeys`): its transformation's encoder, run on an object whose every value is its
 * key, answers `{ wireKey: camelKey }`. A struct without an encoding of its own renames nothing.
 */
const wireKeysOf = (ast: SchemaAST.AST, keys: ReadonlyArray<PropertyKey>): ReadonlyMap<PropertyKey, PropertyKey> => {
  const links = ast.encoding ?? []
  const probe = Object.fromEntries(keys.map((key) => [key, key]))
  if (links.length === 0) return new Map(keys.map((key) => [key, key]))
  const [link] = links
  if (links.length > 1 || !SchemaTransformation.isTransformation(link?.transformation)) {
    throw new Error("expected a struct renamed by one transformation (Schema.encodeKeys)")
  }
  const encode = link.transformation.encode as SchemaGetter.Getter<unknown, unknown>
  const encoded = Effect.runSync(SchemaGetter.run(encode, Option.some(probe), {}))
  return new Map(Object.entries(Option.getOrThrow(encoded) as object).map(([wire, key]) => [key, wire]))
}

/**
 * The properties a struct Schema declares, by camelCase key: its wire key, and whether it may be
 * absent (on both sides; a side that disagrees shows as `optional: "type only"` or `"wire only"`).
 */
const declared = (schema: Schema.Top | undefined): Record<string, Key | object> => {
  if (schema === undefined) return {}
  const typeSide = propertiesOf(SchemaAST.toType(schema.ast))
  const wireSide = propertiesOf(SchemaAST.toEncoded(schema.ast))
  const wireKeys = wireKeysOf(schema.ast, [...typeSide.keys()])
  return Object.fromEntries(
    [...typeSide].map(([key, property]) => {
      const wire = wireKeys.get(key)
      const onWire = wire === undefined ? undefined : wireSide.get(wire)
      if (wire === undefined || onWire === undefined)
        return [String(key), { wire: String(wire), missingOnTheWire: true }]
      const [typeOptional, wireOptional] = [SchemaAST.isOptional(property.type), SchemaAST.isOptional(onWire.type)]
      const optional = typeOptional === wireOptional ? typeOptional : typeOptional ? "type only" : "wire only"
      return [String(key), { wire: String(wire), optional }]
    })
  )
}

/** The core's parameters of an operation at one location, by camelCase key. */
const coreParams = (operation: Operation.Operation, location: "path" | "query" | "body"): Record<string, Key> =>
  Object.fromEntries(
    Object.entries(Operation.paramsIn(operation, location)).map(([key, p]) => [
      key,
      { wire: p.wire, optional: !p.required }
    ])
  )

/** A core field table, by camelCase key. */
const coreFields = (fields: Readonly<Record<string, Fields.Field>>): Record<string, Key> =>
  Object.fromEntries(Object.entries(fields).map(([key, f]) => [key, { wire: f.wire, optional: f.optional }]))

/** Expects `actual` to equal `expected`, the message naming `subject` and every key that differs. */
const expectSameKeys = (subject: string, actual: Record<string, unknown>, expected: Record<string, unknown>) => {
  const differing = [...new Set([...Object.keys(actual), ...Object.keys(expected)])].filter(
    (key) => !isDeepStrictEqual(actual[key], expected[key])
  )
  expect(actual, `${subject} differ from the core's at: ${differing.join(", ")}`).toStrictEqual(expected)
}

/** The tag of each status's error: the `_tag` of an error the class makes for that status. */
const tagsOf = (errors: Readonly<Record<number, new (fields: never) => { readonly _tag: string }>>) =>
  Object.fromEntries(
    Object.entries(errors).map(([status, StatusError]) => {
      const fields = { operation: "reflection", status: Number(status), errors: [], attempts: 1 }
      return [status, new StatusError(fields as never)._tag]
    })
  )

describe("this line's Schemas reflect the core's tables", () => {
  it("Api has exactly the core's operations, in the core's order", () => {
    expect(Object.keys(Api)).toEqual(Object.keys(Operations))
  })

  describe.each(Object.keys(Operations) as ReadonlyArray<keyof typeof Operations>)("%s", (name) => {
    const endpoint = Api[name]
    const operation: Operation.Operation = Operations[name]

    it("its path, query and body Schemas declare exactly the core's parameters", () => {
      expectSameKeys(`${name}'s path parameters`, declared(endpoint.pathParams), coreParams(operation, "path"))
      expectSameKeys(`${name}'s query parameters`, declared(endpoint.query), coreParams(operation, "query"))
      expectSameKeys(`${name}'s body parameters`, declared(endpoint.body), coreParams(operation, "body"))
    })
  })

  it.each([
    ["Organization", Organization, OrganizationFields],
    ["PublicUserData", PublicUserData, PublicUserDataFields],
    ["OrganizationMembership", OrganizationMembership, OrganizationMembershipFields],
    ["OrganizationMembershipsPage", OrganizationMembershipsPage, OrganizationMembershipsPageFields]
  ] as const)("the %s Schema declares exactly the core's field table", (name, schema, fields) => {
    expectSameKeys(`${name}'s fields`, declared(schema), coreFields(fields))
  })

  it("the status errors' tags are the core's status tags", () => {
    expectSameKeys("StatusErrors' tags", tagsOf(StatusErrors), { ...Statuses.StatusTags })
    expectSameKeys("UniversalStatusErrors' tags", tagsOf(UniversalStatusErrors), { ...Statuses.UniversalStatusTags })
  })

  it("ClerkErrorCodes is the core's object", () => {
    expect(ClerkErrorCodes, "ClerkErrorCodes is the core's object, not a copy").toBe(CoreClerkErrorCodes)
  })
})
