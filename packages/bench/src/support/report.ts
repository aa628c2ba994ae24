/**
 * The report: tables (printed, written as JSON and as Markdown) and the machine they ran on.
 */
import * as Os from "node:os"

/** One table of a benchmark: a title, column names, rows of cells and notes under it. */
export interface Table {
  readonly title: string
  readonly columns: ReadonlyArray<string>
  readonly rows: ReadonlyArray<ReadonlyArray<string | number>>
  readonly notes?: ReadonlyArray<string>
}

/** What one benchmark hands back: its tables and its raw figures. */
export interface BenchResult {
  readonly id: string
  readonly title: string
  readonly tables: ReadonlyArray<Table>
  readonly data: unknown
}

/** The machine and run. */
export const machine = () => ({
  cpu: Os.cpus()[0]?.model.trim() ?? "unknown",
  cores: Os.cpus().length,
  memoryGiB: Math.round(Os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  date: new Date().toISOString()
})

const cell = (value: string | number): string => (typeof value === "number" ? formatNumber(value) : value)

/** Formats a number for a table: 3 significant digits, thousands grouped. */
export const formatNumber = (n: number): string => {
  if (!Number.isFinite(n)) return "–"
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString("en-US")
  return String(Number(n.toPrecision(3)))
}

/** A ratio as `1.23×`. */
export const ratio = (value: number, baseline: number): string =>
  baseline > 0 && Number.isFinite(value) ? `${(value / baseline).toFixed(2)}×` : "–"

/** A spread fraction as `±4%`. */
export const percent = (fraction: number): string => `±${Math.round((fraction * 100) / 2)}%`

/** Renders a table as Markdown. */
export const markdown = (table: Table): string => {
  const lines = [
    `| ${table.columns.join(" | ")} |`,
    `| ${table.columns.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`,
    ...table.rows.map((row) => `| ${row.map(cell).join(" | ")} |`)
  ]
  const notes = (table.notes ?? []).map((note) => `\n${note}`)
  return `#### ${table.title}\n\n${lines.join("\n")}\n${notes.join("\n")}`
}

/** Renders a table as aligned plain text for the terminal. */
export const text = (table: Table): string => {
  const cells = [table.columns, ...table.rows.map((row) => row.map(cell))]
  const widths = table.columns.map((_, i) => Math.max(...cells.map((row) => String(row[i] ?? "").length)))
  const render = (row: ReadonlyArray<string | number>) =>
    row.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join("  ")
  const notes = (table.notes ?? []).map((note) => `  ${note}`)
  return [`\n${table.title}`, render(cells[0]!), ...cells.slice(1).map(render), ...notes].join("\n")
}
