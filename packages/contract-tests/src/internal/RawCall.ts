/**
 * A raw request under the client's own rules, so that a case that bypasses the client is bounded
 * exactly like one that goes through it:
 *
 * - each attempt has the client's per-attempt time-out (`ClerkTransport.DefaultTimeout` unless the
 *   session sets another), covering the status, the headers and the whole body (read up to
 *   `CappedBody.DefaultMaxBytes`), and fails with the client's own `Timeout` or `TransportError`;
 * - attempts are repeated by the session's retry policy (the one the client's calls use) with the
 *   client's classification (`RetryPolicy.classify`): a 429 always; a 5xx, a time-out or a transport
 *   failure only when repeating cannot change the outcome (the operation's `idempotent` trait, or,
 *   for a request outside the six operations, the method's idempotency in HTTP); each repeat is paid
 *   for from the client's retry budget;
 * - a 429 or 5xx answer the policy stops repeating is the request's answer: the case sees it as the
 *   server sent it.
 *
 * @since 0.3.0
 */
import { type RetryBudget, RetryPolicy, Timeout, TransportError } from "@clerk-effect/client"
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Clock from "effect/Clock"
import * as Data from "effect/Data"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as CappedBody from "./CappedBody.js"

/**
 * A raw answer: status, headers and the body as text.
 *
 * @since 0.3.0
 * @category models
 */
export interface Answer {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly text: string
}

/**
 * What the rules need to know of a raw request: the name its errors give it, its method and URL
 * (without the query), and whether repeating it cannot change the outcome.
 *
 * @since 0.3.0
 * @category models
 */
export interface Route {
  readonly operation: string
  readonly method: string
  readonly url: string
  readonly idempotent: boolean
}

/**
 * The methods HTTP defines as idempotent (RFC 9110, 9.2.2): the rule for a raw request outside the
 * six operations (the clerk world's `POST /users` is not, its `DELETE /users/{id}` is).
 *
 * @since 0.3.0
 * @category constants
 */
export const IdempotentMethods: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"])

/** An answer the client would repeat (429, 5xx), while the policy decides whether to. */
class RepeatableAnswer extends Data.TaggedError("RepeatableAnswer")<{
  readonly answer: Answer
  readonly status: number
  readonly retryAfter: string | undefined
  readonly attempts: number
}> {}

/**
 * One attempt: the request sent and its answer read whole within `timeout`.
 *
 * @since 0.3.0
 * @category constructors
 */
export const attempt = (
  client: HttpClient.HttpClient,
  request: HttpClientRequest.HttpClientRequest,
  route: Route,
  timeout: Duration.Duration
): Effect.Effect<Answer, Timeout | TransportError> => {
  const { operation, method, url } = route
  return client.execute(request).pipe(
    Effect.flatMap((response) =>
      Effect.map(
        CappedBody.text(response),
        (text): Answer => ({ status: response.status, headers: response.headers, text })
      )
    ),
    Effect.scoped,
    Effect.mapError((error) => new TransportError({ operation, method, url, reason: error.message, attempts: 1 })),
    Effect.timeoutFail({
      duration: timeout,
      onTimeout: () => new Timeout({ operation, method, url, timeoutMillis: Duration.toMillis(timeout), attempts: 1 })
    })
  )
}

/**
 * Runs `once` under `policy` as the client runs a call: what the client classifies as repeatable is
 * repeated while the policy and `budget` allow it; the last repeatable answer is returned as the
 * answer; a time-out or transport failure that is not repeated (any more) is the error.
 *
 * @since 0.3.0
 * @category combinators
 */
export const retried = (
  once: Effect.Effect<Answer, Timeout | TransportError>,
  route: Route,
  policy: RetryPolicy.RetryPolicy,
  budget: RetryBudget.RetryBudget
): Effect.Effect<Answer, Timeout | TransportError> => {
  const repeatable = Effect.flatMap(once, (answer) =>
    RetryPolicy.classify({ status: answer.status }) === "permanent"
      ? Effect.succeed(answer)
      : Effect.fail(
          new RepeatableAnswer({
            answer,
            status: answer.status,
            retryAfter: answer.headers["retry-after"],
            attempts: 1
          })
        )
  )
  return Effect.flatMap(Clock.currentTimeMillis, (startMillis) => {
    // the budget as the client's calls use it: a repeat takes its price, a success gives back
    // what its last repeat took (or the refill of a clean success)
    let lastCost: number | undefined
    const charge = (error: unknown) => {
      const cost = budget.unsafeTake(error)
      if (cost !== undefined) lastCost = cost
      return cost !== undefined
    }
    return policy
      .retry(repeatable, { operation: route.operation, idempotent: route.idempotent }, { startMillis, charge })
      .pipe(
        Effect.tap(() => Effect.sync(() => budget.unsafeGive(lastCost ?? budget.options.successRefill))),
        Effect.catchTag("RepeatableAnswer", (last) => Effect.succeed(last.answer))
      )
  })
}
