/**
 * Capturing what a program emits (Effect 4): every span (name, kind, parent, attributes, events,
 * exit) through a recording `Tracer`, and every log line through a recording `Logger` at the most
 * verbose level.
 */
import { inspect } from "node:util"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import type * as Exit from "effect/Exit"
import * as Logger from "effect/Logger"
import * as Option from "effect/Option"
import * as References from "effect/References"
import * as Tracer from "effect/Tracer"

/** One recorded span. */
export interface RecordedSpan {
  readonly name: string
  readonly kind: Tracer.SpanKind
  readonly parentName: string | undefined
  readonly attributes: Map<string, unknown>
  readonly events: Array<{ readonly name: string; readonly attributes: Record<string, unknown> | undefined }>
  exit: Exit.Exit<unknown, unknown> | undefined
}

/** One log line as data: its level, its message and its annotations. */
export interface LogEntry {
  readonly level: string
  readonly message: unknown
  readonly annotations: Record<string, unknown>
}

/** Everything captured: spans, log lines rendered as text, and the same lines as data. */
export interface Captured {
  readonly spans: Array<RecordedSpan>
  readonly logs: Array<string>
  readonly entries: Array<LogEntry>
}

let ids = 0

/** A tracer that records every span. */
export const recordingTracer = (spans: Array<RecordedSpan>): Tracer.Tracer =>
  Tracer.make({
    span(options) {
      const recorded: RecordedSpan = {
        name: options.name,
        kind: options.kind,
        parentName: Option.match(options.parent, {
          onNone: () => undefined,
          onSome: (p) => (p._tag === "Span" ? p.name : undefined)
        }),
        attributes: new Map(),
        events: [],
        exit: undefined
      }
      spans.push(recorded)
      return {
        _tag: "Span",
        name: options.name,
        spanId: `span${++ids}`,
        traceId: "trace1",
        parent: options.parent,
        annotations: options.annotations,
        status: { _tag: "Started", startTime: options.startTime },
        attributes: recorded.attributes,
        links: [...options.links],
        sampled: options.sampled,
        kind: options.kind,
        end: (_endTime, exit) => {
          recorded.exit = exit
        },
        attribute: (key, value) => {
          recorded.attributes.set(key, value)
        },
        event: (eventName, _time, attributes) => {
          recorded.events.push({ name: eventName, attributes })
        },
        addLinks: () => {}
      }
    }
  })

/** A logger that renders every log line (level, message, annotations, cause) as text, and keeps it as data. */
export const recordingLogger = (logs: Array<string>, entries: Array<LogEntry> = []): Logger.Logger<unknown, void> =>
  Logger.make(({ logLevel, message, cause, fiber }) => {
    const annotations = { ...fiber.getRef(References.CurrentLogAnnotations) }
    entries.push({
      level: logLevel,
      // a message given as one value is logged as a one-element array
      message: Array.isArray(message) && message.length === 1 ? message[0] : message,
      annotations
    })
    logs.push(
      [
        logLevel,
        inspect(message, { depth: 20 }),
        inspect(annotations, { depth: 20 }),
        cause.reasons.length === 0 ? "" : Cause.pretty(cause)
      ].join(" | ")
    )
  })

/** Runs an effect with the recording tracer and logger (all levels); returns what was captured. */
export const capture = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.suspend(() => {
    const captured: Captured = { spans: [], logs: [], entries: [] }
    return effect.pipe(
      Effect.withTracer(recordingTracer(captured.spans)),
      Effect.provideService(Logger.CurrentLoggers, new Set([recordingLogger(captured.logs, captured.entries)])),
      Effect.provideService(References.MinimumLogLevel, "All"),
      Effect.exit,
      Effect.map((exit) => ({ exit, captured }))
    )
  })

/** Renders a span with everything it carries, for searching. */
export const renderSpan = (span: RecordedSpan): string =>
  [
    span.name,
    inspect(span.attributes, { depth: 20 }),
    inspect(span.events, { depth: 20 }),
    span.exit === undefined ? "" : inspect(span.exit, { depth: 20 }),
    span.exit !== undefined && span.exit._tag === "Failure" ? Cause.pretty(span.exit.cause) : ""
  ].join("\n")
