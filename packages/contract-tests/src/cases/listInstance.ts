/**
 * Cases of `listInstance` (GET /organization_memberships): the page, the paging invariants, the
 * instance list containing what the organization lists contain, authentication and invalid
 * parameters.
 */
import * as Effect from "effect/Effect"
import { call, type ContractCase, forOperation, raw } from "../Case.js"
import { during } from "../CaseFailure.js"
import type { OrganizationMembership } from "@clerk-effect/client"
import type { Probe } from "../Probe.js"
import { declared, invalidOrderBySource } from "./sources.js"
import { check, equal, mainMembers, show } from "./support.js"
import { pathOf } from "./route.js"
import { pageInvariants, partitionSource } from "./list.js"

const listInstance = forOperation("listInstance")

const Path = pathOf("listInstance", {})

/** How many pages the paging case reads at most: the page size grows with the instance. */
const MaxPagingPages = 20

/** The page size of the paging case: the instance in at most `MaxPagingPages` pages. */
const pageLimit = (all: ReadonlyArray<OrganizationMembership>) => Math.max(2, Math.ceil(all.length / MaxPagingPages))

/** Every page of the instance, and one past the end. */
const instancePages = (all: ReadonlyArray<OrganizationMembership>, probe: Probe) => {
  const limit = pageLimit(all)
  return Effect.forEach(
    Array.from({ length: Math.ceil(all.length / limit) + 1 }, (_, i) => i * limit),
    (offset) =>
      Effect.map(probe.call("listInstance", { limit, offset }), (r) => r.data).pipe(
        Effect.mapError(during(`reading the page at offset ${offset}`))
      )
  )
}

/** The `listInstance` cases. */
export const cases: ReadonlyArray<ContractCase> = [
  listInstance({
    name: "Memberships",
    status: 200,
    source: declared("listInstance", 200, "LimitParameter default 10; total_count"),
    description: "the first page (default limit 10), with total_count the size of the instance",
    setup: (probe) => probe.instanceMembers,
    request: () => call({}),
    body: (page, all) => [
      ...equal("total_count", page.totalCount, all.length),
      ...equal("page size with the default limit", page.data.length, Math.min(10, all.length))
    ]
  }),
  listInstance({
    name: "ContainsOrganizationLists",
    status: 200,
    source: declared("listInstance", 200, "all organization memberships within the instance"),
    description:
      "every membership of the main and the second organization is in the instance list, equal field by field",
    setup: (probe) =>
      Effect.all({
        main: mainMembers(probe),
        other: probe.members(probe.world.otherOrganizationId)
      }),
    request: () => call({ limit: 500 }),
    after: (_, { main, other }, probe) =>
      Effect.map(probe.instanceMembers, (all) => {
        const byId = new Map(all.map((m) => [m.id, m]))
        const out: Array<string> = []
        for (const m of [...main, ...other]) {
          const found = byId.get(m.id)
          if (found === undefined)
            out.push(`membership ${m.id} (${m.organization.id}) is missing from the instance list`)
          else {
            out.push(
              ...equal(`${m.id}.role`, found.role, m.role),
              ...equal(`${m.id}.organization.id`, found.organization.id, m.organization.id),
              ...equal(`${m.id}.public_user_data.user_id`, found.publicUserData?.userId, m.publicUserData?.userId),
              ...equal(`${m.id}.public_metadata`, found.publicMetadata, m.publicMetadata)
            )
          }
        }
        return [
          ...out,
          ...check(
            main.length > 0 && other.length > 0,
            `organizations without members: ${show([main.length, other.length])}`
          )
        ]
      })
  }),
  listInstance({
    name: "PagesPartitionTheSet",
    status: 200,
    source: partitionSource("listInstance", instancePages, pageLimit),
    description: "pages do not overlap, their union is the whole instance, total_count is the same on every page",
    setup: (probe) => probe.instanceMembers,
    request: (all) => call({ limit: pageLimit(all), offset: 0 }),
    after: (_, all, probe) =>
      Effect.map(instancePages(all, probe), (pages) => pageInvariants(pages, all, pageLimit(all)))
  }),
  listInstance({
    name: "OffsetPastTheEnd",
    status: 200,
    source: declared("listInstance", 200, "OffsetParameter; total_count"),
    description: "an offset at the end returns no data and the full total_count",
    setup: (probe) => probe.instanceMembers,
    request: (all) => call({ offset: all.length, limit: 10 }),
    body: (page, all) => [
      ...equal("page size", page.data.length, 0),
      ...equal("total_count", page.totalCount, all.length)
    ]
  }),
  listInstance({
    name: "InvalidOrderBy",
    status: 422,
    source: invalidOrderBySource("listInstance"),
    description: "order_by on a field that cannot be sorted by is refused (sent raw)",
    request: () => raw({ method: "GET", path: Path, query: { order_by: "-role" }, auth: "valid" })
  })
]
