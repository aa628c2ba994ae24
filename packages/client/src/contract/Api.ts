/**
 * The whole API: the core's six operations, each bound to this line's Schemas for it (path, query,
 * body, success), once, for the client, the mock and the contract suite.
 *
 * @since 0.1.0
 */
import { type OperationName as CoreOperationName, Operations } from "@clerk-effect/core"
import * as Schema from "effect/Schema"
import { optionalField, requiredField } from "../models/fields.js"
import { JsonMetadata, MetadataPatch, type MetadataSchemas } from "../models/Json.js"
import { makeOrganizationMembership, makeOrganizationMembershipWireCodec } from "../models/OrganizationMembership.js"
import {
  makeOrganizationMembershipsPage,
  makeOrganizationMembershipsPageWireCodec
} from "../models/OrganizationMembershipsPage.js"
import * as Endpoint from "./Endpoint.js"
import { MembershipPath, OrganizationPath } from "./fields.js"
import { Id, Role } from "./params.js"
import { ListInstanceQuery, ListQuery } from "./queries.js"

/**
 * The six endpoints for given metadata schemas.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeApi = <Public, Private>(meta: MetadataSchemas<Public, Private>) => {
  const membership = makeOrganizationMembership(meta.publicMetadata, meta.privateMetadata)
  const membershipCodec = makeOrganizationMembershipWireCodec(meta.publicMetadata, meta.privateMetadata)
  const page = makeOrganizationMembershipsPage(meta.publicMetadata, meta.privateMetadata)
  const pageCodec = makeOrganizationMembershipsPageWireCodec(meta.publicMetadata, meta.privateMetadata)
  return {
    create: Endpoint.make(Operations.create, {
      pathParams: OrganizationPath,
      query: Endpoint.NoFields,
      body: Schema.Struct({
        userId: requiredField("user_id", Id),
        role: requiredField("role", Role),
        publicMetadata: Schema.optionalWith(meta.publicMetadata, { exact: true, nullable: true }).pipe(
          Schema.fromKey("public_metadata")
        ),
        privateMetadata: Schema.optionalWith(meta.privateMetadata, { exact: true, nullable: true }).pipe(
          Schema.fromKey("private_metadata")
        )
      }),
      success: membership,
      codec: membershipCodec
    }),
    list: Endpoint.make(Operations.list, {
      pathParams: OrganizationPath,
      query: ListQuery,
      body: undefined,
      success: page,
      codec: pageCodec
    }),
    update: Endpoint.make(Operations.update, {
      pathParams: MembershipPath,
      query: Endpoint.NoFields,
      body: Schema.Struct({ role: Role }),
      success: membership,
      codec: membershipCodec
    }),
    delete: Endpoint.make(Operations.delete, {
      pathParams: MembershipPath,
      query: Endpoint.NoFields,
      body: undefined,
      success: membership,
      codec: membershipCodec
    }),
    updateMetadata: Endpoint.make(Operations.updateMetadata, {
      pathParams: MembershipPath,
      query: Endpoint.NoFields,
      body: Schema.Struct({
        publicMetadata: optionalField("public_metadata", MetadataPatch),
        privateMetadata: optionalField("private_metadata", MetadataPatch)
      }),
      success: membership,
      codec: membershipCodec
    }),
    listInstance: Endpoint.make(Operations.listInstance, {
      pathParams: Endpoint.NoFields,
      query: ListInstanceQuery,
      body: undefined,
      success: page,
      codec: pageCodec
    })
    // one endpoint per operation of the core, no more: an operation added there and not here fails to compile
  } satisfies { readonly [K in CoreOperationName]: unknown }
}

/**
 * The six endpoints of an API with typed metadata.
 *
 * @since 0.1.0
 * @category models
 */
export type ApiOf<Public, Private> = ReturnType<typeof makeApi<Public, Private>>

/**
 * The six endpoints with JSON metadata.
 *
 * @since 0.1.0
 * @category endpoints
 */
export const Api = makeApi(JsonMetadata)

/**
 * The six endpoints with JSON metadata.
 *
 * @since 0.1.0
 * @category models
 */
export type Api = typeof Api

/**
 * An operation name: a key of `Api`.
 *
 * @since 0.1.0
 * @category models
 */
export type OperationName = keyof Api

/**
 * The operation names, in the order the API documents them (the order of `Api`'s keys).
 *
 * @since 0.1.0
 * @category constants
 */
export const OperationNames: ReadonlyArray<OperationName> = Object.keys(Api) as Array<OperationName>
