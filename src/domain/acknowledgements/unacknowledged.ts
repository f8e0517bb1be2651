import { sql } from 'kysely'
import type { Db } from '../../db/database.js'

/**
 * The known members of these units who have not confirmed the broadcast and
 * are not away on `day` (PRODUCT §10 vắng mặt): who a reminder names and a
 * report lists as pending. A query to select from, so each caller reads only
 * the columns it shows (through member_unit_idx and the per-member indexes of
 * acknowledgement and absence).
 */
export function unacknowledgedMembers(
  db: Db,
  broadcastId: number,
  unitIds: readonly number[],
  day: string,
) {
  return db
    .selectFrom('member')
    .where('member.unit_id', 'in', unitIds)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('acknowledgement')
            .select('acknowledgement.id')
            .whereRef('acknowledgement.member_id', '=', 'member.id')
            .where('acknowledgement.broadcast_id', '=', broadcastId),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          db
            .selectFrom('absence')
            .select('absence.id')
            .where('absence.member_id', '=', sql.ref<number>('member.id'))
            .where('absence.from_on', '<=', day)
            .where('absence.to_on', '>=', day),
        ),
      ),
    )
}
