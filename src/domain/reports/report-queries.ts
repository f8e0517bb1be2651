import type { Db } from '../../db/database.js'
import { unacknowledgedMembers } from '../acknowledgements/unacknowledged.js'

/**
 * The SQL behind the figures. Every query takes the unit ids it reports on and
 * aggregates per unit in SQL, so /baocao of one unit reads that unit's rows
 * only (through member_unit_idx, delivery_unit_idx, acknowledgement_member_idx,
 * absence_member_idx, report_submission_unit_idx) and /tonghop is a handful of
 * GROUP BYs, not a loop over members.
 */

/** `unit_id in (…)` binds one parameter per unit; SQLite's cap is far above a department's. */
type UnitIds = readonly number[]

export async function selectUnits(db: Db, unitIds: UnitIds) {
  return db.selectFrom('unit').select(['id', 'code', 'name']).where('id', 'in', unitIds).execute()
}

/** Members the bot can name, per unit (roster rows and people learned from activity). */
export async function countKnown(db: Db, unitIds: UnitIds) {
  return db
    .selectFrom('member')
    .select((eb) => ['unit_id', eb.fn.countAll<number>().as('known')])
    .where('unit_id', 'in', unitIds)
    .groupBy('unit_id')
    .execute()
}

/** The largest member count among a unit's active groups (bots already subtracted at /dangky). */
export async function maxGroupMemberCount(db: Db, unitIds: UnitIds) {
  return db
    .selectFrom('unit_chat')
    .select((eb) => ['unit_id', eb.fn.max<number | null>('member_count').as('count')])
    .where('unit_id', 'in', unitIds)
    .where('is_active', '=', 1)
    .groupBy('unit_id')
    .execute()
}

/** Members away today (PRODUCT §10): they leave both sides of every rate. */
export async function selectExcused(db: Db, unitIds: UnitIds, today: string) {
  return db
    .selectFrom('absence')
    .innerJoin('member', 'member.id', 'absence.member_id')
    .select([
      'member.id as member_id',
      'member.unit_id',
      'member.full_name',
      'absence.reason',
      'absence.to_on',
    ])
    .where('member.unit_id', 'in', unitIds)
    .where('absence.from_on', '<=', today)
    .where('absence.to_on', '>=', today)
    .orderBy('absence.to_on', 'desc')
    .execute()
}

/**
 * Broadcasts of the campaign that reached each unit: one row per (unit, broadcast).
 * A recalled copy (issue 12) is no longer owed a confirmation.
 */
export async function selectDelivered(db: Db, campaignId: number, unitIds: UnitIds) {
  return db
    .selectFrom('delivery')
    .innerJoin('broadcast', 'broadcast.id', 'delivery.broadcast_id')
    .select((eb) => [
      'delivery.unit_id',
      'delivery.broadcast_id',
      'broadcast.confirm_by',
      eb.fn.min<string>('delivery.sent_at').as('sent_at'),
    ])
    .where('delivery.unit_id', 'in', unitIds)
    .where('delivery.state', '=', 'sent')
    .where('delivery.recall_state', 'is', null)
    .where('broadcast.recalled_at', 'is', null)
    .where('broadcast.campaign_id', '=', campaignId)
    .groupBy(['delivery.unit_id', 'delivery.broadcast_id', 'broadcast.confirm_by'])
    .execute()
}

/**
 * Confirmations per (unit, broadcast) by members not away today, any source:
 * all confirmations, less those of the members away today (few, and already
 * known by id), so the large count carries no per-row absence check.
 */
export async function countAcknowledged(
  db: Db,
  campaignId: number,
  unitIds: UnitIds,
  awayMemberIds: readonly number[],
) {
  const count = (filter: { unitIds: UnitIds } | { memberIds: readonly number[] }) =>
    db
      .selectFrom('acknowledgement')
      .innerJoin('member', 'member.id', 'acknowledgement.member_id')
      .innerJoin('broadcast', 'broadcast.id', 'acknowledgement.broadcast_id')
      .select((eb) => [
        'member.unit_id',
        'acknowledgement.broadcast_id',
        eb.fn.countAll<number>().as('acknowledged'),
      ])
      .where(
        'unitIds' in filter
          ? (eb) => eb('member.unit_id', 'in', filter.unitIds)
          : (eb) => eb('acknowledgement.member_id', 'in', filter.memberIds),
      )
      .where('broadcast.campaign_id', '=', campaignId)
      .groupBy(['member.unit_id', 'acknowledgement.broadcast_id'])
      .execute()
  const all = await count({ unitIds })
  const away = awayMemberIds.length === 0 ? [] : await count({ memberIds: awayMemberIds })
  const awayBy = new Map(
    away.map((r) => [`${r.unit_id}:${r.broadcast_id}`, Number(r.acknowledged)]),
  )
  return all.map((r) => ({
    unit_id: r.unit_id,
    broadcast_id: r.broadcast_id,
    acknowledged: Number(r.acknowledged) - (awayBy.get(`${r.unit_id}:${r.broadcast_id}`) ?? 0),
  }))
}

/** Participants per (unit, participation activity), and distinct participants per unit. */
export async function countParticipants(db: Db, campaignId: number, unitIds: UnitIds) {
  const base = db
    .selectFrom('participation')
    .innerJoin('member', 'member.id', 'participation.member_id')
    .innerJoin('activity', 'activity.id', 'participation.activity_id')
    .where('member.unit_id', 'in', unitIds)
    .where('activity.campaign_id', '=', campaignId)
    .where('activity.kind', '=', 'participation')
  const [perActivity, distinct] = await Promise.all([
    base
      .select((eb) => [
        'member.unit_id',
        'participation.activity_id',
        eb.fn.countAll<number>().as('participants'),
      ])
      .groupBy(['member.unit_id', 'participation.activity_id'])
      .execute(),
    base
      .select((eb) => [
        'member.unit_id',
        eb.fn.count<number>('participation.member_id').distinct().as('participants'),
      ])
      .groupBy('member.unit_id')
      .execute(),
  ])
  return { perActivity, distinct }
}

export async function selectActivities(db: Db, campaignId: number) {
  return db
    .selectFrom('activity')
    .select(['id', 'title', 'kind', 'due_on', 'due_text', 'position'])
    .where('campaign_id', '=', campaignId)
    .orderBy('position')
    .execute()
}

/** Every submission of the units for these report activities, oldest first. */
export async function selectSubmissions(db: Db, activityIds: readonly number[], unitIds: UnitIds) {
  if (activityIds.length === 0) return []
  return db
    .selectFrom('report_submission')
    .leftJoin('member', 'member.id', 'report_submission.submitted_by')
    .select([
      'report_submission.id',
      'report_submission.activity_id',
      'report_submission.unit_id',
      'report_submission.text',
      'report_submission.document_file_id',
      'report_submission.document_name',
      'report_submission.created_at',
      'member.full_name',
    ])
    .where('report_submission.activity_id', 'in', activityIds)
    .where('report_submission.unit_id', 'in', unitIds)
    .orderBy('report_submission.created_at')
    .orderBy('report_submission.id')
    .execute()
}

/**
 * Known members of these units, not away today, who have not confirmed this
 * broadcast: their names, or only how many per unit.
 */
export async function selectPending(db: Db, broadcastId: number, unitIds: UnitIds, today: string) {
  return unacknowledgedMembers(db, broadcastId, unitIds, today)
    .select(['member.unit_id', 'member.full_name'])
    .execute()
}

export async function countPending(db: Db, broadcastId: number, unitIds: UnitIds, today: string) {
  return unacknowledgedMembers(db, broadcastId, unitIds, today)
    .select((eb) => ['member.unit_id', eb.fn.countAll<number>().as('pending')])
    .groupBy('member.unit_id')
    .execute()
}

/** For the workbook's unit sheets: each known member of these units, by unit. */
export async function selectMembers(db: Db, unitIds: UnitIds) {
  return db
    .selectFrom('member')
    .select(['id', 'unit_id', 'full_name', 'username', 'role'])
    .where('unit_id', 'in', unitIds)
    .execute()
}

/** Each confirmation of the campaign's broadcasts by members of these units. */
export async function selectAcknowledgements(db: Db, campaignId: number, unitIds: UnitIds) {
  return db
    .selectFrom('acknowledgement')
    .innerJoin('member', 'member.id', 'acknowledgement.member_id')
    .innerJoin('broadcast', 'broadcast.id', 'acknowledgement.broadcast_id')
    .select([
      'acknowledgement.member_id',
      'acknowledgement.broadcast_id',
      'acknowledgement.source',
      'acknowledgement.created_at',
    ])
    .where('member.unit_id', 'in', unitIds)
    .where('broadcast.campaign_id', '=', campaignId)
    .execute()
}

/** Each participation of members of these units in the campaign's activities. */
export async function selectParticipations(db: Db, campaignId: number, unitIds: UnitIds) {
  return db
    .selectFrom('participation')
    .innerJoin('member', 'member.id', 'participation.member_id')
    .innerJoin('activity', 'activity.id', 'participation.activity_id')
    .select([
      'participation.member_id',
      'participation.activity_id',
      'participation.note',
      'participation.photo_file_id',
      'participation.created_at',
    ])
    .where('member.unit_id', 'in', unitIds)
    .where('activity.campaign_id', '=', campaignId)
    .execute()
}
