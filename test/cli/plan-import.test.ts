import { readFileSync, writeFileSync } from 'node:fs'
import { pino } from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { openDatabase } from '../../src/db/database.js'
import { runCli } from '../../src/cli/run-cli.js'
import { parsePlan } from '../../src/domain/plans/parse-plan.js'
import { makeTempDir, type TempDir } from '../support/temp-db.js'

const SEED = new URL('../fixtures/plans/seeds/000_fcb74c43ec1f80d8.txt', import.meta.url).pathname
let dir: TempDir
let out: string[]
let err: string[]

beforeEach(() => {
  dir = makeTempDir()
  out = []
  err = []
})
afterEach(() => dir.remove())

const cli = (...argv: string[]) =>
  runCli(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    config: loadConfig({ DATABASE_PATH: dir.file('loa.db') }),
    logger: pino({ level: 'silent' }),
  })

async function campaigns() {
  const { db } = openDatabase(dir.file('loa.db'))
  const rows = await db
    .selectFrom('campaign')
    .select(['code', 'title', 'period_start', 'period_end', 'status'])
    .execute()
  const activities = await db
    .selectFrom('activity')
    .select(['kind', 'due_on'])
    .orderBy('position')
    .execute()
  await db.destroy()
  return { rows, activities }
}

describe('loa plan import', () => {
  it('--json --dry-run prints exactly the parsed plan and creates nothing', async () => {
    expect(await cli('plan', 'import', SEED, '--json', '--dry-run')).toBe(0)
    expect(out).toHaveLength(1)
    expect(JSON.parse(out[0]!)).toEqual(parsePlan(readFileSync(SEED, 'utf8')))
    expect(err).toEqual([])
  })

  it('creates the campaign with its activities, and warns instead of duplicating on a second import', async () => {
    await cli('migrate')
    expect(await cli('plan', 'import', SEED)).toBe(0)
    const { rows, activities } = await campaigns()
    expect(rows).toEqual([
      expect.objectContaining({
        period_start: '2024-04-15',
        period_end: '2024-05-01',
        status: 'draft',
      }),
    ])
    expect(rows[0]!.code).toMatch(/^[A-Z0-9-]{2,20}$/)
    expect(activities).toEqual([
      // Issue 16, rules 9 and 2: a task for the units, and Văn phòng's compound duty as two.
      { kind: 'task', due_on: null },
      { kind: 'task', due_on: null },
      { kind: 'report', due_on: '2024-05-05' },
    ])
    expect(await cli('plan', 'import', SEED)).toBe(1)
    expect(err.at(-1)).toContain(`Already imported as campaign ${rows[0]!.code}`)
    expect((await campaigns()).rows).toHaveLength(1)
  })

  it('refuses junk and oversized files, creating nothing', async () => {
    writeFileSync(dir.file('junk.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]))
    expect(await cli('plan', 'import', dir.file('junk.txt'))).toBe(1)
    expect(err.at(-1)).toContain('not readable text')
    writeFileSync(dir.file('huge.txt'), 'KẾ HOẠCH\n'.padEnd(2 * 1024 * 1024 + 10, 'x'))
    expect(await cli('plan', 'import', dir.file('huge.txt'))).toBe(1)
    expect(err.at(-1)).toContain('at most 2097152 bytes')
    writeFileSync(dir.file('note.txt'), 'Chiều nay họp lúc 3 giờ.')
    expect(await cli('plan', 'import', dir.file('note.txt'))).toBe(1)
    expect(err.at(-1)).toContain('does not read as a Kế hoạch')
    await cli('migrate')
    expect((await campaigns()).rows).toEqual([])
  })
})
