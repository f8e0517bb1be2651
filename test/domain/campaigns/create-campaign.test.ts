import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  closeCampaign,
  findCampaignByCode,
  findCampaignBySourceFingerprint,
  listCampaigns,
  showCampaign,
  startCampaign,
} from '../../../src/domain/campaigns/campaign-queries.js'
import { createCampaign, type NewCampaign } from '../../../src/domain/campaigns/create-campaign.js'
import { createTestDeps, type TestDeps } from '../../support/temp-db.js'

let deps: TestDeps
let unitIds: number[]
beforeEach(async () => {
  deps = await createTestDeps()
  const rows = await deps.db
    .insertInto('unit')
    .values([
      { code: 'VP', name: 'Văn phòng Sở', parent_id: null },
      { code: 'TTCNTT', name: 'Trung tâm CNTT', parent_id: null },
    ])
    .returning('id')
    .execute()
  unitIds = rows.map((r) => r.id)
})
afterEach(() => deps.close())

const TITLE =
  'Tổ chức các hoạt động Ngày Sách và Văn hóa đọc Việt Nam lần thứ ba năm 2024 tại Sở Nội vụ'

function input(overrides: Partial<NewCampaign> = {}): NewCampaign {
  return {
    title: TITLE,
    planNumber: '/KH-SNV',
    issuer: 'Sở Nội vụ',
    place: 'Lạng Sơn',
    issuedOn: null,
    period: { start: '2024-04-15', end: '2024-05-01' },
    slogans: ['Sách hay cần bạn đọc', ' ', 'Sách quý tặng bạn'],
    targetUnitIds: unitIds,
    activities: [
      {
        title: 'Tuyên truyền',
        kind: 'task',
        leadUnitId: unitIds[0] ?? null,
        leadText: 'Văn phòng Sở',
        coordinators: ['Các phòng'],
        dueOn: null,
        dueText: 'thường xuyên',
      },
      {
        title: 'Báo cáo kết quả',
        kind: 'report',
        leadUnitId: unitIds[0] ?? null,
        leadText: 'Văn phòng Sở',
        coordinators: [],
        dueOn: '2024-05-05',
        dueText: 'trước ngày 05/5/2024',
      },
    ],
    sourceFingerprint: 'abc',
    actorTelegramId: 9,
    ...overrides,
  }
}

describe('createCampaign', () => {
  it('creates campaign, targets, activities and audit together, with a derived code', async () => {
    const result = await createCampaign(deps, input())
    if (!result.ok) throw new Error(result.error.code)
    expect(result.value).toMatchObject({
      code: 'NGAYSACH2024',
      status: 'draft',
      period: { start: '2024-04-15', end: '2024-05-01' },
      slogans: ['Sách hay cần bạn đọc', 'Sách quý tặng bạn'],
      codeWasGenerated: true,
    })
    expect(result.value.activities.map((a) => [a.position, a.kind, a.coordinators])).toEqual([
      [1, 'task', ['Các phòng']],
      [2, 'report', []],
    ])
    const shown = await showCampaign(deps, 'ngaysach2024')
    expect(shown.ok && shown.value.targets.map((u) => u.code)).toEqual(['TTCNTT', 'VP'])
    const audit = await deps.db.selectFrom('audit_log').select(['action', 'subject']).execute()
    expect(audit).toEqual([{ action: 'campaign.create', subject: 'campaign:NGAYSACH2024' }])
    expect((await findCampaignBySourceFingerprint(deps.db, 'abc'))?.code).toBe('NGAYSACH2024')
  })

  it('suffixes a derived code that is taken, refuses an explicit one', async () => {
    await createCampaign(deps, input())
    const second = await createCampaign(deps, input())
    expect(second.ok && second.value.code).toBe('NGAYSACH2024-2')
    const explicit = await createCampaign(deps, input({ code: 'ngaysach2024' }))
    expect(explicit).toEqual({
      ok: false,
      error: { code: 'duplicate-campaign-code', campaignCode: 'NGAYSACH2024' },
    })
    const bad = await createCampaign(deps, input({ code: 'NGÀY SÁCH!' }))
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid-campaign-code', example: 'NGAYSACH2024' },
    })
  })

  it('writes nothing when any part is wrong (one transaction)', async () => {
    const missingUnit = await createCampaign(deps, input({ targetUnitIds: [...unitIds, 999] }))
    expect(missingUnit).toEqual({ ok: false, error: { code: 'unknown-unit-id', unitId: 999 } })
    const badDate = await createCampaign(
      deps,
      input({ period: { start: '2024-05-01', end: '2024-04-15' } }),
    )
    expect(badDate).toMatchObject({
      ok: false,
      error: { code: 'invalid-campaign', field: 'period' },
    })
    // A constraint failing mid-way (an activity kind the schema refuses) rolls back the campaign too.
    const broken = input()
    ;(broken.activities[1] as { kind: string }).kind = 'party'
    await expect(createCampaign(deps, broken)).rejects.toThrow()
    for (const table of ['campaign', 'campaign_target', 'activity', 'audit_log'] as const) {
      expect(await deps.db.selectFrom(table).selectAll().execute()).toEqual([])
    }
  })
})

describe('start and close', () => {
  it('moves draft → active → closed with audit, and a closed campaign stays closed', async () => {
    await createCampaign(deps, input())
    const started = await startCampaign(deps, { code: 'NgaySach2024', actorTelegramId: 9 })
    expect(started.ok && [started.value.campaign.status, started.value.changed]).toEqual([
      'active',
      true,
    ])
    const again = await startCampaign(deps, { code: 'NGAYSACH2024', actorTelegramId: 9 })
    expect(again.ok && again.value.changed).toBe(false)
    expect((await closeCampaign(deps, { code: 'NGAYSACH2024', actorTelegramId: 9 })).ok).toBe(true)
    expect(await startCampaign(deps, { code: 'NGAYSACH2024', actorTelegramId: 9 })).toEqual({
      ok: false,
      error: { code: 'campaign-closed', campaignCode: 'NGAYSACH2024' },
    })
    expect(await startCampaign(deps, { code: 'XYZ', actorTelegramId: 9 })).toEqual({
      ok: false,
      error: { code: 'unknown-campaign', campaignCode: 'XYZ', knownCodes: ['NGAYSACH2024'] },
    })
    const actions = await deps.db.selectFrom('audit_log').select('action').orderBy('id').execute()
    expect(actions.map((a) => a.action)).toEqual([
      'campaign.create',
      'campaign.start',
      'campaign.close',
    ])
    expect((await findCampaignByCode(deps.db, 'ngaysach2024'))?.status).toBe('closed')
    expect((await listCampaigns(deps, { statuses: ['closed'] })).length).toBe(1)
  })
})
