import type { Db } from '../../db/database.js'
import { localDate } from '../broadcasts/parse-when.js'
import { loadCalendarOverrides } from '../calendar/calendar-repository.js'
import type { Deps } from '../deps.js'
import type { OutboundItem } from '../outbound/outbound.js'
import { pendingMembers } from '../reminders/reminder-audience.js'
import type { ReminderRenderer } from '../reminders/reminder-renderer.js'
import { urgentReminderTimes } from './urgent-times.js'

/** The reminder kind of urgent broadcasts (issue 12); its rows carry no campaign, so the deadline planner leaves them alone. */
export const URGENT_KIND = 'urgent'

/**
 * Plans the private reminders of urgent broadcasts about to be scheduled:
 * one `reminder` row per (broadcast, nth time), keyed, written in the caller's
 * transaction. The dispatcher (send-due-reminders.ts) sends each once, to whoever
 * is still pending then, so an acknowledgement stops them.
 */
export async function planUrgentReminders(
  deps: Deps,
  db: Db,
  broadcasts: readonly { id: number; sendAt: string }[],
  createdAt: string,
): Promise<number> {
  if (broadcasts.length === 0) return 0
  const overrides = await loadCalendarOverrides(db)
  const rows = broadcasts.flatMap((b) =>
    urgentReminderTimes({
      sendAt: new Date(b.sendAt),
      timeZone: deps.config.timezone,
      overrides,
    }).map((at, i) => ({
      key: `${URGENT_KIND}:${b.id}:${i + 1}`,
      kind: URGENT_KIND,
      campaign_id: null,
      activity_id: null,
      broadcast_id: b.id,
      unit_id: null,
      member_id: null,
      due_on: null,
      scheduled_at: at.toISOString(),
      slot: `u${i + 1}`,
      audience: 'unit' as const,
      created_at: createdAt,
    })),
  )
  if (rows.length === 0) return 0
  await db
    .insertInto('reminder')
    .values(rows)
    .onConflict((oc) => oc.column('key').doNothing())
    .execute()
  return rows.length
}

/**
 * One urgent reminder, computed now: a private message with «✅ Đã đọc» to
 * each member of the target units who has started Loa, has not acknowledged
 * and is not away. Reads only; keys start with `keyPrefix`.
 */
export async function expandUrgentReminder(
  deps: Deps,
  db: Db,
  renderer: ReminderRenderer,
  target: { broadcastId: number; slot: string },
  keyPrefix: string,
): Promise<OutboundItem[]> {
  const broadcast = await db
    .selectFrom('broadcast')
    .innerJoin('campaign', 'campaign.id', 'broadcast.campaign_id')
    .select(['broadcast.id', 'broadcast.status', 'broadcast.recalled_at', 'campaign.title'])
    .where('broadcast.id', '=', target.broadcastId)
    .executeTakeFirst()
  // A recalled broadcast (issue 12, «Thu hồi») is owed nothing any more.
  if (
    broadcast === undefined ||
    broadcast.recalled_at !== null ||
    !['sending', 'sent'].includes(broadcast.status)
  )
    return []
  const units = await db
    .selectFrom('broadcast_target')
    .select('unit_id')
    .where('broadcast_id', '=', target.broadcastId)
    .execute()
  const now = deps.clock.now()
  const today = localDate(now, deps.config.timezone)
  const items: OutboundItem[] = []
  const nth = Number(target.slot.slice(1)) || 1
  for (const { unit_id: unitId } of units) {
    for (const person of await pendingMembers(db, target.broadcastId, unitId, today)) {
      if (person.privateChatId === null) continue
      const locale = renderer.localeOf(person.language)
      items.push({
        key: `${keyPrefix}:m${person.memberId}`,
        kind: 'reminder',
        chatId: person.privateChatId,
        payload: {
          html: renderer.t(locale, 'urgent-reminder', {
            id: broadcast.id,
            campaign: broadcast.title,
            nth,
          }),
          buttons: [[renderer.acknowledgeButton(locale, broadcast.id)]],
        },
        notBefore: now.toISOString(),
      })
    }
  }
  return items
}
