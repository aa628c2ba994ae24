/**
 * Redaction for recordings: the secret key, e-mail addresses, names, usernames, phone numbers,
 * wallets, image URLs, ids and trace ids are replaced by placeholders such as `<user_1>` or
 * `<email_2>`. One `Redactor` serves a whole recording, so the same value always gets the same
 * placeholder in it (and two values never share one), and a value seen in a structured field is
 * also replaced wherever it appears in free text (an error message, a path).
 *
 * @since 0.2.0
 */
import {
  type Fields,
  OperationNames,
  Operations,
  OrganizationFields,
  OrganizationMembershipFields,
  OrganizationMembershipsPageFields,
  PublicUserDataFields,
  type Redaction
} from "@clerk-effect/core"

type Field = Fields.Field

/**
 * What a value is, for its placeholder.
 *
 * @since 0.2.0
 * @category models
 */
export type Kind = "email" | "name" | "username" | "phone" | "wallet" | "url" | "slug" | "trace" | "query" | "id"

/**
 * A redactor: placeholders by value, kept for the whole recording.
 *
 * @since 0.2.0
 * @category models
 */
export interface Redactor {
  /** The placeholder of a value of a kind (ids take their prefix: `user_…` → `<user_1>`). */
  readonly placeholder: (kind: Kind, value: string) => string
  /** Replaces the secret, any `sk_test_`/`sk_live_` key, e-mail addresses and every value already seen in `text`. */
  readonly text: (text: string) => string
  /** A JSON value with its fields redacted by name (and its other strings as text). */
  readonly json: (value: unknown) => unknown
  /** Registers the values of a JSON value's known fields first, so that free text can be redacted with them. */
  readonly learn: (value: unknown) => void
}

/**
 * Fields outside the contract's models and parameters whose string values are redacted: the error
 * body's trace id, and what the suite sends and reads when it provisions users and organizations.
 */
const ProvisioningFieldKinds: Readonly<Record<string, Kind>> = {
  organization_id: "id",
  clerk_trace_id: "trace",
  email_address: "email",
  email_addresses: "email",
  phone_number: "phone",
  phone_numbers: "phone",
  web3_wallet: "wallet",
  web3_wallets: "wallet"
}

/**
 * Every wire field of the contract (the core's model field tables and operation parameters) with
 * the redaction it declares: a field must declare one (`keep` included) to exist, so a new field
 * cannot be recorded unredacted by omission. `identifier` is redacted by what its value looks like.
 */
const contractFields = (): ReadonlyArray<readonly [wire: string, redact: Redaction]> => [
  ...[
    OrganizationFields,
    PublicUserDataFields,
    OrganizationMembershipFields,
    OrganizationMembershipsPageFields
  ].flatMap((fields) => Object.values<Field>(fields).map((f) => [f.wire, f.redact] as const)),
  ...OperationNames.flatMap((name) => Object.values(Operations[name].params).map((p) => [p.wire, p.redact] as const))
]

/**
 * Fields whose string values are redacted, by name, and how: the contract's declarations (the
 * core's), then the provisioning fields.
 *
 * @since 0.3.0
 * @category redaction
 */
export const FieldKinds: Readonly<Record<string, Kind>> = (() => {
  const kinds: Record<string, Kind> = {}
  for (const [wire, redact] of contractFields()) {
    if (redact !== "keep" && redact !== "identifier" && kinds[wire] === undefined) kinds[wire] = redact
  }
  return { ...kinds, ...ProvisioningFieldKinds }
})()

/**
 * How a field's value is redacted, or `undefined` when it is kept.
 *
 * @since 0.2.0
 * @category redaction
 */
export const kindOfField = (field: string): Kind | undefined => FieldKinds[field]

const Email = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g
const SecretKey = /sk_(?:test|live)_[A-Za-z0-9]+/g
/** Clerk's own ids in free text (a prefix and 20 or more base-62 characters). */
const ClerkId = /\b(?:user|org|orgmem|orginv|sess|idn|sms|mail)_[A-Za-z0-9]{20,}\b/g

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

const kindOfIdentifier = (value: string): Kind =>
  value.includes("@") ? "email" : /^\+?[0-9 ()-]{6,}$/.test(value) ? "phone" : "username"

/**
 * A redactor for one recording; `secret` is the run's key (never written).
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (secret: string): Redactor => {
  const byValue = new Map<string, string>()
  const counters = new Map<string, number>()
  let pattern: RegExp | undefined

  const placeholder = (kind: Kind, value: string): string => {
    const known = byValue.get(value)
    if (known !== undefined) return known
    const prefix = kind === "id" ? (/^([a-z0-9]+)_/.exec(value)?.[1] ?? "id") : kind
    const n = (counters.get(prefix) ?? 0) + 1
    counters.set(prefix, n)
    const made = `<${prefix}_${n}>`
    byValue.set(value, made)
    pattern = undefined
    return made
  }

  const knownPattern = (): RegExp | undefined => {
    if (pattern === undefined && byValue.size > 0) {
      // longest first, so that a value containing another is replaced whole; short values only as whole words
      const values = [...byValue.keys()].filter((v) => v.length >= 3).sort((a, b) => b.length - a.length)
      pattern =
        values.length === 0
          ? undefined
          : new RegExp(values.map((v) => (v.length < 6 ? `\\b${escapeRegExp(v)}\\b` : escapeRegExp(v))).join("|"), "g")
    }
    return pattern
  }

  const text = (input: string): string => {
    let out = secret === "" ? input : input.split(secret).join("<secret>")
    out = out.replace(SecretKey, "<secret>")
    const known = knownPattern()
    if (known !== undefined) out = out.replace(known, (v) => byValue.get(v) ?? v)
    out = out.replace(Email, (v) => placeholder("email", v))
    out = out.replace(ClerkId, (v) => placeholder("id", v))
    return out
  }

  const field = (kind: Kind, value: string): string =>
    placeholder(kind === "username" && value.includes("@") ? kindOfIdentifier(value) : kind, value)

  const walk = (value: unknown, kind: Kind | undefined, learnOnly: boolean): unknown => {
    if (typeof value === "string") {
      if (kind !== undefined) return field(kind, value)
      return learnOnly ? value : text(value)
    }
    if (Array.isArray(value)) return value.map((item) => walk(item, kind, learnOnly))
    if (typeof value === "object" && value !== null) {
      const out: Record<string, unknown> = {}
      for (const [key, child] of Object.entries(value)) {
        const childKind = key === "identifier" && typeof child === "string" ? kindOfIdentifier(child) : kindOfField(key)
        out[key] = walk(child, childKind, learnOnly)
      }
      return out
    }
    return value
  }

  return {
    placeholder,
    text,
    json: (value) => walk(value, undefined, false),
    learn: (value) => {
      walk(value, undefined, true)
    }
  }
}
