import { Effect } from "effect"
import { isOutcomeUnknown, OrganizationMemberships } from "../../src/index.js"

export const addMember = (organizationId: string, userId: string) =>
  Effect.flatMap(OrganizationMemberships, (memberships) =>
    memberships.create({ organizationId, userId, role: "org:member" })
  ).pipe(
    Effect.map((membership) => `member: ${membership.id}`),
    Effect.catchIf(isOutcomeUnknown, () => Effect.succeed("maybe added: check before trying again")),
    Effect.catchTag("TooManyRequests", (e) => Effect.succeed(`throttled after ${e.attempts} attempts`))
  )
