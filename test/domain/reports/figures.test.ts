import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Database } from '../../../src/db/schema.js'
import { loadUnitFigures } from '../../../src/domain/reports/load-figures.js'
import { findCampaignById } from '../../../src/domain/campaigns/campaign-queries.js'
import type { Campaign } from '../../../src/domain/campaigns/campaign.js'
import {
  compareVietnameseNames,
  submissionStatus,
} from '../../../src/domain/reports/report-figures.js'
import { formatPercent } from '../../../src/domain/reports/report-format.js'
import { consolidatedReport, unitReport } from '../../../src/domain/reports/reports.js'
import type { Member } from '../../../src/domain/units/member.js'
import { seedReportWorld, type ReportWorld } from '../../support/seed-report.js'
import { createTestDeps, type TestDeps } from '../../support/temp-db.js'
import { testDialect } from '../../support/test-database.js'

let deps: TestDeps
let world: ReportWorld
let campaign: Campaign

beforeEach(async () => {
  deps = await createTestDeps({}, '2024-05-06T03:00:00Z')
  world = await seedReportWorld(deps)
  campaign = (await findCampaignById(deps.db, world.campaignId))!
})
afterEach(() => deps.close())

const head = (unitId: number): Member => ({
  id: 1,
  telegramId: 101,
  username: null,
  fullName: 'Trưởng phòng',
  unitId,
  role: 'head',
  inRoster: true,
  language: null,
  privateChatId: null,
})

describe('pure figures', () => {
  it('sorts names the Vietnamese way: given name first, then the rest', () => {
    expect(
      ['Lê Minh Châu', 'Trần Thị Bình', 'Nguyễn Văn An', 'Đỗ Quang Anh', 'Bùi Văn An'].sort(
        compareVietnameseNames,
      ),
    ).toEqual(['Bùi Văn An', 'Nguyễn Văn An', 'Đỗ Quang Anh', 'Trần Thị Bình', 'Lê Minh Châu'])
  })

  it('formats rates per locale', () => {
    expect(formatPercent(5 / 6, 'vi')).toBe('83,3%')
    expect(formatPercent(5 / 6, 'en')).toBe('83.3%')
  })

  it('rates a submission against its due date', () => {
    expect(submissionStatus('2024-05-05', '2024-05-05', '2024-05-06')).toBe('on-time')
    expect(submissionStatus('2024-05-06', '2024-05-05', '2024-05-06')).toBe('late')
    expect(submissionStatus(null, '2024-05-05', '2024-05-06')).toBe('missing')
    expect(submissionStatus(null, '2024-05-05', '2024-05-05')).toBe('not-due')
  })
})

describe('unit report', () => {
  it('U1: headcount from the roster, per-broadcast and overall rates, participation, an on-time report', async () => {
    const result = await unitReport(deps, {
      campaign,
      unitCode: null,
      asker: head(world.units[0]!.id),
      role: 'head',
    })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const f = result.value.figures
    expect(f).toMatchObject({ headcount: 4, known: 4, unidentified: 0, groupMemberCount: 4 })
    expect(f.broadcasts.map((b) => [b.acknowledged, b.expected, b.rate])).toEqual([
      [2, 4, 0.5],
      [1, 4, 0.25],
    ])
    expect([f.acknowledged, f.expected, f.rate]).toEqual([3, 8, 0.375])
    expect(f.participation.map((p) => p.participants)).toEqual([2])
    expect(f.participants).toBe(2)
    expect(f.submissions[0]).toMatchObject({
      status: 'on-time',
      history: [{ text: 'Báo cáo của Phòng số 1' }],
    })
    expect(f.reportSubmittedAt).toBe('2024-05-04T03:00:00Z')
    expect(f.pending).toEqual(['Người 1.2', 'Người 1.3', 'Văn Phòng'])
    expect(f.nextDeadline).toEqual({ on: '2024-05-08', kind: 'confirm', what: '' })
  })

  it('U2: headcount from the group count, unidentified members, a late report replacing an earlier one', async () => {
    const result = await unitReport(deps, {
      campaign,
      unitCode: 'u2',
      asker: undefined,
      role: 'office',
    })
    if (!result.ok) throw new Error(result.error.code)
    const f = result.value.figures
    expect(f).toMatchObject({ headcount: 6, known: 3, unidentified: 3 })
    expect(f.broadcasts.map((b) => b.acknowledged)).toEqual([1, 2])
    expect([f.acknowledged, f.expected]).toEqual([3, 12])
    expect(f.submissions[0]!.status).toBe('late')
    expect(f.submissions[0]!.history.map((h) => h.text)).toEqual(['Bản đầu', 'Bản bổ sung'])
    expect(f.reportSubmittedAt).toBe('2024-05-06T02:00:00Z')
    expect(f.pending).toEqual(['Người 2.3'])
  })

  it('U3: an excused member leaves both sides and is listed as away; pending sorted by given name; report missing', async () => {
    const result = await unitReport(deps, {
      campaign,
      unitCode: 'U3',
      asker: undefined,
      role: 'leader',
    })
    if (!result.ok) throw new Error(result.error.code)
    const f = result.value.figures
    expect(f).toMatchObject({ headcount: 5, known: 5, unidentified: 0 })
    expect(f.excused).toEqual([{ fullName: 'Phạm Thu Hà', reason: 'ốm', toOn: '2024-05-08' }])
    expect(f.broadcasts.map((b) => [b.acknowledged, b.expected])).toEqual([[0, 4]])
    expect(f.rate).toBe(0)
    expect(f.pending).toEqual(['Nguyễn Văn An', 'Đỗ Quang Anh', 'Trần Thị Bình', 'Lê Minh Châu'])
    expect(f.submissions[0]!.status).toBe('missing')
    expect(f.nextDeadline).toBeNull()
  })

  it('refuses a head asking for another unit, and a member', async () => {
    const other = await unitReport(deps, {
      campaign,
      unitCode: 'U2',
      asker: head(world.units[0]!.id),
      role: 'head',
    })
    expect(other).toEqual({ ok: false, error: { code: 'report-other-unit', unitCode: 'U2' } })
    const member = await unitReport(deps, {
      campaign,
      unitCode: null,
      asker: head(world.units[0]!.id),
      role: 'member',
    })
    expect(member.ok).toBe(false)
  })
})

describe('consolidated report', () => {
  it('one row per target unit, worst first, with totals', async () => {
    const report = await consolidatedReport(deps, campaign, { pendingNames: false })
    expect(
      report.units.map((u) => [u.unit.code, u.acknowledged, u.expected, u.pendingCount]),
    ).toEqual([
      ['U3', 0, 4, 4],
      ['U2', 3, 12, 1],
      ['U1', 3, 8, 3],
    ])
    expect(report.units.every((u) => u.pending.length === 0)).toBe(true)
    // The counts /tonghop derives (known − away − confirmed) are the names the exports list.
    const named = await consolidatedReport(deps, campaign, { pendingNames: true })
    expect(named.units.map((u) => [u.unit.code, u.pending.length])).toEqual(
      report.units.map((u) => [u.unit.code, u.pendingCount]),
    )
    expect(report.totals).toEqual({
      units: 3,
      headcount: 15,
      known: 12,
      unidentified: 3,
      acknowledged: 6,
      expected: 24,
      rate: 0.25,
      participants: 2,
      reportsSubmitted: 2,
      pending: 8,
    })
  })
})

// SQLite's EXPLAIN QUERY PLAN; PostgreSQL's planner chooses by table statistics instead.
describe.skipIf(testDialect !== 'sqlite')('query plans', () => {
  it('a one-unit report reads through indexes only: no table is scanned whole', async () => {
    if (deps.database.dialect !== 'sqlite') return
    const queries: { sql: string; parameters: readonly unknown[] }[] = []
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: deps.database.sqlite }),
      log: (event) => {
        if (event.level === 'query') queries.push(event.query)
      },
    })
    await loadUnitFigures({ ...deps, db }, campaign, [world.units[0]!.id], { pendingNames: true })
    expect(queries.length).toBeGreaterThan(8)
    for (const query of queries) {
      const plan = deps.database.sqlite
        .prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
        .all(...query.parameters) as { detail: string }[]
      const scans = plan.map((p) => p.detail).filter((detail) => detail.startsWith('SCAN'))
      expect(scans, query.sql).toEqual([])
    }
  })
})
