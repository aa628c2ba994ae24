import { describe, expect, it } from "vitest"
import * as Transport from "../src/Transport.js"

describe("Transport", () => {
  it("splits a URL into origin and path with query, parsing only what needs it", () => {
    expect(Transport.splitUrl("http://127.0.0.1:4010/v1/organizations?limit=10")).toEqual([
      "http://127.0.0.1:4010",
      "/v1/organizations?limit=10"
    ])
    expect(Transport.splitUrl("https://api.clerk.com")).toEqual(["https://api.clerk.com", "/"])
    expect(Transport.splitUrl("https://user:pw@api.clerk.com/v1")).toEqual(["https://api.clerk.com", "/v1"])
  })

  it("joins repeated headers with a comma and leaves absent ones out", () => {
    expect(Transport.joinHeaders({ a: "1", "set-cookie": ["x", "y"], gone: undefined })).toEqual({
      a: "1",
      "set-cookie": "x, y"
    })
  })
})
