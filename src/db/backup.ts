import type { OpenedDatabase } from './database.js'

/**
 * An online, consistent copy: SQLite's backup API copies pages while the bot
 * keeps writing, restarting where pages changed, so the copy is one moment's state.
 */
export async function backupDatabase(
  database: OpenedDatabase,
  destination: string,
): Promise<number> {
  const result = await database.sqlite.backup(destination)
  return result.totalPages
}
