import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/clock.js'
import type { Deps } from '../../../src/domain/deps.js'
import { syncReminders } from '../../../src/domain/reminders/sync-reminders.js'
import { seedReportCampaign, seedWorld, type World } from '../../support/seed-world.js'
import { TestBot, type Person } from '../../support/test-bot.js'

/**
 * Issue 14: the start's reminder sync runs in the background, one campaign at a
 * time, instead of holding up polling. The seeded campaign is written by
 * createCampaign, which plans no reminder: exactly what a change cut short by a
 * crash leaves, and what the start's sync is for. Time moves only with the test clock.
 */
let t: TestBot
let world: World
let office: Person
/** While set, the start's sync of every app but `running` waits before its next campaign. */
let hold: Promise<void> | undefined
let running: Deps | undefined
let release: () => void = () => {}

/** Holds the next app's sync; not the running one's (on PostgreSQL it may start late). */
const holdSync = () => {
  running = t.app.deps
  hold = new Promise((resolve) => {
    release = () => {
      hold = undefined
      resolve()
    }
  })
}

beforeEach(async () => {
  hold = undefined
  running = undefined
  // 07:00 in Hà Nội on Monday 15/04/2024.
  t = await TestBot.start({
    clock: new ManualClock('2024-04-15T00:00:00Z'),
    reminderSyncStep: (deps) => (deps !== running && hold !== undefined ? hold : Promise.resolve()),
  })
  world = await seedWorld(t.app.deps)
  office = t.person({ id: 9, first_name: 'Văn', last_name: 'Phòng' })
})
afterEach(async () => {
  release()
  await t.stop()
})

const reminderRows = () =>
  t.db
    .selectFrom('reminder')
    .select(['id', 'key', 'state', 'created_at', 'campaign_id'])
    .orderBy('id')
    .execute()

describe('the reminder sync at start', () => {
  it('answers a command while the sync is not done, then plans what was missing', async () => {
    holdSync()
    // Resolves although the sync has not synced one campaign: start no longer waits for it.
    await t.restart()
    // Whatever the stopped app planned: gone, as if never planned (on SQLite it planned nothing).
    await t.db.deleteFrom('reminder').execute()
    await office.says('/trogiup', 'private')
    expect(t.lastBotText(office)).toContain(t.app.loa.i18n.t('vi', 'cmd-trogiup'))
    expect(await reminderRows()).toEqual([])

    release()
    await t.runSenderAt('2024-04-15T00:00:00Z')
    const rows = await reminderRows()
    // The participation activity (30/04) to every target unit, the report (05/05) to unit 1.
    expect(rows.length).toBeGreaterThan(0)
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length)
    expect(rows.every((r) => r.state === 'pending' && r.campaign_id === world.campaignId)).toBe(
      true,
    )
  })

  it('re-plans nothing on a restart when the reminders are planned', async () => {
    await t.restart()
    await t.runSenderAt('2024-04-15T00:00:00Z')
    const planned = await reminderRows()
    expect(planned.length).toBeGreaterThan(0)
    for (const at of ['2024-04-15T00:30:00Z', '2024-04-15T00:45:00Z']) {
      t.clock.set(at)
      await t.restart()
      await t.runSenderAt(at)
      expect(await reminderRows()).toEqual(planned)
    }
  })

  it('sends nothing of a campaign closed just before a crash: its due rows are skipped', async () => {
    // A second campaign (synced after the seeded one) with a report due Wednesday 17/04.
    const closing = await seedReportCampaign(t.app.deps, world, '2024-04-17')
    await syncReminders(t.app.deps, closing)
    // closeCampaign committed, then the process died before re-planning (campaigns.ts).
    await t.db.updateTable('campaign').set({ status: 'closed' }).where('id', '=', closing).execute()
    const at = '2024-04-17T01:30:00Z' // 08:30 on the due day: the 08:00 reminder is due.
    const due = await t.db
      .selectFrom('reminder')
      .select('id')
      .where('campaign_id', '=', closing)
      .where('state', '=', 'pending')
      .where('scheduled_at', '<=', at)
      .execute()
    expect(due.length).toBeGreaterThan(0)

    t.clock.set(at)
    await t.restart()
    await t.runSenderAt(at)
    const rows = await t.db
      .selectFrom('reminder')
      .select('state')
      .where('campaign_id', '=', closing)
      .execute()
    expect(rows.map((r) => r.state)).toEqual(rows.map(() => 'skipped'))
    const queued = await t.db.selectFrom('outbound_message').select('kind').execute()
    expect(queued.filter((m) => m.kind === 'reminder')).toEqual([])
  })
})
