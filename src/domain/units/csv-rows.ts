import { parse } from 'csv-parse/sync'
import type { z } from 'zod'
import type { CsvProblem } from '../errors.js'

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
  let records: string[][]
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    })
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1
    return { rows: [], problems: [{ line, column: null, message: (error as Error).message }] }
  }
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
  // csv-parse with skip_empty_lines loses line numbers, so count them from the raw info.
  const lineNumbers = lineNumbersOf(text)
  records.slice(1).forEach((record, index) => {
    const line = lineNumbers[index + 1] ?? index + 2
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

/** The physical line number of each non-empty line (1-based), in order. */
function lineNumbersOf(text: string): number[] {
  const numbers: number[] = []
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() !== '') numbers.push(i + 1)
  })
  return numbers
}
