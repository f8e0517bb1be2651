import { writeAudit } from '../audit.js'
import { localDate } from '../broadcasts/parse-when.js'
import { nowIso, type Deps } from '../deps.js'
import { err, ok, type Result } from '../errors.js'
import { parseAbsence, type AbsenceError } from './parse-absence.js'

/** Rows listed by /vangmat; the reply says how many more (4,096 characters). */
export const MAX_LISTED = 30

export interface AbsenceRow {
  id: number
  memberName: string
  from: string
  to: string
  reason: string | null
}

function today(deps: Deps): string {
  return localDate(deps.clock.now(), deps.config.timezone)
}

/**
 * `/vangmat <từ> <đến> [lý do]` (issue 12): the member is excused in that
 * window: not pending, not reminded, outside the rates («vắng (lý do)»), which
 * the reminders and reports read from this table. Audit-logged in the same transaction.
 * @param createdBy the head who recorded it for a member of their unit, or the member.
 */
export async function recordAbsence(
  deps: Deps,
  input: { memberId: number; text: string; createdBy: number; actorTelegramId: number | null },
): Promise<Result<{ from: string; to: string; reason: string | null }, AbsenceError>> {
  const parsed = parseAbsence(input.text, today(deps))
  if (!parsed.ok) return parsed
  const at = nowIso(deps)
  const { from, to, reason } = parsed.value
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('absence')
      .values({
        member_id: input.memberId,
        from_on: from,
        to_on: to,
        reason,
        created_by: input.createdBy,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await writeAudit(trx, {
      at,
      actorTelegramId: input.actorTelegramId,
      action: 'absence.record',
      subject: `member:${input.memberId}`,
      details: { absence: row.id, from, to, reason },
    })
  })
  return ok(parsed.value)
}

/** Current and coming absences (ending today or later) of one member or of a unit's members. */
export async function listAbsences(
  deps: Deps,
  who: { memberId: number } | { unitId: number },
): Promise<{ rows: AbsenceRow[]; more: number }> {
  let query = deps.db
    .selectFrom('absence')
    .innerJoin('member', 'member.id', 'absence.member_id')
    .select([
      'absence.id',
      'member.full_name',
      'absence.from_on',
      'absence.to_on',
      'absence.reason',
    ])
    .where('absence.to_on', '>=', today(deps))
  query =
    'memberId' in who
      ? query.where('absence.member_id', '=', who.memberId)
      : query.where('member.unit_id', '=', who.unitId)
  const rows = await query
    .orderBy('absence.from_on')
    .orderBy('member.full_name')
    .limit(MAX_LISTED + 1)
    .execute()
  const total =
    rows.length <= MAX_LISTED
      ? rows.length
      : Number(
          (
            await deps.db
              .selectFrom('absence')
              .innerJoin('member', 'member.id', 'absence.member_id')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('absence.to_on', '>=', today(deps))
              .where((eb) =>
                'memberId' in who
                  ? eb('absence.member_id', '=', who.memberId)
                  : eb('member.unit_id', '=', who.unitId),
              )
              .executeTakeFirst()
          )?.n ?? 0,
        )
  return {
    rows: rows.slice(0, MAX_LISTED).map((r) => ({
      id: r.id,
      memberName: r.full_name,
      from: r.from_on,
      to: r.to_on,
      reason: r.reason,
    })),
    more: Math.max(0, total - MAX_LISTED),
  }
}

/**
 * `/vangmat huy`: the member's own current and coming absences end. A current
 * one is cut to yesterday (the days already away stay recorded); a coming one
 * is removed. Audit-logged.
 */
export async function cancelOwnAbsences(
  deps: Deps,
  input: { memberId: number; actorTelegramId: number | null },
): Promise<Result<{ cancelled: number }>> {
  const day = today(deps)
  const at = nowIso(deps)
  return deps.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('absence')
      .select(['id', 'from_on'])
      .where('member_id', '=', input.memberId)
      .where('to_on', '>=', day)
      .execute()
    if (rows.length === 0) return err({ code: 'no-absence' as const })
    const coming = rows.filter((r) => r.from_on >= day).map((r) => r.id)
    const current = rows.filter((r) => r.from_on < day).map((r) => r.id)
    if (coming.length > 0) await trx.deleteFrom('absence').where('id', 'in', coming).execute()
    if (current.length > 0) {
      const yesterday = localDate(
        new Date(deps.clock.now().getTime() - 86_400_000),
        deps.config.timezone,
      )
      await trx
        .updateTable('absence')
        .set({ to_on: yesterday })
        .where('id', 'in', current)
        .execute()
    }
    await writeAudit(trx, {
      at,
      actorTelegramId: input.actorTelegramId,
      action: 'absence.cancel',
      subject: `member:${input.memberId}`,
      details: { removed: coming, ended: current },
    })
    return ok({ cancelled: rows.length })
  })
}
