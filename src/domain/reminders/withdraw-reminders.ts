import type { Db } from '../../db/database.js'
import { cancelOutbound } from '../outbound/outbound.js'

/**
 * A member confirmed a broadcast: their private reminders of it that are
 * still queued (waiting for 07:00 or for the pacer) are withdrawn, so nobody
 * is reminded of what they have done (issue 10). Runs in the caller's
 * transaction; reminder rows are found by broadcast (indexed), the queued
 * messages by their keys (`rem:<reminder>:m<member>:0`, reminder-messages.ts).
 */
export async function withdrawPrivateReminders(
  db: Db,
  broadcastId: number,
  memberId: number,
): Promise<number> {
  const rows = await db
    .selectFrom('reminder')
    .select('id')
    .where('broadcast_id', '=', broadcastId)
    .where('state', '=', 'sent')
    .where('unit_id', 'in', (eb) =>
      eb.selectFrom('member').select('member.unit_id').where('member.id', '=', memberId),
    )
    .execute()
  return cancelOutbound(
    db,
    rows.map((r) => `rem:${r.id}:m${memberId}:0`),
  )
}
