/**
 * The plan: the changes that turn an organization's current memberships into the desired list,
 * in the order that keeps the organization manageable (promotions before demotions, removals
 * last), so a swap of admins never leaves it without one.
 *
 * @since 0.1.0
 */
import * as Data from "effect/Data"
import type { DesiredMember } from "./Desired.js"

/**
 * A current membership: who and with which role.
 *
 * @since 0.1.0
 * @category models
 */
export interface CurrentMember {
  readonly userId: string
  readonly role: string
}

/**
 * One change: add a member, change a member's role, or remove a member.
 *
 * @since 0.1.0
 * @category models
 */
export type Change = Data.TaggedEnum<{
  Add: { readonly userId: string; readonly role: string }
  ChangeRole: { readonly userId: string; readonly from: string; readonly to: string }
  Remove: { readonly userId: string; readonly role: string }
}>

/**
 * Constructors of `Change`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const Change = Data.taggedEnum<Change>()

/**
 * The changes in three phases, each applied after the one before: first additions and changes to
 * the admin role, then other role changes, then removals.
 *
 * @since 0.1.0
 * @category models
 */
export interface Plan {
  readonly phases: readonly [ReadonlyArray<Change>, ReadonlyArray<Change>, ReadonlyArray<Change>]
}

/**
 * Every change of a plan, in order.
 *
 * @since 0.1.0
 * @category getters
 */
export const changes = (plan: Plan): ReadonlyArray<Change> => plan.phases.flat()

/**
 * Computes the plan. Pure; the same inputs give the same plan (sorted by user id within a phase),
 * and the plan of a reconciled organization is empty.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  current: ReadonlyArray<CurrentMember>,
  desired: ReadonlyArray<DesiredMember>,
  adminRole = "org:admin"
): Plan => {
  const now = new Map(current.map((m) => [m.userId, m.role]))
  const wanted = new Map(desired.map((m) => [m.userId, m.role]))
  const first: Array<Change> = []
  const second: Array<Change> = []
  const third: Array<Change> = []
  for (const [userId, role] of [...wanted].sort(byKey)) {
    const from = now.get(userId)
    if (from === undefined) first.push(Change.Add({ userId, role }))
    else if (from !== role) (role === adminRole ? first : second).push(Change.ChangeRole({ userId, from, to: role }))
  }
  for (const [userId, role] of [...now].sort(byKey)) {
    if (!wanted.has(userId)) third.push(Change.Remove({ userId, role }))
  }
  return { phases: [first, second, third] }
}

const byKey = (a: readonly [string, string], b: readonly [string, string]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)
