import type { Db } from '../../db/database.js'
import type { IsoDate } from '../calendar/working-days.js'

/**
 * What is due in a campaign (PRODUCT §4): a broadcast's confirmation deadline,
 * and its activities with a due date. `unitIds` are the units concerned: the
 * broadcast's targets, the campaign's targets for a report or participation
 * activity, the lead unit for a task.
 */
export type DueKind = 'broadcast' | 'report' | 'task' | 'participation'

export interface DueItem {
  kind: DueKind
  /** broadcast.id or activity.id. */
  itemId: number
  dueOn: IsoDate
  unitIds: number[]
  /** Reminders of a broadcast before it goes out make no sense: nothing to confirm yet. */
  notBefore: string | null
}

/** Broadcasts still going out or out; a cancelled or rejected one owes nothing. */
const LIVE_BROADCAST = ['awaiting_approval', 'scheduled', 'sending', 'sent'] as const

/**
 * What a change touched when it is only some broadcasts (scheduled, approved,
 * cancelled, recalled): their deadlines are planned, the campaign's other items
 * left as they are, so confirming a broadcast does not re-plan every activity of
 * its campaign in the office's transaction (issue 14, scenario 1: 300 ms).
 */
export interface ReminderScope {
  broadcastIds: readonly number[]
}

export async function loadDueItems(
  db: Db,
  campaignId: number,
  only?: ReminderScope,
): Promise<DueItem[]> {
  if (only?.broadcastIds.length === 0) return []
  const campaign = await db
    .selectFrom('campaign')
    .select(['status'])
    .where('id', '=', campaignId)
    .executeTakeFirst()
  if (campaign === undefined || campaign.status === 'closed') return []
  const items: DueItem[] = []

  let live = db
    .selectFrom('broadcast')
    .select(['id', 'confirm_by', 'send_at'])
    .where('campaign_id', '=', campaignId)
    .where('confirm_by', 'is not', null)
    .where('status', 'in', [...LIVE_BROADCAST])
    // Issue 12: a recalled broadcast owes nothing.
    .where('recalled_at', 'is', null)
  if (only !== undefined) live = live.where('id', 'in', only.broadcastIds)
  const broadcasts = await live.execute()
  if (broadcasts.length > 0) {
    const targets = await db
      .selectFrom('broadcast_target')
      .select(['broadcast_id', 'unit_id'])
      .where(
        'broadcast_id',
        'in',
        broadcasts.map((b) => b.id),
      )
      .execute()
    for (const b of broadcasts) {
      items.push({
        kind: 'broadcast',
        itemId: b.id,
        dueOn: b.confirm_by ?? '',
        unitIds: targets.filter((t) => t.broadcast_id === b.id).map((t) => t.unit_id),
        notBefore: b.send_at,
      })
    }
  }

  // Activities are chased only while their campaign runs (a draft is still being prepared).
  if (campaign.status !== 'active' || only !== undefined) return items
  const activities = await db
    .selectFrom('activity')
    .select(['id', 'kind', 'due_on', 'lead_unit_id'])
    .where('campaign_id', '=', campaignId)
    .where('due_on', 'is not', null)
    .execute()
  const campaignUnits = (
    await db
      .selectFrom('campaign_target')
      .select('unit_id')
      .where('campaign_id', '=', campaignId)
      .execute()
  ).map((t) => t.unit_id)
  for (const a of activities) {
    const unitIds =
      a.kind === 'task' ? (a.lead_unit_id === null ? [] : [a.lead_unit_id]) : campaignUnits
    if (unitIds.length === 0) continue
    items.push({ kind: a.kind, itemId: a.id, dueOn: a.due_on ?? '', unitIds, notBefore: null })
  }
  return items
}
