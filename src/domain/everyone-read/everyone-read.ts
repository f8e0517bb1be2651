import { localDate } from '../broadcasts/parse-when.js'
import { nowIso, type Deps } from '../deps.js'
import { enqueueOutbound, type OutboundItem } from '../outbound/outbound.js'
import type { Translate } from '../ports.js'
import { reachableHeads } from '../reminders/reminder-audience.js'
import { countKnown, countPending, maxGroupMemberCount } from '../reports/report-queries.js'

/**
 * Issue 12 "everyone has read": a unit whose whole headcount (every known
 * member not away, and no member of its groups unidentified) has acknowledged
 * a broadcast tells its heads once; when every target unit has, the sender is
 * told once, with the time it took. Run after count refreshes, on the copies
 * whose counts moved; the outbound keys make each notice once, restarts included.
 */
export async function noticeEveryoneRead(
  deps: Deps,
  deliveryIds: readonly number[],
  translate: Translate,
): Promise<number> {
  if (deliveryIds.length === 0) return 0
  const touched = await deps.db
    .selectFrom('delivery')
    .select(['broadcast_id'])
    .distinct()
    .where('id', 'in', deliveryIds)
    .execute()
  const today = localDate(deps.clock.now(), deps.config.timezone)
  const at = nowIso(deps)
  const items: OutboundItem[] = []
  for (const { broadcast_id: broadcastId } of touched) {
    const broadcast = await deps.db
      .selectFrom('broadcast')
      .leftJoin('member', 'member.id', 'broadcast.created_by')
      .select([
        'broadcast.send_at',
        'member.private_chat_id',
        'member.chosen_language',
        'member.telegram_language',
      ])
      .where('broadcast.id', '=', broadcastId)
      .executeTakeFirst()
    const targets = await deps.db
      .selectFrom('broadcast_target')
      .innerJoin('unit', 'unit.id', 'broadcast_target.unit_id')
      .select(['unit.id', 'unit.name'])
      .where('broadcast_target.broadcast_id', '=', broadcastId)
      .execute()
    if (broadcast === undefined || targets.length === 0) continue
    const unitIds = targets.map((u) => u.id)
    const pending = new Map(
      (await countPending(deps.db, broadcastId, unitIds, today)).map((r) => [r.unit_id, r.pending]),
    )
    const known = new Map((await countKnown(deps.db, unitIds)).map((r) => [r.unit_id, r.known]))
    const inGroups = new Map(
      (await maxGroupMemberCount(deps.db, unitIds)).map((r) => [r.unit_id, r.count ?? 0]),
    )
    const complete = targets.filter(
      (u) =>
        Number(pending.get(u.id) ?? 0) === 0 &&
        Number(known.get(u.id) ?? 0) > 0 &&
        Number(known.get(u.id) ?? 0) >= Number(inGroups.get(u.id) ?? 0),
    )
    for (const unit of complete) {
      for (const head of await reachableHeads(deps.db, unit.id)) {
        if (head.privateChatId === null) continue
        items.push({
          key: `all-read:${broadcastId}:u${unit.id}:${head.memberId}`,
          kind: 'notice',
          chatId: head.privateChatId,
          payload: {
            html: translate(head.language ?? deps.config.defaultLocale, 'allread-unit', {
              id: broadcastId,
              unit: unit.name,
            }),
          },
          notBefore: at,
        })
      }
    }
    if (complete.length === targets.length && broadcast.private_chat_id !== null) {
      const minutes = Math.max(
        1,
        Math.round((deps.clock.now().getTime() - new Date(broadcast.send_at).getTime()) / 60_000),
      )
      items.push({
        key: `all-read:${broadcastId}:sender`,
        kind: 'notice',
        chatId: broadcast.private_chat_id,
        payload: {
          html: translate(
            broadcast.chosen_language ?? broadcast.telegram_language ?? deps.config.defaultLocale,
            'allread-sender',
            {
              id: broadcastId,
              units: targets.length,
              hours: Math.floor(minutes / 60),
              minutes: minutes % 60,
            },
          ),
        },
        notBefore: at,
      })
    }
  }
  const queued = await enqueueOutbound(deps.db, items, at)
  if (queued > 0) deps.wake?.()
  return queued
}
