import type { Db } from '../../db/database.js'
import type { CalendarOverrides, IsoDate } from './working-days.js'

/**
 * The agency's calendar_day rows (PRODUCT §10) as overrides for working-days.ts.
 * A range bounds the read; the table holds a few rows per year, so callers
 * usually load it whole.
 */
export async function loadCalendarOverrides(
  db: Db,
  range?: { from: IsoDate; to: IsoDate },
): Promise<CalendarOverrides> {
  let query = db.selectFrom('calendar_day').select(['day', 'kind'])
  if (range !== undefined) query = query.where('day', '>=', range.from).where('day', '<=', range.to)
  const rows = await query.execute()
  return new Map(rows.map((row) => [row.day, row.kind] as const))
}
