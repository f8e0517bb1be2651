import type { OpenedDatabase } from './database.js'

/**
 * An online, consistent copy: SQLite's backup API copies pages while the bot
 * keeps writing, restarting where pages changed, so the copy is one moment's state.
 * PostgreSQL has pg_dump for this; the CLI says so before it gets here.
 */
export async function backupDatabase(
  database: OpenedDatabase,
  destination: string,
): Promise<number> {
  if (database.dialect !== 'sqlite') throw new Error('backupDatabase is for SQLite; use pg_dump')
  const result = await database.sqlite.backup(destination)
  return result.totalPages
}
