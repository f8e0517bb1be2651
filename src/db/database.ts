import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect, type LogEvent, type SqliteDatabase } from 'kysely'
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
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    // For measuring hot paths (the tap's statement count test); off otherwise.
    ...(options.onQuery === undefined ? {} : { log: options.onQuery }),
  })
  return { db, sqlite }
}

/** Statements kept prepared, most recently used last; queries with long `in (…)` lists fall out. */
const STATEMENT_CACHE_SIZE = 500

/**
 * kysely prepares every query anew, and parsing a statement against Loa's schema
 * costs more than running it: a tap spent more time in `prepare` than in SQLite
 * itself (issue 14, scenario 2 profile). The same SQL text reuses its prepared
 * statement. Safe on one connection: kysely runs one query at a time on it, so
 * a statement is never reused while it is still iterating; SQLite re-prepares
 * it by itself when a migration changes the schema.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>()
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql)
      if (statement !== undefined) {
        cache.delete(sql)
      } else {
        statement = sqlite.prepare(sql)
        if (cache.size >= STATEMENT_CACHE_SIZE) {
          const oldest = cache.keys().next().value
          if (oldest !== undefined) cache.delete(oldest)
        }
      }
      cache.set(sql, statement)
      return statement
    },
  }
}
