/**
 * Wire field tables: for each property of a model (camelCase), its snake_case key on the wire,
 * whether it may be absent, and how a recording redacts it. The models' codecs, both client lines'
 * Schemas and the recorder's redaction are all checked against these tables.
 *
 * @since 0.1.0
 */
import type { Redaction } from "./Redaction.js"

/**
 * One property of a model on the wire.
 *
 * @since 0.1.0
 * @category models
 */
export interface Field<Wire extends string = string> {
  readonly wire: Wire
  readonly optional: boolean
  readonly redact: Redaction
}

/**
 * A model's field table: one entry per property.
 *
 * @since 0.1.0
 * @category models
 */
export type Fields<A> = { readonly [K in keyof A]-?: Field }

/**
 * Makes a field (keeps the literal wire key).
 *
 * @since 0.1.0
 * @category constructors
 */
export const field = <const Wire extends string>(wire: Wire, redact: Redaction, optional = false): Field<Wire> => ({
  wire,
  optional,
  redact
})
