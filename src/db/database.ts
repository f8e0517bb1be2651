import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import type pg from 'pg'
import {
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  SqliteDialect,
  type LogEvent,
  type SqliteDatabase as KyselySqliteHandle,
} from 'kysely'
import type { Database } from './schema.js'

export type Db = Kysely<Database>

export type DialectName = 'sqlite' | 'postgres'

export interface SqliteDatabase {
  dialect: 'sqlite'
  db: Db
  /** The raw handle, for what only SQLite has (online backup). Stays inside src/db/. */
  sqlite: SQLite.Database
}

export interface PostgresDatabase {
  dialect: 'postgres'
  db: Db
  /** The pool, for what needs one connection of its own (the sending role's advisory lock). */
  pool: pg.Pool
}

export type OpenedDatabase = SqliteDatabase | PostgresDatabase

export interface OpenOptions {
  onQuery?: (event: LogEvent) => void
}

/**
 * Opens the SQLite file in WAL mode: readers never block the writer, and a crash
 * leaves a database that recovers on the next open. Foreign keys are off by
 * default in SQLite; busy_timeout lets the CLI and the bot share the file.
 */
export function openDatabase(path: string, options: OpenOptions = {}): SqliteDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const sqlite = new SQLite(path)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  // NORMAL is durable in WAL mode across application crashes; only a power cut may
  // roll back the last transactions, never corrupt the file.
  sqlite.pragma('synchronous = NORMAL')
  // SQLite's own 1,000 pages between checkpoints, said aloud: a checkpoint runs inside the
  // commit that crosses it and blocks the process while it copies the pages. At 10,000 taps
  // went ≈ 20% faster in a burst, but each checkpoint held every tap behind it for 20–30 ms
  // (issue 14, scenario 2: p99 at 1,000 taps/s 28–30 ms, against 12–19 ms at 1,000).
  sqlite.pragma('wal_autocheckpoint = 1000')
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    // For measuring hot paths (the tap's statement count test); off otherwise.
    ...(options.onQuery === undefined ? {} : { log: options.onQuery }),
  })
  return { dialect: 'sqlite', db, sqlite }
}

const INT8_OID = 20
const NUMERIC_OID = 1700

/**
 * 64-bit integers (ids, COUNT, SUM) come from pg as text; the schema reads them
 * as numbers (Telegram ids fit in 53 bits). Beyond the safe range a number would
 * silently round, so reading one is an error instead.
 */
export function parseInt8(text: string): number {
  const value = Number(text)
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`64-bit integer ${text} is beyond JavaScript's safe range`)
  }
  return value
}

/**
 * pg, loaded when PostgreSQL is chosen: on SQLite it is never needed, and its
 * import costs a few MB of every process (issue 14). pg is CommonJS, so a
 * synchronous require keeps openPostgres synchronous.
 */
function loadPg(): typeof pg {
  return createRequire(import.meta.url)('pg') as typeof pg
}

/** Per pool, not pg's global parsers: a process may hold other pools. */
function pgTypesOf(driver: typeof pg): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown => {
      if (oid === INT8_OID) return parseInt8
      // AVG and ratios: numeric, read as a JavaScript number as SQLite gives them.
      if (oid === NUMERIC_OID) return (text: string) => Number(text)
      return driver.types.getTypeParser(oid, format) as unknown
    }) as pg.CustomTypesConfig['getTypeParser'],
  }
}

/**
 * PostgreSQL through kysely's own dialect over a pg pool (PRODUCT §11). Every
 * instance opens its own pool; the database serialises what must be.
 */
export function openPostgres(
  url: string,
  options: OpenOptions & { poolSize?: number } = {},
): PostgresDatabase {
  const driver = loadPg()
  const pool = new driver.Pool({
    connectionString: url,
    types: pgTypesOf(driver),
    max: options.poolSize ?? 20,
    // Which process a session belongs to, in pg_stat_activity (who holds the sending role).
    application_name: `loa:${process.pid}`,
  })
  // An idle client losing its connection (a server restart) must not crash the process.
  pool.on('error', () => undefined)
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    ...(options.onQuery === undefined ? {} : { log: options.onQuery }),
  })
  return { dialect: 'postgres', db, pool }
}

/** The database the configuration names: DATABASE_URL (PostgreSQL) or DATABASE_PATH (SQLite). */
export function openConfiguredDatabase(
  config: { databasePath: string; databaseUrl: string | undefined },
  options: OpenOptions = {},
): OpenedDatabase {
  return config.databaseUrl === undefined
    ? openDatabase(config.databasePath, options)
    : openPostgres(config.databaseUrl, options)
}

/** Which engine a Kysely instance speaks to: for the few statements that differ. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations hold Kysely<any>
export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
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
function withStatementCache(sqlite: SQLite.Database): KyselySqliteHandle {
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

/** The raw SQLite handle, for what only SQLite has (benchmarks' bulk loads); PostgreSQL refuses. */
export function requireSqlite(database: OpenedDatabase): SQLite.Database {
  if (database.dialect !== 'sqlite') throw new Error('this needs the SQLite engine (DATABASE_PATH)')
  return database.sqlite
}
