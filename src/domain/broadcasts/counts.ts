import type { Db } from '../../db/database.js'
import type { DeliveryState } from '../../db/schema.js'
import {
  currentParticipationActivity,
  findCampaignByCode,
  findCampaignById,
  unknownCampaign,
} from '../campaigns/campaign-queries.js'
import type { Campaign } from '../campaigns/campaign.js'
import type { Deps } from '../deps.js'
import { err, ok, type Result } from '../errors.js'
import { rowToUnit, type Unit } from '../units/unit-repository.js'
import { CANCELLABLE, rowToBroadcast, type Broadcast } from './broadcast.js'
import { localDate } from './parse-when.js'

export interface DeliveryCounts {
  /** Target groups (delivery rows). */
  total: number
  sent: number
  failed: number
  /** Pending or being sent. */
  waiting: number
  /** Members who acknowledged, any source. */
  acknowledged: number
}

const EMPTY: DeliveryCounts = { total: 0, sent: 0, failed: 0, waiting: 0, acknowledged: 0 }

/** /lich figures for several broadcasts at once: two grouped queries. */
export async function broadcastCounts(
  db: Db,
  broadcastIds: readonly number[],
): Promise<Map<number, DeliveryCounts>> {
  const result = new Map<number, DeliveryCounts>(broadcastIds.map((id) => [id, { ...EMPTY }]))
  if (broadcastIds.length === 0) return result
  const ids = [...broadcastIds]
  const [states, acks] = await Promise.all([
    db
      .selectFrom('delivery')
      .select(['broadcast_id', 'state', (eb) => eb.fn.countAll<number>().as('n')])
      .where('broadcast_id', 'in', ids)
      .groupBy(['broadcast_id', 'state'])
      .execute(),
    db
      .selectFrom('acknowledgement')
      .select(['broadcast_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('broadcast_id', 'in', ids)
      .groupBy('broadcast_id')
      .execute(),
  ])
  for (const row of states) {
    const counts = result.get(row.broadcast_id)
    if (counts === undefined) continue
    const n = Number(row.n)
    counts.total += n
    if (row.state === 'sent') counts.sent += n
    else if (row.state === 'failed') counts.failed += n
    else counts.waiting += n
  }
  for (const row of acks) {
    const counts = result.get(row.broadcast_id)
    if (counts !== undefined) counts.acknowledged = Number(row.n)
  }
  return result
}

export interface ScheduleEntry {
  broadcast: Broadcast
  campaignCode: string
  counts: DeliveryCounts
  /** Nothing has left yet: /lich offers "Huỷ". */
  cancellable: boolean
}

/**
 * /lich [MÃ]: everything still to go (awaiting approval, scheduled, sending)
 * and what went in the last `recentDays`, in send order.
 */
export async function listSchedule(
  deps: Deps,
  options: { campaignCode?: string | null; recentDays?: number; limit?: number } = {},
): Promise<Result<ScheduleEntry[]>> {
  let campaign: Campaign | undefined
  if (options.campaignCode != null && options.campaignCode !== '') {
    campaign = await findCampaignByCode(deps.db, options.campaignCode)
    if (campaign === undefined) return unknownCampaign(deps.db, options.campaignCode)
  }
  const since = new Date(
    deps.clock.now().getTime() - (options.recentDays ?? 7) * 86_400_000,
  ).toISOString()
  let query = deps.db
    .selectFrom('broadcast')
    .innerJoin('campaign', 'campaign.id', 'broadcast.campaign_id')
    .selectAll('broadcast')
    .select('campaign.code as campaign_code')
    .where((eb) =>
      eb.or([
        eb('broadcast.status', 'in', ['awaiting_approval', 'scheduled', 'sending']),
        eb('broadcast.send_at', '>=', since),
      ]),
    )
  if (campaign !== undefined) query = query.where('broadcast.campaign_id', '=', campaign.id)
  const rows = await query
    .orderBy('broadcast.send_at')
    .orderBy('broadcast.id')
    .limit(options.limit ?? 50)
    .execute()
  const counts = await broadcastCounts(
    deps.db,
    rows.map((r) => r.id),
  )
  return ok(
    rows.map((row) => {
      const c = counts.get(row.id) ?? { ...EMPTY }
      return {
        broadcast: rowToBroadcast(row),
        campaignCode: row.campaign_code,
        counts: c,
        cancellable: CANCELLABLE.includes(row.status) && c.sent + c.failed === 0,
      }
    }),
  )
}

export interface TargetGroupState {
  deliveryId: number
  unitCode: string
  unitName: string
  chatId: number
  chatTitle: string
  state: DeliveryState
  attempts: number
  nextAttemptAt: string
  sentAt: string | null
  errorCode: number | null
  /** Telegram's words when it failed or was retried (PRODUCT §10 delivery report). */
  failureReason: string | null
  acknowledged: number
}

export interface DeliveryReport {
  broadcast: Broadcast
  campaign: Campaign
  counts: DeliveryCounts
  groups: TargetGroupState[]
  /** Target units that had no active group at scheduling: they got nothing. */
  unitsWithoutDelivery: Unit[]
}

/** /lich <id>: each target group with its state and Telegram's reason when it failed. */
export async function broadcastDeliveryReport(
  deps: Deps,
  broadcastId: number,
): Promise<Result<DeliveryReport>> {
  const row = await deps.db
    .selectFrom('broadcast')
    .selectAll()
    .where('id', '=', broadcastId)
    .executeTakeFirst()
  if (row === undefined) return err({ code: 'unknown-broadcast', broadcastId })
  const campaign = await findCampaignById(deps.db, row.campaign_id)
  if (campaign === undefined) return err({ code: 'unknown-broadcast', broadcastId })
  const [deliveries, acks, targets, counts] = await Promise.all([
    deps.db
      .selectFrom('delivery')
      .innerJoin('unit', 'unit.id', 'delivery.unit_id')
      .innerJoin('unit_chat', 'unit_chat.id', 'delivery.unit_chat_id')
      .select([
        'delivery.id',
        'delivery.chat_id',
        'delivery.state',
        'delivery.attempts',
        'delivery.next_attempt_at',
        'delivery.sent_at',
        'delivery.error_code',
        'delivery.failure_reason',
        'unit.code as unit_code',
        'unit.name as unit_name',
        'unit_chat.title as chat_title',
      ])
      .where('delivery.broadcast_id', '=', broadcastId)
      .orderBy('unit.code')
      .orderBy('delivery.id')
      .execute(),
    deps.db
      .selectFrom('acknowledgement')
      .select(['delivery_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('broadcast_id', '=', broadcastId)
      .groupBy('delivery_id')
      .execute(),
    deps.db
      .selectFrom('broadcast_target')
      .innerJoin('unit', 'unit.id', 'broadcast_target.unit_id')
      .selectAll('unit')
      .where('broadcast_target.broadcast_id', '=', broadcastId)
      .orderBy('unit.code')
      .execute(),
    broadcastCounts(deps.db, [broadcastId]),
  ])
  const ackByDelivery = new Map(acks.map((a) => [a.delivery_id, Number(a.n)]))
  const unitsWithDelivery = new Set(deliveries.map((d) => d.unit_code))
  return ok({
    broadcast: rowToBroadcast(row),
    campaign,
    counts: counts.get(broadcastId) ?? { ...EMPTY },
    groups: deliveries.map((d) => ({
      deliveryId: d.id,
      unitCode: d.unit_code,
      unitName: d.unit_name,
      chatId: d.chat_id,
      chatTitle: d.chat_title,
      state: d.state,
      attempts: d.attempts,
      nextAttemptAt: d.next_attempt_at,
      sentAt: d.sent_at,
      errorCode: d.error_code,
      failureReason: d.failure_reason,
      acknowledged: ackByDelivery.get(d.id) ?? 0,
    })),
    // A broadcast awaiting approval has no delivery yet; its targets are listed here too.
    unitsWithoutDelivery: targets.map(rowToUnit).filter((u) => !unitsWithDelivery.has(u.code)),
  })
}

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

/** Contexts for several deliveries: the sender's first keyboard and every refresh. */
export async function keyboardContexts(
  deps: Deps,
  deliveryIds: readonly number[],
): Promise<Map<number, KeyboardContext>> {
  const result = new Map<number, KeyboardContext>()
  if (deliveryIds.length === 0) return result
  const ids = [...deliveryIds]
  const rows = await deps.db
    .selectFrom('delivery')
    .innerJoin('broadcast', 'broadcast.id', 'delivery.broadcast_id')
    .innerJoin('campaign', 'campaign.id', 'broadcast.campaign_id')
    .select([
      'delivery.id',
      'delivery.broadcast_id',
      'delivery.chat_id',
      'delivery.unit_id',
      'broadcast.campaign_id',
      'campaign.status',
    ])
    .where('delivery.id', 'in', ids)
    .execute()
  const acks = await deps.db
    .selectFrom('acknowledgement')
    .select(['delivery_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('delivery_id', 'in', ids)
    .groupBy('delivery_id')
    .execute()
  const ackCount = new Map(acks.map((a) => [a.delivery_id, Number(a.n)]))
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
      const key = `${activityId}:${row.unit_id}`
      let count = participationCount.get(key)
      if (count === undefined) {
        count = await countParticipants(deps.db, activityId, row.unit_id)
        participationCount.set(key, count)
      }
      participation = { activityId, count }
    }
    result.set(row.id, {
      deliveryId: row.id,
      broadcastId: row.broadcast_id,
      campaignId: row.campaign_id,
      chatId: row.chat_id,
      unitId: row.unit_id,
      ackCount: ackCount.get(row.id) ?? 0,
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

/** Acknowledgements of one broadcast, or of one delivered copy of it. */
export async function countAcknowledgements(
  db: Db,
  filter: { broadcastId: number } | { deliveryId: number },
): Promise<number> {
  const query = db.selectFrom('acknowledgement').select((eb) => eb.fn.countAll<number>().as('n'))
  const row = await (
    'deliveryId' in filter
      ? query.where('delivery_id', '=', filter.deliveryId)
      : query.where('broadcast_id', '=', filter.broadcastId)
  ).executeTakeFirst()
  return Number(row?.n ?? 0)
}
