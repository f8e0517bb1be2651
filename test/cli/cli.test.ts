import { execFile } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { pino } from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { openDatabase } from '../../src/db/database.js'
import { runCli } from '../../src/cli/run-cli.js'
import { startupConfig } from '../../src/startup.js'
import { makeTempDir, type TempDir } from '../support/temp-db.js'
import { migrations } from '../../migrations/index.js'

const run = promisify(execFile)
let dir: TempDir
let out: string[]
let err: string[]

beforeEach(() => {
  dir = makeTempDir()
  out = []
  err = []
})
afterEach(() => dir.remove())

function cli(...argv: string[]) {
  return runCli(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    config: loadConfig({ DATABASE_PATH: dir.file('loa.db') }),
    logger: pino({ level: 'silent' }),
  })
}

describe('loa CLI', () => {
  it.each([
    ['units', 'import'],
    ['roster', 'import'],
    ['plan', 'import'],
  ])('%s %s names a missing file in one line (issue 11, point 8)', async (what, sub) => {
    const missing = dir.file('khong-co.csv')
    expect(await cli(what, sub, missing)).toBe(1)
    expect(err).toEqual([`loa: ${missing}: no such file`])
    expect(out).toEqual([])
  })

  it('a missing file through the real command line prints one line, no stack', async () => {
    const missing = dir.file('ke-hoach.docx')
    const failure = await run(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'plan', 'import', missing, '--dry-run'],
      { env: { PATH: process.env['PATH'] ?? '', DATABASE_PATH: dir.file('loa.db') } },
    ).catch((error: { code: number; stderr: string }) => error)
    expect(failure).toMatchObject({ code: 1, stderr: `loa: ${missing}: no such file\n` })
  })

  it('migrate brings an empty database to the newest schema, then has nothing to do', async () => {
    expect(await cli('migrate')).toBe(0)
    expect(out).toEqual([`Applied: ${Object.keys(migrations).join(', ')}`])
    expect(await cli('migrate')).toBe(0)
    expect(out.at(-1)).toBe('Database is up to date.')
  })

  it('units import and roster import', async () => {
    writeFileSync(
      dir.file('units.csv'),
      'code,name,parent_code\nSO,Sở Nội vụ,\nVP,Văn phòng Sở,SO\n',
    )
    writeFileSync(
      dir.file('roster.csv'),
      'unit_code,full_name,telegram_id,username,role\nVP,Nguyễn Thị Lan,1001,,office\n',
    )
    expect(await cli('units', 'import', dir.file('units.csv'))).toBe(0)
    expect(await cli('roster', 'import', dir.file('roster.csv'))).toBe(0)
    expect(out).toEqual(['units: 2 created, 0 updated.', 'roster: 1 created, 0 updated.'])
  })

  it('refuses a bad CSV whole, reporting each bad row by line and column', async () => {
    writeFileSync(
      dir.file('units.csv'),
      'code,name,parent_code\nVP,Văn phòng Sở,\nVăn phòng,,\nKT,Kế toán,ZZ\n',
    )
    expect(await cli('units', 'import', dir.file('units.csv'))).toBe(1)
    expect(err).toEqual([
      `${dir.file('units.csv')}: nothing imported, 3 problem(s):`,
      '  line 3, column code: a code of letters and digits without diacritics, like VP or TTCNTT',
      '  line 3, column name: a unit name, like Văn phòng Sở',
      '  line 4, column parent_code: unknown unit code ZZ',
    ])
    const { db } = openDatabase(dir.file('loa.db'))
    expect(await db.selectFrom('unit').selectAll().execute()).toEqual([])
    await db.destroy()
  })

  it('backup writes a consistent copy and never overwrites one', async () => {
    writeFileSync(dir.file('units.csv'), 'code,name,parent_code\nVP,Văn phòng Sở,\n')
    await cli('units', 'import', dir.file('units.csv'))
    expect(await cli('backup', dir.file('copy.db'))).toBe(0)
    const copy = openDatabase(dir.file('copy.db'))
    expect(await copy.db.selectFrom('unit').select('code').execute()).toEqual([{ code: 'VP' }])
    await copy.db.destroy()
    expect(await cli('backup', dir.file('copy.db'))).toBe(1)
    expect(err.at(-1)).toContain('exists already')
  })

  it('answers a wrong invocation with usage and exit code 2', async () => {
    expect(await cli('frobnicate')).toBe(2)
    expect(err.join('\n')).toContain('unknown command "frobnicate"')
    expect(err.join('\n')).toContain('units import <file.csv>')
  })
})

describe('npm start refuses a bad environment (checked in-process: main.ts prints this line and exits 1)', () => {
  it('without BOT_TOKEN: one line naming the variable and @BotFather', () => {
    expect(startupConfig({ DATABASE_PATH: dir.file('loa.db') })).toEqual({
      ok: false,
      message:
        'Loa cannot start: BOT_TOKEN: expected the token @BotFather gave you (open https://t.me/BotFather, /newbot), like 123456789:AAE…',
    })
  })

  it('with a bad variable names it', () => {
    expect(startupConfig({ TIMEZONE: 'Hanoi' })).toEqual({
      ok: false,
      message: 'Loa cannot start: TIMEZONE: expected an IANA time zone, like Asia/Ho_Chi_Minh',
    })
  })
})
