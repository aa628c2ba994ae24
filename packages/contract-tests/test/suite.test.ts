import { expect, layer } from "@effect/vitest"
import { Effect } from "effect"
import { AllCases } from "../src/cases/index.js"
import { format } from "../src/Exchange.js"
import { runCase } from "../src/Runner.js"
import { MockProbe, mockProbeLayer } from "./support.js"

// One vitest test per case, generated from the case list; all share one mock, reset after each case.
// Strict: the mock gives every assumed case its preferred answer (the mock's choices are the preferred ones).
layer(mockProbeLayer(), { timeout: 60_000 })("the contract suite against the embedded mock", (it) => {
  for (const testCase of AllCases) {
    it.effect(testCase.id, () =>
      Effect.gen(function* () {
        const { probe, takeExchanges } = yield* MockProbe
        const result = yield* runCase(testCase, probe, takeExchanges, { strict: true })
        const detail = [...result.messages, ...result.exchanges.map(format)].join("\n")
        expect(result.outcome, detail).toBe("passed")
        expect(result.exchanges.length).toBeGreaterThan(0)
        expect(result.answer).toBe(testCase.answers[0]!.label)
      })
    )
  }
})
