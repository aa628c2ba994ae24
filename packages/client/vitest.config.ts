import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/support/yieldBetweenTests.ts"],
    testTimeout: 30_000,
    passWithNoTests: true
  }
})
