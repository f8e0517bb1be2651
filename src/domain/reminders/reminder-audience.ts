import type { Db } from '../../db/database.js'
import { unacknowledgedMembers } from '../acknowledgements/unacknowledged.js'
import type { IsoDate } from '../calendar/working-days.js'

/** Someone a reminder may name or reach. */
export interface Reachable {
  memberId: number
  fullName: string
  telegramId: number | null
  privateChatId: number | null
  language: string | null
  role: string
}

const collator = new Intl.Collator('vi')

/** PRODUCT §5: Vietnamese names sort by the given name (the last word), then in full. */
export function byGivenName(a: { fullName: string }, b: { fullName: string }): number {
  const given = (name: string) => name.trim().split(/\s+/).at(-1) ?? name
  return (
    collator.compare(given(a.fullName), given(b.fullName)) ||
    collator.compare(a.fullName, b.fullName)
  )
}

function toReachable(row: {
  id: number
  full_name: string
  telegram_id: number | null
  private_chat_id: number | null
  chosen_language: string | null
  telegram_language: string | null
  role: string
}): Reachable {
  return {
    memberId: row.id,
    fullName: row.full_name,
    telegramId: row.telegram_id,
    privateChatId: row.private_chat_id,
    language: row.chosen_language ?? row.telegram_language,
    role: row.role,
  }
}

const MEMBER_COLUMNS = [
  'member.id',
  'member.full_name',
  'member.telegram_id',
  'member.private_chat_id',
  'member.chosen_language',
  'member.telegram_language',
  'member.role',
] as const

/**
 * The known members of a unit (roster or learned) who have not acknowledged
 * the broadcast and are not excused today (PRODUCT §10 vắng mặt). Computed
 * when the reminder is sent, so whoever confirmed in between is not named.
 */
export async function pendingMembers(
  db: Db,
  broadcastId: number,
  unitId: number,
  today: IsoDate,
): Promise<Reachable[]> {
  const rows = await unacknowledgedMembers(db, broadcastId, [unitId], today)
    .select(MEMBER_COLUMNS)
    .execute()
  return rows.map(toReachable).sort(byGivenName)
}

/** The unit's heads who have started the bot (only they can be reached in private). */
export async function reachableHeads(db: Db, unitId: number): Promise<Reachable[]> {
  const rows = await db
    .selectFrom('member')
    .select(MEMBER_COLUMNS)
    .where('member.unit_id', '=', unitId)
    .where('member.role', '=', 'head')
    .where('member.private_chat_id', 'is not', null)
    .execute()
  return rows.map(toReachable).sort(byGivenName)
}

/** Office staff and administrators who have started the bot (PRODUCT §4: the overdue notice). */
export async function reachableOffice(db: Db, adminIds: readonly number[]): Promise<Reachable[]> {
  const rows = await db
    .selectFrom('member')
    .select(MEMBER_COLUMNS)
    .where('member.private_chat_id', 'is not', null)
    .where((eb) =>
      adminIds.length === 0
        ? eb('member.role', '=', 'office')
        : eb.or([eb('member.role', '=', 'office'), eb('member.telegram_id', 'in', [...adminIds])]),
    )
    .execute()
  return rows.map(toReachable).sort(byGivenName)
}

export async function hasSubmitted(db: Db, activityId: number, unitId: number): Promise<boolean> {
  const row = await db
    .selectFrom('report_submission')
    .select('id')
    .where('activity_id', '=', activityId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst()
  return row !== undefined
}

export async function isTaskDone(db: Db, activityId: number, unitId: number): Promise<boolean> {
  const row = await db
    .selectFrom('task_completion')
    .select('done_at')
    .where('activity_id', '=', activityId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst()
  return row !== undefined
}

/** Members of the unit who have taken part in the activity: the count on the group's button. */
export async function participantCount(
  db: Db,
  activityId: number,
  unitId: number,
): Promise<number> {
  const row = await db
    .selectFrom('participation')
    .innerJoin('member', 'member.id', 'participation.member_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('participation.activity_id', '=', activityId)
    .where('member.unit_id', '=', unitId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
