/**
 * Cases of `list` (GET /organizations/{organization_id}/memberships): the plain page, the paging
 * invariants, authentication and invalid parameters. Ordering and filters have their own modules.
 */
import { Api } from "@clerk-effect/client/contract"
import { ClerkErrorCodes } from "@clerk-effect/core"
import type { OrganizationMembership } from "@clerk-effect/client"
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import { call, type ContractCase, forOperation, raw } from "../Case.js"
import { type CaseFailure, during } from "../CaseFailure.js"
import type { Probe } from "../Probe.js"
import { UnknownIds } from "../World.js"
import * as Source from "../Source.js"
import { anyCode, declared, invalidOrderBySource } from "./sources.js"
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

/**
 * The invariants of pages against the whole set: no overlap, union = whole set, stable total.
 * Memberships in `tied` (sharing their `created_at` with another) may repeat or be missing.
 */
export const pageInvariants = (
  pages: ReadonlyArray<{ readonly data: ReadonlyArray<{ readonly id: string }>; readonly totalCount: number }>,
  all: ReadonlyArray<{ readonly id: string }>,
  limit: number,
  tied: ReadonlySet<string> = new Set()
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
      if (first === undefined) seen.set(m.id, i)
      else if (!tied.has(m.id)) out.push(`pages overlap: ${m.id} is on page ${first} and page ${i}`)
    }
  })
  out.push(
    ...sameIds(
      "union of the pages vs the whole set",
      [...seen.keys()].filter((id) => !tied.has(id)),
      all.map((m) => m.id).filter((id) => !tied.has(id))
    )
  )
  return out
}

/** The memberships whose `created_at` another membership shares. */
export const tiedIds = (
  all: ReadonlyArray<{ readonly id: string; readonly createdAt: number }>
): ReadonlySet<string> => {
  const byTime = new Map<number, number>()
  for (const m of all) byTime.set(m.createdAt, (byTime.get(m.createdAt) ?? 0) + 1)
  return new Set(all.filter((m) => (byTime.get(m.createdAt) ?? 0) > 1).map((m) => m.id))
}

/**
 * The source of the paging invariants: assumed — the spec defines `offset` as skipping the first
 * results, but not the order of memberships created in the same millisecond; pages partitioning
 * the set exactly is preferred, ties moving between pages accepted.
 */
export const partitionSource = <Op extends "list" | "listInstance">(
  operation: Op,
  readPagesOf: (
    all: ReadonlyArray<OrganizationMembership>,
    probe: Probe
  ) => Effect.Effect<
    ReadonlyArray<{ readonly data: ReadonlyArray<{ readonly id: string }>; readonly totalCount: number }>,
    CaseFailure,
    Scope.Scope
  >,
  limit: (all: ReadonlyArray<OrganizationMembership>) => number
): Source.Assumed<Op, ReadonlyArray<OrganizationMembership>> =>
  Source.assumed({
    why: `${Api[operation].operationId}: the spec defines offset as skipping the first results, not how memberships created in the same millisecond are ordered, so whether they keep their place from page to page is not stated`,
    preferred: "200, pages partition the set",
    alternatives: [
      {
        label: "200, pages partition the set but for created_at ties",
        status: 200,
        after: (_, all, probe) =>
          Effect.map(readPagesOf(all, probe), (pages) => pageInvariants(pages, all, limit(all), tiedIds(all)))
      }
    ]
  })

/** Every page of 2 of the main organization, and one past the end. */
const pagesOfTwo = (all: ReadonlyArray<OrganizationMembership>, probe: Probe) =>
  readPages(probe, probe.world.organizationId, 2, Math.ceil(all.length / 2) + 1)

/** The `list` cases except ordering and filters. */
export const cases: ReadonlyArray<ContractCase> = [
  list({
    name: "Members",
    status: 200,
    source: declared("list", 200, "LimitParameter default 10; total_count"),
    description: "the first page (default limit 10) of the organization, with total_count the size of the whole set",
    setup: mainMembers,
    request: (_, probe) => call({ organizationId: probe.world.organizationId }),
    body: (page, all, probe) => [
      ...belongTo(probe.world.organizationId, page.data),
      ...equal("total_count", page.totalCount, all.length),
      ...equal("page size with the default limit", page.data.length, Math.min(10, all.length)),
      ...check(all.length >= 3, `the main organization should have at least 3 members, has ${all.length}`),
      ...check(
        all.some((m) => m.role === probe.world.roles.admin),
        `the main organization has no ${probe.world.roles.admin}`
      ),
      ...check(
        all.some((m) => m.role === probe.world.roles.member),
        `the main organization has no ${probe.world.roles.member}`
      )
    ]
  }),
  list({
    name: "PagesPartitionTheSet",
    status: 200,
    source: partitionSource("list", pagesOfTwo, () => 2),
    description: "pages of limit 2 do not overlap, their union is the whole set, total_count is the same on every page",
    setup: (probe) => Effect.tap(mainMembers(probe), (all) => need(all.length >= 3, "fewer than 3 members")),
    request: (_, probe) => call({ organizationId: probe.world.organizationId, limit: 2, offset: 0 }),
    after: (_, all, probe) => Effect.map(pagesOfTwo(all, probe), (pages) => pageInvariants(pages, all, 2))
  }),
  list({
    name: "LimitOne",
    status: 200,
    source: declared("list", 200, "LimitParameter minimum 1"),
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
    source: declared("list", 200, "LimitParameter maximum 500"),
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
    source: declared("list", 200, "OffsetParameter; total_count"),
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
    source: Source.assumed({
      why: "ListOrganizationMemberships declares 200, 401 and 422 only (so do the SDK docs): a server that follows the spec may answer an organization that does not exist with an empty page",
      preferred: "404 resource_not_found",
      alternatives: [
        anyCode(404, ClerkErrorCodes.resourceNotFound),
        {
          label: "200 empty page",
          status: 200,
          body: (page) => [...equal("data", page.data, []), ...equal("total_count", page.totalCount, 0)]
        }
      ]
    }),
    description:
      "an organization that does not exist is resource_not_found (404 is not declared for list: ClerkApiError), or an empty page",
    request: () => call({ organizationId: UnknownIds.organizationId }),
    codes: [ClerkErrorCodes.resourceNotFound]
  }),
  list({
    name: "InvalidOrderBy",
    status: 422,
    source: invalidOrderBySource("list"),
    description: "order_by on a field that cannot be sorted by is refused (sent raw: the client refuses it)",
    request: (_, probe) =>
      raw({ method: "GET", path: path(probe.world.organizationId), query: { order_by: "-role" }, auth: "valid" })
  })
]
