/**
 * Cases of `list` (GET /organizations/{organization_id}/memberships): the plain page, the paging
 * invariants, authentication and invalid parameters. Ordering and filters have their own modules.
 */
import { ClerkErrorCodes } from "@clerk-effect/client/contract"
import type { OrganizationMembership } from "@clerk-effect/client"
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import { call, type ContractCase, forOperation, raw } from "../Case.js"
import { type CaseFailure, during } from "../CaseFailure.js"
import type { Probe } from "../Probe.js"
import { UnknownIds } from "../World.js"
import { belongTo, check, equal, mainMembers, need, sameIds } from "./support.js"
import { pathOf } from "./route.js"

const list = forOperation("list")

const path = (organizationId: string) => pathOf("list", { organizationId })

/** Pages of `limit` read one after the other through the client, with each page's `total_count`. */
export const readPages = (
  probe: Probe,
  organizationId: string,
  limit: number,
  count: number
): Effect.Effect<
  ReadonlyArray<{ readonly data: ReadonlyArray<OrganizationMembership>; readonly totalCount: number }>,
  CaseFailure,
  Scope.Scope
> =>
  Effect.forEach(
    Array.from({ length: count }, (_, i) => i * limit),
    (offset) =>
      Effect.map(probe.call("list", { organizationId, limit, offset }), (r) => r.data).pipe(
        Effect.mapError(during(`reading the page at offset ${offset}`))
      )
  )

/** The invariants of pages against the whole set: no overlap, union = whole set, stable total. */
export const pageInvariants = (
  pages: ReadonlyArray<{ readonly data: ReadonlyArray<{ readonly id: string }>; readonly totalCount: number }>,
  all: ReadonlyArray<{ readonly id: string }>,
  limit: number
): ReadonlyArray<string> => {
  const out: Array<string> = []
  const seen = new Map<string, number>()
  pages.forEach((page, i) => {
    if (page.totalCount !== all.length)
      out.push(`page ${i}: total_count ${page.totalCount}, the whole set has ${all.length}`)
    const expectedSize = Math.max(0, Math.min(limit, all.length - i * limit))
    if (page.data.length !== expectedSize)
      out.push(`page ${i}: expected ${expectedSize} items, got ${page.data.length}`)
    for (const m of page.data) {
      const first = seen.get(m.id)
      if (first !== undefined) out.push(`pages overlap: ${m.id} is on page ${first} and page ${i}`)
      else seen.set(m.id, i)
    }
  })
  out.push(
    ...sameIds(
      "union of the pages vs the whole set",
      [...seen.keys()],
      all.map((m) => m.id)
    )
  )
  return out
}

/** The `list` cases except ordering and filters. */
export const cases: ReadonlyArray<ContractCase> = [
  list({
    name: "Members",
    status: 200,
    description: "the first page (default limit 10) of the organization, with total_count the size of the whole set",
    setup: mainMembers,
    request: (_, probe) => call({ organizationId: probe.world.organizationId }),
    body: (page, all, probe) => [
      ...belongTo(probe.world.organizationId, page.data),
      ...equal("total_count", page.totalCount, all.length),
      ...equal("page size with the default limit", page.data.length, Math.min(10, all.length)),
      ...check(all.length >= 3, `the main organization should have at least 3 members, has ${all.length}`),
      ...check(
        all.some((m) => m.role === "org:admin"),
        "the main organization has no org:admin"
      ),
      ...check(
        all.some((m) => m.role === "org:member"),
        "the main organization has no org:member"
      )
    ]
  }),
  list({
    name: "PagesPartitionTheSet",
    status: 200,
    description: "pages of limit 2 do not overlap, their union is the whole set, total_count is the same on every page",
    setup: (probe) => Effect.tap(mainMembers(probe), (all) => need(all.length >= 3, "fewer than 3 members")),
    request: (_, probe) => call({ organizationId: probe.world.organizationId, limit: 2, offset: 0 }),
    after: (_, all, probe) =>
      Effect.map(readPages(probe, probe.world.organizationId, 2, Math.ceil(all.length / 2) + 1), (pages) =>
        pageInvariants(pages, all, 2)
      )
  }),
  list({
    name: "LimitOne",
    status: 200,
    description: "limit=1 returns exactly one membership and the full total_count",
    setup: mainMembers,
    request: (_, probe) => call({ organizationId: probe.world.organizationId, limit: 1 }),
    body: (page, all) => [
      ...equal("page size", page.data.length, 1),
      ...equal("total_count", page.totalCount, all.length)
    ]
  }),
  list({
    name: "LimitMax",
    status: 200,
    description: "limit=500 (the maximum) is accepted",
    setup: mainMembers,
    request: (_, probe) => call({ organizationId: probe.world.organizationId, limit: 500 }),
    body: (page, all) => [
      ...equal("page size", page.data.length, Math.min(500, all.length)),
      ...equal("total_count", page.totalCount, all.length)
    ]
  }),
  list({
    name: "OffsetPastTheEnd",
    status: 200,
    description: "an offset at or past the end returns no data and the full total_count",
    setup: mainMembers,
    request: (all, probe) => call({ organizationId: probe.world.organizationId, offset: all.length, limit: 10 }),
    body: (page, all) => [
      ...equal("page size", page.data.length, 0),
      ...equal("total_count", page.totalCount, all.length)
    ]
  }),
  list({
    name: "UnknownOrganization",
    status: 404,
    description:
      "an organization that does not exist is resource_not_found (404 is not declared for list: ClerkApiError)",
    request: () => call({ organizationId: UnknownIds.organizationId }),
    codes: [ClerkErrorCodes.resourceNotFound]
  }),
  list({
    name: "InvalidOrderBy",
    status: 422,
    description: "order_by on a field that cannot be sorted by is refused (sent raw: the client refuses it)",
    request: (_, probe) =>
      raw({ method: "GET", path: path(probe.world.organizationId), query: { order_by: "-role" }, auth: "valid" })
  })
]
