/**
 * Benchmark 2 — decode cost: `JSON.parse` alone vs `JSON.parse` + the client's decoding of a list
 * page (the `list` endpoint's success schema), at 10, 100 and 500 items, interleaved in rounds:
 * the model's hand-written wire codec (what a valid body costs) and Effect's own Schema decoder
 * (what the client falls back to, to explain a body the codec refuses); and the Effect 4 line's
 * decoding (Effect 4's Schema as that client runs it, no hand-written codec).
 */
import { Api, WireCodec } from "@clerk-effect/client/contract"
import * as ParseResult from "effect/ParseResult"
import { performance } from "node:perf_hooks"
import { ListLimits, listPage } from "./support/bodies.js"
import * as Effect4 from "./support/effect4.js"
import { type BenchResult, ratio } from "./support/report.js"
import { median, spread } from "./support/stats.js"

/** How much to run. */
export interface DecodeOptions {
  readonly rounds: number
  readonly millisPerCell: number
}

/** Mean microseconds per call of `f`, run repeatedly for about `millis`. */
const timePerCall = (f: () => unknown, millis: number): number => {
  let n = 0
  const t0 = performance.now()
  let t = t0
  while (t - t0 < millis) {
    f()
    n++
    t = performance.now()
  }
  return ((t - t0) * 1000) / n
}

/** Runs benchmark 2. */
export const runDecode = async (options: DecodeOptions): Promise<BenchResult> => {
  const decode = ParseResult.decodeUnknownEither(Api.list.success)
  const codec = WireCodec.wireCodecOf(Api.list.success)
  if (codec === undefined) throw new Error("the list page has no wire codec")
  const fast = (u: unknown) => WireCodec.run(codec.decode, u)
  const texts = new Map(ListLimits.map((limit) => [limit, JSON.stringify(listPage(limit))]))
  const parseOnly = new Map<number, Array<number>>()
  const withSchema = new Map<number, Array<number>>()
  const withFast = new Map<number, Array<number>>()
  const decode4 = Effect4.decodeListPage()
  const withEffect4 = new Map<number, Array<number>>()
  for (const limit of ListLimits) {
    const result = decode(JSON.parse(texts.get(limit)!))
    if (result._tag === "Left") throw new Error(`the benchmark body does not decode: ${String(result.left)}`)
    if (fast(JSON.parse(texts.get(limit)!)) === WireCodec.Invalid) throw new Error("the wire codec refuses the body")
    timePerCall(() => fast(JSON.parse(texts.get(limit)!)), 200)
    // warm-up
    timePerCall(() => decode(JSON.parse(texts.get(limit)!)), 200)
    timePerCall(() => decode4(JSON.parse(texts.get(limit)!)), 200)
  }
  for (let round = 0; round < options.rounds; round++) {
    for (const limit of ListLimits) {
      const text = texts.get(limit)!
      const a = timePerCall(() => JSON.parse(text), options.millisPerCell)
      const b = timePerCall(() => decode(JSON.parse(text)), options.millisPerCell)
      const c = timePerCall(() => fast(JSON.parse(text)), options.millisPerCell)
      const d = timePerCall(() => decode4(JSON.parse(text)), options.millisPerCell)
      withEffect4.set(limit, [...(withEffect4.get(limit) ?? []), d])
      withFast.set(limit, [...(withFast.get(limit) ?? []), c])
      parseOnly.set(limit, [...(parseOnly.get(limit) ?? []), a])
      withSchema.set(limit, [...(withSchema.get(limit) ?? []), b])
    }
  }
  const rows = ListLimits.map((limit) => {
    const parse = median(parseOnly.get(limit)!)
    const full = median(withSchema.get(limit)!)
    const quick = median(withFast.get(limit)!)
    const four = median(withEffect4.get(limit)!)
    return [
      `${limit} items (${Math.round(texts.get(limit)!.length / 1024)} KB)`,
      parse,
      quick,
      ratio(quick, parse),
      (quick - parse) / limit,
      full,
      ratio(full, parse),
      (full - parse) / limit,
      four,
      ratio(four, parse),
      (four - parse) / limit,
      `±${Math.round((spread(withFast.get(limit)!) * 100) / 2)}%`
    ]
  })
  return {
    id: "decode",
    title: "Decode cost",
    tables: [
      {
        title:
          "2. Decode cost — a list page: JSON.parse alone, + the client's decode (hand-written wire codec), + Effect's Schema decoder, + the Effect 4 line's decode",
        columns: [
          "page",
          "JSON.parse µs",
          "+ client decode µs",
          "× parse",
          "decode µs/item",
          "+ Effect Schema µs",
          "× parse",
          "Schema µs/item",
          "+ Effect 4 line µs",
          "× parse",
          "Effect 4 µs/item",
          "spread"
        ],
        rows
      }
    ],
    data: ListLimits.map((limit) => ({
      items: limit,
      bytes: texts.get(limit)!.length,
      jsonParseMicros: median(parseOnly.get(limit)!),
      parseAndFastDecodeMicros: median(withFast.get(limit)!),
      parseAndEffectSchemaMicros: median(withSchema.get(limit)!),
      parseAndEffect4LineMicros: median(withEffect4.get(limit)!)
    }))
  }
}
