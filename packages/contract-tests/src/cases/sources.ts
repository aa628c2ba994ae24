/**
 * The sources the cases cite: the responses Clerk's OpenAPI document (version 2026-05-12) declares
 * per operation, and the assumptions shared by several cases (an error code the spec does not
 * name, an authentication refusal on an operation that declares no 401).
 */
import { Api, type OperationName } from "@clerk-effect/client/contract"
import { ClerkErrorCodes } from "@clerk-effect/core"
import * as Source from "../Source.js"

/**
 * The responses Clerk's OpenAPI document (2026-05-12) declares per operation, by status, with the
 * response's name there. The contract declares these and, on purpose, the statuses of
 * `drift/Intended.ts` (a test checks both against `Api`).
 */
export const SpecResponses = {
  create: {
    200: "OrganizationMembership",
    400: "ClerkErrors",
    403: "AuthorizationInvalid",
    404: "ResourceNotFound",
    422: "UnprocessableEntity"
  },
  list: { 200: "OrganizationMemberships", 401: "AuthenticationInvalid", 422: "UnprocessableEntity" },
  update: { 200: "OrganizationMembership", 404: "ResourceNotFound", 422: "UnprocessableEntity" },
  delete: {
    200: "OrganizationMembership",
    401: "AuthenticationInvalid",
    404: "ResourceNotFound",
    422: "UnprocessableEntity"
  },
  updateMetadata: {
    200: "OrganizationMembership",
    400: "ClerkErrors",
    404: "ResourceNotFound",
    422: "UnprocessableEntity"
  },
  listInstance: {
    200: "OrganizationMemberships",
    400: "ClerkErrors",
    401: "AuthenticationInvalid",
    422: "UnprocessableEntity",
    500: "ClerkErrors"
  }
} as const satisfies { readonly [K in OperationName]: Readonly<Record<number, string>> }

/** A status the spec declares for an operation. */
export type SpecStatus<Op extends OperationName> = keyof (typeof SpecResponses)[Op] & number

/** The response the spec declares for a status, if it declares one. */
const responseOf = (operation: OperationName, status: number): string | undefined =>
  (SpecResponses[operation] as Readonly<Record<number, string>>)[status]

/**
 * `spec`: the operation's declared response for `status`, and what else of the spec the case reads
 * (`what`: a parameter's description, a schema's field).
 */
export const declared = <Op extends OperationName>(operation: Op, status: SpecStatus<Op>, what?: string) =>
  Source.spec(
    `${Api[operation].operationId} declares ${status} ${responseOf(operation, status)}${what === undefined ? "" : `; ${what}`}`
  )

/**
 * `assumed`: the spec declares the status for the situation, but not the error code: the code is
 * preferred, any other code of that status accepted.
 */
export const codeAssumed = <Op extends OperationName, F>(
  operation: Op,
  status: SpecStatus<Op>,
  code: string
): Source.Assumed<Op, F> =>
  Source.assumed({
    why: `${Api[operation].operationId} declares ${status} ${responseOf(operation, status)}; the code ${code} is in neither the spec nor the SDK docs`,
    preferred: `${status} ${code}`,
    alternatives: [anyCode(status, code)]
  })

/** An accepted answer: `status` with a ClerkErrors code other than `preferred`. */
export const anyCode = <Op extends OperationName, F>(status: number, preferred: string): Source.Answer<Op, F> => ({
  label: `${status} with another code`,
  status,
  except: [preferred]
})

/** An accepted answer: `status` with any ClerkErrors body. */
export const anyError = <Op extends OperationName, F>(status: number): Source.Answer<Op, F> => ({
  label: String(status),
  status
})

/**
 * The source of a refused key: `spec` where the operation declares 401, else assumed (401
 * preferred, 403 accepted): the spec's `bearerAuth` security covers every operation, but only some
 * declare the 401.
 */
export const authSource = <Op extends OperationName, F>(operation: Op): Source.Source<Op, F> =>
  responseOf(operation, 401) !== undefined
    ? Source.spec(`${Api[operation].operationId} declares 401 AuthenticationInvalid; security bearerAuth`)
    : Source.assumed({
        why: `${Api[operation].operationId} declares no 401 (nor do the SDK docs); the spec's bearerAuth security covers it, and 401 is HTTP's answer to a missing or wrong bearer token`,
        preferred: "401",
        alternatives: [anyError(403)]
      })

/**
 * The source of refusing to remove or demote an organization's only admin: assumed — neither the
 * spec nor the SDK docs say it is refused; 400 is declared for update and delete only by the
 * Python SDK's docs, and Clerk's `missing_member_with_elevated_permissions` suggests it may be
 * allowed.
 */
export const lastAdminSource = <Op extends "update" | "delete", F>(
  operation: Op,
  allowed: Source.Answer<Op, F>
): Source.Assumed<Op, F> =>
  Source.assumed({
    why: `neither the spec nor the SDK docs say an organization's only admin cannot be ${operation === "update" ? "demoted" : "removed"}: ${Api[operation].operationId} declares 400 only in the Python SDK's docs, and Clerk's organizations report missing_member_with_elevated_permissions, so the API may allow it`,
    preferred: "400 organization_minimum_permissions_needed",
    alternatives: [anyCode(400, ClerkErrorCodes.minimumPermissionsNeeded), anyError(422), allowed]
  })

/**
 * The source of an undefined role: assumed — the spec does not say roles are checked; 422
 * preferred, 400 and 404 accepted.
 */
export const invalidRoleSource = <Op extends "create" | "update", F>(operation: Op): Source.Assumed<Op, F> =>
  Source.assumed({
    why: `${Api[operation].operationId}'s role is a plain string in the spec: that a role the instance does not define is refused, and with which status, is not stated`,
    preferred: "422",
    alternatives: [anyError(400), anyError(404)]
  })

/**
 * The source of `order_by` on a field that cannot be sorted by: assumed — the sortable fields are
 * in the parameter's description only (its schema is a plain string); 422 preferred, the field
 * ignored (200) accepted, and for the instance list the 400 it declares.
 */
export const invalidOrderBySource = <Op extends "list" | "listInstance", F>(operation: Op): Source.Assumed<Op, F> =>
  Source.assumed({
    why: `${Api[operation].operationId} lists the sortable fields in order_by's description only (a plain string in its schema): refusing another one is not stated`,
    preferred: "422",
    alternatives: [
      ...(operation === "listInstance" ? [anyError<Op, F>(400)] : []),
      { label: "200 (order_by ignored)", status: 200 }
    ]
  })
