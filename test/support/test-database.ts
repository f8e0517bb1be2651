import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { sql } from 'kysely'
import { dialectOf, openDatabase, type Db } from '../../src/db/database.js'
import { migrateToLatest } from '../../src/db/migrator.js'
import type { TempDir } from './temp-db.js'

/**
 * Which engine this test run uses (PRODUCT §11): the vitest projects named
 * `pg-…` set LOA_TEST_DIALECT=postgres; the others run on SQLite files.
 */
export const testDialect: 'sqlite' | 'postgres' =
  process.env.LOA_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite'

/** A URL of the PostgreSQL server's maintenance database, e.g. postgres://postgres@127.0.0.1:5433/postgres. */
export const testPgUrl: string | undefined = process.env.LOA_TEST_PG_URL || undefined

/** Migrated once per run by the global setup; each test's database is a copy of it. */
export const TEMPLATE_DATABASE = 'loatemplate'
export const TEST_DATABASE_PREFIX = 'loatest'

export function requirePgUrl(): string {
  if (testPgUrl === undefined) throw new Error('LOA_TEST_PG_URL is not set')
  return testPgUrl
}

/** The URL of another database on the same server. */
export function pgUrlFor(database: string): string {
  const url = new URL(requirePgUrl())
  url.pathname = `/${database}`
  return url.toString()
}

export async function withPgAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: requirePgUrl() })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** One database per test folder, so a restart on the same folder finds its data again. */
function databaseNameFor(dir: TempDir): string {
  return TEST_DATABASE_PREFIX + createHash('sha1').update(dir.path).digest('hex').slice(0, 20)
}

/**
 * The variables that point Loa at this test's database: DATABASE_PATH on
 * SQLite; on PostgreSQL, DATABASE_URL of a database copied from the migrated
 * template (created the first time, kept until {@link dropTestDatabase}).
 */
export async function testDatabaseEnv(dir: TempDir): Promise<Record<string, string>> {
  if (testDialect === 'sqlite') {
    const file = dir.file('loa.db')
    // A folder reused for a restart keeps its database; a new one starts migrated.
    if (!existsSync(file)) copyFileSync(await migratedSqliteTemplate(), file)
    return { DATABASE_PATH: file }
  }
  const name = databaseNameFor(dir)
  await withPgAdmin(async (client) => {
    const found = await client.query('select 1 from pg_database where datname = $1', [name])
    if (found.rowCount === 0)
      await client.query(`create database ${name} template ${TEMPLATE_DATABASE}`)
  })
  return { DATABASE_URL: pgUrlFor(name) }
}

let sqliteTemplate: Promise<string> | undefined

/**
 * A SQLite file migrated once per test worker (test time, issue 8): running
 * the migrations takes a few hundred milliseconds, copying a file almost
 * nothing, and hundreds of tests start on a fresh database. The app still
 * runs migrateToLatest at start, which finds nothing left to apply.
 */
function migratedSqliteTemplate(): Promise<string> {
  sqliteTemplate ??= (async () => {
    const folder = mkdtempSync(join(tmpdir(), 'loa-template-'))
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }))
    const path = join(folder, 'template.db')
    const { db } = openDatabase(path)
    await migrateToLatest(db)
    // Closing the only connection checkpoints the WAL: the one file holds the whole schema.
    await db.destroy()
    return path
  })()
  return sqliteTemplate
}

/** Drops the test's PostgreSQL database (nothing on SQLite: the folder goes with the files). */
export async function dropTestDatabase(dir: TempDir): Promise<void> {
  if (testDialect === 'sqlite') return
  const name = databaseNameFor(dir)
  await withPgAdmin((client) => client.query(`drop database if exists ${name} with (force)`))
}

/**
 * Makes every write `on` `table` (`insert`, or `update of state`) whose new row
 * matches `when` (`column = value` pairs) fail with `message`, as a crash or a
 * broken disk would; returns the undo. Written per engine: trigger syntax is
 * the one thing the tests cannot share.
 */
export async function failWrites(
  db: Db,
  spec: {
    table: 'delivery' | 'campaign'
    on: 'insert' | 'update of state'
    message: string
    when?: Record<string, string | number>
  },
): Promise<() => Promise<void>> {
  const table = sql.table(spec.table)
  const on = sql.raw(spec.on)
  const pairs = Object.entries(spec.when ?? {}).map(
    ([column, value]) => sql`new.${sql.ref(column)} = ${sql.lit(value)}`,
  )
  const condition = pairs.length === 0 ? sql`true` : sql.join(pairs, sql` and `)
  if (dialectOf(db) === 'sqlite') {
    await sql`create trigger test_fail before ${on} on ${table} when ${condition}
      begin select raise(abort, ${sql.lit(spec.message)}); end`.execute(db)
    return async () => {
      await sql`drop trigger test_fail`.execute(db)
    }
  }
  await sql`create function test_fail() returns trigger language plpgsql as $$
    begin if ${condition} then raise exception ${sql.lit(spec.message)}; end if; return new; end $$`.execute(
    db,
  )
  await sql`create trigger test_fail before ${on} on ${table}
    for each row execute function test_fail()`.execute(db)
  return async () => {
    await sql`drop trigger test_fail on ${table}`.execute(db)
    await sql`drop function test_fail()`.execute(db)
  }
}
