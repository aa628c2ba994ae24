import { describe, expect, it } from "@effect/vitest"
import { Effect, Either } from "effect"
import * as fc from "fast-check"
import * as Desired from "../src/reconcile/Desired.js"

const parse = (text: string, format: Desired.Format) => Effect.runSync(Effect.either(Desired.parse(text, format, "f")))

describe("Desired", () => {
  it("reads JSON and CSV into the same list (trimmed, comments and blank lines ignored)", () => {
    const json = parse('[{"userId":" user_a ","role":"org:admin"},{"userId":"user_b","role":"org:member"}]', "json")
    const csv = parse("userId,role\n# the team\n\nuser_a, org:admin\r\nuser_b,org:member\n", "csv")
    const expected = [
      { userId: "user_a", role: "org:admin" },
      { userId: "user_b", role: "org:member" }
    ]
    expect(json).toEqual(Either.right(expected))
    expect(csv).toEqual(Either.right(expected))
    expect(parse("userId,role\n", "csv")).toEqual(Either.right([]))
    expect(parse("[]", "json")).toEqual(Either.right([]))
  })

  it("picks the format by extension", () => {
    expect(Desired.formatOf("team.CSV")).toBe("csv")
    expect(Desired.formatOf("team.json")).toBe("json")
    expect(Desired.formatOf("team")).toBe("json")
  })

  it.each([
    ["json", "{", "f: not valid JSON (expected an array of { userId, role })"],
    ["json", '{"userId":"a","role":"r"}', "f: expected a JSON array of { userId, role }"],
    ["json", '[{"userId":"a"}]', "f: entry 0.role: is missing"],
    ["json", '[{"userId":"","role":"org:admin"}]', "f: entry 0.userId: userId must be a non-empty string"],
    ["json", '[{"userId":"a","role":"r"},{"userId":"a","role":"s"}]', "f: a is listed twice"],
    ["csv", "user,role\na,b\n", 'f: line 1: the header must be "userId,role"'],
    ["csv", "userId,role\na,b,c\n", "f: line 2: expected 2 columns (userId,role), got 3"],
    ["csv", "userId,role\n\n# x\na\n", "f: line 4: expected 2 columns (userId,role), got 1"]
  ] as const)("%s %j is refused with one clear line", (format, text, message) => {
    const result = parse(text, format)
    expect(Either.isLeft(result) && result.left.message).toBe(message)
  })

  it("any list of distinct members round-trips through JSON and CSV", () => {
    const id = fc.stringMatching(/^[a-z][a-z0-9_:]{0,20}$/)
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ userId: id, role: id }), { selector: (m) => m.userId }), (members) => {
        const csv = ["userId,role", ...members.map((m) => `${m.userId},${m.role}`)].join("\n")
        expect(parse(JSON.stringify(members), "json")).toEqual(Either.right(members))
        expect(parse(csv, "csv")).toEqual(Either.right(members))
      })
    )
  })
})
