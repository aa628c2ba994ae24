/**
 * What the CLI runs against, from its options: the embedded mock, or a base URL with a secret key
 * and a world. All the checks of user input live here.
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type { WorldKind } from "../World.js"
import { UserError } from "./UserError.js"

/**
 * Where and how to run.
 *
 * @since 0.1.0
 * @category models
 */
export type Target =
  | { readonly _tag: "Embedded"; readonly world: WorldKind }
  | {
      readonly _tag: "Remote"
      readonly baseUrl: string
      readonly secretKey: Redacted.Redacted<string>
      readonly world: "clerk" | "discover"
    }

/**
 * The CLI's options, as parsed.
 *
 * @since 0.1.0
 * @category models
 */
export interface TargetOptions {
  readonly baseUrl: Option.Option<string>
  /** `--secret`, else `CLERK_SECRET_KEY`. */
  readonly secretKey: Option.Option<Redacted.Redacted<string>>
  readonly world: Option.Option<WorldKind>
  readonly allowLive: boolean
}

/**
 * The host of Clerk's Backend API.
 *
 * @since 0.1.0
 * @category constants
 */
export const ClerkApiHost = "api.clerk.com"

/**
 * Checks a base URL (http or https) and completes Clerk's (`https://api.clerk.com` → `…/v1`).
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseBaseUrl = (input: string): Either.Either<URL, UserError> => {
  let url: URL
  try {
    url = new URL(input)
  } catch {
    return Either.left(
      new UserError({ message: `--base-url ${input} is not a URL: give one like https://api.clerk.com/v1` })
    )
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return Either.left(new UserError({ message: `--base-url ${input} must be an http:// or https:// URL` }))
  }
  if (url.username !== "" || url.password !== "") {
    return Either.left(
      new UserError({ message: "--base-url must not carry credentials: put the key in CLERK_SECRET_KEY or --secret" })
    )
  }
  if (url.hostname === ClerkApiHost && (url.pathname === "/" || url.pathname === "")) url.pathname = "/v1"
  return Either.right(url)
}

/**
 * Resolves the options into a target, or the user mistake.
 *
 * @since 0.1.0
 * @category parsing
 */
export const resolve = (options: TargetOptions): Either.Either<Target, UserError> => {
  if (Option.isNone(options.baseUrl)) {
    const world = Option.getOrElse(options.world, () => "mock" as const)
    // the embedded mock also serves the Backend API endpoints the clerk world provisions with
    return Either.right({ _tag: "Embedded", world })
  }
  return Either.flatMap(parseBaseUrl(options.baseUrl.value), (url) => {
    if (Option.isNone(options.secretKey) || Redacted.value(options.secretKey.value).trim() === "") {
      return Either.left(
        new UserError({
          message: `no secret key for ${url.origin}: set CLERK_SECRET_KEY in the environment or pass --secret`
        })
      )
    }
    const secretKey = options.secretKey.value
    if (Redacted.value(secretKey).startsWith("sk_live_") && !options.allowLive) {
      return Either.left(
        new UserError({
          message:
            "refusing a live (sk_live_) key: the suite creates and deletes data; use a development instance's sk_test_ key, or pass --allow-live"
        })
      )
    }
    const world = Option.getOrElse(options.world, () => (url.hostname === ClerkApiHost ? "clerk" : "discover"))
    if (world === "mock") {
      return Either.left(
        new UserError({
          message: "--world mock needs the embedded mock: leave out --base-url, or use --world discover"
        })
      )
    }
    return Either.right({ _tag: "Remote", baseUrl: url.toString().replace(/\/+$/, ""), secretKey, world })
  })
}
