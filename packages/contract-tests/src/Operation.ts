/**
 * Type-level names for an operation's input and decoded success, by operation name.
 *
 * @since 0.1.0
 */
import type { Api, OperationName } from "@clerk-effect/client"
import type { Endpoint } from "@clerk-effect/client/contract"

/**
 * The caller's input of an operation (camelCase).
 *
 * @since 0.1.0
 * @category models
 */
export type Input<Op extends OperationName> = Endpoint.Endpoint.Input<Api[Op]>

/**
 * The decoded success value of an operation.
 *
 * @since 0.1.0
 * @category models
 */
export type Success<Op extends OperationName> = Endpoint.Endpoint.Success<Api[Op]>
