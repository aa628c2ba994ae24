/**
 * Wire equivalence, requests: generated inputs of every operation, sent by both lines to the
 * embedded mock (reset before each call), arrive as the same request (method, path, query, body,
 * every header but `User-Agent`; the mock's journal never keeps Authorization, which the responses
 * test compares) and come back as the same outcome: the same decoded value, or the same error tag
 * and fields (the same refused field when the input is refused before sending).
 */
import { type StartedMock, start } from "@clerk-effect/fixtures"
import fc from "fast-check"
import { afterAll, beforeAll } from "vitest"
import { Api } from "../../src/index.js"
import { describe, expect, it } from "@effect/vitest"
import { examples, inputs } from "./inputs.js"
import { effect3, effect4, type Line, type OperationName, type Outcome } from "./lines.js"

let mock: StartedMock

beforeAll(async () => {
  mock = await start()
})
afterAll(() => mock.stop())

/**
 * What differs between two runs against the same world and is not the client's doing: the
 * mock's clock (`created_at`/`updated_at` of what a call writes) and its trace ids.
 */
const volatile = (value: unknown, from: number, to: number): unknown => {
  if (typeof value === "number") return value >= from && value <= to ? "<now>" : value
  if (Array.isArray(value)) return value.map((item) => volatile(item, from, to))
  if (typeof value !== "object" || value === null) return value
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value))
    out[key] = key === "clerkTraceId" ? "<trace>" : volatile(item, from, to)
  return out
}

const run = async (line: Line, op: OperationName, input: unknown) => {
  await mock.reset()
  const from = Date.now()
  const outcome: Outcome = await line.call(op, input, { apiUrl: mock.baseUrl, secretKey: mock.secretKey })
  const to = Date.now()
  const journal = (await mock.journal()).map(({ headers: { "user-agent": _, ...headers }, ...entry }) => ({
    ...entry,
    headers
  }))
  return { outcome: volatile(outcome, from, to), journal }
}

describe("generated inputs: both lines send the same requests and see the same outcomes", () => {
  it.each(Object.keys(Api) as Array<OperationName>)(
    "%s",
    async (op) => {
      const seen = new Set<string>()
      await fc.assert(
        fc.asyncProperty(inputs[op], async (input) => {
          const three = await run(effect3, op, input)
          const four = await run(effect4, op, input)
          expect(four.journal).toStrictEqual(three.journal)
          expect(four.outcome).toStrictEqual(three.outcome)
          expect((three.outcome as Outcome).kind).not.toBe("defect")
          const outcome = three.outcome as Outcome
          seen.add(outcome.kind === "failure" ? outcome.tag : outcome.kind)
        }),
        { numRuns: 60, examples: [...examples[op]] }
      )
      // the generated inputs reach both kinds of outcome: sent and answered, and refused before sending
      expect([...seen]).toContain("InvalidInput")
      expect([...seen]).toContain("success")
    },
    60_000
  )
})
