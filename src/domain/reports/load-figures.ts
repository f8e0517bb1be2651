import { localDate } from '../broadcasts/parse-when.js'
import type { Campaign } from '../campaigns/campaign.js'
import type { Deps } from '../deps.js'
import {
  rate,
  sortByVietnameseName,
  submissionStatus,
  type BroadcastFigure,
  type Deadline,
  type SubmissionEntry,
  type SubmissionFigure,
  type UnitFigures,
} from './report-figures.js'
import * as q from './report-queries.js'

export interface LoadOptions {
  /** Names of the pending members (the unit report, exports); /tonghop needs only counts. */
  pendingNames: boolean
}

/**
 * The figures of a campaign for some units, in the order of `unitIds`. The
 * per-unit work in JavaScript is over the aggregated rows (units × broadcasts),
 * never over members, apart from pending names when asked for.
 */
export async function loadUnitFigures(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  campaign: Campaign,
  unitIds: readonly number[],
  options: LoadOptions,
): Promise<UnitFigures[]> {
  if (unitIds.length === 0) return []
  const { db } = deps
  const tz = deps.config.timezone
  const today = localDate(deps.clock.now(), tz)
  // Who is away first: their confirmations leave the counts below.
  const excused = await q.selectExcused(db, unitIds, today)
  const awayIds = [...new Set(excused.map((e) => e.member_id))]
  const [units, known, groups, delivered, acks, participants, activities] = await Promise.all([
    q.selectUnits(db, unitIds),
    q.countKnown(db, unitIds),
    q.maxGroupMemberCount(db, unitIds),
    q.selectDelivered(db, campaign.id, unitIds),
    q.countAcknowledged(db, campaign.id, unitIds, awayIds),
    q.countParticipants(db, campaign.id, unitIds),
    q.selectActivities(db, campaign.id),
  ])
  const reportActivities = activities.filter((a) => a.kind === 'report')
  const submissions = await q.selectSubmissions(
    db,
    reportActivities.map((a) => a.id),
    unitIds,
  )

  // The latest delivered broadcast decides who is pending; units usually share it.
  const latestByUnit = new Map<number, { broadcastId: number; sentAt: string }>()
  for (const d of delivered) {
    const current = latestByUnit.get(d.unit_id)
    if (current === undefined || d.sent_at > current.sentAt)
      latestByUnit.set(d.unit_id, { broadcastId: d.broadcast_id, sentAt: d.sent_at })
  }
  const unitsByLatest = groupBy([...latestByUnit], ([, l]) => l.broadcastId)
  const pendingNames = new Map<number, string[]>()
  const pendingCounts = new Map<number, number>()
  for (const [broadcastId, entries] of unitsByLatest) {
    const ids = entries.map(([unitId]) => unitId)
    if (options.pendingNames) {
      for (const row of await q.selectPending(db, broadcastId, ids, today)) {
        if (row.unit_id === null) continue
        push(pendingNames, row.unit_id, row.full_name)
      }
      for (const id of ids) pendingCounts.set(id, pendingNames.get(id)?.length ?? 0)
    }
  }

  const knownBy = new Map(known.map((r) => [r.unit_id, Number(r.known)]))
  const groupBy_ = new Map(
    groups.map((r) => [r.unit_id, r.count === null ? null : Number(r.count)]),
  )
  const ackBy = new Map(acks.map((r) => [`${r.unit_id}:${r.broadcast_id}`, Number(r.acknowledged)]))
  const partBy = new Map(
    participants.perActivity.map((r) => [`${r.unit_id}:${r.activity_id}`, Number(r.participants)]),
  )
  const distinctPartBy = new Map(
    participants.distinct.map((r) => [r.unit_id, Number(r.participants)]),
  )
  const unitById = new Map(units.map((u) => [u.id, u]))
  const deliveredBy = groupBy(delivered, (d) => d.unit_id)
  const excusedBy = groupBy(excused, (e) => e.unit_id)
  const submissionsBy = groupBy(submissions, (s) => s.unit_id)
  if (!options.pendingNames)
    for (const [unitId, latest] of latestByUnit) {
      // Each known member of the unit is away today, or has confirmed the latest
      // broadcast (counted above without the away), or is pending: no second pass
      // over the unit's members and their confirmations (issue 14).
      const away = new Set((excusedBy.get(unitId) ?? []).map((e) => e.member_id)).size
      const confirmed = ackBy.get(`${unitId}:${latest.broadcastId}`) ?? 0
      pendingCounts.set(unitId, Math.max(0, (knownBy.get(unitId) ?? 0) - away - confirmed))
    }

  // Units share their broadcasts: each "confirm by" turned into a local day once,
  // not once per unit (8,000 time-zone conversions for /tonghop, issue 14).
  const confirmDays = new Map<string, string>()
  const confirmDay = (instant: string): string => {
    let day = confirmDays.get(instant)
    if (day === undefined) {
      day = localDate(new Date(instant), tz)
      confirmDays.set(instant, day)
    }
    return day
  }

  return unitIds.flatMap((unitId): UnitFigures[] => {
    const unit = unitById.get(unitId)
    if (unit === undefined) return []
    const knownCount = knownBy.get(unitId) ?? 0
    const groupCount = groupBy_.get(unitId) ?? null
    const headcount = Math.max(knownCount, groupCount ?? 0)
    const away = dedupeExcused(excusedBy.get(unitId) ?? [])
    const expected = Math.max(0, headcount - away.length)
    const unitDelivered = deliveredBy.get(unitId) ?? []
    const broadcasts: BroadcastFigure[] = [...unitDelivered]
      .sort((a, b) => (a.sent_at < b.sent_at ? -1 : a.sent_at > b.sent_at ? 1 : 0))
      .map((d) => {
        const acknowledged = ackBy.get(`${unitId}:${d.broadcast_id}`) ?? 0
        return {
          broadcastId: d.broadcast_id,
          sentAt: d.sent_at,
          acknowledged,
          expected,
          rate: rate(acknowledged, expected),
        }
      })
    const acknowledged = broadcasts.reduce((s, b) => s + b.acknowledged, 0)
    const expectedTotal = broadcasts.length * expected
    const unitSubmissions = submissionsBy.get(unitId) ?? []
    const submissionFigures: SubmissionFigure[] = reportActivities.map((a) => {
      const history: SubmissionEntry[] = unitSubmissions
        .filter((s) => s.activity_id === a.id)
        .map((s) => ({
          id: s.id,
          at: s.created_at,
          byName: s.full_name,
          text: s.text,
          documentFileId: s.document_file_id,
          documentName: s.document_name,
        }))
      const latest = history.at(-1) ?? null
      return {
        activityId: a.id,
        title: a.title,
        dueOn: a.due_on,
        dueText: a.due_text,
        status: submissionStatus(
          latest === null ? null : localDate(new Date(latest.at), tz),
          a.due_on,
          today,
        ),
        latest,
        history,
      }
    })
    const names = sortByVietnameseName(pendingNames.get(unitId) ?? [], (n) => n)
    return [
      {
        unit: { id: unit.id, code: unit.code, name: unit.name },
        headcount,
        known: knownCount,
        unidentified: headcount - knownCount,
        groupMemberCount: groupCount,
        excused: away,
        broadcasts,
        acknowledged,
        expected: expectedTotal,
        rate: rate(acknowledged, expectedTotal),
        participation: activities
          .filter((a) => a.kind === 'participation')
          .map((a) => ({
            activityId: a.id,
            title: a.title,
            dueOn: a.due_on,
            participants: partBy.get(`${unitId}:${a.id}`) ?? 0,
          })),
        participants: distinctPartBy.get(unitId) ?? 0,
        submissions: submissionFigures,
        reportSubmittedAt: submissionFigures[0]?.latest?.at ?? null,
        pending: names,
        pendingCount: pendingCounts.get(unitId) ?? 0,
        nextDeadline: nextDeadline(today, activities, unitDelivered, confirmDay),
      },
    ]
  })
}

/** The earliest date still ahead: an activity's due date or a broadcast's "confirm by". */
function nextDeadline(
  today: string,
  activities: readonly { title: string; due_on: string | null }[],
  delivered: readonly { confirm_by: string | null }[],
  localDay: (instant: string) => string,
): Deadline | null {
  const candidates: Deadline[] = [
    ...activities.flatMap((a) =>
      a.due_on !== null && a.due_on >= today
        ? [{ on: a.due_on, kind: 'activity' as const, what: a.title }]
        : [],
    ),
    ...delivered.flatMap((d) => {
      if (d.confirm_by === null) return []
      const on = localDay(d.confirm_by)
      return on >= today ? [{ on, kind: 'confirm' as const, what: '' }] : []
    }),
  ]
  return candidates.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))[0] ?? null
}

function dedupeExcused(
  rows: readonly { member_id: number; full_name: string; reason: string | null; to_on: string }[],
) {
  const seen = new Set<number>()
  return sortByVietnameseName(
    rows
      .filter((r) => !seen.has(r.member_id) && seen.add(r.member_id))
      .map((r) => ({ fullName: r.full_name, reason: r.reason, toOn: r.to_on })),
    (e) => e.fullName,
  )
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>()
  for (const item of items) {
    const k = key(item)
    const list = map.get(k)
    if (list === undefined) map.set(k, [item])
    else list.push(item)
  }
  return map
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list === undefined) map.set(key, [value])
  else list.push(value)
}
