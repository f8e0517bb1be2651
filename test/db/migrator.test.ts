import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/db/database.js'
import { migrateToLatest } from '../../src/db/migrator.js'
import { backupDatabase } from '../../src/db/backup.js'
import { makeTempDir, type TempDir } from '../support/temp-db.js'
import { migrations } from '../../migrations/index.js'

let dir: TempDir
afterEach(() => dir.remove())

describe('migrations', () => {
  it('build the whole schema on an empty database, in WAL mode with foreign keys', async () => {
    dir = makeTempDir()
    const database = openDatabase(dir.file('loa.db'))
    expect(await migrateToLatest(database.db)).toEqual(Object.keys(migrations))
    const tables = database.sqlite
      .prepare(
        `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name`,
      )
      .all()
      .map((r) => (r as { name: string }).name)
    expect(tables).toEqual([
      'absence',
      'acknowledgement',
      'activity',
      'audit_log',
      'broadcast',
      'broadcast_target',
      'calendar_day',
      'campaign',
      'campaign_target',
      'chat_membership',
      'chat_notice',
      'delivery',
      'delivery_message',
      'goal_notice',
      'inbound_update',
      'member',
      'outbound_message',
      'participation',
      'pending_action',
      'reminder',
      'report_submission',
      'task_completion',
      'unit',
      'unit_chat',
    ])
    expect(database.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(database.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    // A second run has nothing to do.
    expect(await migrateToLatest(database.db)).toEqual([])
    // Foreign keys are enforced, not decorative.
    expect(() =>
      database.sqlite
        .prepare(`insert into unit_chat (unit_id, chat_id, title) values (999, -1, 'x')`)
        .run(),
    ).toThrow(/FOREIGN KEY/)
    await database.db.destroy()
  })

  it('index every foreign key: the child column leads some index (cascades and joins never scan)', async () => {
    dir = makeTempDir()
    const database = openDatabase(dir.file('loa.db'))
    await migrateToLatest(database.db)
    const tables = database.sqlite
      .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`)
      .all()
      .map((r) => (r as { name: string }).name)
    const missing: string[] = []
    for (const table of tables) {
      const keys = database.sqlite.pragma(`foreign_key_list(${table})`) as { from: string }[]
      const indexes = database.sqlite.pragma(`index_list(${table})`) as { name: string }[]
      const leading = new Set(
        indexes.map(
          (i) => (database.sqlite.pragma(`index_info(${i.name})`) as { name: string }[])[0]?.name,
        ),
      )
      for (const key of keys) if (!leading.has(key.from)) missing.push(`${table}.${key.from}`)
    }
    expect(missing).toEqual([])
    await database.db.destroy()
  })

  it('back up online into a consistent copy', async () => {
    dir = makeTempDir()
    const database = openDatabase(dir.file('loa.db'))
    await migrateToLatest(database.db)
    await database.db
      .insertInto('unit')
      .values({ code: 'VP', name: 'Văn phòng Sở', parent_id: null })
      .execute()
    await backupDatabase(database, dir.file('copy.db'))
    await database.db.destroy()
    const copy = openDatabase(dir.file('copy.db'))
    expect(await copy.db.selectFrom('unit').select(['code', 'name']).execute()).toEqual([
      { code: 'VP', name: 'Văn phòng Sở' },
    ])
    await copy.db.destroy()
  })
})
