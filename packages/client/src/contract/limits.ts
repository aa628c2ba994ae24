/**
 * Clerk's bounds on what a request may carry, shared by the client (validation before sending),
 * the mock (its refusals) and the contract suite; each says where it comes from.
 *
 * @since 0.2.0
 */

/**
 * The largest metadata object Clerk stores, in bytes of its JSON text (UTF-8): each of
 * `public_metadata` and `private_metadata`, as it is after a create or a merge.
 *
 * Source: documented for users (Clerk's User metadata guide: 8 KB) and organizations (the
 * Organization metadata page's warning, per clerk/clerk-docs#529), with Clerk's answer past it
 * documented for users (422 `form_param_exceeds_allowed_size`, `meta.param_name` the field).
 * Neither Clerk's OpenAPI document nor the SDK docs bound an organization membership's metadata:
 * that the same bound applies to it is an assumption. 8 KB is read as 8 × 1024 bytes, the larger
 * reading, so a client checking it never refuses what Clerk takes.
 *
 * @since 0.2.0
 * @category constants
 */
export const MaxMetadataBytes = 8 * 1024
