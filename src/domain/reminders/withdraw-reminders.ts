import { sql } from 'kysely'
import type { Db } from '../../db/database.js'
import { prepared } from '../../db/prepared.js'

/**
 * A member confirmed a broadcast: their private reminders of it that are
 * still queued (waiting for 07:00 or for the pacer) are withdrawn, so nobody
 * is reminded of what they have done (issue 10). One statement in the
 * caller's transaction (the tap path stays a fixed handful): the queued
 * messages are found by their keys (`rem:<reminder>:m<member>:0`,
 * reminder-messages.ts, and `…:e<member>:0` for a nudge, nudges.ts), the reminder rows by broadcast (indexed).
 */
export async function withdrawPrivateReminders(
  db: Db,
  broadcastId: number,
  memberId: number,
): Promise<number> {
  const result = await withdrawQueued(db, {
    broadcastId,
    privateKeyEnd: `:m${memberId}:0`,
    nudgeKeyEnd: `:e${memberId}:0`,
  })
  return Number(result.numAffectedRows ?? 0)
}

/** Compiled once (src/db/prepared.ts): every new acknowledgement runs it. */
const withdrawQueued = prepared(
  (db, p: { broadcastId: number; privateKeyEnd: string; nudgeKeyEnd: string }) =>
    db
      .updateTable('outbound_message')
      .set({ state: 'cancelled' })
      .where('state', '=', 'pending')
      .where((eb) =>
        // Private reminders (`m`) and personal nudges in the group (`e`, issue 12, nudges.ts).
        eb.or(
          [p.privateKeyEnd, p.nudgeKeyEnd].map((keyEnd) =>
            eb(
              'key',
              'in',
              eb
                .selectFrom('reminder')
                .select(sql<string>`'rem:' || reminder.id || ${keyEnd}`.as('key'))
                .where('reminder.broadcast_id', '=', p.broadcastId)
                .where('reminder.state', '=', 'sent'),
            ),
          ),
        ),
      ),
)
