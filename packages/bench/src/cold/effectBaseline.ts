/**
 * Cold start: an Effect program that already uses `HttpClient` and `Schema` (FetchHttpClient), one
 * GET of the same list decoded with a small schema, exit — the floor this client's rows stand on,
 * so the difference is what the client itself adds to an Effect application.
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"

const Page = Schema.Struct({ data: Schema.Array(Schema.Struct({ id: Schema.String })), total_count: Schema.Number })
const url = `${process.argv[2] ?? ""}/v1/organizations/org_cold/memberships?limit=10`
const program = Effect.flatMap(HttpClient.HttpClient, (client) =>
  Effect.flatMap(
    client.get(url, { headers: { authorization: "Bearer sk_test_cold" } }),
    HttpClientResponse.schemaBodyJson(Page)
  )
)
await Effect.runPromise(program.pipe(Effect.provide(FetchHttpClient.layer)))
