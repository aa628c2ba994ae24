/**
 * The clients compared on the same requests: raw `undici.request`, global `fetch`, the official
 * `@clerk/backend`, and this client over each transport it can run on (the Effect 4 line's
 * contender is in `effect4.ts`).
 */
import { OrganizationMemberships } from "@clerk-effect/client"
import * as ClientFetchHttpClient from "@clerk-effect/client/fetch"
import * as UndiciHttpClient from "@clerk-effect/client/undici"
import { createClerkClient } from "@clerk/backend"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { Agent, request } from "undici"

/** One contender: a list of `limit` memberships and a create, each resolving to decoded data. */
export interface Contender {
  readonly name: string
  readonly list: (limit: number) => Promise<unknown>
  readonly create: () => Promise<unknown>
  readonly close: () => Promise<void>
}

/** The secret every contender sends (a test key; the servers ignore it). */
export const SecretKey = "sk_test_benchmark000000000000000000000000"
/** The organization every contender lists and adds to. */
export const OrganizationId = "org_2bench0000000000000000000000"
/** The user every contender adds. */
export const UserId = "user_2bench00000000000000000000"
const headers = {
  authorization: `Bearer ${SecretKey}`,
  accept: "application/json",
  "clerk-api-version": "2025-11-10",
  "user-agent": "bench"
}
const createBody = JSON.stringify({ user_id: UserId, role: "org:member" })
const listPath = (limit: number) => `/v1/organizations/${OrganizationId}/memberships?limit=${limit}`
const createPath = `/v1/organizations/${OrganizationId}/memberships`

/** Raw `undici.request` on a keep-alive `Agent`, body parsed with `.json()`. */
export const rawUndici = (origin: string): Contender => {
  const dispatcher = new Agent({ keepAliveTimeout: 30_000 })
  return {
    name: "undici.request",
    list: async (limit) => {
      const res = await request(origin + listPath(limit), { dispatcher, headers })
      return res.body.json()
    },
    create: async () => {
      const res = await request(origin + createPath, {
        dispatcher,
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: createBody
      })
      return res.body.json()
    },
    close: () => dispatcher.close()
  }
}

/** Global `fetch`, body parsed with `.json()`. */
export const rawFetch = (origin: string): Contender => ({
  name: "fetch",
  list: async (limit) => (await fetch(origin + listPath(limit), { headers })).json(),
  create: async () =>
    (
      await fetch(origin + createPath, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: createBody
      })
    ).json(),
  close: async () => {}
})

/** The official `@clerk/backend` SDK. */
export const clerkBackend = (origin: string): Contender => {
  const clerk = createClerkClient({ secretKey: SecretKey, apiUrl: origin })
  return {
    name: "@clerk/backend",
    list: (limit) => clerk.organizations.getOrganizationMembershipList({ organizationId: OrganizationId, limit }),
    create: () =>
      clerk.organizations.createOrganizationMembership({
        organizationId: OrganizationId,
        userId: UserId,
        role: "org:member"
      }),
    close: async () => {}
  }
}

/** The transports this client runs on in the benchmarks. */
export const Transports = {
  fetch: { label: "client (FetchHttpClient)", layer: FetchHttpClient.layer },
  "client-fetch": { label: "client (its FetchHttpClient)", layer: ClientFetchHttpClient.layer },
  "platform-node": { label: "client (NodeHttpClient undici)", layer: NodeHttpClient.layerUndici },
  undici: { label: "client (UndiciHttpClient)", layer: UndiciHttpClient.layer }
} satisfies Record<string, { label: string; layer: Layer.Layer<HttpClient.HttpClient> }>

/** This client over one of its transports; each call is one `Effect.runPromise`. */
export const effectClient = async (origin: string, transport: keyof typeof Transports): Promise<Contender> => {
  const { label, layer } = Transports[transport]
  const runtime = ManagedRuntime.make(
    OrganizationMemberships.layer({ secretKey: SecretKey, apiUrl: `${origin}/v1` }).pipe(Layer.provide(layer))
  )
  const memberships = await runtime.runPromise(OrganizationMemberships)
  return {
    name: label,
    list: (limit) => Effect.runPromise(memberships.list({ organizationId: OrganizationId, limit })),
    create: () =>
      Effect.runPromise(memberships.create({ organizationId: OrganizationId, userId: UserId, role: "org:member" })),
    close: () => runtime.dispose()
  }
}
