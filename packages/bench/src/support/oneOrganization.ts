/**
 * The mock in a child process, serving one organization of `members` members (the bulk world),
 * for the paging benchmarks.
 */
import { type ChildServer, sibling, spawnServer } from "./childServer.js"

/** A running mock and what a client needs to page its one organization. */
export interface OneOrganization {
  readonly mock: ChildServer
  readonly baseUrl: string
  readonly secretKey: string
  readonly organizationId: string
}

/** Starts the mock with one organization of `members` members (seeded by `seed`) and finds its id. */
export const start = async (members: number, seed: number): Promise<OneOrganization> => {
  const mock = await spawnServer(sibling("support/mockServer.js"), [
    JSON.stringify({
      world: "bulk",
      bulk: { organizations: 1, users: members, membershipsPerOrganization: members },
      seed
    })
  ])
  const baseUrl = mock.ready.baseUrl as string
  const secretKey = mock.ready.secretKey as string
  const probe = await fetch(`${baseUrl}/organization_memberships?limit=1`, {
    headers: { authorization: `Bearer ${secretKey}` }
  })
  const organizationId = ((await probe.json()) as { data: Array<{ organization: { id: string } }> }).data[0]!
    .organization.id
  return { mock, baseUrl, secretKey, organizationId }
}
