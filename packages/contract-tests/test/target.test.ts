import { describe, expect, it } from "@effect/vitest"
import { Either, Option, Redacted } from "effect"
import { resolve, type TargetOptions } from "../src/cli/Target.js"

const options = (fields: Partial<TargetOptions> = {}): TargetOptions => ({
  baseUrl: Option.none(),
  secretKey: Option.none(),
  world: Option.none(),
  allowLive: false,
  ...fields
})
const secret = (s: string) => Option.some(Redacted.make(s))
const message = (o: TargetOptions) => Either.match(resolve(o), { onLeft: (e) => e.message, onRight: () => "" })

describe("resolve", () => {
  it("defaults to the embedded mock with the mock world", () => {
    expect(resolve(options())).toEqual(Either.right({ _tag: "Embedded", world: "mock" }))
    expect(resolve(options({ world: Option.some("discover") }))).toEqual(
      Either.right({ _tag: "Embedded", world: "discover" })
    )
  })

  it("defaults to the clerk world for api.clerk.com (completing /v1) and discover elsewhere", () => {
    const clerk = Either.getOrThrow(
      resolve(options({ baseUrl: Option.some("https://api.clerk.com"), secretKey: secret("sk_test_1") }))
    )
    expect(clerk).toMatchObject({ _tag: "Remote", baseUrl: "https://api.clerk.com/v1", world: "clerk" })
    const other = Either.getOrThrow(
      resolve(options({ baseUrl: Option.some("http://localhost:4010/v1/"), secretKey: secret("k") }))
    )
    expect(other).toMatchObject({ _tag: "Remote", baseUrl: "http://localhost:4010/v1", world: "discover" })
  })

  it("refuses what it cannot do, saying what to do", () => {
    expect(message(options({ baseUrl: Option.some("http://x.test/v1") }))).toContain("set CLERK_SECRET_KEY")
    expect(message(options({ baseUrl: Option.some("http://x.test/v1"), secretKey: secret("  ") }))).toContain(
      "--secret"
    )
    expect(message(options({ baseUrl: Option.some("ftp://x.test"), secretKey: secret("k") }))).toContain("http://")
    // the embedded mock serves the clerk world's provisioning endpoints
    expect(Either.isRight(resolve(options({ world: Option.some("clerk") })))).toBe(true)
    expect(
      message(options({ baseUrl: Option.some("http://u:sk_test_1@x.test/v1"), secretKey: secret("k") }))
    ).toContain("must not carry credentials")
    expect(
      message(options({ baseUrl: Option.some("http://x.test"), secretKey: secret("k"), world: Option.some("mock") }))
    ).toContain("embedded mock")
  })

  it("refuses an sk_live_ key unless --allow-live, and never echoes it", () => {
    const live = options({ baseUrl: Option.some("https://api.clerk.com/v1"), secretKey: secret("sk_live_SECRET") })
    expect(message(live)).toContain("--allow-live")
    expect(message(live)).not.toContain("SECRET")
    expect(Either.isRight(resolve({ ...live, allowLive: true }))).toBe(true)
  })
})
