/**
 * A real `node:http` server on 127.0.0.1 for transport tests, and a port nothing listens on.
 */
import * as Http from "node:http"
import type { AddressInfo } from "node:net"
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"

/** What the loopback server saw of one request. */
export interface Seen {
  readonly method: string
  readonly url: string
  readonly headers: Http.IncomingHttpHeaders
  readonly body: string
}

export type Handler = (req: Http.IncomingMessage, res: Http.ServerResponse, body: string) => void

/** A real `node:http` server on 127.0.0.1 and a free port, closed (connections and all) with the scope. */
export const loopbackServer = (handler: Handler) =>
  Effect.acquireRelease(
    Effect.callback<{ readonly origin: string; readonly seen: Array<Seen>; readonly server: Http.Server }>((resume) => {
      const seen: Array<Seen> = []
      const server = Http.createServer((req, res) => {
        // a client that went away must not crash the server
        res.on("error", () => {})
        const chunks: Array<Buffer> = []
        req.on("data", (chunk: Buffer) => chunks.push(chunk))
        req.on("end", () => {
          const body = Buffer.concat(chunks).toString("utf8")
          seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body })
          handler(req, res, body)
        })
      })
      server.listen(0, "127.0.0.1", () => {
        const { port } = server.address() as AddressInfo
        resume(Effect.succeed({ origin: `http://127.0.0.1:${port}`, seen, server }))
      })
    }),
    ({ server }) =>
      Effect.callback<void>((resume) => {
        server.closeAllConnections()
        server.close(() => resume(Effect.void))
      })
  )

/** A port nothing listens on: bound, then released. */
export const freePort = Effect.callback<number>((resume) => {
  const server = Http.createServer()
  server.listen(0, "127.0.0.1", () => {
    const { port } = server.address() as AddressInfo
    server.close(() => resume(Effect.succeed(port)))
  })
})

/**
 * A server that never answers: `arrived` completes when a request is in, `socketClosed` when that
 * request's connection ends (the client gave up on it).
 */
export const hangingServer = Effect.gen(function* () {
  const arrived = yield* Deferred.make<void>()
  const socketClosed = yield* Deferred.make<void>()
  const { origin } = yield* loopbackServer((req) => {
    req.socket.once("close", () => Deferred.doneUnsafe(socketClosed, Effect.void))
    Deferred.doneUnsafe(arrived, Effect.void)
  })
  return { origin, arrived, socketClosed }
})
