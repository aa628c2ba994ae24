/**
 * Ordering cases: `order_by` on every field both ways, for the organization's list, and
 * `created_at` both ways for the instance-wide list.
 */
import type { OrderBy, OrganizationMembership } from "@clerk-effect/client"
import { OrderByFields } from "@clerk-effect/client/contract"
import * as Effect from "effect/Effect"
import { call, type ContractCase, forOperation } from "../Case.js"
import type { Probe } from "../Probe.js"
import type { Capability } from "../World.js"
import { mainMembers, need, show, userOf } from "./support.js"

type Field = (typeof OrderByFields)[number]
type Key = string | number | null | undefined

const pascal = (field: string): string =>
  field
    .split("_")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("")

/** The sort key of a membership for a field, from the membership itself or from what the world knows. */
const keyOf = (field: Field, m: OrganizationMembership, probe: Probe): Key => {
  switch (field) {
    case "created_at":
      return m.createdAt
    case "first_name":
      return m.publicUserData?.firstName
    case "last_name":
      return m.publicUserData?.lastName
    case "username":
      return m.publicUserData?.username
    case "email_address":
      return userOf(probe, m).emailAddresses?.[0]
    case "phone_number":
      return userOf(probe, m).phoneNumbers?.[0]
  }
}

const requirementOf = (field: Field): ReadonlyArray<Capability> =>
  field === "email_address" ? ["emails"] : field === "phone_number" ? ["phones"] : []

const compareStrict = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0)
const compareFolded = (a: string | number, b: string | number): number =>
  typeof a === "string" && typeof b === "string"
    ? a.localeCompare(b, "en", { sensitivity: "base" })
    : compareStrict(a, b)

/**
 * Whether keys (memberships without a value for the field are left out: where Clerk puts them is
 * not documented) are in the given direction, under byte-wise or case-insensitive comparison.
 */
export const orderMismatches = (keys: ReadonlyArray<Key>, direction: 1 | -1, label: string): ReadonlyArray<string> => {
  const present = keys.filter((k): k is string | number => k !== null && k !== undefined)
  const sortedBy = (compare: (a: string | number, b: string | number) => number) =>
    present.every((k, i) => i === 0 || direction * compare(present[i - 1]!, k) <= 0)
  if (sortedBy(compareStrict) || sortedBy(compareFolded)) return []
  return [`${label}: not in ${direction === 1 ? "ascending" : "descending"} order: ${show(present)}`]
}

const distinct = (keys: ReadonlyArray<Key>): number => new Set(keys.filter((k) => k !== null && k !== undefined)).size

const orderCase = (field: Field, direction: 1 | -1): ContractCase =>
  forOperation("list")({
    name: `OrderBy${pascal(field)}${direction === 1 ? "Asc" : "Desc"}`,
    status: 200,
    description: `order_by=${direction === 1 ? "+" : "-"}${field} sorts the whole organization ${direction === 1 ? "ascending" : "descending"}`,
    requires: requirementOf(field),
    setup: (probe) =>
      Effect.tap(mainMembers(probe), (all) =>
        need(
          distinct(all.map((m) => keyOf(field, m, probe))) >= 2,
          `fewer than two distinct ${field} values among the members`
        )
      ),
    request: (_, probe) =>
      call({
        organizationId: probe.world.organizationId,
        orderBy: `${direction === 1 ? "+" : "-"}${field}` as OrderBy,
        limit: 500
      }),
    body: (page, all, probe) => [
      ...orderMismatches(
        page.data.map((m) => keyOf(field, m, probe)),
        direction,
        `order_by=${direction === 1 ? "+" : "-"}${field}`
      ),
      ...(page.data.length === all.length ? [] : [`page size: expected ${all.length}, got ${page.data.length}`])
    ]
  })

const instanceOrderCase = (direction: 1 | -1): ContractCase =>
  forOperation("listInstance")({
    name: `OrderByCreatedAt${direction === 1 ? "Asc" : "Desc"}`,
    status: 200,
    description: `order_by=${direction === 1 ? "+" : "-"}created_at sorts the instance's memberships`,
    request: () => call({ orderBy: direction === 1 ? "+created_at" : "-created_at", limit: 500 }),
    body: (page) => [
      ...orderMismatches(
        page.data.map((m) => m.createdAt),
        direction,
        `order_by=${direction === 1 ? "+" : "-"}created_at`
      ),
      ...(page.data.length >= 2 ? [] : ["the instance has fewer than two memberships"])
    ]
  })

/** The ordering cases. */
export const cases: ReadonlyArray<ContractCase> = [
  ...OrderByFields.flatMap((field) => [orderCase(field, 1), orderCase(field, -1)]),
  instanceOrderCase(1),
  instanceOrderCase(-1)
]
