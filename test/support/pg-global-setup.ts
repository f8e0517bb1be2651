import { openPostgres } from '../../src/db/database.js'
import { migrateToLatest } from '../../src/db/migrator.js'
import {
  TEMPLATE_DATABASE,
  TEST_DATABASE_PREFIX,
  pgUrlFor,
  testPgUrl,
  withPgAdmin,
} from './test-database.js'

async function dropLeftovers(): Promise<void> {
  await withPgAdmin(async (client) => {
    const rows = await client.query<{ datname: string }>(
      `select datname from pg_database where datname like $1`,
      [`${TEST_DATABASE_PREFIX}%`],
    )
    for (const { datname } of rows.rows)
      await client.query(`drop database if exists ${datname} with (force)`)
  })
}

/**
 * Once per run, when a PostgreSQL server is configured: the template every
 * PostgreSQL test database is copied from, migrated here once (a copy takes a
 * few milliseconds; migrating each test's database would take far longer).
 */
export async function setup(): Promise<void> {
  if (testPgUrl === undefined) return
  await dropLeftovers()
  await withPgAdmin(async (client) => {
    await client.query(`drop database if exists ${TEMPLATE_DATABASE} with (force)`)
    await client.query(`create database ${TEMPLATE_DATABASE}`)
  })
  const { db } = openPostgres(pgUrlFor(TEMPLATE_DATABASE))
  try {
    await migrateToLatest(db)
  } finally {
    await db.destroy()
  }
}

export async function teardown(): Promise<void> {
  if (testPgUrl === undefined) return
  await dropLeftovers()
}
