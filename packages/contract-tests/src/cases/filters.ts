/**
 * Filter cases of `list`: every filter, with repeated values, `+`/`-` on `user_id`, unknown
 * values ignored, and the partial-match queries. The expected set is computed from the whole
 * organization and what the world knows of its users.
 */
import type { ListInput, OrganizationMembership } from "@clerk-effect/client"
import * as Effect from "effect/Effect"
import { call, type ContractCase, forOperation } from "../Case.js"
import { CaseUnsupported } from "../CaseFailure.js"
import type { Probe } from "../Probe.js"
import type { Capability, World, WorldUser } from "../World.js"
import * as Source from "../Source.js"
import { declared } from "./sources.js"
import { belongTo, equal, mainMembers, sameIds, userIdOf, userOf } from "./support.js"

type Filter = Omit<ListInput, "organizationId" | "limit" | "offset" | "orderBy">

interface Fixture {
  readonly filter: Filter
  readonly expected: ReadonlyArray<string>
  /** The members the accepted alternative returns, when the case has one. */
  readonly alternative?: ReadonlyArray<string>
}

/** An assumption of a filter case: why, the preferred answer's label, and the alternative's label. */
interface FilterAssumption {
  readonly why: string
  readonly preferred: string
  readonly alternative: string
}

/**
 * Describes a filter case: given the organization's members (and what the world knows of them),
 * the filter to send and the predicate that says which members it must return.
 */
interface FilterSpec {
  readonly name: string
  readonly description: string
  readonly requires?: ReadonlyArray<Capability>
  /** The spec's words the case checks (the parameter's description), when it is `spec`. */
  readonly rule?: string
  /** When the expectation is assumed: the assumption, with the alternative's predicate from `make`. */
  readonly assumed?: FilterAssumption
  readonly make: (
    members: ReadonlyArray<{ readonly membership: OrganizationMembership; readonly user: WorldUser }>,
    world: World
  ) =>
    | {
        readonly filter: Filter
        readonly matches: (user: WorldUser, m: OrganizationMembership) => boolean
        readonly alternative?: (user: WorldUser, m: OrganizationMembership) => boolean
      }
    | string
}

const pageChecks = (
  page: { readonly data: ReadonlyArray<OrganizationMembership>; readonly totalCount: number },
  expected: ReadonlyArray<string>,
  organizationId: string
) => [
  ...sameIds("returned members", page.data.map(userIdOf), expected),
  ...equal("total_count", page.totalCount, expected.length),
  ...belongTo(organizationId, page.data)
]

const sourceOf = (spec: FilterSpec): Source.Source<"list", Fixture> =>
  spec.assumed === undefined
    ? declared("list", 200, spec.rule ?? `the description of ${spec.name}`)
    : Source.assumed({
        why: spec.assumed.why,
        preferred: spec.assumed.preferred,
        alternatives: [
          {
            label: spec.assumed.alternative,
            status: 200,
            body: (page, { alternative, expected }, probe) =>
              pageChecks(page, alternative ?? expected, probe.world.organizationId)
          }
        ]
      })

const filterCase = (spec: FilterSpec): ContractCase =>
  forOperation("list")<Fixture>({
    name: spec.name,
    status: 200,
    source: sourceOf(spec),
    description: spec.description,
    ...(spec.requires === undefined ? {} : { requires: spec.requires }),
    setup: (probe: Probe) =>
      Effect.flatMap(mainMembers(probe), (all) => {
        const members = all.map((membership) => ({ membership, user: userOf(probe, membership) }))
        const made = spec.make(members, probe.world)
        if (typeof made === "string") {
          return Effect.fail(new CaseUnsupported({ message: made }))
        }
        const select = (p: (user: WorldUser, m: OrganizationMembership) => boolean) =>
          members.filter((x) => p(x.user, x.membership)).map((x) => userIdOf(x.membership))
        return Effect.succeed({
          filter: made.filter,
          expected: select(made.matches),
          ...(made.alternative === undefined ? {} : { alternative: select(made.alternative) })
        })
      }),
    request: ({ filter }, probe) => call({ ...filter, organizationId: probe.world.organizationId, limit: 500 }),
    body: (page, { expected }, probe) => pageChecks(page, expected, probe.world.organizationId)
  })

const lower = (s: string | null | undefined): string => (s ?? "").toLowerCase()
const contains = (haystack: string | null | undefined, needle: string) => lower(haystack).includes(lower(needle))

const pick = <A>(items: ReadonlyArray<A>, n: number): A | undefined => items[n]

const withValue = <A>(
  members: ReadonlyArray<{ readonly membership: OrganizationMembership; readonly user: WorldUser }>,
  get: (user: WorldUser) => A | null | undefined
) =>
  members.flatMap((x) => {
    const v = get(x.user)
    return v === null || v === undefined ? [] : [{ ...x, value: v }]
  })

const exactList = (
  name: string,
  wire: string,
  key: "emailAddress" | "phoneNumber" | "username" | "web3Wallet",
  capability: Capability,
  values: (user: WorldUser) => ReadonlyArray<string>,
  caseInsensitive: boolean
): ReadonlyArray<FilterSpec> => {
  const norm = (v: string) => (caseInsensitive ? v.toLowerCase() : v)
  const has = (u: WorldUser, wanted: ReadonlyArray<string>) => values(u).some((v) => wanted.includes(norm(v)))
  return [
    {
      name: `Filter${name}`,
      description: `${wire}=<one member's value> returns exactly the members with that value${caseInsensitive ? " (case-insensitive)" : ""}`,
      rule: `${wire}: returns users with the specified values`,
      requires: [capability],
      make: (members) => {
        const target = pick(
          withValue(members, (u) => values(u)[0]),
          0
        )
        if (target === undefined) return `no member with a known ${wire}`
        return { filter: { [key]: [target.value] }, matches: (u) => has(u, [norm(target.value)]) }
      }
    },
    {
      name: `Filter${name}Repeated`,
      description: `${wire} repeated (members' values and an unknown one) returns the members with any of them`,
      rule: `${wire}: accepts several values; values not found are ignored`,
      requires: [capability],
      make: (members) => {
        const known = withValue(members, (u) => values(u)[0])
        const first = pick(known, 0)
        const last = pick(known, known.length - 1)
        if (first === undefined || last === undefined) return `no member with a known ${wire}`
        const sent = [...new Set([first.value, last.value])]
        return {
          filter: { [key]: [...sent, `contract-unknown-${wire}`] },
          matches: (u) => has(u, sent.map(norm))
        }
      }
    }
  ]
}

const partial = (
  name: string,
  wire: string,
  key: "emailAddressQuery" | "phoneNumberQuery" | "usernameQuery" | "nameQuery",
  capability: Capability,
  values: (user: WorldUser) => ReadonlyArray<string>,
  fragmentOf: (value: string) => string
): FilterSpec => ({
  name: `Filter${name}`,
  description: `${wire} matches part of a value, case-insensitively`,
  rule: `${wire}: case-insensitive partial match`,
  requires: [capability],
  make: (members) => {
    const target = pick(
      withValue(members, (u) => values(u)[0]),
      0
    )
    if (target === undefined) return `no member with a known value for ${wire}`
    const fragment = fragmentOf(target.value)
    return { filter: { [key]: fragment }, matches: (u) => values(u).some((v) => contains(v, fragment)) }
  }
})

/** The middle of a string, swapped to upper case: a case-insensitive partial match. */
export const middle = (value: string): string => {
  const start = Math.floor(value.length / 4)
  const end = Math.max(start + 2, Math.ceil((value.length * 3) / 4))
  return value.slice(start, end).toUpperCase()
}

/** A user's email addresses (what `email_address` filters compare). */
export const emails = (u: WorldUser) => u.emailAddresses ?? []
/** A user's phone numbers (what `phone_number` filters compare). */
export const phones = (u: WorldUser) => u.phoneNumbers ?? []
/** A user's username, if any (what `username` filters compare). */
export const usernames = (u: WorldUser) => (u.username ? [u.username] : [])
/** A user's web3 wallets (what `web3_wallet` filters compare). */
export const wallets = (u: WorldUser) => u.web3Wallets ?? []
/** A user's first and last names (what `name_query` searches). */
export const names = (u: WorldUser) =>
  [u.firstName, u.lastName].filter((n): n is string => typeof n === "string" && n !== "")

/** Every value `query` searches. */
export const searchable = (u: WorldUser) => [
  ...emails(u),
  ...phones(u),
  ...usernames(u),
  ...wallets(u),
  ...names(u),
  u.id
]

/** A threshold strictly between two distinct known timestamps, and the predicate. */
const timeSplit = (
  name: string,
  wire: string,
  key: "createdAtBefore" | "createdAtAfter" | "lastActiveAtBefore" | "lastActiveAtAfter",
  capability: Capability,
  get: (u: WorldUser) => number | null | undefined,
  before: boolean,
  assumed?: FilterAssumption
): FilterSpec => ({
  name: `Filter${name}`,
  description: `${wire} returns exactly the members whose user's timestamp is ${before ? "before" : "after"} it`,
  rule: `${wire}: users ${before ? "before" : "after"} the given date`,
  ...(assumed === undefined ? {} : { assumed }),
  requires: [capability],
  make: (members) => {
    const times = [...new Set(withValue(members, get).map((x) => x.value))].sort((a, b) => a - b)
    const lo = times[Math.floor((times.length - 1) / 2)]
    const hi = times[Math.floor((times.length - 1) / 2) + 1]
    if (lo === undefined || hi === undefined || hi - lo < 2) return `fewer than two distinct ${wire} timestamps`
    const threshold = Math.floor((lo + hi) / 2)
    return {
      filter: { [key]: threshold },
      matches: (u) => {
        const t = get(u)
        return t !== null && t !== undefined && (before ? t < threshold : t > threshold)
      },
      // the alternative: a user without the timestamp counts as before any date
      alternative: (u) => {
        const t = get(u)
        return t === null || t === undefined ? before : before ? t < threshold : t > threshold
      }
    }
  }
})

const specs: ReadonlyArray<FilterSpec> = [
  {
    name: "FilterUserId",
    description: "user_id=<a member> returns exactly that member",
    rule: "user_id: returns the users with the ids specified",
    make: (members) => {
      const target = pick(members, 1)
      if (target === undefined) return "fewer than two members"
      const id = userIdOf(target.membership)
      return { filter: { userId: [id] }, matches: (_, m) => userIdOf(m) === id }
    }
  },
  {
    name: "FilterUserIdRepeated",
    description: "user_id repeated returns each of them; unknown ids are ignored",
    rule: "user_id: accepts several ids; ids not found are ignored",
    make: (members) => {
      const a = pick(members, 0)
      const b = pick(members, 2)
      if (a === undefined || b === undefined) return "fewer than three members"
      const ids = [userIdOf(a.membership), userIdOf(b.membership)]
      return { filter: { userId: [...ids, "user_contract_unknown"] }, matches: (_, m) => ids.includes(userIdOf(m)) }
    }
  },
  {
    name: "FilterUserIdExclude",
    description: "user_id=-<a member> returns every member but that one",
    rule: "user_id: - excludes the id",
    make: (members) => {
      const target = pick(members, 0)
      if (target === undefined) return "no members"
      const id = userIdOf(target.membership)
      return { filter: { userId: [`-${id}`] }, matches: (_, m) => userIdOf(m) !== id }
    }
  },
  {
    name: "FilterUserIdExcludeRepeated",
    description: "user_id=-a&user_id=-b returns every member but those two",
    rule: "user_id: - excludes each id",
    make: (members) => {
      const a = pick(members, 0)
      const b = pick(members, 1)
      if (a === undefined || b === undefined) return "fewer than two members"
      const ids = [userIdOf(a.membership), userIdOf(b.membership)]
      return { filter: { userId: ids.map((id) => `-${id}`) }, matches: (_, m) => !ids.includes(userIdOf(m)) }
    }
  },
  {
    name: "FilterUserIdInclude",
    description: "user_id=+<a member> returns exactly that member",
    rule: "user_id: + includes the id",
    make: (members) => {
      const target = pick(members, 0)
      if (target === undefined) return "no members"
      const id = userIdOf(target.membership)
      return { filter: { userId: [`+${id}`] }, matches: (_, m) => userIdOf(m) === id }
    }
  },
  {
    name: "FilterRole",
    description: "role=<the admin role> (org:admin) returns exactly the admins",
    rule: "role: returns users with the specified roles",
    make: (_, { roles }) => ({ filter: { role: [roles.admin] }, matches: (_, m) => m.role === roles.admin })
  },
  {
    name: "FilterRoleRepeated",
    description: "role repeated (admin, member, an unknown role) returns the admins and the members",
    rule: "role: accepts several roles; roles not found are ignored",
    make: (_, { roles }) => ({
      filter: { role: [roles.admin, roles.member, "org:contract_unknown"] },
      matches: (_, m) => m.role === roles.admin || m.role === roles.member
    })
  },
  ...exactList("EmailAddress", "email_address", "emailAddress", "emails", emails, true),
  ...exactList("PhoneNumber", "phone_number", "phoneNumber", "phones", phones, false),
  ...exactList("Username", "username", "username", "usernames", usernames, true),
  ...exactList("Web3Wallet", "web3_wallet", "web3Wallet", "web3Wallets", wallets, true),
  partial("EmailAddressQuery", "email_address_query", "emailAddressQuery", "emails", emails, middle),
  partial("PhoneNumberQuery", "phone_number_query", "phoneNumberQuery", "phones", phones, (v) => v.slice(-4)),
  partial("UsernameQuery", "username_query", "usernameQuery", "usernames", usernames, middle),
  partial("NameQuery", "name_query", "nameQuery", "names", names, middle),
  {
    name: "FilterQuery",
    description: "query matches part of an email, phone, username, wallet, user id or name",
    assumed: {
      why: "the spec says query matches emails, phones, usernames, web3 wallets, user ids and names partially; unlike the …_query parameters it does not say the match ignores case",
      preferred: "200, case-insensitive partial match",
      alternative: "200, case-sensitive partial match"
    },
    requires: ["emails", "phones", "usernames", "web3Wallets", "names"],
    make: (members) => {
      const target = pick(
        withValue(members, (u) => u.username),
        0
      )
      if (target === undefined) return "no member with a username"
      const fragment = middle(target.value)
      return {
        filter: { query: fragment },
        matches: (u) => searchable(u).some((v) => contains(v, fragment)),
        alternative: (u) => searchable(u).some((v) => v.includes(fragment))
      }
    }
  },
  timeSplit("CreatedAtBefore", "created_at_before", "createdAtBefore", "userCreatedAt", (u) => u.createdAt, true),
  timeSplit("CreatedAtAfter", "created_at_after", "createdAtAfter", "userCreatedAt", (u) => u.createdAt, false),
  timeSplit(
    "LastActiveAtBefore",
    "last_active_at_before",
    "lastActiveAtBefore",
    "userLastActiveAt",
    (u) => u.lastActiveAt,
    true,
    {
      why: "the spec says last_active_at_before returns users whose last session activity was before the date: whether a user who was never active is among them is not stated",
      preferred: "200, never-active users left out",
      alternative: "200, never-active users included"
    }
  ),
  timeSplit(
    "LastActiveAtAfter",
    "last_active_at_after",
    "lastActiveAtAfter",
    "userLastActiveAt",
    (u) => u.lastActiveAt,
    false
  )
]

/** The filter cases. */
export const cases: ReadonlyArray<ContractCase> = specs.map(filterCase)
