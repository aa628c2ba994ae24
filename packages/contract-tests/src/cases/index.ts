/**
 * Every case of the suite, in a stable order (by operation, as the API documents them).
 */
import type { ContractCase } from "../Case.js"
import { cases as create } from "./create.js"
import { cases as remove } from "./delete.js"
import { cases as filters } from "./filters.js"
import { cases as list } from "./list.js"
import { cases as listInstance } from "./listInstance.js"
import { cases as ordering } from "./ordering.js"
import { cases as update } from "./update.js"
import { cases as updateMetadata } from "./updateMetadata.js"

/** The whole suite. */
export const AllCases: ReadonlyArray<ContractCase> = [
  ...create,
  ...list,
  ...filters,
  ...ordering.filter((c) => c.operation === "list"),
  ...update,
  ...remove,
  ...updateMetadata,
  ...listInstance,
  ...ordering.filter((c) => c.operation === "listInstance")
]
