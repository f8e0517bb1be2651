import { importRoster } from '../domain/units/import-roster.js'
import { importUnits } from '../domain/units/import-units.js'
import { UsageError, type CliIo } from './cli-context.js'
import { backupCommand } from './commands/backup.js'
import { csvImportCommand } from './commands/csv-import.js'
import { migrateCommand } from './commands/migrate.js'
import { planImportCommand } from './commands/plan-import.js'
import { reportCommand } from './commands/report.js'
import { calendarCommand } from './commands/calendar.js'
import { remindersCommand } from './commands/reminders.js'
import { sandboxCommand } from './commands/sandbox.js'

const USAGE = `Usage: loa <command>   (or: npm run cli -- <command>)

  migrate                        bring the database to the newest schema
  units import <file.csv>        columns code,name,parent_code
  roster import <file.csv>       columns unit_code,full_name,telegram_id,username,role
  plan import <file> [--dry-run] [--json]
                                 parse a plan (.txt, .md, .docx); --json prints the parsed plan;
                                 without --dry-run the campaign is created (as a draft)
  report <CODE> --format json|csv|xlsx|docx [--out FILE]
                                 the consolidated report; json and csv to stdout without --out
  backup <file>                  an online, consistent copy of the database
  reminders <CODE> [--json]      the planned and sent reminders of a campaign
  calendar add-holiday|add-workday <YYYY-MM-DD> [note]
                                 the agency's own days off and make-up working days
  calendar list                  those days
  sandbox [--lang vi|en] [--out DIR] [--keep]
                                 a whole campaign without Telegram, as a transcript and files`

/** Runs one CLI command; returns the exit code (0 ok, 1 refused input, 2 usage). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, sub, ...rest] = argv
  try {
    switch (command) {
      case 'migrate':
        return await migrateCommand(io)
      case 'units':
        if (sub !== 'import') throw new UsageError('units import <file.csv>')
        return await csvImportCommand(io, rest, 'units', importUnits)
      case 'roster':
        if (sub !== 'import') throw new UsageError('roster import <file.csv>')
        return await csvImportCommand(io, rest, 'roster', importRoster)
      case 'plan':
        if (sub !== 'import') throw new UsageError('plan import <file> [--dry-run] [--json]')
        return await planImportCommand(io, rest)
      case 'report':
        return await reportCommand(
          io,
          [sub, ...rest].filter((a): a is string => a !== undefined),
        )
      case 'backup':
        return await backupCommand(
          io,
          [sub, ...rest].filter((a): a is string => a !== undefined),
        )
      case 'reminders':
        return await remindersCommand(
          io,
          [sub, ...rest].filter((a): a is string => a !== undefined),
        )
      case 'calendar':
        return await calendarCommand(io, sub, rest)
      case 'sandbox':
        return await sandboxCommand(
          io,
          [sub, ...rest].filter((a): a is string => a !== undefined),
        )
      case undefined:
      case 'help':
      case '--help':
        io.out(USAGE)
        return command === undefined ? 2 : 0
      default:
        throw new UsageError(`unknown command "${command}"`)
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`loa: ${error.message}\n\n${USAGE}`)
      return 2
    }
    const unreadable = unreadableFile(error)
    if (unreadable !== undefined) {
      io.err(`loa: ${unreadable}`)
      return 1
    }
    throw error
  }
}

const FILE_PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'a part of this path is not a folder',
}

/** A file the command was given cannot be read: one line naming it, not a stack (issue 11, point 8). */
function unreadableFile(error: unknown): string | undefined {
  if (!(error instanceof Error) || !('code' in error) || !('path' in error)) return undefined
  const problem = FILE_PROBLEMS[String(error.code)]
  return problem === undefined ? undefined : `${String(error.path)}: ${problem}`
}
