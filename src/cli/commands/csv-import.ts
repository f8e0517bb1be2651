import { readFile } from 'node:fs/promises'
import type { Deps } from '../../domain/deps.js'
import type { DomainError, Result } from '../../domain/errors.js'
import type { ImportSummary } from '../../domain/units/import-units.js'
import { UsageError, withDatabase, type CliIo } from '../cli-context.js'

/** `units import <file.csv>` and `roster import <file.csv>`: all rows or none, problems by line and column. */
export async function csvImportCommand(
  io: CliIo,
  args: string[],
  what: 'units' | 'roster',
  importer: (deps: Deps, text: string) => Promise<Result<ImportSummary>>,
): Promise<number> {
  const file = args[0]
  if (file === undefined) {
    throw new UsageError(
      what === 'units'
        ? 'units import <file.csv>   (columns: code,name,parent_code)'
        : 'roster import <file.csv>  (columns: unit_code,full_name,telegram_id,username,role)',
    )
  }
  const text = await readFile(file, 'utf8')
  const result = await withDatabase(io, (deps) => importer(deps, text))
  if (!result.ok) {
    printProblems(io, file, result.error)
    return 1
  }
  io.out(`${what}: ${result.value.created} created, ${result.value.updated} updated.`)
  return 0
}

function printProblems(io: CliIo, file: string, error: DomainError): void {
  if (error.code !== 'csv-invalid') {
    io.err(`${file}: ${error.code}`)
    return
  }
  io.err(`${file}: nothing imported, ${error.problems.length} problem(s):`)
  for (const p of error.problems)
    io.err(`  line ${p.line}${p.column === null ? '' : `, column ${p.column}`}: ${p.message}`)
}
