/**
 * Colour only on a terminal, and never with `NO_COLOR` set to anything but the empty string.
 */
import { describe, expect, it } from "@effect/vitest"
import { Color } from "../src/index.js"

describe("Color.enabled", () => {
  it("a terminal without NO_COLOR: colour; piped, or NO_COLOR set: none", () => {
    expect(Color.enabled({ isTTY: true }, {})).toBe(true)
    expect(Color.enabled({ isTTY: true }, { NO_COLOR: "" })).toBe(true)
    expect(Color.enabled({ isTTY: true }, { NO_COLOR: "1" })).toBe(false)
    expect(Color.enabled({ isTTY: true }, { NO_COLOR: "0" })).toBe(false)
    expect(Color.enabled({ isTTY: false }, {})).toBe(false)
    expect(Color.enabled({}, {})).toBe(false)
  })
})
