// Rewrites the table of assumed expectations in packages/fixtures/README.md from the suite's
// cases (run after `pnpm build`): `pnpm --filter @clerk-effect/contract-tests run assumptions`.
import { readFileSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { replaceSection, table } from "../dist/Assumptions.js"
import { AllCases } from "../dist/cases/index.js"

const readme = fileURLToPath(new URL("../../fixtures/README.md", import.meta.url))
writeFileSync(readme, replaceSection(readFileSync(readme, "utf8"), table(AllCases)))
console.log(`wrote the table of assumed expectations to ${readme}`)
