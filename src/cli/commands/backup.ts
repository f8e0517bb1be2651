import { existsSync } from 'node:fs'
import { backupDatabase } from '../../db/backup.js'
import { UsageError, withDatabase, type CliIo } from '../cli-context.js'

export async function backupCommand(io: CliIo, args: string[]): Promise<number> {
  // §11: PostgreSQL has its own consistent online copy; Loa does not reinvent it.
  if (io.config.databaseUrl !== undefined) {
    io.err(
      'DATABASE_URL is PostgreSQL: back it up with pg_dump, e.g. pg_dump --format=custom --file=loa-2024-05-05.dump "$DATABASE_URL"',
    )
    return 2
  }
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
