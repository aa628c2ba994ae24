/**
 * The replay token of a sequence: what fast-check needs to generate exactly that sequence again
 * (the seed, the path to the shrunk counterexample, the commands' replay path) and what it was
 * generated for (the longest sequence, the universe's fingerprint), as one URL-safe string.
 *
 * @since 0.3.0
 */
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"

/**
 * A token's content.
 *
 * @since 0.3.0
 * @category models
 */
export const Token = Schema.Struct({
  v: Schema.Literal(1),
  seed: Schema.Int,
  path: Schema.String,
  replayPath: Schema.String,
  steps: Schema.Int,
  universe: Schema.String
})

/**
 * @since 0.3.0
 * @category models
 */
export type Token = typeof Token.Type

const decode = ParseResult.decodeUnknownEither(Token)

/**
 * The token as a string (base64url of its JSON).
 *
 * @since 0.3.0
 * @category encoding
 */
export const encode = (token: Token): string => Buffer.from(JSON.stringify(token)).toString("base64url")

/**
 * A token from its string, or why it is not one.
 *
 * @since 0.3.0
 * @category encoding
 */
export const parse = (text: string): Either.Either<Token, string> => {
  let json: unknown
  try {
    json = JSON.parse(Buffer.from(text.trim(), "base64url").toString("utf8"))
  } catch {
    return Either.left("it is not a token printed by explore")
  }
  return Either.mapLeft(decode(json), () => "it is not a token printed by explore (or one of another version)")
}
