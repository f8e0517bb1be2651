import type { DeliveryState } from '../../db/schema.js'
import { findCampaignById } from '../campaigns/campaign-queries.js'
import type { Campaign } from '../campaigns/campaign.js'
import type { Deps } from '../deps.js'
import { err, ok, type Result } from '../errors.js'
import { rowToUnit, type Unit } from '../units/unit-repository.js'
import { rowToBroadcast, type Broadcast } from './broadcast.js'
import { broadcastCounts, EMPTY_COUNTS, type DeliveryCounts } from './schedule-view.js'

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
    counts: counts.get(broadcastId) ?? { ...EMPTY_COUNTS },
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
