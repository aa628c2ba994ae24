/**
 * Capturing what a program emits: every span (name, kind, attributes, events, exit) through a
 * recording `Tracer`, and every log line through a recording `Logger` at the most verbose level.
 */
import { inspect } from "node:util"
import { Cause, type Context, Effect, type Exit, Logger, LogLevel, Option, Tracer } from "effect"

/** One recorded span. */
export interface RecordedSpan {
  readonly name: string
  readonly kind: Tracer.SpanKind
  readonly parentName: string | undefined
  readonly attributes: Map<string, unknown>
  readonly events: Array<{ readonly name: string; readonly attributes: Record<string, unknown> | undefined }>
  exit: Exit.Exit<unknown, unknown> | undefined
}

/** One log line as data: its level's label, its message and its annotations. */
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
    span(name, parent, context, links, startTime, kind) {
      const recorded: RecordedSpan = {
        name,
        kind,
        parentName: Option.match(parent, {
          onNone: () => undefined,
          onSome: (p) => (p._tag === "Span" ? p.name : undefined)
        }),
        attributes: new Map(),
        events: [],
        exit: undefined
      }
      spans.push(recorded)
      const span: Tracer.Span = {
        _tag: "Span",
        name,
        spanId: `span${++ids}`,
        traceId: "trace1",
        parent,
        context: context as Context.Context<never>,
        status: { _tag: "Started", startTime },
        attributes: recorded.attributes,
        links: [...links],
        sampled: true,
        kind,
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
      return span
    },
    context: (f) => f()
  })

/** A logger that renders every log line (message, annotations, cause) as text, and keeps it as data. */
export const recordingLogger = (logs: Array<string>, entries: Array<LogEntry> = []): Logger.Logger<unknown, void> =>
  Logger.make(({ logLevel, message, annotations, cause, spans }) => {
    entries.push({
      level: logLevel.label,
      // a message given as one value is logged as a one-element array
      message: Array.isArray(message) && message.length === 1 ? message[0] : message,
      annotations: Object.fromEntries(annotations)
    })
    logs.push(
      [
        logLevel.label,
        inspect(message, { depth: 20 }),
        inspect(annotations, { depth: 20 }),
        inspect([...spans], { depth: 20 }),
        Cause.isEmpty(cause) ? "" : Cause.pretty(cause, { renderErrorCause: true })
      ].join(" | ")
    )
  })

/** Runs an effect with the recording tracer and logger (all levels); returns what was captured. */
export const capture = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.suspend(() => {
    const captured: Captured = { spans: [], logs: [], entries: [] }
    return effect.pipe(
      Effect.withTracer(recordingTracer(captured.spans)),
      Effect.provide(Logger.replace(Logger.defaultLogger, recordingLogger(captured.logs, captured.entries))),
      Logger.withMinimumLogLevel(LogLevel.All),
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
