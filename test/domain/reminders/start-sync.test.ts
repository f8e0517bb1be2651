import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startReminderSync } from '../../../src/domain/reminders/start-sync.js'
import type { ScheduledJob } from '../../../src/scheduler.js'
import { createTestDeps, type TestDeps } from '../../support/temp-db.js'
import { seedReportCampaign, seedWorld, type World } from '../../support/seed-world.js'

/**
 * The start's reminder sync as a job (issue 14): every campaign once, a failure
 * resumed from the campaign it stopped at, and the reminders job held until then.
 * Both campaigns are written by createCampaign, which plans no reminder.
 */
let deps: TestDeps
let world: World
let second: number

beforeEach(async () => {
  deps = await createTestDeps()
  world = await seedWorld(deps)
  second = await seedReportCampaign(deps, world, '2024-04-24')
})
afterEach(() => deps.close())

const campaignsWithRows = async () =>
  (
    await deps.db
      .selectFrom('reminder')
      .select('campaign_id')
      .distinct()
      .orderBy('campaign_id')
      .execute()
  ).map((r) => r.campaign_id)

describe('startReminderSync', () => {
  it('goes on from the campaign that failed, holding the reminders job until every one is done', async () => {
    let steps = 0
    const sync = startReminderSync({
      step: () => {
        steps++
        // The database goes away before the second campaign, once.
        return steps === 2 ? Promise.reject(new Error('database gone')) : Promise.resolve()
      },
    })
    let reminderRuns = 0
    const reminders: ScheduledJob = {
      nextDueAt: () => Promise.resolve('2024-04-15T01:00:00.000Z'),
      run: () => {
        reminderRuns++
        return Promise.resolve(true)
      },
    }
    const held = sync.after(reminders)
    expect(await sync.job.nextDueAt(deps)).not.toBeNull()

    await expect(sync.job.run(deps)).rejects.toThrow('database gone')
    expect(await campaignsWithRows()).toEqual([world.campaignId])
    expect(sync.isDone()).toBe(false)
    expect(await held.nextDueAt(deps)).toBeNull()
    expect(await held.run(deps)).toBe(false)
    expect(reminderRuns).toBe(0)

    expect(await sync.job.run(deps)).toBe(true)
    // The seeded campaign was not synced again: one step for the second campaign only.
    expect(steps).toBe(3)
    expect(await campaignsWithRows()).toEqual([world.campaignId, second].sort((a, b) => a - b))
    expect(sync.isDone()).toBe(true)
    expect(await sync.job.nextDueAt(deps)).toBeNull()
    expect(await held.nextDueAt(deps)).toBe('2024-04-15T01:00:00.000Z')
    expect(await held.run(deps)).toBe(true)
    expect(reminderRuns).toBe(1)
  })

  it('leaves a closed campaign without pending rows alone', async () => {
    await deps.db
      .updateTable('campaign')
      .set({ status: 'closed' })
      .where('id', '=', second)
      .execute()
    let steps = 0
    const sync = startReminderSync({
      step: () => {
        steps++
        return Promise.resolve()
      },
    })
    await sync.job.run(deps)
    expect(steps).toBe(1)
    expect(await campaignsWithRows()).toEqual([world.campaignId])
  })
})
