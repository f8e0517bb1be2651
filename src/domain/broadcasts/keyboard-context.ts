import type { Db } from '../../db/database.js'
import { currentParticipationActivity } from '../campaigns/campaign-queries.js'
import type { Deps } from '../deps.js'
import { localDate } from './parse-when.js'

/**
 * What the keyboard of one delivered copy shows (PRODUCT §3): "✅ Đã đọc (N)"
 * and, while the campaign has an open participation activity, "🙋 Tham gia (N)".
 * Counts are this group's: each copy counts the members who acted on it, so one
 * tap dirties one message, not every copy of the broadcast.
 */
export interface KeyboardContext {
  deliveryId: number
  broadcastId: number
  campaignId: number
  chatId: number
  unitId: number
  ackCount: number
  participation: { activityId: number; count: number } | null
}

/**
 * Contexts for several deliveries: the sender's first keyboard and every
 * refresh. Counts come from the delivery's counters (kept by each tap); a copy
 * not yet sent gets its unit's participant count once, written on its row, so
 * that later taps only add to it.
 */
export async function keyboardContexts(
  deps: Deps,
  deliveryIds: readonly number[],
): Promise<Map<number, KeyboardContext>> {
  const result = new Map<number, KeyboardContext>()
  if (deliveryIds.length === 0) return result
  const rows = await deps.db
    .selectFrom('delivery')
    .innerJoin('broadcast', 'broadcast.id', 'delivery.broadcast_id')
    .innerJoin('campaign', 'campaign.id', 'broadcast.campaign_id')
    .select([
      'delivery.id',
      'delivery.broadcast_id',
      'delivery.chat_id',
      'delivery.unit_id',
      'delivery.state',
      'delivery.acknowledged',
      'delivery.participants',
      'broadcast.campaign_id',
      'campaign.status',
    ])
    .where('delivery.id', 'in', [...deliveryIds])
    .execute()
  const today = localDate(deps.clock.now(), deps.config.timezone)
  const activityByCampaign = new Map<number, number | null>()
  const participationCount = new Map<string, number>()
  for (const row of rows) {
    let activityId = activityByCampaign.get(row.campaign_id)
    if (activityId === undefined) {
      activityId =
        row.status === 'closed'
          ? null
          : ((await currentParticipationActivity(deps.db, row.campaign_id, today))?.id ?? null)
      activityByCampaign.set(row.campaign_id, activityId)
    }
    let participation: KeyboardContext['participation'] = null
    if (activityId !== null) {
      let count = row.participants
      if (row.state !== 'sent') {
        const key = `${activityId}:${row.unit_id}`
        count =
          participationCount.get(key) ?? (await countParticipants(deps.db, activityId, row.unit_id))
        participationCount.set(key, count)
        if (count !== row.participants)
          await deps.db
            .updateTable('delivery')
            .set({ participants: count })
            .where('id', '=', row.id)
            .execute()
      }
      participation = { activityId, count }
    }
    result.set(row.id, {
      deliveryId: row.id,
      broadcastId: row.broadcast_id,
      campaignId: row.campaign_id,
      chatId: row.chat_id,
      unitId: row.unit_id,
      ackCount: row.acknowledged,
      participation,
    })
  }
  return result
}

/** Participants of an activity, all units or one unit's members. */
export async function countParticipants(
  db: Db,
  activityId: number,
  unitId?: number,
): Promise<number> {
  let query = db
    .selectFrom('participation')
    .innerJoin('member', 'member.id', 'participation.member_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('participation.activity_id', '=', activityId)
  if (unitId !== undefined) query = query.where('member.unit_id', '=', unitId)
  const row = await query.executeTakeFirst()
  return Number(row?.n ?? 0)
}
