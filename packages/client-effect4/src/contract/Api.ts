/**
 * The whole API: the six endpoints, once, for the client, the mock and the contract suite.
 *
 * @since 0.1.0
 */
import { JsonMetadata, type MetadataSchemas } from "../models/Json.js"
import { makeCreate } from "./create.js"
import { makeDelete } from "./delete.js"
import { makeList } from "./list.js"
import { makeListInstance } from "./listInstance.js"
import { makeUpdate } from "./update.js"
import { makeUpdateMetadata } from "./updateMetadata.js"

/**
 * The six endpoints for given metadata schemas.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeApi = <Public, Private>(meta: MetadataSchemas<Public, Private>) => ({
  create: makeCreate(meta),
  list: makeList(meta),
  update: makeUpdate(meta),
  delete: makeDelete(meta),
  updateMetadata: makeUpdateMetadata(meta),
  listInstance: makeListInstance(meta)
})

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
