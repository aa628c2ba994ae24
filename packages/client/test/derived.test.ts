/**
 * Every surface is derived from `Api`: the operation names, the standalone functions, the
 * `withHttpInfo` table, the streams and the service all have exactly one entry per endpoint (and
 * one stream per paginated endpoint); traits are data on the endpoints.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import * as Client from "../src/index.js"
import { Api, OperationNames } from "../src/contract/Api.js"
import type { AnyEndpoint } from "../src/contract/Endpoint.js"
import * as Scripted from "./resilience/support/Scripted.js"

const endpoints = Object.values(Api) as ReadonlyArray<AnyEndpoint>
const streamNames = endpoints.flatMap((e) => (e.paginated === undefined ? [] : [e.paginated.stream]))

describe("surfaces derived from Api", () => {
  it("OperationNames are Api's keys, in order", () => {
    expect(OperationNames).toEqual(Object.keys(Api))
    for (const name of OperationNames) expect(Api[name].name).toBe(name)
  })

  it("every operation is a standalone function, with its withHttpInfo variant", () => {
    for (const name of OperationNames) {
      expect(typeof (Client as unknown as Record<string, unknown>)[name === "delete" ? "deleteMembership" : name]).toBe(
        "function"
      )
      expect(typeof Client.withHttpInfo[name]).toBe("function")
    }
    expect(Object.keys(Client.withHttpInfo)).toEqual(Object.keys(Api))
    expect(Client.delete).toBe(Client.deleteMembership)
  })

  it("every paginated endpoint has its stream, standalone and on the service; no other has one", () => {
    expect(streamNames).toEqual(["streamList", "streamInstance"])
    for (const name of streamNames) {
      expect(typeof (Client as unknown as Record<string, unknown>)[name]).toBe("function")
    }
  })

  it.effect("the service has one entry per operation and stream, and withHttpInfo per operation", () =>
    Effect.gen(function* () {
      const client = yield* Client.OrganizationMemberships
      expect(
        Object.keys(client)
          .filter((k) => k !== "withHttpInfo")
          .sort()
      ).toEqual([...OperationNames, ...streamNames].sort())
      expect(Object.keys(client.withHttpInfo)).toEqual(Object.keys(Api))
    }).pipe(
      Effect.provide(Client.OrganizationMemberships.Default.pipe(Layer.provide(Scripted.transport(Scripted.make([])))))
    )
  )

  it("traits: reconciled writes name a paginated read; only non-idempotent writes reconcile", () => {
    for (const endpoint of endpoints) {
      if (endpoint.reconciled !== undefined) {
        const read = (Api as unknown as Record<string, AnyEndpoint>)[endpoint.reconciled.through]
        expect(read?.paginated, `${endpoint.name} reads back through a paginated endpoint`).toBeDefined()
        expect(endpoint.idempotent).toBe(false)
      }
      if (endpoint.paginated !== undefined) expect(endpoint.method).toBe("GET")
      if (endpoint.closedBody) expect(endpoint.body).toBeDefined()
    }
    expect(Api.create.reconciled?.appliedCode).toBe(Client.ClerkErrorCodes.alreadyAMember)
    expect(Api.updateMetadata.closedBody).toBe(true)
  })
})
