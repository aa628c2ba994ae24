/**
 * Field helpers mapping a camelCase property to its snake_case wire key.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * A required property read from and written to `key` on the wire.
 *
 * @since 0.1.0
 * @category constructors
 */
export const requiredField = <S extends Schema.Schema.Any, K extends string>(key: K, schema: S) =>
  Schema.propertySignature(schema).pipe(Schema.fromKey(key))

/**
 * An optional property read from and written to `key` on the wire; absent stays absent.
 *
 * @since 0.1.0
 * @category constructors
 */
export const optionalField = <S extends Schema.Schema.Any, K extends string>(key: K, schema: S) =>
  Schema.optionalWith(schema, { exact: true }).pipe(Schema.fromKey(key))
