import { pino } from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/run-cli.js'
import { ManualClock } from '../../src/clock.js'
import { loadConfig } from '../../src/config.js'
import { openDatabase } from '../../src/db/database.js'
import { migrateToLatest } from '../../src/db/migrator.js'
import type { Deps } from '../../src/domain/deps.js'
import { syncReminders } from '../../src/domain/reminders/sync-reminders.js'
import { seedWorld } from '../support/seed-world.js'
import { makeTempDir, type TempDir } from '../support/temp-db.js'

let dir: TempDir
let out: string[]
let err: string[]
// 07:00 in Hà Nội on Monday 15/04/2024.
const clock = new ManualClock('2024-04-15T00:00:00Z')
const config = () => loadConfig({ DATABASE_PATH: dir.file('loa.db') })

function cli(...argv: string[]) {
  return runCli(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    config: config(),
    logger: pino({ level: 'silent' }),
    clock,
  })
}

beforeEach(async () => {
  dir = makeTempDir()
  out = []
  err = []
  const database = openDatabase(config().databasePath)
  await migrateToLatest(database.db)
  const deps: Deps = { db: database.db, clock, logger: pino({ level: 'silent' }), config: config() }
  const world = await seedWorld(deps, { groups: 2, campaign: { activities: [] } })
  const broadcast = await deps.db
    .insertInto('broadcast')
    .values({
      campaign_id: world.campaignId,
      series_id: null,
      source_chat_id: 9,
      source_message_ids: '[1]',
      slogan: null,
      send_at: '2024-04-15T01:00:00.000Z',
      confirm_by: '2024-04-22',
      status: 'sent',
      created_by: null,
      reviewed_by: null,
      reviewed_at: null,
      review_note: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await deps.db
    .insertInto('broadcast_target')
    .values(world.units.map((u) => ({ broadcast_id: broadcast.id, unit_id: u.id })))
    .execute()
  await syncReminders(deps, world.campaignId)
  await database.db.destroy()
})
afterEach(() => dir.remove())

describe('loa reminders and loa calendar', () => {
  it('lists the planned reminders as JSON with offsets, and re-plans them when a day off is added', async () => {
    expect(await cli('reminders', 'NGAYSACH2024', '--json')).toBe(0)
    const before = JSON.parse(out.join('\n')) as Record<string, unknown>[]
    expect(before[0]).toEqual({
      kind: 'broadcast',
      slot: 'd3',
      item: 'broadcast:1',
      itemTitle: null,
      audience: 'U1',
      dueOn: '2024-04-22',
      plannedAt: '2024-04-16T08:00:00+07:00',
      state: 'pending',
      sentAt: null,
      messages: null,
    })
    expect(before).toHaveLength(9)

    out = []
    expect(await cli('calendar', 'add-holiday', '2024-04-17', 'Nghỉ', 'bù')).toBe(0)
    expect(out).toEqual(['2024-04-17: day off added; reminders re-planned.'])
    out = []
    expect(await cli('reminders', 'NGAYSACH2024', '--json')).toBe(0)
    const after = JSON.parse(out.join('\n')) as { slot: string; plannedAt: string; state: string }[]
    // Three working days before 22/04 are now 19, 16 and 15/04; the 16/04 rows are withdrawn.
    expect(after.filter((r) => r.slot === 'd3').map((r) => `${r.plannedAt} ${r.state}`)).toEqual([
      '2024-04-15T08:00:00+07:00 pending',
      '2024-04-15T08:00:00+07:00 pending',
      '2024-04-16T08:00:00+07:00 skipped',
      '2024-04-16T08:00:00+07:00 skipped',
    ])
    out = []
    expect(await cli('calendar', 'list')).toBe(0)
    expect(out).toEqual(['2024-04-17  holiday  Nghỉ bù'])
  })

  it('refuses a date it cannot read and an unknown campaign, with an example', async () => {
    expect(await cli('calendar', 'add-workday', '04/05/2024')).toBe(1)
    expect(err.at(-1)).toBe(
      '"04/05/2024" is not a date. Example: loa calendar add-workday 2026-05-04 Nghỉ bù',
    )
    expect(await cli('reminders', 'KHONGCO')).toBe(1)
    expect(err.at(-1)).toBe(
      'No campaign KHONGCO. Known: NGAYSACH2024. Example: loa reminders NGAYSACH2024',
    )
    expect(await cli('calendar', 'remove', '2024-04-17')).toBe(2)
    out = []
    expect(await cli('reminders', 'NGAYSACH2024')).toBe(0)
    expect(out[0]).toBe('NGAYSACH2024: 9 reminders')
    expect(out[1]).toBe('2024-04-16T08:00:00+07:00  broadcast/d3  broadcast:1 → U1  pending')
  })
})
