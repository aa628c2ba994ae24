/**
 * Ordering cases: `order_by` on every field both ways, for the organization's list, and
 * `created_at` both ways for the instance-wide list.
 */
import type { OrderBy, OrganizationMembership } from "@clerk-effect/client"
import { OrderByFields } from "@clerk-effect/client/contract"
import * as Effect from "effect/Effect"
import { call, type ContractCase, forOperation, type Mismatches } from "../Case.js"
import * as Source from "../Source.js"
import { declared } from "./sources.js"
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

/** Compares two sort keys (byte-wise). */
export const compareStrict = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0)
/** Compares two sort keys (ignoring case). */
export const compareFolded = (a: string | number, b: string | number): number =>
  typeof a === "string" && typeof b === "string"
    ? a.localeCompare(b, "en", { sensitivity: "base" })
    : compareStrict(a, b)

/** Byte-wise (code-unit) or case-insensitive comparison of two keys. */
export type Collation = "code-unit" | "case-insensitive"

/**
 * Whether keys (memberships without a value for the field are left out: where Clerk puts them is
 * not documented) are in the given direction under a collation.
 */
export const orderMismatches = (
  keys: ReadonlyArray<Key>,
  direction: 1 | -1,
  label: string,
  collation: Collation = "code-unit"
): ReadonlyArray<string> => {
  const present = keys.filter((k): k is string | number => k !== null && k !== undefined)
  const compare = collation === "code-unit" ? compareStrict : compareFolded
  if (present.every((k, i) => i === 0 || direction * compare(present[i - 1]!, k) <= 0)) return []
  const how = present.some((k) => typeof k === "string") ? ` ${collation}` : ""
  return [`${label}: not in ${direction === 1 ? "ascending" : "descending"}${how} order: ${show(present)}`]
}

const distinct = (keys: ReadonlyArray<Key>): number => new Set(keys.filter((k) => k !== null && k !== undefined)).size

/** The checks of a whole-organization page sorted by `field`, under a collation. */
const orderBody =
  (field: Field, direction: 1 | -1, collation: Collation) =>
  (
    page: { readonly data: ReadonlyArray<OrganizationMembership> },
    all: ReadonlyArray<OrganizationMembership>,
    probe: Probe
  ): Mismatches => [
    ...orderMismatches(
      page.data.map((m) => keyOf(field, m, probe)),
      direction,
      `order_by=${direction === 1 ? "+" : "-"}${field}`,
      collation
    ),
    ...(page.data.length === all.length ? [] : [`page size: expected ${all.length}, got ${page.data.length}`])
  ]

/** Where an order's expectation comes from: the fields are the spec's; the collation of strings is not. */
const orderSource = (field: Field, direction: 1 | -1): Source.Source<"list", ReadonlyArray<OrganizationMembership>> =>
  field === "created_at"
    ? declared("list", 200, "order_by created_at, + ascending, - descending")
    : Source.assumed({
        why: `the spec names ${field} among order_by's fields and + / - for the direction, not how strings compare (byte-wise or ignoring case), nor where users without a value go (left out of the check)${field === "email_address" || field === "phone_number" ? `, nor which of a user's ${field === "email_address" ? "addresses" : "numbers"} counts (the first is checked)` : ""}`,
        preferred: "200, code-unit order",
        alternatives: [
          { label: "200, case-insensitive order", status: 200, body: orderBody(field, direction, "case-insensitive") }
        ]
      })

const orderCase = (field: Field, direction: 1 | -1): ContractCase =>
  forOperation("list")({
    name: `OrderBy${pascal(field)}${direction === 1 ? "Asc" : "Desc"}`,
    status: 200,
    source: orderSource(field, direction),
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
    body: orderBody(field, direction, "code-unit")
  })

const instanceOrderCase = (direction: 1 | -1): ContractCase =>
  forOperation("listInstance")({
    name: `OrderByCreatedAt${direction === 1 ? "Asc" : "Desc"}`,
    status: 200,
    source: declared("listInstance", 200, "order_by created_at, + ascending, - descending"),
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
