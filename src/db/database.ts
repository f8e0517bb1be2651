import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect, type LogEvent } from 'kysely'
import type { Database } from './schema.js'

export type Db = Kysely<Database>

export interface OpenedDatabase {
  db: Db
  /** The raw handle, for what only SQLite has (online backup). Stays inside src/db/. */
  sqlite: SQLite.Database
}

/**
 * Opens the SQLite file in WAL mode: readers never block the writer, and a crash
 * leaves a database that recovers on the next open. Foreign keys are off by
 * default in SQLite; busy_timeout lets the CLI and the bot share the file.
 */
export function openDatabase(
  path: string,
  options: { onQuery?: (event: LogEvent) => void } = {},
): OpenedDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const sqlite = new SQLite(path)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  // NORMAL is durable in WAL mode across application crashes; only a power cut may
  // roll back the last transactions, never corrupt the file.
  sqlite.pragma('synchronous = NORMAL')
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    // For measuring hot paths (the tap's statement count test); off otherwise.
    ...(options.onQuery === undefined ? {} : { log: options.onQuery }),
  })
  return { db, sqlite }
}
