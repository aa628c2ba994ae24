/**
 * The baseline server: bare `node:http` answering with precomputed Clerk-shaped bodies. Run as a
 * child process (`node bareServer.js`) so its CPU is not counted against the client; it prints
 * `{"port":…}` on stdout and exits when stdin closes.
 */
import * as Http from "node:http"
import type { AddressInfo } from "node:net"
import { ListLimits, precomputed } from "./bodies.js"

/** Starts the server on 127.0.0.1 and a free port. */
export const startBareServer = (): Promise<Http.Server> => {
  const { lists, created } = precomputed()
  const listBuffers = new Map([...lists].map(([limit, body]) => [limit, Buffer.from(body)]))
  const createdBuffer = Buffer.from(created)
  const fallback = listBuffers.get(ListLimits[0])!
  const server = Http.createServer((req, res) => {
    const send = (body: Buffer) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": body.length })
      res.end(body)
    }
    if (req.method === "GET") {
      const url = req.url ?? ""
      const at = url.indexOf("limit=")
      const limit = at < 0 ? ListLimits[0] : Number.parseInt(url.slice(at + 6), 10)
      req.resume()
      send(listBuffers.get(limit) ?? fallback)
    } else {
      // drain the request body, then answer as Clerk does to a create or a metadata merge
      req.on("data", () => {})
      req.on("end", () => send(createdBuffer))
    }
  })
  server.keepAliveTimeout = 60_000
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)))
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href
if (isMain) {
  void startBareServer().then((server) => {
    process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`)
    process.stdin.on("end", () => server.close(() => process.exit(0)))
    process.stdin.on("close", () => process.exit(0))
    process.stdin.resume()
  })
}
