/**
 * The steps of an exploration, as data: what `explore` generates, prints, replays and saves as a
 * regression case. A step names organizations and users by their place in the world
 * (`main`, `spare#0`), not by id, so a saved sequence runs against any world that has them.
 *
 * @since 0.3.0
 */
import { Metadata, OrderByFields } from "@clerk-effect/client/contract"
import * as Schema from "effect/Schema"

/**
 * An organization by its place in the world: the main one, the second one, the one with a quota,
 * or one that does not exist.
 *
 * @since 0.3.0
 * @category models
 */
export const OrganizationRef = Schema.Literal("main", "other", "quota", "unknown-org")

/**
 * @since 0.3.0
 * @category models
 */
export type OrganizationRef = typeof OrganizationRef.Type

/**
 * The groups a user is named from: the members of the main, second and quota organizations when
 * the exploration started (by user id), the world's spare users, the quota organization's
 * outsiders.
 *
 * @since 0.3.0
 * @category constants
 */
export const UserGroups = ["spare", "main", "other", "quota", "outsider"] as const

/**
 * A group of users.
 *
 * @since 0.3.0
 * @category models
 */
export type UserGroup = (typeof UserGroups)[number]

/**
 * A user by its place in the world, `group#index` (`spare#0`, `main#2`), or `unknown-user`.
 *
 * @since 0.3.0
 * @category models
 */
export const UserRef = Schema.Union(
  Schema.TemplateLiteral(Schema.Literal(...UserGroups), "#", Schema.Number),
  Schema.Literal("unknown-user")
)

/**
 * @since 0.3.0
 * @category models
 */
export type UserRef = typeof UserRef.Type

/**
 * A role: one of the two Clerk defines for every instance, or one no instance has. `org:admin` and
 * `org:member` stand for the world's admin and member roles (`World.roles`, the same keys on an
 * instance with Clerk's defaults; `Universe.roleKey`).
 *
 * @since 0.3.0
 * @category models
 */
export const RoleRef = Schema.Literal("org:admin", "org:member", "org:contract_no_such_role")

/**
 * @since 0.3.0
 * @category models
 */
export type RoleRef = typeof RoleRef.Type

/**
 * `order_by` with its sign.
 *
 * @since 0.3.0
 * @category models
 */
export const OrderByRef = Schema.TemplateLiteral(Schema.Literal("+", "-"), Schema.Literal(...OrderByFields))

/**
 * @since 0.3.0
 * @category models
 */
export type OrderByRef = typeof OrderByRef.Type

/**
 * A filter of `list`, its values taken from the world's users:
 *
 * - `userId`: users, each with `+`, `-` or no sign (the value is the user's id).
 * - `role`: roles (an unknown one too).
 * - `exact`: `email_address`, `phone_number`, `username` or `web3_wallet` equal to the first such
 *   value of each user (a user without one: a value nobody has).
 * - `partial`: a `…_query` or `query`, the middle of the user's first such value, upper-cased when
 *   `upper` (a user without one: a fragment nobody has).
 * - `time`: `created_at_…`/`last_active_at_…` one millisecond `shift`ed from the user's timestamp.
 *
 * @since 0.3.0
 * @category models
 */
export const FilterSpec = Schema.Union(
  Schema.Struct({
    kind: Schema.Literal("userId"),
    values: Schema.Array(Schema.Struct({ sign: Schema.Literal("", "+", "-"), user: UserRef }))
  }),
  Schema.Struct({
    kind: Schema.Literal("role"),
    values: Schema.Array(Schema.Literal("org:admin", "org:member", "org:contract_unknown"))
  }),
  Schema.Struct({
    kind: Schema.Literal("exact"),
    field: Schema.Literal("emailAddress", "phoneNumber", "username", "web3Wallet"),
    users: Schema.Array(UserRef)
  }),
  Schema.Struct({
    kind: Schema.Literal("partial"),
    field: Schema.Literal("query", "emailAddressQuery", "phoneNumberQuery", "usernameQuery", "nameQuery"),
    user: UserRef,
    upper: Schema.Boolean
  }),
  Schema.Struct({
    kind: Schema.Literal("time"),
    field: Schema.Literal("createdAtBefore", "createdAtAfter", "lastActiveAtBefore", "lastActiveAtAfter"),
    user: UserRef,
    shift: Schema.Literal(-1, 1)
  })
)

/**
 * @since 0.3.0
 * @category models
 */
export type FilterSpec = typeof FilterSpec.Type

/**
 * Paging and ordering of a list.
 *
 * @since 0.3.0
 * @category models
 */
export const PageSpec = Schema.Struct({
  orderBy: Schema.optional(OrderByRef),
  limit: Schema.optional(Schema.Int),
  offset: Schema.optional(Schema.Int)
})

/**
 * @since 0.3.0
 * @category models
 */
export type PageSpec = typeof PageSpec.Type

/**
 * What the client refuses to send, sent raw: per operation, which rule the request breaks.
 *
 * @since 0.3.0
 * @category models
 */
export const InvalidKind = Schema.Literal(
  "missing-role",
  "missing-user-id",
  "malformed-body",
  "metadata-not-an-object",
  "limit-501",
  "limit-0",
  "offset-negative",
  "order-by-role"
)

/**
 * @since 0.3.0
 * @category models
 */
export type InvalidKind = typeof InvalidKind.Type

const Target = { organization: OrganizationRef, user: UserRef }
const Patch = {
  publicMetadata: Schema.optional(Metadata),
  privateMetadata: Schema.optional(Metadata)
}

/** The schema of the writes (the steps a concurrent group holds). */
const writes = [
  Schema.TaggedStruct("create", { ...Target, role: RoleRef, ...Patch }),
  Schema.TaggedStruct("update", { ...Target, role: RoleRef }),
  Schema.TaggedStruct("delete", Target),
  Schema.TaggedStruct("updateMetadata", Target).pipe(Schema.extend(Schema.Struct(Patch)))
] as const

/**
 * A write: `create`, `update`, `delete` or `updateMetadata` through the client.
 *
 * @since 0.3.0
 * @category models
 */
export const Write = Schema.Union(...writes)

/**
 * @since 0.3.0
 * @category models
 */
export type Write = typeof Write.Type

/**
 * One step:
 *
 * - the four writes, through the client;
 * - `list` (an organization, filters, paging) and `listInstance` (paging), through the client;
 * - `invalid`: a request of `operation` the client refuses to send, sent raw;
 * - `unauthorized`: a request of `operation` with a wrong key (through the client) or none (raw);
 * - `concurrent`: writes sent at once, in the order fast-check's scheduler picks (`order`, the
 *   indexes of `writes`; absent: as listed).
 *
 * @since 0.3.0
 * @category models
 */
export const Step = Schema.Union(
  ...writes,
  Schema.TaggedStruct("list", {
    organization: OrganizationRef,
    filters: Schema.Array(FilterSpec),
    page: PageSpec
  }),
  Schema.TaggedStruct("listInstance", { page: PageSpec }),
  Schema.TaggedStruct("invalid", {
    operation: Schema.Literal("create", "update", "updateMetadata", "list", "listInstance"),
    kind: InvalidKind,
    ...Target
  }),
  Schema.TaggedStruct("unauthorized", {
    operation: Schema.Literal("create", "list", "update", "delete", "updateMetadata", "listInstance"),
    auth: Schema.Literal("wrong", "none"),
    ...Target
  }),
  Schema.TaggedStruct("concurrent", {
    writes: Schema.Array(Write),
    order: Schema.optional(Schema.Array(Schema.Int))
  })
)

/**
 * @since 0.3.0
 * @category models
 */
export type Step = typeof Step.Type

/**
 * Steps of a kind.
 *
 * @since 0.3.0
 * @category models
 */
export type StepOf<K extends Step["_tag"]> = Extract<Step, { readonly _tag: K }>

/**
 * The operation a step calls (the first write's, for a concurrent group).
 *
 * @since 0.3.0
 * @category accessors
 */
export const operationOf = (
  step: Step
): "create" | "list" | "update" | "delete" | "updateMetadata" | "listInstance" => {
  switch (step._tag) {
    case "invalid":
    case "unauthorized":
      return step.operation
    case "concurrent":
      return step.writes[0]?._tag ?? "updateMetadata"
    default:
      return step._tag
  }
}

/**
 * Whether a step may change the server's state (a write, or a group of writes).
 *
 * @since 0.3.0
 * @category predicates
 */
export const isWrite = (step: Step): boolean =>
  step._tag === "create" ||
  step._tag === "update" ||
  step._tag === "delete" ||
  step._tag === "updateMetadata" ||
  step._tag === "concurrent"
