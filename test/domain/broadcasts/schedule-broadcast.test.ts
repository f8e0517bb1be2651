import { failWrites } from '../../support/test-database.js'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { claimDueDeliveries } from '../../../src/domain/broadcasts/outbox.js'
import { cancelBroadcast } from '../../../src/domain/broadcasts/cancel-broadcast.js'
import {
  approveBroadcast,
  rejectBroadcast,
} from '../../../src/domain/broadcasts/review-broadcast.js'
import {
  confirmBroadcast,
  previewBroadcast,
  type BroadcastRequest,
} from '../../../src/domain/broadcasts/schedule-broadcast.js'
import { broadcastDeliveryReport } from '../../../src/domain/broadcasts/delivery-report.js'
import { listSchedule } from '../../../src/domain/broadcasts/schedule-view.js'
import { createTestDeps, type TestDeps } from '../../support/temp-db.js'
import { seedWorld, type World } from '../../support/seed-world.js'

let deps: TestDeps
let world: World
beforeEach(async () => {
  // Monday 15/4/2024 08:00 in Hồ Chí Minh.
  deps = await createTestDeps()
  world = await seedWorld(deps, { groups: 4 })
})
afterEach(() => deps.close())

function request(overrides: Partial<BroadcastRequest> = {}): BroadcastRequest {
  return {
    campaignCode: 'ngaysach2024',
    when: '10:00',
    unitCodes: [],
    sourceChatId: 9,
    sourceMessageIds: [55],
    createdByMemberId: world.officeId,
    actorTelegramId: 9,
    ...overrides,
  }
}

async function addUnitWithoutGroup(): Promise<void> {
  const unit = await deps.db
    .insertInto('unit')
    .values({ code: 'KT', name: 'Phòng Kế toán', parent_id: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  await deps.db
    .insertInto('campaign_target')
    .values({ campaign_id: world.campaignId, unit_id: unit.id })
    .execute()
}

describe('previewBroadcast', () => {
  it('shows times, units with their active groups and units with none, writing nothing', async () => {
    await addUnitWithoutGroup()
    await deps.db
      .updateTable('unit_chat')
      .set({ is_active: 0 })
      .where('chat_id', '=', -1004)
      .execute()
    const preview = await previewBroadcast(deps, request())
    if (!preview.ok) throw new Error(preview.error.code)
    expect(preview.value.sendAts).toEqual(['2024-04-15T03:00:00.000Z'])
    expect(preview.value.targets.map((t) => [t.unit.code, t.chats.map((c) => c.chatId)])).toEqual([
      ['U1', [-1001]],
      ['U2', [-1002]],
      ['U3', [-1003]],
    ])
    expect(preview.value.unitsWithoutGroup.map((u) => u.code)).toEqual(['KT', 'U4'])
    expect(preview.value.deliveryCount).toBe(3)
    expect(await deps.db.selectFrom('broadcast').selectAll().execute()).toEqual([])
  })

  it('refuses unknown campaigns and units, closed campaigns, past times, targets with no group', async () => {
    expect(await previewBroadcast(deps, request({ campaignCode: 'XYZ' }))).toMatchObject({
      ok: false,
      error: { code: 'unknown-campaign' },
    })
    expect(await previewBroadcast(deps, request({ unitCodes: ['U1', 'ZZ'] }))).toMatchObject({
      ok: false,
      error: { code: 'unknown-unit', unitCode: 'ZZ' },
    })
    expect(await previewBroadcast(deps, request({ when: '07:00' }))).toMatchObject({
      ok: false,
      error: { code: 'date-in-past', example: '16/04/2024 07:00' },
    })
    await deps.db.updateTable('unit_chat').set({ is_active: 0 }).execute()
    expect(await previewBroadcast(deps, request())).toMatchObject({
      ok: false,
      error: { code: 'no-target-groups' },
    })
    await deps.db.updateTable('campaign').set({ status: 'closed' }).execute()
    expect(await previewBroadcast(deps, request())).toMatchObject({
      ok: false,
      error: { code: 'campaign-closed' },
    })
  })
})

describe('confirmBroadcast', () => {
  it('writes the broadcast, its targets and one pending delivery per active group', async () => {
    await deps.db
      .updateTable('unit_chat')
      .set({ is_active: 0 })
      .where('chat_id', '=', -1004)
      .execute()
    const result = await confirmBroadcast(deps, request({ unitCodes: ['u1', 'U2', 'U4', 'U1'] }))
    if (!result.ok) throw new Error(result.error.code)
    expect(result.value).toMatchObject({ status: 'scheduled', deliveryCount: 2, seriesId: null })
    const deliveries = await deps.db
      .selectFrom('delivery')
      .select(['chat_id', 'state', 'next_attempt_at'])
      .orderBy('chat_id', 'desc')
      .execute()
    expect(deliveries).toEqual([
      { chat_id: -1001, state: 'pending', next_attempt_at: '2024-04-15T03:00:00.000Z' },
      { chat_id: -1002, state: 'pending', next_attempt_at: '2024-04-15T03:00:00.000Z' },
    ])
    const targets = await deps.db.selectFrom('broadcast_target').select('unit_id').execute()
    expect(targets.length).toBe(3)
  })

  it('is atomic: a failure on the last delivery leaves no broadcast behind', async () => {
    await failWrites(deps.db, {
      table: 'delivery',
      on: 'insert',
      message: 'boom',
      when: { chat_id: -1004 },
    })
    await expect(confirmBroadcast(deps, request())).rejects.toThrow(/boom/)
    for (const table of ['broadcast', 'broadcast_target', 'delivery'] as const) {
      expect(await deps.db.selectFrom(table).selectAll().execute()).toEqual([])
    }
    expect(
      await deps.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', 'like', 'broadcast.%')
        .execute(),
    ).toEqual([])
  })

  it('hằng ngày: one broadcast per working day sharing a series, slogans rotated', async () => {
    const result = await confirmBroadcast(
      deps,
      request({ when: 'hangngay 08:00', rotateSlogans: true }),
    )
    if (!result.ok) throw new Error(result.error.code)
    const rows = await deps.db
      .selectFrom('broadcast')
      .select(['id', 'series_id', 'send_at', 'slogan'])
      .orderBy('id')
      .execute()
    expect(rows.map((r) => r.send_at.slice(0, 10))).toEqual([
      '2024-04-16',
      '2024-04-17',
      '2024-04-19',
      '2024-04-22',
      '2024-04-23',
      '2024-04-24',
      '2024-04-25',
      '2024-04-26',
      '2024-05-02',
      '2024-05-03',
    ])
    expect(new Set(rows.map((r) => r.series_id))).toEqual(new Set([rows[0]?.id]))
    expect(rows.slice(0, 4).map((r) => r.slogan)).toEqual([
      'Sách hay cần bạn đọc',
      'Sách quý tặng bạn',
      'Tặng sách hay - Mua sách thật',
      'Sách hay cần bạn đọc',
    ])
    expect(result.value.deliveryCount).toBe(40)
  })
})

describe('approval (PRODUCT §10)', () => {
  it('approved over an hour late: nothing written, the sender is asked for a new time', async () => {
    const result = await confirmBroadcast(deps, request())
    if (!result.ok) throw new Error(result.error.code)
    deps.clock.advance(3 * 3_600_000 + 60_000) // 11:01
    const id = result.value.broadcastIds[0] ?? 0
    const approved = await approveBroadcast(deps, {
      broadcastId: id,
      reviewerMemberId: null,
      actorTelegramId: 7,
    })
    expect(approved).toMatchObject({ ok: true, value: { needsNewTime: true, deliveryCount: 0 } })
    expect(await deps.db.selectFrom('delivery').selectAll().execute()).toEqual([])
    expect(
      await deps.db.selectFrom('pending_action').select(['member_id', 'kind']).execute(),
    ).toEqual([{ member_id: world.officeId, kind: 'approval-new-time' }])
  })

  beforeEach(async () => {
    await deps.db.updateTable('campaign').set({ requires_approval: 1 }).execute()
  })

  it('waits with no delivery until approved; approval writes them', async () => {
    const result = await confirmBroadcast(deps, request())
    if (!result.ok) throw new Error(result.error.code)
    expect(result.value).toMatchObject({ status: 'awaiting_approval', deliveryCount: 0 })
    expect(await deps.db.selectFrom('delivery').selectAll().execute()).toEqual([])
    const id = result.value.broadcastIds[0] ?? 0
    const approved = await approveBroadcast(deps, {
      broadcastId: id,
      reviewerMemberId: null,
      actorTelegramId: 7,
    })
    expect(approved).toMatchObject({ ok: true, value: { scheduled: [id], deliveryCount: 4 } })
    expect(
      await approveBroadcast(deps, { broadcastId: id, reviewerMemberId: null, actorTelegramId: 7 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'broadcast-not-awaiting-approval', status: 'scheduled' },
    })
    const audit = await deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'broadcast.%')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['broadcast.schedule', 'broadcast.approve'])
  })

  it('a one-off approved within the hour after its time goes now; a rejected one never goes', async () => {
    const first = await confirmBroadcast(deps, request())
    const second = await confirmBroadcast(deps, request())
    if (!first.ok || !second.ok) throw new Error('confirm')
    deps.clock.advance(150 * 60_000) // 10:30: half an hour late
    await approveBroadcast(deps, {
      broadcastId: first.value.broadcastIds[0] ?? 0,
      reviewerMemberId: null,
      actorTelegramId: 7,
    })
    const due = await deps.db.selectFrom('delivery').select('next_attempt_at').distinct().execute()
    expect(due).toEqual([{ next_attempt_at: deps.clock.now().toISOString() }])
    const rejected = await rejectBroadcast(deps, {
      broadcastId: second.value.broadcastIds[0] ?? 0,
      reviewerMemberId: null,
      actorTelegramId: 7,
      note: 'Sửa lại',
    })
    expect(rejected.ok).toBe(true)
    expect(
      await deps.db
        .selectFrom('broadcast')
        .select(['status', 'review_note'])
        .where('id', '=', second.value.broadcastIds[0] ?? 0)
        .executeTakeFirst(),
    ).toEqual({
      status: 'rejected',
      review_note: 'Sửa lại',
    })
  })
})

describe('cancelBroadcast and /lich', () => {
  it('cancels before anything left, deleting its pending deliveries', async () => {
    const result = await confirmBroadcast(deps, request())
    if (!result.ok) throw new Error(result.error.code)
    const id = result.value.broadcastIds[0] ?? 0
    const schedule = await listSchedule(deps)
    expect(
      schedule.ok && schedule.value.map((e) => [e.campaignCode, e.cancellable, e.counts.waiting]),
    ).toEqual([['NGAYSACH2024', true, 4]])
    expect(await cancelBroadcast(deps, { broadcastId: id, actorTelegramId: 9 })).toEqual({
      ok: true,
      value: { cancelled: [id] },
    })
    expect(await deps.db.selectFrom('delivery').selectAll().execute()).toEqual([])
    expect(await cancelBroadcast(deps, { broadcastId: id, actorTelegramId: 9 })).toMatchObject({
      ok: false,
      error: { code: 'broadcast-not-cancellable', status: 'cancelled' },
    })
    expect(await cancelBroadcast(deps, { broadcastId: 999, actorTelegramId: 9 })).toMatchObject({
      ok: false,
      error: { code: 'unknown-broadcast' },
    })
  })

  it('refuses once a copy may be on its way', async () => {
    const result = await confirmBroadcast(deps, request({ when: 'ngay' }))
    if (!result.ok) throw new Error(result.error.code)
    await claimDueDeliveries(deps, { limit: 1, workerId: 't' })
    const id = result.value.broadcastIds[0] ?? 0
    expect(await cancelBroadcast(deps, { broadcastId: id, actorTelegramId: 9 })).toMatchObject({
      ok: false,
      error: { code: 'broadcast-not-cancellable', status: 'sending' },
    })
    const report = await broadcastDeliveryReport(deps, id)
    expect(report.ok && report.value.groups.map((g) => [g.unitCode, g.state])).toEqual([
      ['U1', 'sending'],
      ['U2', 'pending'],
      ['U3', 'pending'],
      ['U4', 'pending'],
    ])
  })

  it('cancels the rest of a daily series', async () => {
    const result = await confirmBroadcast(deps, request({ when: 'hangngay 08:00' }))
    if (!result.ok) throw new Error(result.error.code)
    const cancelled = await cancelBroadcast(deps, {
      broadcastId: result.value.broadcastIds[3] ?? 0,
      actorTelegramId: 9,
      wholeSeries: true,
    })
    expect(cancelled.ok && cancelled.value.cancelled.length).toBe(10)
  })
})
