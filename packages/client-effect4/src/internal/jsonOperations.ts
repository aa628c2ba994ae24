/**
 * The operations of `Api` (JSON metadata), built once: the standalone functions are its entries,
 * and the service with JSON metadata binds this same table.
 */
import { Api } from "../contract/Api.js"
import * as Operations from "../Operations.js"

/** Every operation, `withHttpInfo` variant and paging stream of `Api`. */
export const jsonOperations: Operations.Operations<Api> = /* @__PURE__ */ Operations.fromApi(Api)
