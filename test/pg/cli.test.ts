import { randomBytes } from 'node:crypto'
import { pino } from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { runCli } from '../../src/cli/run-cli.js'
import { TEST_DATABASE_PREFIX, pgUrlFor, withPgAdmin } from '../support/test-database.js'

// An empty database of its own, not a copy of the migrated template: migrate starts from nothing.
const name = `${TEST_DATABASE_PREFIX}cli${randomBytes(4).toString('hex')}`
let out: string[]
let err: string[]

beforeEach(async () => {
  out = []
  err = []
  await withPgAdmin((client) => client.query(`create database ${name}`))
})
afterEach(() => withPgAdmin((client) => client.query(`drop database ${name} with (force)`)))

function cli(...argv: string[]) {
  return runCli(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    config: loadConfig({ DATABASE_URL: pgUrlFor(name) }),
    logger: pino({ level: 'silent' }),
  })
}

describe('loa CLI on PostgreSQL (PRODUCT §11)', () => {
  it('migrate brings an empty database to the newest schema, then has nothing to do', async () => {
    expect(await cli('migrate')).toBe(0)
    expect(out).toEqual([expect.stringMatching(/^Applied: 0001-initial, 0002-/)])
    expect(await cli('migrate')).toBe(0)
    expect(out.at(-1)).toBe('Database is up to date.')
  })

  it('backup points to pg_dump and exits 2, writing nothing', async () => {
    expect(await cli('backup', '/tmp/never-written.db')).toBe(2)
    expect(err).toEqual([expect.stringMatching(/PostgreSQL: back it up with pg_dump/)])
    expect(out).toEqual([])
  })
})
