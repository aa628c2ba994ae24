/**
 * Every case of the suite, in a stable order (by operation, as the API documents them).
 */
import type { ContractCase } from "../Case.js"
import { cases as create } from "./create.js"
import { cases as remove } from "./delete.js"
import { cases as filters } from "./filters.js"
import { AuthCases, PagingCases } from "./generated.js"
import { cases as list } from "./list.js"
import { cases as listInstance } from "./listInstance.js"
import { cases as ordering } from "./ordering.js"
import { cases as update } from "./update.js"
import { cases as updateMetadata } from "./updateMetadata.js"

const of = (cases: ReadonlyArray<ContractCase>, operation: string) => cases.filter((c) => c.operation === operation)

/** The whole suite: per operation, its own cases, then the ones generated from its endpoint. */
export const AllCases: ReadonlyArray<ContractCase> = [
  ...create,
  ...of(AuthCases, "create"),
  ...list,
  ...of(PagingCases, "list"),
  ...of(AuthCases, "list"),
  ...filters,
  ...of(ordering, "list"),
  ...update,
  ...of(AuthCases, "update"),
  ...remove,
  ...of(AuthCases, "delete"),
  ...updateMetadata,
  ...of(AuthCases, "updateMetadata"),
  ...listInstance,
  ...of(PagingCases, "listInstance"),
  ...of(AuthCases, "listInstance"),
  ...of(ordering, "listInstance")
]
