/**
 * The explore model's pure parts: the merge, the situations taken from the suite's cases, the
 * page check (pages as a partition), the replay token, the step arbitraries (every generated step
 * is valid regression-case data), and that no module of the model imports the mock.
 */
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import type { OrganizationMembership } from "@clerk-effect/client"
import { OperationNames, OrderByFields } from "@clerk-effect/client/contract"
import { describe, expect, it } from "@effect/vitest"
import { Either, Option, Schema } from "effect"
import * as fc from "fast-check"
import { AllCases } from "../src/cases/index.js"
import * as Arbitraries from "../src/explore/Arbitraries.js"
import { judge } from "../src/explore/Judge.js"
import { merge } from "../src/explore/Merge.js"
import * as Model from "../src/explore/Model.js"
import * as Predict from "../src/explore/Predict.js"
import * as Query from "../src/explore/Query.js"
import * as Situations from "../src/explore/Situations.js"
import { Step } from "../src/explore/Step.js"
import * as Token from "../src/explore/Token.js"
import * as Universe from "../src/explore/Universe.js"
import { DefaultRoles, type World } from "../src/World.js"

const membership = (userId: string, createdAt: number, organizationId = "org_a"): OrganizationMembership => ({
  id: `orgmem_${organizationId}_${userId}`,
  object: "organization_membership",
  role: "org:member",
  permissions: ["org:sys_memberships:read"],
  publicMetadata: {},
  privateMetadata: {},
  organization: {
    object: "organization",
    id: organizationId,
    name: organizationId,
    slug: organizationId,
    hasImage: false,
    maxAllowedMemberships: 0,
    adminDeleteEnabled: true,
    publicMetadata: {},
    createdAt: 1,
    updatedAt: 1
  },
  publicUserData: { userId, firstName: userId, lastName: null, profileImageUrl: null, imageUrl: "", hasImage: false },
  createdAt,
  updatedAt: createdAt
})

const world: World = {
  kind: "mock",
  description: "a test world",
  roles: DefaultRoles,
  organizationId: "org_a",
  otherOrganizationId: "org_b",
  spareUserIds: ["user_x", "user_y"],
  users: new Map(),
  quotaOrganization: Option.none(),
  capabilities: new Set(),
  restore: undefined as never
}

describe("the model's merge (Clerk's description, not the mock's code)", () => {
  it("merges nested objects, deletes with null at any depth, replaces arrays and scalars", () => {
    const target = { a: { b: 1, c: { d: 2, e: 3 } }, tags: ["x"], keep: true, gone: 1 }
    expect(merge(target, { a: { c: { d: null, f: 4 } }, tags: ["y"], gone: null, keep: { now: "object" } })).toEqual({
      a: { b: 1, c: { e: 3, f: 4 } },
      tags: ["y"],
      keep: { now: "object" }
    })
    expect(target).toEqual({ a: { b: 1, c: { d: 2, e: 3 } }, tags: ["x"], keep: true, gone: 1 })
  })

  it("keeps a __proto__ key as data", () => {
    const patch = JSON.parse('{"__proto__": {"polluted": true}}')
    const merged = merge({}, patch)
    expect(Object.keys(merged)).toEqual(["__proto__"])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe("the situations are the suite's cases", () => {
  const ids = new Set(AllCases.map((c) => c.id))
  const referenced = Situations.referencedCaseIds(OperationNames, OrderByFields)

  it("every case the model refers to exists", () => {
    for (const id of referenced) expect(ids.has(id), id).toBe(true)
  })

  it("every success the cases accept besides the preferred one has a meaning in the model", () => {
    const known = new Set<string>(Object.values(Situations.SuccessAlternatives))
    for (const c of AllCases.filter((x) => referenced.includes(x.id))) {
      for (const answer of c.answers.slice(1)) {
        if (answer.status < 300) expect(known.has(answer.label), `${c.id}: "${answer.label}"`).toBe(true)
      }
    }
  })

  it("--strict keeps only each case's preferred answer", () => {
    const lenient = Situations.make(AllCases, false).answers("list:UnknownOrganization:404")
    const strict = Situations.make(AllCases, true).answers("list:UnknownOrganization:404")
    expect(lenient.map((a) => a.label)).toEqual(["404 resource_not_found", "404 with another code", "200 empty page"])
    expect(strict.map((a) => a.label)).toEqual(["404 resource_not_found"])
  })
})

describe("a page against the model", () => {
  const members = [membership("user_a", 10), membership("user_b", 20), membership("user_c", 20)]
  const { state } = Model.fromMemberships(members, ["org_a"], [])
  const universe = Universe.make(world, members)
  const request: Query.PageRequest = {
    key: "list org_a",
    candidates: Model.membersIn(state, "org_a"),
    filters: [],
    orderBy: "+created_at",
    limit: 2,
    offset: 0,
    what: "members of org_a"
  }
  const reading = (ties: "fixed" | "move"): Query.Reading => ({
    collation: "code-unit",
    nulls: "last",
    queryCase: "insensitive",
    neverActive: "excluded",
    ties,
    ordered: true,
    answers: []
  })
  const page = (...ms: ReadonlyArray<OrganizationMembership>) => ({ data: ms, totalCount: 3 })

  it("accepts pages in order, ties in any order", () => {
    expect(
      Query.checkPage(state, universe, request, reading("fixed"), page(members[0]!, members[2]!)).mismatches
    ).toEqual([])
  })

  it("finds a page out of order, and a wrong total", () => {
    const checked = Query.checkPage(state, universe, request, reading("fixed"), {
      data: [members[1]!, members[0]!],
      totalCount: 4
    })
    expect(checked.mismatches.join("\n")).toContain("total_count: expected 3")
    expect(checked.mismatches.join("\n")).toContain("order_by=+created_at: position 0 should hold user_a")
  })

  it("pages of the same query partition the set while nothing is written; tied ones may move only when accepted", () => {
    const first = Query.checkPage(state, universe, request, reading("fixed"), page(members[0]!, members[1]!))
    const next = { ...request, offset: 1 }
    const overlapping = Query.checkPage(first.state, universe, next, reading("fixed"), page(members[2]!, members[1]!))
    expect(overlapping.mismatches.join("\n")).toContain("pages are not a partition")
    expect(
      Query.checkPage(first.state, universe, next, reading("move"), page(members[2]!, members[1]!)).mismatches
    ).toEqual([])
    // a write forgets the positions seen
    const written = Model.put(first.state, { ...Model.memberOf(first.state, "org_a", "user_a")!, since: "step 2" })
    expect(
      Query.checkPage(written, universe, next, reading("fixed"), page(members[2]!, members[1]!)).mismatches
    ).toEqual([])
  })
})

describe("replay tokens", () => {
  it("round-trip, and anything else is refused with a reason", () => {
    const token: Token.Token = { v: 1, seed: 42, path: "3:1:0", replayPath: "AB:C", steps: 30, universe: "deadbeef" }
    expect(Token.parse(Token.encode(token))).toEqual(Either.right(token))
    expect(Either.isLeft(Token.parse("not a token"))).toBe(true)
    expect(Either.isLeft(Token.parse(Buffer.from('{"v":2}').toString("base64url")))).toBe(true)
  })
})

describe("the step arbitraries", () => {
  it("generate steps that are valid regression-case data, naming only what the universe has", () => {
    const universe = Universe.make(world, [membership("user_a", 10), membership("user_b", 20, "org_b")])
    const isStep = Schema.is(Step)
    fc.assert(
      fc.property(Arbitraries.make(universe).step, (step) => {
        expect(isStep(step)).toBe(true)
        const text = JSON.stringify(step)
        for (const ref of text.match(/(spare|main|other|quota|outsider)#\d+/g) ?? []) {
          expect(universe.userRefs).toContain(ref)
        }
        expect(text).not.toContain('"quota"')
      }),
      { numRuns: 300, seed: 1 }
    )
  })
})

describe("the model is not the mock", () => {
  it("no module of the model imports @clerk-effect/fixtures", () => {
    const folder = fileURLToPath(new URL("../src/explore/", import.meta.url))
    for (const file of readdirSync(folder)) {
      const text = readFileSync(join(folder, file), "utf8")
      expect(text, file).not.toMatch(/from "@clerk-effect\/fixtures"|fixtures\/src/)
    }
  })
})

describe("several situations in one request", () => {
  it("order_by on an unsortable field of an unknown organization: an ignored order_by and an empty page together pass (found by explore against the spec server)", () => {
    const members = [membership("user_a", 10)]
    const { state } = Model.fromMemberships(members, ["org_a"], ["user_a"])
    const oracle = { universe: Universe.make(world, members), situations: Situations.make(AllCases, false) }
    const prediction = Predict.predict(
      oracle,
      state,
      { _tag: "invalid", operation: "list", kind: "order-by-role", organization: "unknown-org", user: "main#0" },
      1
    )
    if ("unsupported" in prediction) throw new Error(prediction.unsupported)
    const emptyPage = { _tag: "Page", status: 200, page: { data: [], totalCount: 0 } } as const
    const verdict = judge("list", state, prediction.expectations, emptyPage)
    expect(verdict.ok).toBe(true)
    if (verdict.ok) {
      expect(verdict.expectation.answers.map((a) => a.label).sort()).toEqual([
        "200 (order_by ignored)",
        "200 empty page"
      ])
    }
    // --strict: neither alternative, so the empty page fails
    const strict = Predict.predict(
      { ...oracle, situations: Situations.make(AllCases, true) },
      state,
      {
        _tag: "invalid",
        operation: "list",
        kind: "order-by-role",
        organization: "unknown-org",
        user: "main#0"
      },
      1
    )
    if ("unsupported" in strict) throw new Error(strict.unsupported)
    expect(judge("list", state, strict.expectations, emptyPage).ok).toBe(false)
  })
})
