/**
 * Type-level tests: checked by `tsc` (the `typecheck` task), and run by vitest.
 */
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import { expectTypeOf } from "vitest"
import { type ClerkTransport, OrganizationMemberships, type TooManyRequests, update } from "../src/index.js"
import { describe, it } from "@effect/vitest"
import { ops } from "./support/harness.js"

type Tags<T> = T extends { readonly _tag: infer K } ? K : never
type ErrorTags<X> = X extends Effect.Effect<infer _A, infer E, infer _R> ? Tags<E> : never

type ClientTags =
  | "TooManyRequests"
  | "ClerkApiError"
  | "TransportError"
  | "Timeout"
  | "ResponseDecodeError"
  | "InvalidInput"

const membership = { organizationId: "org_1", userId: "user_1" }

describe("error channels", () => {
  it("each operation fails with exactly its declared statuses plus the client's errors", () => {
    expectTypeOf<ErrorTags<ReturnType<typeof ops.create>>>().toEqualTypeOf<
      "BadRequest" | "Forbidden" | "NotFound" | "UnprocessableEntity" | ClientTags
    >()
    expectTypeOf<ErrorTags<ReturnType<typeof ops.list>>>().toEqualTypeOf<
      "Unauthorized" | "UnprocessableEntity" | ClientTags
    >()
    expectTypeOf<ErrorTags<ReturnType<typeof ops.update>>>().toEqualTypeOf<
      "BadRequest" | "NotFound" | "UnprocessableEntity" | ClientTags
    >()
    expectTypeOf<ErrorTags<ReturnType<typeof ops.delete>>>().toEqualTypeOf<
      "BadRequest" | "Unauthorized" | "NotFound" | "UnprocessableEntity" | ClientTags
    >()
    expectTypeOf<ErrorTags<ReturnType<typeof ops.updateMetadata>>>().toEqualTypeOf<
      "BadRequest" | "NotFound" | "UnprocessableEntity" | ClientTags
    >()
    expectTypeOf<ErrorTags<ReturnType<typeof ops.listInstance>>>().toEqualTypeOf<
      "BadRequest" | "Unauthorized" | "UnprocessableEntity" | "InternalServerError" | ClientTags
    >()
  })

  it("catchTag('NotFound') on update leaves exactly the remaining tags", () => {
    const handled = update({ ...membership, role: "org:admin" }).pipe(
      Effect.catchTag("NotFound", (e) => Effect.succeed(e.clerkTraceId))
    )
    expectTypeOf<ErrorTags<typeof handled>>().toEqualTypeOf<"BadRequest" | "UnprocessableEntity" | ClientTags>()
    expectTypeOf<Effect.Services<typeof handled>>().toEqualTypeOf<ClerkTransport.ClerkTransport>()
  })

  it("catchTag('TooManyRequests') compiles for every operation and removes exactly that tag", () => {
    const listInput = { organizationId: "org_1" }
    const calls = {
      create: ops.create({ ...membership, role: "org:member" }),
      list: ops.list(listInput),
      update: ops.update({ ...membership, role: "org:admin" }),
      delete: ops.delete(membership),
      updateMetadata: ops.updateMetadata({ ...membership, publicMetadata: { a: 1 } }),
      listInstance: ops.listInstance({})
    }
    const retryAfterOf = (e: TooManyRequests) => Effect.succeed(e.retryAfter)
    const create = calls.create.pipe(Effect.catchTag("TooManyRequests", retryAfterOf))
    const list = calls.list.pipe(Effect.catchTag("TooManyRequests", retryAfterOf))
    const updated = calls.update.pipe(Effect.catchTag("TooManyRequests", retryAfterOf))
    const deleted = calls.delete.pipe(Effect.catchTag("TooManyRequests", retryAfterOf))
    const merged = calls.updateMetadata.pipe(Effect.catchTag("TooManyRequests", retryAfterOf))
    const instance = calls.listInstance.pipe(Effect.catchTag("TooManyRequests", retryAfterOf))
    type Rest = Exclude<ClientTags, "TooManyRequests">
    expectTypeOf<ErrorTags<typeof create>>().toEqualTypeOf<
      "BadRequest" | "Forbidden" | "NotFound" | "UnprocessableEntity" | Rest
    >()
    expectTypeOf<ErrorTags<typeof list>>().toEqualTypeOf<"Unauthorized" | "UnprocessableEntity" | Rest>()
    expectTypeOf<ErrorTags<typeof updated>>().toEqualTypeOf<"BadRequest" | "NotFound" | "UnprocessableEntity" | Rest>()
    expectTypeOf<ErrorTags<typeof deleted>>().toEqualTypeOf<
      "BadRequest" | "Unauthorized" | "NotFound" | "UnprocessableEntity" | Rest
    >()
    expectTypeOf<ErrorTags<typeof merged>>().toEqualTypeOf<"BadRequest" | "NotFound" | "UnprocessableEntity" | Rest>()
    expectTypeOf<ErrorTags<typeof instance>>().toEqualTypeOf<
      "BadRequest" | "Unauthorized" | "UnprocessableEntity" | "InternalServerError" | Rest
    >()
    expectTypeOf<TooManyRequests["retryAfter"]>().toEqualTypeOf<Duration.Duration | undefined>()
    expectTypeOf<TooManyRequests["status"]>().toEqualTypeOf<429>()
  })

  it('every error of a call but InvalidInput carries `outcome` (a write\'s: absent or "unknown")', () => {
    type Outcomes<X> = X extends { readonly _tag: "InvalidInput" }
      ? never
      : X extends { readonly outcome?: infer O }
        ? O
        : "no outcome field"
    expectTypeOf<Outcomes<Effect.Error<ReturnType<typeof ops.create>>>>().toEqualTypeOf<"unknown" | undefined>()
    expectTypeOf<Outcomes<Effect.Error<ReturnType<typeof ops.delete>>>>().toEqualTypeOf<"unknown" | undefined>()
  })

  it("the service's operations have the same channels and need nothing", () => {
    const program = Effect.gen(function* () {
      const memberships = yield* OrganizationMemberships
      return yield* memberships
        .update({ ...membership, role: "org:admin" })
        .pipe(Effect.catchTags({ NotFound: () => Effect.succeed(null), BadRequest: () => Effect.succeed(null) }))
    })
    expectTypeOf<ErrorTags<typeof program>>().toEqualTypeOf<"UnprocessableEntity" | ClientTags>()
    expectTypeOf<Effect.Services<typeof program>>().toEqualTypeOf<OrganizationMemberships>()
  })

  it("a tag an operation does not declare cannot be caught", () => {
    // @ts-expect-error Forbidden is not in list's error channel
    ops.list({ organizationId: "org_1" }).pipe(Effect.catchTag("Forbidden", () => Effect.void))
    // @ts-expect-error Unauthorized is not in create's error channel (it arrives as ClerkApiError)
    ops.create({ ...membership, role: "r" }).pipe(Effect.catchTag("Unauthorized", () => Effect.void))
  })

  it("inputs are typed: wrong field types are compile errors", () => {
    // @ts-expect-error limit is a number
    ops.list({ organizationId: "org_1", limit: "10" })
    // @ts-expect-error orderBy is one of the documented fields
    ops.listInstance({ orderBy: "bogus" })
    // @ts-expect-error update needs a role
    ops.update(membership)
  })
})
