/**
 * Lists in the model: the filters of `list` (values taken from the world's users), the orders,
 * and the check of a page against the model — total, size, which memberships, in which order, and
 * that pages of the same query stay a partition while nothing is written.
 *
 * Where a source leaves a choice open, a `Reading` fixes it (how strings compare, where users
 * without a value go, how `query` treats case, whether never-active users are "before" a date,
 * whether memberships created in the same millisecond keep their places); a page passes when one
 * of the readings the suite's cases accept explains it.
 *
 * @since 0.3.0
 */
import type { ListInput, OrganizationMembership } from "@clerk-effect/client"
import type { OrderByFields } from "@clerk-effect/client/contract"
import type { Mismatches } from "../Case.js"
import { show } from "../cases/support.js"
import { emails, middle, names, phones, searchable, usernames, wallets } from "../cases/filters.js"
import { type Collation, compareFolded, compareStrict } from "../cases/ordering.js"
import type { Capability, WorldUser } from "../World.js"
import * as Model from "./Model.js"
import type { Accepted } from "./Situations.js"
import type { FilterSpec, OrderByRef } from "./Step.js"
import type { Universe } from "./Universe.js"

type Field = (typeof OrderByFields)[number]

/**
 * The choices a page may be read with, and the accepted answers they stand for.
 *
 * @since 0.3.0
 * @category models
 */
export interface Reading {
  readonly collation: Collation
  readonly nulls: "first" | "last"
  readonly queryCase: "insensitive" | "sensitive"
  readonly neverActive: "excluded" | "included"
  readonly ties: "fixed" | "move"
  /** `false`: the order is not checked (`order_by` ignored, accepted for an unsortable field). */
  readonly ordered: boolean
  /** The accepted answers this reading stands for (an alternative's makes it one). */
  readonly answers: ReadonlyArray<Accepted>
}

/**
 * A filter resolved against the world: the wire input, a description, and whether it keeps a
 * membership under a reading.
 *
 * @since 0.3.0
 * @category models
 */
export interface ResolvedFilter {
  readonly input: Partial<ListInput>
  readonly text: string
  readonly matches: (member: Model.Member, user: WorldUser | undefined, reading: Reading) => boolean
  /** Whether the result depends on how `query` treats case / on never-active users. */
  readonly uses: "query" | "neverActive" | undefined
}

/**
 * What the world must know for a filter of a kind and field to be predictable.
 *
 * @since 0.3.0
 * @category constants
 */
export const filterRequires = (spec: FilterSpec): ReadonlyArray<Capability> => {
  switch (spec.kind) {
    case "userId":
    case "role":
      return []
    case "exact":
      return [
        ({ emailAddress: "emails", phoneNumber: "phones", username: "usernames", web3Wallet: "web3Wallets" } as const)[
          spec.field
        ]
      ]
    case "partial":
      return spec.field === "query"
        ? ["emails", "phones", "usernames", "web3Wallets", "names"]
        : [
            (
              {
                emailAddressQuery: "emails",
                phoneNumberQuery: "phones",
                usernameQuery: "usernames",
                nameQuery: "names"
              } as const
            )[spec.field]
          ]
    case "time":
      return [spec.field.startsWith("created") ? "userCreatedAt" : "userLastActiveAt"]
  }
}

/** A value no user has, for a filter on a user without one. */
const NoValue = "contract-explore-no-such-value"

const lower = (s: string) => s.toLowerCase()
const wire = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/**
 * Resolves a filter against the universe, or `undefined` when it names a user the world lacks.
 *
 * @since 0.3.0
 * @category constructors
 */
export const resolveFilter = (universe: Universe, spec: FilterSpec): ResolvedFilter | undefined => {
  const facts = (userId: string): WorldUser => universe.users.get(userId) ?? { id: userId }
  switch (spec.kind) {
    case "userId": {
      const values: Array<{ sign: string; id: string }> = []
      for (const v of spec.values) {
        const id = universe.userId(v.user)
        if (id === undefined) return undefined
        values.push({ sign: v.sign, id })
      }
      const include = new Set(values.filter((v) => v.sign !== "-").map((v) => v.id))
      const exclude = new Set(values.filter((v) => v.sign === "-").map((v) => v.id))
      const sent = values.map((v) => `${v.sign}${v.id}`)
      return {
        input: { userId: sent },
        text: sent.map((v) => `user_id=${v}`).join("&"),
        matches: (m) => (include.size === 0 || include.has(m.userId)) && !exclude.has(m.userId),
        uses: undefined
      }
    }
    case "role": {
      // org:admin and org:member stand for the world's admin and member roles
      const sent = spec.values.map(universe.roleKey)
      const roles = new Set<string>(sent)
      return {
        input: { role: sent },
        text: sent.map((r) => `role=${r}`).join("&"),
        matches: (m) => roles.has(m.role),
        uses: undefined
      }
    }
    case "exact": {
      const valuesOf = { emailAddress: emails, phoneNumber: phones, username: usernames, web3Wallet: wallets }[
        spec.field
      ]
      const sent: Array<string> = []
      for (const ref of spec.users) {
        const id = universe.userId(ref)
        if (id === undefined) return undefined
        sent.push(valuesOf(facts(id))[0] ?? `${NoValue}-${wire(spec.field)}`)
      }
      const folded = spec.field !== "phoneNumber"
      const norm = (v: string) => (folded ? lower(v) : v)
      const wanted = new Set(sent.map(norm))
      return {
        input: { [spec.field]: sent },
        text: sent.map((v) => `${wire(spec.field)}=${v}`).join("&"),
        matches: (_, u) => u !== undefined && valuesOf(u).some((v) => wanted.has(norm(v))),
        uses: undefined
      }
    }
    case "partial": {
      const id = universe.userId(spec.user)
      if (id === undefined) return undefined
      const u = facts(id)
      const source =
        spec.field === "query"
          ? (u.username ?? names(u)[0] ?? emails(u)[0])
          : { emailAddressQuery: emails, phoneNumberQuery: phones, usernameQuery: usernames, nameQuery: names }[
              spec.field
            ](u)[0]
      const fragment =
        source === undefined
          ? NoValue
          : spec.field === "phoneNumberQuery"
            ? source.slice(-4)
            : spec.upper
              ? middle(source)
              : lower(middle(source))
      const searched = {
        query: searchable,
        emailAddressQuery: emails,
        phoneNumberQuery: phones,
        usernameQuery: usernames,
        nameQuery: names
      }[spec.field]
      return {
        input: { [spec.field]: fragment },
        text: `${wire(spec.field)}=${fragment}`,
        matches: (_, user, reading) =>
          user !== undefined &&
          searched(user).some((v) =>
            spec.field === "query" && reading.queryCase === "sensitive"
              ? v.includes(fragment)
              : lower(v).includes(lower(fragment))
          ),
        uses: spec.field === "query" ? "query" : undefined
      }
    }
    case "time": {
      const id = universe.userId(spec.user)
      if (id === undefined) return undefined
      const u = facts(id)
      const created = spec.field.startsWith("created")
      const before = spec.field.endsWith("Before")
      const base = created ? u.createdAt : u.lastActiveAt
      const threshold = (base ?? 1) + spec.shift
      const timeOf = (user: WorldUser | undefined) => (created ? user?.createdAt : user?.lastActiveAt)
      return {
        input: { [spec.field]: threshold },
        text: `${wire(spec.field)}=${threshold}`,
        matches: (_, user, reading) => {
          const t = timeOf(user)
          if (t === null || t === undefined) return before && !created && reading.neverActive === "included"
          return before ? t < threshold : t > threshold
        },
        uses: created || !before ? undefined : "neverActive"
      }
    }
  }
}

/**
 * The sort key of a membership for a field: its own `created_at`, what memberships showed of its
 * user (names, username), or what the world knows (first email address, first phone number).
 *
 * @since 0.3.0
 * @category ordering
 */
export const keyOf = (
  state: Model.State,
  universe: Universe,
  field: Field,
  m: Model.Member
): string | number | null => {
  const shown = state.publicUsers.get(m.userId)
  const known = universe.users.get(m.userId)
  const value = (() => {
    switch (field) {
      case "created_at":
        return m.createdAt
      case "first_name":
        return shown?.firstName
      case "last_name":
        return shown?.lastName
      case "username":
        return shown?.username
      case "email_address":
        return known?.emailAddresses?.[0]
      case "phone_number":
        return known?.phoneNumbers?.[0]
    }
  })()
  return value === undefined ? null : value
}

/** Members in order, in groups of equal keys (any order within a group is right). */
const groupsInOrder = (
  state: Model.State,
  universe: Universe,
  members: ReadonlyArray<Model.Member>,
  orderBy: OrderByRef,
  reading: Reading
): ReadonlyArray<ReadonlyArray<Model.Member>> => {
  const direction = orderBy.startsWith("-") ? -1 : 1
  const field = orderBy.slice(1) as Field
  const compare = reading.collation === "code-unit" ? compareStrict : compareFolded
  const keyed = members.map((m) => ({ m, k: keyOf(state, universe, field, m) }))
  const cmp = (a: string | number | null, b: string | number | null): number => {
    if (a === null || b === null) return a === b ? 0 : (a === null ? -1 : 1) * (reading.nulls === "first" ? 1 : -1)
    return direction * compare(a, b)
  }
  keyed.sort((x, y) => cmp(x.k, y.k))
  const groups: Array<Array<Model.Member>> = []
  keyed.forEach((x, i) => {
    if (i > 0 && cmp(keyed[i - 1]!.k, x.k) === 0) groups[groups.length - 1]!.push(x.m)
    else groups.push([x.m])
  })
  return groups
}

/**
 * A list request as the model sees it: the candidate memberships (the organization's or the
 * instance's), the filters, the order and the page.
 *
 * @since 0.3.0
 * @category models
 */
export interface PageRequest {
  readonly key: string
  readonly candidates: ReadonlyArray<Model.Member>
  readonly filters: ReadonlyArray<ResolvedFilter>
  readonly orderBy: OrderByRef | undefined
  readonly limit: number
  readonly offset: number
  readonly what: string
}

/** The members a request selects under a reading. */
export const selected = (universe: Universe, request: PageRequest, reading: Reading): ReadonlyArray<Model.Member> =>
  request.candidates.filter((m) => request.filters.every((f) => f.matches(m, universe.users.get(m.userId), reading)))

/** Why a membership should not be on the page. */
const notExpected = (state: Model.State, m: OrganizationMembership, request: PageRequest): string => {
  const userId = m.publicUserData?.userId
  const owner = Model.ownerOfId(state, m.id)
  if (owner === undefined) return `${m.id} (${userId} in ${m.organization.id}) is not a membership the model knows`
  if (owner.startsWith("a membership deleted")) return `${m.id} (${userId} in ${m.organization.id}) is ${owner}`
  return `${m.id} (${owner}) is not among ${request.what}`
}

/**
 * Checks a page under one reading; returns the mismatches and the state with what it learned
 * (facts, and the positions of the page, kept until the next write).
 *
 * @since 0.3.0
 * @category checks
 */
export const checkPage = (
  state: Model.State,
  universe: Universe,
  request: PageRequest,
  reading: Reading,
  page: { readonly data: ReadonlyArray<OrganizationMembership>; readonly totalCount: number }
): { readonly state: Model.State; readonly mismatches: Mismatches } => {
  const out: Array<string> = []
  const members = selected(universe, request, reading)
  const byId = new Map(members.map((m) => [m.id, m]))
  if (page.totalCount !== members.length) {
    out.push(`total_count: expected ${members.length} (${request.what}), got ${page.totalCount}`)
  }
  const size = Math.max(0, Math.min(request.limit, members.length - request.offset))
  if (page.data.length !== size) {
    out.push(
      `page size: expected ${size} (offset ${request.offset}, limit ${request.limit}, ${members.length} in all), got ${page.data.length}`
    )
  }
  let next = state
  const seen = new Set<string>()
  for (const m of page.data) {
    if (seen.has(m.id)) out.push(`${m.id} is on the page twice`)
    seen.add(m.id)
    const expected = byId.get(m.id)
    if (expected === undefined) {
      out.push(`unexpected ${notExpected(state, m, request)}`)
      continue
    }
    const compared = Model.compare(next, expected, m, `${m.id} (${expected.userId} in ${expected.organizationId})`)
    next = compared.state
    out.push(...compared.mismatches)
  }
  if (request.orderBy !== undefined && reading.ordered) {
    const positions = groupsInOrder(state, universe, members, request.orderBy, reading).flatMap((g) =>
      g.map(() => new Set(g.map((m) => m.id)))
    )
    page.data.forEach((m, i) => {
      const group = positions[request.offset + i]
      if (group !== undefined && byId.has(m.id) && !group.has(m.id)) {
        const want = [...group].map((id) => byId.get(id)!)
        const key = (x: Model.Member) => show(keyOf(state, universe, request.orderBy!.slice(1) as Field, x))
        out.push(
          `order_by=${request.orderBy}: position ${request.offset + i} should hold ${want
            .map((x) => `${x.userId} (${key(x)})`)
            .join(" or ")}, got ${byId.get(m.id)!.userId} (${key(byId.get(m.id)!)})`
        )
      }
    })
  }
  const remembered = state.pages.get(request.key) ?? new Map<number, string>()
  const tied = new Set(
    members.filter((m) => members.some((o) => o !== m && o.createdAt === m.createdAt)).map((m) => m.id)
  )
  const placeOf = new Map([...remembered].map(([position, id]) => [id, position]))
  page.data.forEach((m, i) => {
    const position = request.offset + i
    if (reading.ties === "move" && tied.has(m.id)) return
    const before = remembered.get(position)
    const earlier = placeOf.get(m.id)
    if (before !== undefined && before !== m.id) {
      out.push(
        `position ${position} held ${before} in an earlier page of the same query (nothing written since), now ${m.id}: pages are not a partition`
      )
    } else if (earlier !== undefined && earlier !== position) {
      out.push(
        `${m.id} was at position ${earlier} in an earlier page of the same query (nothing written since), now at ${position}: pages are not a partition`
      )
    }
  })
  const positions = new Map(remembered)
  for (const [i, m] of page.data.entries()) positions.set(request.offset + i, m.id)
  next = { ...next, pages: new Map([...next.pages, [request.key, positions]]) }
  return { state: next, mismatches: out }
}
