import { describe, expect, it } from "@effect/vitest"
import * as fc from "fast-check"
import * as Plan from "../src/reconcile/Plan.js"

const { Add, ChangeRole, Remove } = Plan.Change

/** Applies a plan to a membership map, as Clerk would. */
const apply = (current: ReadonlyArray<Plan.CurrentMember>, plan: Plan.Plan) => {
  const state = new Map(current.map((m) => [m.userId, m.role]))
  for (const change of Plan.changes(plan)) {
    Plan.Change.$match(change, {
      Add: ({ userId, role }) => {
        expect(state.has(userId)).toBe(false)
        state.set(userId, role)
      },
      ChangeRole: ({ userId, from, to }) => {
        expect(state.get(userId)).toBe(from)
        state.set(userId, to)
      },
      Remove: ({ userId, role }) => {
        expect(state.get(userId)).toBe(role)
        state.delete(userId)
      }
    })
  }
  return state
}

const members = fc.uniqueArray(
  fc.record({
    userId: fc.constantFrom("u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8"),
    role: fc.constantFrom("org:admin", "org:member", "org:billing")
  }),
  { selector: (m) => m.userId }
)

describe("Plan", () => {
  it("adds, changes roles and removes, promotions first and removals last", () => {
    const plan = Plan.make(
      [
        { userId: "alice", role: "org:admin" },
        { userId: "bob", role: "org:member" },
        { userId: "carol", role: "org:member" }
      ],
      [
        { userId: "alice", role: "org:member" },
        { userId: "bob", role: "org:admin" },
        { userId: "dave", role: "org:member" }
      ]
    )
    expect(plan.phases).toEqual([
      [ChangeRole({ userId: "bob", from: "org:member", to: "org:admin" }), Add({ userId: "dave", role: "org:member" })],
      [ChangeRole({ userId: "alice", from: "org:admin", to: "org:member" })],
      [Remove({ userId: "carol", role: "org:member" })]
    ])
  })

  it("applying the plan gives exactly the desired list, and re-planning then gives no change", () => {
    fc.assert(
      fc.property(members, members, (current, desired) => {
        const after = apply(current, Plan.make(current, desired))
        expect(Object.fromEntries(after)).toEqual(Object.fromEntries(desired.map((m) => [m.userId, m.role])))
        const again = [...after].map(([userId, role]) => ({ userId, role }))
        expect(Plan.changes(Plan.make(again, desired))).toEqual([])
      })
    )
  })

  it("never demotes or removes before every promotion to admin is done", () => {
    fc.assert(
      fc.property(members, members, (current, desired) => {
        const changes = Plan.changes(Plan.make(current, desired))
        const lastPromotion = changes.reduce(
          (last, c, i) => (c._tag === "ChangeRole" && c.to === "org:admin" ? i : last),
          -1
        )
        const firstLoss = changes.findIndex(
          (c) => (c._tag === "ChangeRole" && c.from === "org:admin") || c._tag === "Remove"
        )
        if (lastPromotion >= 0 && firstLoss >= 0) expect(lastPromotion).toBeLessThan(firstLoss)
      })
    )
  })
})
