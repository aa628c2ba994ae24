/**
 * The model's metadata merge, written from Clerk's description of `UpdateOrganizationMembershipMetadata`
 * (not taken from the mock): nested objects merge key by key, `null` removes a key at any depth,
 * arrays and scalars replace what was there.
 *
 * @since 0.3.0
 */
import type { Json, Metadata } from "@clerk-effect/client"

const isObject = (value: Json | undefined): value is Metadata =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/**
 * `patch` merged into `target` (both left as they were).
 *
 * @since 0.3.0
 * @category combinators
 */
export const merge = (target: Metadata, patch: Metadata): Metadata => {
  const out: Record<string, Json> = {}
  for (const key of Object.keys(target))
    Object.defineProperty(out, key, { value: target[key], enumerable: true, writable: true, configurable: true })
  for (const key of Object.keys(patch)) {
    const value = patch[key] as Json
    if (value === null) {
      delete out[key]
      continue
    }
    const current = Object.hasOwn(out, key) ? out[key] : undefined
    const next = isObject(value) ? merge(isObject(current) ? current : {}, value) : value
    Object.defineProperty(out, key, { value: next, enumerable: true, writable: true, configurable: true })
  }
  return out
}

/**
 * What metadata given at `create` stores: itself (`explore` never gives `null` values there,
 * whose meaning at creation no source states), or `{}`.
 *
 * @since 0.3.0
 * @category combinators
 */
export const initial = (given: Metadata | undefined): Metadata => given ?? {}
