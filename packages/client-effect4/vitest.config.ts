import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    // the test files share one module graph (Effect 4, the Effect 3 line, the fixtures): loading it
    // once per worker instead of once per file is most of this package's test time
    isolate: false,
    passWithNoTests: true
  }
})
