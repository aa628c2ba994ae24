/**
 * Wire equivalence, responses: every recorded response, served byte for byte to both lines for
 * every operation, decodes to equal values and equal errors (same tag and fields, `outcome` included:
 * "unknown" exactly for a write without a definite answer); and the requests that fetched them are
 * identical on the wire but for `User-Agent` (Authorization included).
 */
import { afterAll, beforeAll } from "vitest"
import { Api, RetryPolicy } from "../../src/index.js"
import { describe, expect, it } from "@effect/vitest"
import { validInput } from "../support/wire.js"
import { effect3, effect4, type OperationName } from "./lines.js"
import { recordingsFor } from "./recordings.js"
import { type ReplayServer, startReplayServer } from "./replayServer.js"

const secretKey = "sk_test_equivalence_secret"
let server: ReplayServer

beforeAll(async () => {
  server = await startReplayServer()
})
afterAll(() => server.close())

const cases = (Object.keys(Api) as Array<OperationName>).flatMap((op) =>
  recordingsFor(Api[op].errors, Api[op].paginated !== undefined).map(
    ([name, recorded]) => [op, name, recorded] as const
  )
)

/** A request without the header each line names itself in. */
const withoutUserAgent = ({ headers: { "user-agent": _, ...headers }, ...rest }: ReplayServer["received"][number]) => ({
  ...rest,
  headers
})

describe("the same recorded responses decode to the same outcome in both lines", () => {
  it.each(cases)("%s ← %s", async (op, _name, recorded) => {
    server.answer = recorded
    const target = { apiUrl: `${server.origin}/v1`, secretKey }
    const from = server.received.length
    const three = await effect3.call(op, validInput[op], target)
    const four = await effect4.call(op, validInput[op], target)
    expect(four).toStrictEqual(three)
    expect(three.kind).not.toBe("defect")
    // a write without a definite answer (a transient 5xx, dropped, an unreadable 2xx) may have been applied
    if (four.kind === "failure") {
      const status = four.fields.status as number | undefined
      const ambiguous =
        four.tag === "TransportError" ||
        (status !== undefined && (RetryPolicy.TransientStatuses.has(status) || (status >= 200 && status < 300)))
      expect(four.fields.outcome).toBe(ambiguous && Api[op].method !== "GET" ? "unknown" : undefined)
    }
    const [request3, request4, ...more] = server.received.slice(from)
    expect(more).toHaveLength(0)
    expect(request3?.headers.authorization).toBe(`Bearer ${secretKey}`)
    expect(request3?.headers["user-agent"]).toMatch(/^@clerk-effect\/client\//)
    expect(request4?.headers["user-agent"]).toMatch(/^@clerk-effect\/client-effect4\//)
    expect(withoutUserAgent(request4!)).toStrictEqual(withoutUserAgent(request3!))
  })
})
