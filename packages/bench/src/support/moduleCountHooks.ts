/**
 * Module hooks registered by `moduleCount.ts`: reports the URL of every `file:` module loaded.
 */
import type { MessagePort } from "node:worker_threads"

let port: MessagePort | undefined

/** Receives the port to report on. */
export const initialize = (data: { readonly port: MessagePort }): void => {
  port = data.port
}

/** Loads as usual and reports `file:` URLs. */
export const load = async (
  url: string,
  context: unknown,
  next: (url: string, context: unknown) => Promise<unknown>
): Promise<unknown> => {
  const result = await next(url, context)
  if (url.startsWith("file:")) port?.postMessage(url)
  return result
}
