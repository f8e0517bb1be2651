/**
 * The figures of PRODUCT §5 and issue 9, defined once: every view (/baocao,
 * /tonghop, the chart, json, csv, xlsx, docx) reads these types. Pure: no db.
 */

export interface BroadcastFigure {
  broadcastId: number
  /** When the first copy reached the unit (UTC ISO-8601). */
  sentAt: string
  /** Distinct members of the unit who confirmed, by any source, excused members left out. */
  acknowledged: number
  /** The unit's headcount less its excused members: the denominator of the rate. */
  expected: number
  /** acknowledged / expected; null when nobody is expected. */
  rate: number | null
}

export interface ParticipationFigure {
  activityId: number
  title: string
  dueOn: string | null
  participants: number
}

export type SubmissionStatus = 'on-time' | 'late' | 'missing' | 'not-due'

export interface SubmissionEntry {
  id: number
  at: string
  byName: string | null
  text: string | null
  documentFileId: string | null
  documentName: string | null
}

export interface SubmissionFigure {
  activityId: number
  title: string
  dueOn: string | null
  dueText: string | null
  status: SubmissionStatus
  /** The one that counts (the newest), or null. */
  latest: SubmissionEntry | null
  /** Every submission, oldest first (a later one replaces the earlier; both kept). */
  history: SubmissionEntry[]
}

export interface ExcusedMember {
  fullName: string
  reason: string | null
  toOn: string
}

export interface Deadline {
  on: string
  /** An activity's due date, or the day a broadcast should be confirmed by. */
  kind: 'activity' | 'confirm'
  what: string
}

export interface UnitFigures {
  unit: { id: number; code: string; name: string }
  /** max(roster/known members, the largest member count of the unit's active groups). */
  headcount: number
  known: number
  unidentified: number
  groupMemberCount: number | null
  excused: ExcusedMember[]
  broadcasts: BroadcastFigure[]
  /** Over the campaign's delivered broadcasts: Σ acknowledged / Σ expected. */
  acknowledged: number
  expected: number
  rate: number | null
  participation: ParticipationFigure[]
  /** Distinct members of the unit who took part in any participation activity. */
  participants: number
  submissions: SubmissionFigure[]
  /** The newest submission of the campaign's first report activity, or null. */
  reportSubmittedAt: string | null
  /** Known, not excused, not confirmed the latest delivered broadcast; Vietnamese order. */
  pending: string[]
  pendingCount: number
  nextDeadline: Deadline | null
}

export interface CampaignTotals {
  units: number
  headcount: number
  known: number
  unidentified: number
  acknowledged: number
  expected: number
  rate: number | null
  participants: number
  reportsSubmitted: number
  pending: number
}

export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null
}

const collator = new Intl.Collator('vi')

/**
 * Vietnamese names sort by the given name (the last word), then by the rest:
 * "Nguyễn Văn An" < "Trần Thị Bình" < "Lê Minh Châu".
 */
export function compareVietnameseNames(a: string, b: string): number {
  const [givenA, restA] = splitName(a)
  const [givenB, restB] = splitName(b)
  return collator.compare(givenA, givenB) || collator.compare(restA, restB)
}

function splitName(name: string): [string, string] {
  const words = name.trim().split(/\s+/)
  return [words.at(-1) ?? '', words.slice(0, -1).join(' ')]
}

/**
 * `items` in the order of {@link compareVietnameseNames}, each name split once
 * rather than on every comparison: the workbook sorts 20,000 names, and the
 * splitting was most of that sort's time (issue 14). Stable, as sort() is.
 */
export function sortByVietnameseName<T>(items: readonly T[], nameOf: (item: T) => string): T[] {
  const keyed = items.map((item) => ({ item, key: splitName(nameOf(item)) }))
  keyed.sort((a, b) => collator.compare(a.key[0], b.key[0]) || collator.compare(a.key[1], b.key[1]))
  return keyed.map((k) => k.item)
}

/** Worst first: lowest overall rate (units with nothing delivered last), then most pending, then code. */
export function compareWorstFirst(a: UnitFigures, b: UnitFigures): number {
  const ra = a.rate ?? Number.POSITIVE_INFINITY
  const rb = b.rate ?? Number.POSITIVE_INFINITY
  if (ra !== rb) return ra < rb ? -1 : 1
  if (a.pendingCount !== b.pendingCount) return b.pendingCount - a.pendingCount
  return collator.compare(a.unit.code, b.unit.code)
}

/** A submission against its due date; dates compared as local calendar days. */
export function submissionStatus(
  submittedOn: string | null,
  dueOn: string | null,
  today: string,
): SubmissionStatus {
  if (submittedOn === null) return dueOn !== null && today > dueOn ? 'missing' : 'not-due'
  return dueOn !== null && submittedOn > dueOn ? 'late' : 'on-time'
}

export function totalsOf(units: readonly UnitFigures[]): CampaignTotals {
  const sum = (pick: (u: UnitFigures) => number) => units.reduce((s, u) => s + pick(u), 0)
  const acknowledged = sum((u) => u.acknowledged)
  const expected = sum((u) => u.expected)
  return {
    units: units.length,
    headcount: sum((u) => u.headcount),
    known: sum((u) => u.known),
    unidentified: sum((u) => u.unidentified),
    acknowledged,
    expected,
    rate: rate(acknowledged, expected),
    participants: sum((u) => u.participants),
    reportsSubmitted: units.filter((u) => u.reportSubmittedAt !== null).length,
    pending: sum((u) => u.pendingCount),
  }
}
