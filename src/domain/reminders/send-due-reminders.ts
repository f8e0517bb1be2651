import { nowIso, type Deps } from '../deps.js'
import { enqueueOutbound } from '../outbound/outbound.js'
import { outOfQuietHours } from './plan-reminders.js'
import type { DueKind } from './due-items.js'
import { expandReminder } from './reminder-messages.js'
import type { ReminderRenderer } from './reminder-renderer.js'

/** Rows handled per run; the scheduler runs again at once while more are due. */
const BATCH = 100

/**
 * The earliest planned reminder not yet sent: what the scheduler waits for.
 * One indexed lookup (reminder_queue_idx on state, scheduled_at), whatever the
 * number of future rows.
 */
export async function nextReminderDueAt(deps: Deps): Promise<string | null> {
  const row = await deps.db
    .selectFrom('reminder')
    .select('scheduled_at')
    .where('state', '=', 'pending')
    .orderBy('scheduled_at')
    .limit(1)
    .executeTakeFirst()
  return row?.scheduled_at ?? null
}

export interface DueRunStats {
  sent: number
  skipped: number
  messages: number
}

/**
 * Sends what is due (PRODUCT §4, issue 10 "durable and exactly once"). Of the
 * due rows of one item and audience only the latest is sent, the older ones
 * marked skipped: after a stop over several reminder times, the latest missed
 * one goes out once, and past the due day only the overdue notice. Each row is
 * expanded into outbound_message rows in ONE transaction that also marks it
 * sent, so a crash leaves it either wholly queued or still pending, never
 * both; the outbox then sends under Telegram's limits. In quiet hours the
 * messages are queued not before 07:00.
 */
export async function sendDueReminders(
  deps: Deps,
  renderer: ReminderRenderer,
): Promise<DueRunStats> {
  const stats: DueRunStats = { sent: 0, skipped: 0, messages: 0 }
  const now = nowIso(deps)
  const due = await deps.db
    .selectFrom('reminder')
    .select([
      'id',
      'kind',
      'broadcast_id',
      'activity_id',
      'unit_id',
      'audience',
      'slot',
      'due_on',
      'scheduled_at',
    ])
    .where('state', '=', 'pending')
    .where('scheduled_at', '<=', now)
    .orderBy('scheduled_at', 'desc')
    .limit(BATCH)
    .execute()
  // Newest first: the first row seen of an item and audience is the one to send.
  const latest = new Map<string, (typeof due)[number]>()
  for (const row of due) {
    const group = `${row.kind}:${row.broadcast_id ?? row.activity_id}:${row.audience}:${row.unit_id}`
    if (!latest.has(group)) latest.set(group, row)
  }
  const notBefore = outOfQuietHours(deps.clock.now(), deps.config.timezone).toISOString()
  for (const row of latest.values()) {
    const itemId = row.broadcast_id ?? row.activity_id
    if (itemId === null) continue
    const queued = await deps.db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('reminder')
        .set({ state: 'sent', sent_at: now })
        .where('id', '=', row.id)
        .where('state', '=', 'pending')
        .executeTakeFirst()
      // Another run (or instance, PRODUCT §11) took it.
      if (Number(claimed.numUpdatedRows) === 0) return null
      // Older missed rows of the same item and audience are superseded by this one, in any batch.
      const older = await trx
        .updateTable('reminder')
        .set({ state: 'skipped', message_count: 0 })
        .where('state', '=', 'pending')
        .where('kind', '=', row.kind)
        .where(row.broadcast_id === null ? 'activity_id' : 'broadcast_id', '=', itemId)
        .where('audience', '=', row.audience)
        .where('unit_id', row.unit_id === null ? 'is' : '=', row.unit_id)
        .where('scheduled_at', '<', row.scheduled_at)
        .executeTakeFirst()
      stats.skipped += Number(older.numUpdatedRows)
      const expanded = await expandReminder(
        deps,
        trx,
        renderer,
        {
          kind: row.kind as DueKind,
          itemId,
          unitId: row.unit_id,
          slot: row.slot,
          dueOn: row.due_on ?? '',
        },
        `rem:${row.id}`,
      )
      const items = expanded.items.map((item) => ({ ...item, notBefore }))
      await enqueueOutbound(trx, items, now)
      await trx
        .updateTable('reminder')
        .set({ message_count: items.length, state: items.length === 0 ? 'skipped' : 'sent' })
        .where('id', '=', row.id)
        .execute()
      return items.length
    })
    if (queued === null) continue
    if (queued === 0) stats.skipped++
    else stats.sent++
    stats.messages += queued
  }
  if (due.length === BATCH) {
    const more = await sendDueReminders(deps, renderer)
    stats.sent += more.sent
    stats.skipped += more.skipped
    stats.messages += more.messages
  }
  return stats
}
