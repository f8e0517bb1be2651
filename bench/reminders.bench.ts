import { bench, describe } from 'vitest'
import { confirmBroadcast } from '../src/domain/broadcasts/schedule-broadcast.js'
import type { ReminderRenderer } from '../src/domain/reminders/reminder-renderer.js'
import { nextReminderDueAt, sendDueReminders } from '../src/domain/reminders/send-due-reminders.js'
import { seedWorld, type World } from '../test/support/seed-world.js'
import { createTestDeps, type TestDeps } from '../test/support/temp-db.js'

/**
 * Reminders at 300 units (issue 10): the scheduler's lookup must not grow with
 * the number of future rows, and expanding one due slot for every unit (group
 * message, private messages, heads) into the outbound queue must stay far
 * below the time Telegram needs to send it (300 groups ≈ 10 s at 30/s).
 */
let deps: TestDeps
let world: World
let ready: Promise<void> | undefined
const renderer: ReminderRenderer = {
  defaultLocale: 'vi',
  localeOf: () => 'vi',
  t: (_l, key, args) => `${key} ${JSON.stringify(args ?? {})}`,
  acknowledgeButton: (_l, id) => ({ text: '✅ Đã đọc', callbackData: `v1:a:${id}` }),
  participateButton: (_l, id) => ({ text: '🙋', callbackData: `v1:pc:${id}` }),
  taskDoneButton: (_l, id) => ({ text: '✅', callbackData: `v1:td:${id}` }),
}

function setUp(): Promise<void> {
  ready ??= (async () => {
    deps = await createTestDeps()
    world = await seedWorld(deps, { groups: 300, campaign: { activities: [] } })
    // Twenty broadcasts with a deadline: 20 × 300 units × 4 slots of future rows.
    for (let i = 0; i < 20; i++) {
      const result = await confirmBroadcast(deps, {
        campaignCode: world.campaignCode,
        when: 'ngay',
        deadline: '30/04',
        unitCodes: [],
        sourceChatId: 9,
        sourceMessageIds: [100 + i],
        createdByMemberId: world.officeId,
        actorTelegramId: 9,
      })
      if (!result.ok) throw new Error(result.error.code)
    }
    await deps.db.updateTable('delivery').set({ state: 'sent', message_id: 1 }).execute()
  })()
  return ready
}

describe('reminders at 300 units', () => {
  bench('nextReminderDueAt with ~24,000 future rows', async () => {
    await setUp()
    await nextReminderDueAt(deps)
  })

  bench(
    'one due slot for 300 units of one broadcast, expanded into the queue',
    async () => {
      await setUp()
      const first = await deps.db
        .selectFrom('reminder')
        .select(['broadcast_id', 'scheduled_at'])
        .orderBy('scheduled_at')
        .limit(1)
        .executeTakeFirstOrThrow()
      await deps.db.deleteFrom('outbound_message').execute()
      await deps.db
        .updateTable('reminder')
        .set({ state: 'pending', sent_at: null })
        .where('broadcast_id', '=', first.broadcast_id)
        .where('scheduled_at', '=', first.scheduled_at)
        .execute()
      deps.clock.set(first.scheduled_at)
      await sendDueReminders(deps, renderer)
    },
    { iterations: 5 },
  )
})
