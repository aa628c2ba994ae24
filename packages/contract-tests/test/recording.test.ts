/**
 * Recordings: redaction never writes the secret or the personal values and is stable (same value,
 * same placeholder; different values, different placeholders); exchanges are split into route
 * template and parameters; body shapes and their differences; the comparison of two recorded cases.
 */
import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import * as BodyShape from "../src/recording/BodyShape.js"
import * as Compare from "../src/recording/Compare.js"
import * as Redact from "../src/recording/Redact.js"
import * as Recording from "../src/recording/Recording.js"

const secret = "sk_test_Sup3rSecretValue0123456789"
const token = fc.stringMatching(/^[a-z][a-z0-9]{5,11}$/)
const user = token.map((t) => `user_${t}`)
const org = token.map((t) => `org_${t}`)
const email = fc.tuple(token, token).map(([a, b]) => `${a}@${b}.example`)
const name = fc.stringMatching(/^[A-Z][a-z]{3,9}$/)

const membership = (id: string, userId: string, orgId: string, mail: string, first: string) => ({
  id,
  object: "organization_membership",
  role: "org:member",
  organization: { id: orgId, name: `${first} Inc`, slug: first.toLowerCase(), created_by: userId },
  public_user_data: { user_id: userId, first_name: first, last_name: null, identifier: mail, username: first },
  public_metadata: { note: `for ${userId}` }
})

describe("redaction", () => {
  it("never writes the secret, ids, e-mail addresses or names; the same value gets the same placeholder", () =>
    fc.assert(
      fc.property(user, user, org, email, name, name, (u1, u2, o, mail, first, other) => {
        fc.pre(u1 !== u2 && first !== other)
        const redactor = Redact.make(secret)
        const exchange = {
          method: "PATCH",
          url: `/v1/organizations/${o}/memberships/${u1}/metadata?user_id=-${u2}&email_address=${encodeURIComponent(mail)}`,
          body: JSON.stringify({ public_metadata: { owner: u1, key: secret } }),
          status: 404,
          headers: { "content-type": "application/json", "x-clerk-trace-id": "trace0123" },
          response: JSON.stringify({
            errors: [{ code: "resource_not_found", message: `no ${u1} in ${o} (${mail}), key ${secret}` }],
            clerk_trace_id: "trace0123"
          })
        }
        const second = {
          method: "GET",
          url: `/v1/organizations/${o}/memberships`,
          status: 200,
          response: JSON.stringify({
            data: [membership("orgmem_1x", u1, o, mail, first), membership("orgmem_2y", u2, o, mail, other)],
            total_count: 2
          })
        }
        const a = Recording.fromExchange(redactor, "/v1", exchange)
        const b = Recording.fromExchange(redactor, "/v1", second)
        const text = JSON.stringify([a, b])
        for (const value of [secret, u1, u2, o, mail, first, other, "trace0123"]) expect(text).not.toContain(value)
        expect(a.route).toBe("/organizations/{organization_id}/memberships/{user_id}/metadata")
        expect(a.params).toEqual({
          organization_id: redactor.placeholder("id", o),
          user_id: redactor.placeholder("id", u1)
        })
        expect(a.query.user_id).toEqual([`-${redactor.placeholder("id", u2)}`])
        const [m1, m2] = (b.body as { data: Array<ReturnType<typeof membership>> }).data
        // stable: the user of the path is the user of the list; distinct users stay distinct
        expect(m1!.public_user_data.user_id).toBe(a.params.user_id)
        expect(m2!.public_user_data.user_id).not.toBe(m1!.public_user_data.user_id)
        expect(m1!.public_user_data.first_name).not.toBe(m2!.public_user_data.first_name)
        expect(a.headers?.["x-clerk-trace-id"]).toBe((a.body as { clerk_trace_id: string }).clerk_trace_id)
        // kept: what is not personal
        expect(m1!.role).toBe("org:member")
        expect((a.body as { errors: Array<{ code: string }> }).errors[0]!.code).toBe("resource_not_found")
      })
    ))

  it("any sk_test_/sk_live_ key in free text is replaced", () => {
    const redactor = Redact.make("")
    expect(redactor.text("Bearer sk_live_abc123 and sk_test_XYZ")).toBe("Bearer <secret> and <secret>")
  })
})

describe("routes", () => {
  it("matches the six endpoints and the Backend API's provisioning routes, decoding parameters", () => {
    expect(Recording.routeOf("/organizations/org%2F1/memberships/user_2")).toEqual({
      route: "/organizations/{organization_id}/memberships/{user_id}",
      params: { organization_id: "org/1", user_id: "user_2" }
    })
    expect(Recording.routeOf("/organization_memberships").route).toBe("/organization_memberships")
    expect(Recording.routeOf("/users/user_1").route).toBe("/users/{user_id}")
    expect(Recording.routeOf("/sessions").route).toBeUndefined()
    expect(Recording.fileOf("list:UnknownOrganization:404")).toBe("list.UnknownOrganization.404.json")
  })
})

describe("body shapes", () => {
  it("names fields present on one side only and of other kinds; null and empty arrays do not differ", () => {
    const a = BodyShape.of({ data: [{ id: "x", role_name: "Admin", n: 1, gone: null }], total_count: 1 })
    const b = BodyShape.of({ data: [{ id: "y", n: "1", gone: "now" }], total_count: 2, extra: true })
    expect(BodyShape.diff(a, b, "left", "right")).toEqual([
      "data[].n: left has integer, right has string",
      "data[].role_name: left has string, right has -",
      "extra: left has -, right has boolean"
    ])
    expect(BodyShape.diff(BodyShape.of({ data: [] }), BodyShape.of({ data: [{ id: "x" }] }), "l", "r")).toEqual([])
    expect(BodyShape.diff(BodyShape.of("oops", true), BodyShape.of({}), "l", "r")).toEqual([
      "(body): l has text, r has object"
    ])
  })
})

describe("comparing recorded cases", () => {
  const exchange = (status: number, body: unknown): Recording.RecordedExchange => ({
    method: "GET",
    route: "/organizations/{organization_id}/memberships",
    params: {},
    query: {},
    status,
    body
  })
  const recorded = (...exchanges: ReadonlyArray<Recording.RecordedExchange>): Recording.RecordedCase => ({
    case: "list:X:200",
    operation: "list",
    outcome: "passed",
    source: { kind: "spec", ref: "" },
    answers: [],
    messages: [],
    exchanges
  })
  it("reports status, error codes and shape per request; one line for the same difference on every request", () => {
    const error = (code: string) => ({ errors: [{ code, message: "", long_message: "" }] })
    expect(
      Compare.compareCase(
        recorded(exchange(200, { data: [], total_count: 0 })),
        recorded(exchange(404, error("resource_not_found"))),
        "the mock"
      )
    ).toEqual([
      "GET /organizations/{organization_id}/memberships: status: the recording has 200, the mock has 404",
      "GET /organizations/{organization_id}/memberships: error codes: the recording has none, the mock has resource_not_found"
    ])
    expect(
      Compare.compareCase(
        recorded(exchange(404, error("not_found")), exchange(200, { total_count: 1 })),
        recorded(exchange(404, error("resource_not_found")), exchange(200, { total_count: 1 }), exchange(200, {})),
        "the mock"
      )
    ).toEqual([
      "GET /organizations/{organization_id}/memberships #1: error codes: the recording has not_found, the mock has resource_not_found",
      "GET /organizations/{organization_id}/memberships #3: sent against the mock only"
    ])
    const page = { data: [{ id: "a", role_name: "Admin" }], total_count: 1 }
    expect(
      Compare.compareCase(
        recorded(exchange(200, page), exchange(200, page)),
        recorded(
          exchange(200, { data: [{ id: "b" }], total_count: 1 }),
          exchange(200, { data: [{ id: "c" }], total_count: 1 })
        ),
        "the mock"
      )
    ).toEqual([
      "GET /organizations/{organization_id}/memberships (all 2): body data[].role_name: the recording has string, the mock has -"
    ])
  })
})
