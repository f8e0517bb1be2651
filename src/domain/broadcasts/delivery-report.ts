import type { BroadcastStatus, DeliveryState } from '../../db/schema.js'
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
  /** Every occurrence of its hằng ngày series in time order; empty for a one-off. */
  occurrences: { id: number; sendAt: string; status: BroadcastStatus }[]
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
  const [deliveries, occurrences, targets, counts] = await Promise.all([
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
        'delivery.acknowledged',
        'unit.code as unit_code',
        'unit.name as unit_name',
        'unit_chat.title as chat_title',
      ])
      .where('delivery.broadcast_id', '=', broadcastId)
      .orderBy('unit.code')
      .orderBy('delivery.id')
      .execute(),
    // A hằng ngày series: every occurrence, so /lich <số> of one shows the others (issue 11, point 12).
    row.series_id === null
      ? Promise.resolve([])
      : deps.db
          .selectFrom('broadcast')
          .select(['id', 'send_at', 'status'])
          .where('series_id', '=', row.series_id)
          .orderBy('send_at')
          .orderBy('id')
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
      // The counter the tap keeps on the copy (issue 8), not a count over acknowledgements.
      acknowledged: d.acknowledged,
    })),
    occurrences: occurrences.map((o) => ({ id: o.id, sendAt: o.send_at, status: o.status })),
    // A broadcast awaiting approval has no delivery yet; its targets are listed here too.
    unitsWithoutDelivery: targets.map(rowToUnit).filter((u) => !unitsWithDelivery.has(u.code)),
  })
}
