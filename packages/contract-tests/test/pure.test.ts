import { describe, expect, it } from "@effect/vitest"
import { Either, Option } from "effect"
import { AllCases } from "../src/cases/index.js"
import { pageInvariants } from "../src/cases/list.js"
import { orderMismatches } from "../src/cases/ordering.js"
import { select } from "../src/Runner.js"
import * as CasePattern from "../src/CasePattern.js"
import { pick } from "../src/worlds/pick.js"

describe("case list", () => {
  it("has unique ids of the form operation:Name:status", () => {
    const ids = AllCases.map((c) => c.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const c of AllCases)
      expect(c.id).toMatch(/^(create|list|update|delete|updateMetadata|listInstance):[A-Z][A-Za-z0-9]+:\d{3}$/)
  })

  it("covers every operation's happy path and its provokable error statuses", () => {
    const ids = new Set(AllCases.map((c) => c.id))
    for (const id of [
      "create:Member:200",
      "list:Members:200",
      "update:Role:200",
      "delete:Member:200",
      "updateMetadata:DeepMerge:200",
      "listInstance:Memberships:200",
      "create:Duplicate:400",
      "create:OverQuota:403",
      "create:UnknownOrganization:404",
      "create:InvalidRole:422",
      "list:InvalidLimit:422",
      "list:MissingAuth:401",
      "listInstance:WrongAuth:401"
    ]) {
      expect(ids.has(id), id).toBe(true)
    }
  })
})

describe("select", () => {
  it("matches ids by regular expression or substring, case-insensitively", () => {
    expect(select(AllCases, "^list:InvalidL").map((c) => c.id)).toEqual(["list:InvalidLimit:422"])
    expect(select(AllCases, "deepmerge").map((c) => c.id)).toEqual(["updateMetadata:DeepMerge:200"])
    expect(select(AllCases, "(").length).toBe(0)
    expect(select(AllCases, undefined)).toBe(AllCases)
  })

  it("matches without backtracking: a catastrophic pattern for RegExp is an ordinary one here", () => {
    // with RegExp this one backtracks exponentially on ids that almost match (it ran 10 minutes)
    const compiled = Either.getOrThrow(CasePattern.compile("^(([a-zA-Z:0-9]+)*)+!$"))
    expect(AllCases.filter((c) => compiled.test(`${c.id}${c.id}${c.id}`))).toStrictEqual([])
    expect(select(AllCases, "^(([a-zA-Z:0-9]+)*)+!$")).toStrictEqual([])
    expect(select(AllCases, "^(([a-zA-Z:0-9]+)*)+$")).toStrictEqual(AllCases)
  })

  it("refuses what cannot be matched in bounded time or is not a pattern, saying why", () => {
    const reason = (pattern: string) => Either.flip(CasePattern.compile(pattern)).pipe(Either.getOrThrow)
    expect(reason("a".repeat(CasePattern.MaxLength + 1))).toMatchObject({ tooLong: true })
    expect(Either.isRight(CasePattern.compile("a".repeat(CasePattern.MaxLength)))).toBe(true)
    expect(reason("[")).toMatchObject({ tooLong: false, reason: "missing closing ]" })
    expect(reason("(")).toMatchObject({ reason: "missing closing )" })
    expect(reason("(?=list)").reason).toBe("invalid or unsupported Perl syntax at (?=")
    // nested counts multiply past RE2's 1000: refused, never compiled into a large automaton
    expect(reason("((a{30}){30}){30}").reason).toBe("invalid repeat count at {30}")
  })
})

describe("pageInvariants", () => {
  const all = ["a", "b", "c", "d", "e"].map((id) => ({ id }))
  const page = (ids: ReadonlyArray<string>, totalCount = 5) => ({ data: ids.map((id) => ({ id })), totalCount })

  it("accepts a partition", () => {
    expect(pageInvariants([page(["a", "b"]), page(["c", "d"]), page(["e"]), page([])], all, 2)).toEqual([])
  })

  it("reports overlap, holes and an unstable total", () => {
    const problems = pageInvariants([page(["a", "b"]), page(["b", "c"], 6), page(["e"]), page([])], all, 2)
    expect(problems.some((p) => p.includes("pages overlap: b"))).toBe(true)
    expect(problems.some((p) => p.includes("missing") && p.includes("d"))).toBe(true)
    expect(problems.some((p) => p.includes("total_count 6"))).toBe(true)
  })
})

describe("orderMismatches", () => {
  it("accepts sorted keys (ignoring nulls) and rejects unsorted ones", () => {
    expect(orderMismatches([1, 2, null, 2, 3], 1, "x")).toEqual([])
    expect(orderMismatches(["b", "a"], -1, "x")).toEqual([])
    expect(orderMismatches(["alice", "Bob"], 1, "x", "case-insensitive")).toEqual([])
    expect(orderMismatches(["alice", "Bob"], 1, "x")).toEqual(['x: not in ascending code-unit order: ["alice","Bob"]'])
    expect(orderMismatches(["Bob", "alice"], 1, "x")).toEqual([])
    expect(orderMismatches([3, 1, 2], 1, "x")).toHaveLength(1)
  })
})

describe("pick", () => {
  const m = (organizationId: string, userId: string, role = "org:member") => ({ organizationId, userId, role })
  const observation = {
    organizations: [
      { id: "org_a", maxAllowedMemberships: 0 },
      { id: "org_b", maxAllowedMemberships: 0 },
      { id: "org_q", maxAllowedMemberships: 2 }
    ],
    memberships: [
      m("org_a", "u1", "org:admin"),
      m("org_a", "u2"),
      m("org_a", "u3"),
      m("org_b", "u4"),
      m("org_q", "u5")
    ],
    userIds: ["u1", "u2", "u3", "u4", "u5", "u6"]
  }

  it("chooses the main organization, a second one, spare users and a quota organization", () => {
    const picked = Either.getOrThrow(pick(observation))
    expect(picked.organizationId).toBe("org_a")
    expect(["org_b", "org_q"]).toContain(picked.otherOrganizationId)
    expect(picked.spareUserIds).toEqual(["u6", "u4", "u5"])
    expect(Option.getOrThrow(picked.quotaOrganization)).toEqual({
      organizationId: "org_q",
      maxAllowedMemberships: 2,
      outsiderIds: ["u1", "u2", "u3"]
    })
  })

  it("says what is missing", () => {
    const none = pick({ ...observation, memberships: observation.memberships.slice(1) })
    expect(Either.isLeft(none) && none.left).toContain("at least 3 members")
  })
})
