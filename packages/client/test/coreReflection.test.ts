/**
 * This line's Schemas reflected against the core's tables (read from Effect 3's `SchemaAST`, not
 * from anything the line wrote twice): every operation's path, query and body Schemas declare
 * exactly the core operation's parameters at that location (camelCase key, wire key, optional or
 * required), every model Schema exactly its core field table, the status errors exactly the
 * core's status tags, and the error codes are the core's. A failure names the operation or model
 * and shows the key that differs.
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
import { describe, expect, it } from "@effect/vitest"
import type { Schema } from "effect"
import { SchemaAST } from "effect"
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

/** A property on both sides: its wire key, and whether it may be absent. */
interface Key {
  readonly wire: string
  readonly optional: boolean
}

/**
 * The properties a struct Schema declares, by camelCase key: the wire key is the one its
 * `fromKey` renaming maps the key from (the key itself when it is not renamed); it is optional
 * when it is optional on both sides (a side that disagrees shows as `optional: "type only"` or
 * `"wire only"`).
 */
const declared = (schema: Schema.Schema.Any | undefined): Record<string, Key | object> => {
  if (schema === undefined) return {}
  const { ast } = schema
  const renamed = new Map<PropertyKey, PropertyKey>(
    SchemaAST.isTransformation(ast) && SchemaAST.isTypeLiteralTransformation(ast.transformation)
      ? ast.transformation.propertySignatureTransformations.map((p) => [p.to, p.from])
      : []
  )
  const wireSide = new Map(SchemaAST.getPropertySignatures(SchemaAST.encodedAST(ast)).map((p) => [p.name, p]))
  return Object.fromEntries(
    SchemaAST.getPropertySignatures(SchemaAST.typeAST(ast)).map((p) => {
      const wire = renamed.get(p.name) ?? p.name
      const onWire = wireSide.get(wire)
      if (onWire === undefined) return [String(p.name), { wire: String(wire), missingOnTheWire: true }]
      const optional =
        p.isOptional === onWire.isOptional ? p.isOptional : p.isOptional ? "type only" : ("wire only" as const)
      return [String(p.name), { wire: String(wire), optional }]
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
    const tags = (errors: Readonly<Record<number, { readonly _tag: string }>>) =>
      Object.fromEntries(Object.entries(errors).map(([status, error]) => [status, error._tag]))
    expectSameKeys("StatusErrors' tags", tags(StatusErrors), { ...Statuses.StatusTags })
    expectSameKeys("UniversalStatusErrors' tags", tags(UniversalStatusErrors), { ...Statuses.UniversalStatusTags })
  })

  it("ClerkErrorCodes is the core's object", () => {
    expect(ClerkErrorCodes, "ClerkErrorCodes is the core's object, not a copy").toBe(CoreClerkErrorCodes)
  })
})
