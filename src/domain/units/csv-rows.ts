import { parse } from 'csv-parse/sync'
import { z } from 'zod'
import type { CsvProblem } from '../errors.js'

const recordsWithInfo = z.array(
  z.object({ record: z.array(z.string()), info: z.object({ lines: z.number().int() }) }),
)

export interface CsvRow<T> {
  line: number
  value: T
}

/**
 * Reads a CSV whose first line names the columns, validates each row with
 * `schema`, and returns either every row or every problem (line and column), so
 * a file is taken whole or refused whole. Accepts a BOM and `;` as Excel writes
 * in Vietnamese locales.
 */
export function readCsv<S extends z.ZodType>(
  text: string,
  columns: readonly string[],
  requiredColumns: readonly string[],
  schema: S,
): { rows: CsvRow<z.output<S>>[]; problems: CsvProblem[] } {
  // info: true gives each record the line it started on, which stays right with
  // blank lines and quoted fields spanning lines.
  let parsedRecords: z.output<typeof recordsWithInfo>
  try {
    // csv-parse's types do not model `info: true`, so its output is checked like any input.
    const output: unknown = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      info: true,
    })
    parsedRecords = recordsWithInfo.parse(output)
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1
    return { rows: [], problems: [{ line, column: null, message: (error as Error).message }] }
  }
  const records = parsedRecords.map((r) => r.record)
  const header = records[0]?.map((h) => h.trim().toLowerCase()) ?? []
  const missing = requiredColumns.filter((c) => !header.includes(c))
  if (records.length === 0 || missing.length > 0) {
    return {
      rows: [],
      problems: [
        { line: 1, column: missing[0] ?? null, message: `header must be: ${columns.join(',')}` },
      ],
    }
  }
  const rows: CsvRow<z.output<S>>[] = []
  const problems: CsvProblem[] = []
  parsedRecords.slice(1).forEach(({ record, info }) => {
    const line = info.lines
    const raw = Object.fromEntries(header.map((name, i) => [name, record[i] ?? '']))
    const parsed = schema.safeParse(raw)
    if (parsed.success) rows.push({ line, value: parsed.data })
    else
      for (const issue of parsed.error.issues) {
        problems.push({
          line,
          column: issue.path.length > 0 ? String(issue.path[0]) : null,
          message: issue.message,
        })
      }
  })
  return { rows, problems }
}

function detectDelimiter(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? ''
  return firstLine.includes(';') && !firstLine.includes(',') ? ';' : ','
}
