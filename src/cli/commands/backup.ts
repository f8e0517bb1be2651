import { existsSync } from 'node:fs'
import { backupDatabase } from '../../db/backup.js'
import { UsageError, withDatabase, type CliIo } from '../cli-context.js'

export async function backupCommand(io: CliIo, args: string[]): Promise<number> {
  const destination = args[0]
  if (destination === undefined)
    throw new UsageError('backup <file>   e.g. backup ./backups/loa-2024-05-05.db')
  if (existsSync(destination)) {
    io.err(`${destination} exists already; choose a new file name so no backup is overwritten.`)
    return 1
  }
  const pages = await withDatabase(io, (_deps, database) => backupDatabase(database, destination))
  io.out(`Backup written to ${destination} (${pages} pages).`)
  return 0
}
