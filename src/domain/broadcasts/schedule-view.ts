import type { Db } from '../../db/database.js'
import { subDays } from 'date-fns'
import { findCampaignByCode, unknownCampaign } from '../campaigns/campaign-queries.js'
import type { Campaign } from '../campaigns/campaign.js'
import type { Deps } from '../deps.js'
import { ok, type Result } from '../errors.js'
import { CANCELLABLE, rowToBroadcast, type Broadcast } from './broadcast.js'

/** The /lich view: broadcasts to go and just gone, with their delivery figures. */

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

export const EMPTY_COUNTS: DeliveryCounts = {
  total: 0,
  sent: 0,
  failed: 0,
  waiting: 0,
  acknowledged: 0,
}

/** /lich figures for several broadcasts at once: two grouped queries. */
export async function broadcastCounts(
  db: Db,
  broadcastIds: readonly number[],
): Promise<Map<number, DeliveryCounts>> {
  const result = new Map<number, DeliveryCounts>(
    broadcastIds.map((id) => [id, { ...EMPTY_COUNTS }]),
  )
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
  const since = subDays(deps.clock.now(), options.recentDays ?? 7).toISOString()
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
      const c = counts.get(row.id) ?? { ...EMPTY_COUNTS }
      return {
        broadcast: rowToBroadcast(row),
        campaignCode: row.campaign_code,
        counts: c,
        cancellable: CANCELLABLE.includes(row.status) && c.sent + c.failed === 0,
      }
    }),
  )
}
