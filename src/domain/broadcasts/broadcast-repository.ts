import type { Insertable } from 'kysely'
import type { Db } from '../../db/database.js'
import type { BroadcastTargetTable, DeliveryTable } from '../../db/schema.js'
import { rowToUnit, type Unit, type UnitChat } from '../units/unit-repository.js'
import { rowToBroadcast, type Broadcast } from './broadcast.js'

/** The rows of a broadcast besides itself: targets, deliveries, its series. SQL only. */

/** One pending delivery per (broadcast, group), due at the broadcast's send time. */
export async function writeDeliveries(
  db: Db,
  broadcasts: { id: number; sendAt: string }[],
  chats: UnitChat[],
  at: string,
): Promise<number> {
  const rows = broadcasts.flatMap((b) =>
    chats.map((chat): Insertable<DeliveryTable> => ({
      broadcast_id: b.id,
      unit_chat_id: chat.id,
      unit_id: chat.unitId,
      chat_id: chat.chatId,
      thread_id: chat.threadId,
      state: 'pending',
      attempts: 0,
      next_attempt_at: b.sendAt,
      updated_at: at,
    })),
  )
  for (const chunk of chunks(rows)) await db.insertInto('delivery').values(chunk).execute()
  return rows.length
}

/** Keeps each INSERT under SQLite's bound-parameter limit, whatever the fan-out. */
function chunks<T>(rows: readonly T[], size = 200): T[][] {
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size))
  return out
}

export async function insertTargets(
  db: Db,
  rows: Insertable<BroadcastTargetTable>[],
): Promise<void> {
  for (const chunk of chunks(rows)) await db.insertInto('broadcast_target').values(chunk).execute()
}

/** The broadcast and the others of its series (one row for a one-off). */
export async function loadSeries(db: Db, broadcastId: number): Promise<Broadcast[] | undefined> {
  const row = await db
    .selectFrom('broadcast')
    .selectAll()
    .where('id', '=', broadcastId)
    .executeTakeFirst()
  if (row === undefined) return undefined
  const seriesId = row.series_id
  if (seriesId === null) return [rowToBroadcast(row)]
  const rows = await db
    .selectFrom('broadcast')
    .selectAll()
    .where((eb) => eb.or([eb('series_id', '=', seriesId), eb('id', '=', seriesId)]))
    .orderBy('send_at')
    .execute()
  return rows.map(rowToBroadcast)
}

/** `/gui … tatca`: every unit with at least one active group, by code. */
export async function listUnitsWithActiveGroup(db: Db): Promise<Unit[]> {
  const rows = await db
    .selectFrom('unit')
    .selectAll()
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('unit_chat')
          .select('unit_chat.id')
          .whereRef('unit_chat.unit_id', '=', 'unit.id')
          .where('unit_chat.is_active', '=', 1),
      ),
    )
    .orderBy('code')
    .execute()
  return rows.map(rowToUnit)
}
