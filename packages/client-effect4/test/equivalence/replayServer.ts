/**
 * A loopback `node:http` server that records every request as it arrives on the wire (method, raw
 * URL, every header, the Authorization included, body) and answers with a recorded response (or
 * drops the connection), so both lines are compared on exactly the same bytes in and out.
 */
import * as Http from "node:http"
import type { AddressInfo } from "node:net"

/** A recorded response: status, headers, body text; or a connection dropped before any answer. */
export type Recorded =
  | { readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: string }
  | "drop"

/** A request as the server received it. */
export interface Arrived {
  readonly method: string
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

/** The server, its URL, what it received, and the response it gives next. */
export interface ReplayServer {
  readonly origin: string
  readonly received: Array<Arrived>
  answer: Recorded
  readonly close: () => Promise<void>
}

const flatten = (headers: Http.IncomingHttpHeaders): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value
  }
  return out
}

/** Starts a replay server on a free loopback port. */
export const startReplayServer = (): Promise<ReplayServer> =>
  new Promise((resolve) => {
    const received: Array<Arrived> = []
    const state: { answer: Recorded } = { answer: "drop" }
    const server = Http.createServer((req, res) => {
      const chunks: Array<Buffer> = []
      req.on("data", (chunk: Buffer) => chunks.push(chunk))
      req.on("end", () => {
        received.push({
          method: req.method ?? "",
          url: req.url ?? "",
          headers: flatten(req.headers),
          body: Buffer.concat(chunks).toString("utf8")
        })
        const answer = state.answer
        if (answer === "drop") {
          req.socket.destroy()
          return
        }
        res.writeHead(answer.status, { ...answer.headers, "content-length": Buffer.byteLength(answer.body) })
        res.end(answer.body)
      })
    })
    server.keepAliveTimeout = 1_000
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo
      resolve({
        origin: `http://127.0.0.1:${port}`,
        received,
        get answer() {
          return state.answer
        },
        set answer(value: Recorded) {
          state.answer = value
        },
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections()
            server.close(() => done())
          })
      })
    })
  })
