import type { Db } from '../../db/database.js'

export interface ReminderListing {
  kind: string
  slot: string
  /** `broadcast:3`, `activity:5`, or `manual` for /nhacnho. */
  item: string
  itemTitle: string | null
  /** A unit's code, or `office`. */
  audience: string
  dueOn: string | null
  plannedAt: string
  state: string
  sentAt: string | null
  messages: number | null
}

/** `loa reminders <MÃ>`: every reminder row of a campaign, planned time order. */
export async function listReminders(db: Db, campaignId: number): Promise<ReminderListing[]> {
  const rows = await db
    .selectFrom('reminder')
    .leftJoin('unit', 'unit.id', 'reminder.unit_id')
    .leftJoin('activity', 'activity.id', 'reminder.activity_id')
    .select([
      'reminder.kind',
      'reminder.slot',
      'reminder.broadcast_id',
      'reminder.activity_id',
      'activity.title',
      'unit.code',
      'reminder.audience',
      'reminder.due_on',
      'reminder.scheduled_at',
      'reminder.state',
      'reminder.sent_at',
      'reminder.message_count',
    ])
    .where('reminder.campaign_id', '=', campaignId)
    .orderBy('reminder.scheduled_at')
    .orderBy('reminder.id')
    .execute()
  return rows.map((r) => ({
    kind: r.kind,
    slot: r.slot,
    item:
      r.broadcast_id !== null
        ? `broadcast:${r.broadcast_id}`
        : r.activity_id !== null
          ? `activity:${r.activity_id}`
          : 'manual',
    itemTitle: r.title,
    audience: r.audience === 'office' ? 'office' : (r.code ?? '?'),
    dueOn: r.due_on,
    plannedAt: r.scheduled_at,
    state: r.state,
    sentAt: r.sent_at,
    messages: r.message_count,
  }))
}
