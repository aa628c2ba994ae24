/**
 * Every case of the suite, in a stable order (by operation, as the API documents them).
 */
import { type OperationName, OperationNames } from "@clerk-effect/core"
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

/**
 * Each operation's cases: its own, then the ones generated from its endpoint. Keyed by the core's
 * operation names, so an operation without an entry does not compile.
 */
const ByOperation: { readonly [K in OperationName]: ReadonlyArray<ContractCase> } = {
  create: [...create, ...of(AuthCases, "create")],
  list: [...list, ...of(PagingCases, "list"), ...of(AuthCases, "list"), ...filters, ...of(ordering, "list")],
  update: [...update, ...of(AuthCases, "update")],
  delete: [...remove, ...of(AuthCases, "delete")],
  updateMetadata: [...updateMetadata, ...of(AuthCases, "updateMetadata")],
  listInstance: [
    ...listInstance,
    ...of(PagingCases, "listInstance"),
    ...of(AuthCases, "listInstance"),
    ...of(ordering, "listInstance")
  ]
}

/** The whole suite, operation by operation in the order the API documents them. */
export const AllCases: ReadonlyArray<ContractCase> = OperationNames.flatMap((name) => ByOperation[name])
