/**
 * The Effect 4 line of the client (`@clerk-effect/client-effect4`) in the benchmarks, run with
 * Effect 4's own runtime (`effect@4.1.0`, imported here as `effect4`; the rest of the bench runs on
 * Effect 3): contenders of the overhead tables and the page walk (over Effect 4's
 * `FetchHttpClient` and over the line's own `/fetch` and `/undici`), and the decode cost of a page.
 */
import { Api, OrganizationMemberships } from "@clerk-effect/client-effect4"
import * as ClientFetchHttpClient from "@clerk-effect/client-effect4/fetch"
import * as UndiciHttpClient from "@clerk-effect/client-effect4/undici"
import * as Effect from "effect4/Effect"
import * as FetchHttpClient from "effect4/http/FetchHttpClient"
import type * as HttpClient from "effect4/http/HttpClient"
import * as Layer from "effect4/Layer"
import * as ManagedRuntime from "effect4/ManagedRuntime"
import * as SchemaParser from "effect4/SchemaParser"
import * as Stream from "effect4/Stream"
import type { Contender } from "./contenders.js"

/** The label of the Effect 4 line over Effect 4's `FetchHttpClient`. */
export const Label = "client-effect4 (Effect 4 FetchHttpClient)"

/** The transports the Effect 4 line runs on in the benchmarks. */
export const Transports = {
  fetch: { label: Label, layer: FetchHttpClient.layer },
  "client-fetch": { label: "client-effect4 (its FetchHttpClient)", layer: ClientFetchHttpClient.layer },
  undici: { label: "client-effect4 (UndiciHttpClient)", layer: UndiciHttpClient.layer }
} satisfies Record<string, { label: string; layer: Layer.Layer<HttpClient.HttpClient> }>

/** The Effect 4 client over one of its transports; each call is one `Effect.runPromise`. */
export const effect4Client = async (
  origin: string,
  ids: { readonly secretKey: string; readonly organizationId: string; readonly userId: string },
  transport: keyof typeof Transports = "fetch"
): Promise<Contender> => {
  const { label, layer } = Transports[transport]
  const runtime = ManagedRuntime.make(
    OrganizationMemberships.layer({ secretKey: ids.secretKey, apiUrl: `${origin}/v1` }).pipe(Layer.provide(layer))
  )
  const memberships = await runtime.runPromise(OrganizationMemberships)
  return {
    name: label,
    list: (limit) => Effect.runPromise(memberships.list({ organizationId: ids.organizationId, limit })),
    create: () =>
      Effect.runPromise(
        memberships.create({ organizationId: ids.organizationId, userId: ids.userId, role: "org:member" })
      ),
    close: () => runtime.dispose()
  }
}

/** Walks every membership of an organization with `streamList` in pages of `pageSize`, over `transport`. */
export const walk = (
  target: { readonly baseUrl: string; readonly secretKey: string; readonly organizationId: string },
  pageSize: number,
  seen: (id: string) => void,
  transport: keyof typeof Transports = "fetch"
): Promise<void> =>
  Effect.runPromise(
    Effect.gen(function* () {
      const memberships = yield* OrganizationMemberships
      yield* Stream.runForEach(
        memberships.streamList({ organizationId: target.organizationId, limit: pageSize }),
        (m) => Effect.sync(() => seen(m.id))
      )
    }).pipe(
      Effect.provide(
        OrganizationMemberships.layer({
          secretKey: target.secretKey,
          apiUrl: target.baseUrl,
          timeout: "60 seconds"
        }).pipe(Layer.provide(Transports[transport].layer))
      )
    )
  )

/** The Effect 4 line's decoder of a `list` page (Effect 4's Schema, as the client runs it); throws on a failure. */
export const decodeListPage = (): ((body: unknown) => unknown) => {
  const decode = SchemaParser.decodeUnknownResult(Api.list.success)
  return (body) => {
    const result = decode(body)
    if (result._tag === "Failure")
      throw new Error(`the Effect 4 line does not decode the body: ${String(result.failure)}`)
    return result.success
  }
}
