import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { recordAcknowledgement } from '../../../src/domain/acknowledgements/record-acknowledgement.js'
import { recordParticipation } from '../../../src/domain/acknowledgements/record-participation.js'
import { pendingForMember } from '../../../src/domain/acknowledgements/pending-for-member.js'
import type { KeyboardContext } from '../../../src/domain/broadcasts/keyboard-context.js'
import { refreshDueKeyboards } from '../../../src/domain/broadcasts/keyboard-refresh.js'
import { Pacer } from '../../../src/domain/broadcasts/pacer.js'
import { confirmBroadcast } from '../../../src/domain/broadcasts/schedule-broadcast.js'
import { createSender } from '../../../src/domain/broadcasts/sender.js'
import { FakeChatPort } from '../../support/fake-chat-port.js'
import { FakeTime } from '../../support/fake-time.js'
import { seedWorld, type World } from '../../support/seed-world.js'
import { createTestDeps, type TestDeps } from '../../support/temp-db.js'

let deps: TestDeps
let world: World
let time: FakeTime
let port: FakeChatPort
let pacer: Pacer
let broadcastId: number
/** chat id → message id of the delivered copy */
const copies = new Map<number, number>()

const keyboardFor = (c: KeyboardContext) => [
  [
    { text: `✅ Đã đọc (${c.ackCount})`, callbackData: `a1:${c.broadcastId}` },
    ...(c.participation === null
      ? []
      : [
          {
            text: `🙋 Tham gia (${c.participation.count})`,
            callbackData: `p1:${c.participation.activityId}`,
          },
        ]),
  ],
]

beforeEach(async () => {
  deps = await createTestDeps()
  world = await seedWorld(deps, { groups: 2 })
  time = new FakeTime(deps.clock)
  port = new FakeChatPort(time.now)
  pacer = new Pacer(time.now)
  const result = await confirmBroadcast(deps, {
    campaignCode: world.campaignCode,
    when: 'ngay',
    unitCodes: [],
    sourceChatId: 9,
    sourceMessageIds: [55],
    createdByMemberId: world.officeId,
    actorTelegramId: 9,
  })
  if (!result.ok) throw new Error(result.error.code)
  broadcastId = result.value.broadcastIds[0] ?? 0
  await createSender({
    deps,
    port,
    pacer,
    keyboardFor,
    sleep: time.sleep,
    keyboardRefresh: false,
  }).runOnce()
  copies.clear()
  for (const d of await deps.db.selectFrom('delivery').select(['chat_id', 'message_id']).execute())
    copies.set(d.chat_id, d.message_id ?? 0)
})
afterEach(() => deps.close())

const member = (unit: number, n: number) =>
  world.members[unit * 3 + n] ?? { id: 0, telegramId: 0, unitId: 0 }

describe('recordAcknowledgement', () => {
  it('counts a member once per broadcast, whatever they tap or react, keeping the first source', async () => {
    const m = member(0, 0)
    const at = { chatId: -1001, messageId: copies.get(-1001) ?? 0 }
    const byReaction = await recordAcknowledgement(deps, {
      ...at,
      telegramUserId: m.telegramId,
      source: 'reaction',
    })
    expect(byReaction).toMatchObject({
      ok: true,
      value: { created: true, broadcastId, count: 1, source: 'reaction' },
    })
    deps.clock.advance(60_000)
    const byButton = await recordAcknowledgement(deps, {
      ...at,
      broadcastId,
      telegramUserId: m.telegramId,
      source: 'button',
    })
    const again = await recordAcknowledgement(deps, {
      ...at,
      broadcastId,
      telegramUserId: m.telegramId,
      source: 'button',
    })
    expect(byButton).toMatchObject({
      ok: true,
      value: { created: false, count: 1, source: 'reaction' },
    })
    expect(again).toMatchObject({ ok: true, value: { created: false, count: 1 } })
    const rows = await deps.db
      .selectFrom('acknowledgement')
      .select(['source', 'created_at', 'member_id'])
      .execute()
    expect(rows).toEqual([
      { source: 'reaction', created_at: '2024-04-15T01:00:00.000Z', member_id: m.id },
    ])
    const other = await recordAcknowledgement(deps, {
      ...at,
      broadcastId,
      memberId: member(0, 1).id,
      source: 'reply',
    })
    expect(other).toMatchObject({ ok: true, value: { created: true, count: 2, source: 'reply' } })
  })

  it('refuses forged, foreign and unrelated messages, changing nothing', async () => {
    const m = member(0, 0)
    const own = {
      chatId: -1001,
      messageId: copies.get(-1001) ?? 0,
      telegramUserId: m.telegramId,
      source: 'button' as const,
    }
    expect(await recordAcknowledgement(deps, { ...own, broadcastId: broadcastId + 1 })).toEqual({
      ok: false,
      error: { code: 'stale-button' },
    })
    // The button of this broadcast pressed on a copy forwarded into a chat it was never sent to.
    expect(
      await recordAcknowledgement(deps, { ...own, chatId: -4242, messageId: 1, broadcastId }),
    ).toEqual({ ok: false, error: { code: 'wrong-chat-button' } })
    expect(await recordAcknowledgement(deps, { ...own, messageId: 1, source: 'reaction' })).toEqual(
      { ok: false, error: { code: 'not-a-broadcast' } },
    )
    expect(
      await recordAcknowledgement(deps, { ...own, broadcastId, telegramUserId: 777 }),
    ).toMatchObject({ ok: false, error: { code: 'unknown-member' } })
    expect(await deps.db.selectFrom('acknowledgement').selectAll().execute()).toEqual([])
    expect(
      await deps.db
        .selectFrom('delivery')
        .select(['acknowledged', 'keyboard_version'])
        .where('keyboard_version', '>', 0)
        .execute(),
    ).toEqual([])
  })
})

describe('keyboard refresh', () => {
  it('coalesces a burst of 200 taps into a handful of edits with the final count', async () => {
    const ids: number[] = []
    for (let i = 0; i < 200; i++) {
      const row = await deps.db
        .insertInto('member')
        .values({
          telegram_id: 50_000 + i,
          username: null,
          full_name: `Thành viên ${i}`,
          unit_id: world.units[0]?.id ?? null,
          telegram_language: null,
          chosen_language: null,
          private_chat_id: null,
          last_seen_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      ids.push(row.id)
    }
    const messageId = copies.get(-1001) ?? 0
    // 200 taps over 20 s, a refresh pass every second, then 30 s more of passes.
    for (let second = 0; second < 50; second++) {
      for (const id of ids.slice(second * 10, second * 10 + 10)) {
        await recordAcknowledgement(deps, {
          chatId: -1001,
          messageId,
          broadcastId,
          memberId: id,
          source: 'button',
        })
      }
      await refreshDueKeyboards(deps, { port, pacer, keyboardFor, minIntervalMs: 10_000 })
      time.advance(1_000)
    }
    const edits = port.calls.filter((c) => c.method === 'setButtons')
    expect(edits.length).toBeGreaterThan(0)
    expect(edits.length).toBeLessThanOrEqual(4)
    const last = edits.at(-1)
    expect(last?.method === 'setButtons' && last.buttons[0]?.[0]?.text).toBe('✅ Đã đọc (200)')
    console.info(`200 acks → ${edits.length} edits`)
  })

  it('waits when the group budget is short, and treats "not modified" as done', async () => {
    for (let i = 0; i < 16; i++) pacer.reserve(-1001, 'send')
    const messageId = copies.get(-1001) ?? 0
    await recordAcknowledgement(deps, {
      chatId: -1001,
      messageId,
      broadcastId,
      memberId: member(0, 0).id,
      source: 'button',
    })
    expect(await refreshDueKeyboards(deps, { port, pacer, keyboardFor })).toEqual({
      edited: 0,
      deferred: 1,
    })
    // A minute and the pacer's jitter margin later, the group has room again.
    time.advance(63_000)
    port.respond = () => ({
      kind: 'rejected',
      reason: 'Bad Request: message is not modified',
      errorCode: 400,
    })
    expect(await refreshDueKeyboards(deps, { port, pacer, keyboardFor })).toEqual({
      edited: 1,
      deferred: 0,
    })
    expect(
      await deps.db
        .selectFrom('delivery')
        .select('id')
        .whereRef('keyboard_version', '<>', 'refreshed_version')
        .execute(),
    ).toEqual([])
  })

  it('a crash between the edit and its record leaves the copy behind: edited again, never stale', async () => {
    const messageId = copies.get(-1001) ?? 0
    await recordAcknowledgement(deps, {
      chatId: -1001,
      messageId,
      broadcastId,
      memberId: member(0, 0).id,
      source: 'button',
    })
    // The edit reaches Telegram, then the process dies before recording it.
    const row = await deps.db
      .selectFrom('delivery')
      .select(['acknowledged', 'keyboard_version', 'refreshed_version'])
      .where('chat_id', '=', -1001)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ acknowledged: 1, keyboard_version: 1, refreshed_version: 0 })
    // After the restart the pass edits it (again) and records the version it showed.
    expect(await refreshDueKeyboards(deps, { port, pacer, keyboardFor })).toEqual({
      edited: 1,
      deferred: 0,
    })
    expect(
      await deps.db
        .selectFrom('delivery')
        .select(['keyboard_version', 'refreshed_version'])
        .where('chat_id', '=', -1001)
        .executeTakeFirstOrThrow(),
    ).toEqual({ keyboard_version: 1, refreshed_version: 1 })
    const last = port.calls.filter((c) => c.method === 'setButtons').at(-1)
    expect(last?.method === 'setButtons' && last.buttons[0]?.[0]?.text).toBe('✅ Đã đọc (1)')
  })
})

describe('recordParticipation', () => {
  it('one per member per activity; a repeat updates the evidence; it also acknowledges', async () => {
    const m = member(1, 0)
    const first = await recordParticipation(deps, {
      campaignCode: 'ngaysach2024',
      memberId: m.id,
      note: 'Đã đọc cuốn Đất rừng phương Nam',
      source: 'command',
    })
    expect(first).toMatchObject({
      ok: true,
      value: {
        created: true,
        count: 1,
        acknowledgedBroadcastId: broadcastId,
        activity: { title: 'Đọc sách và chia sẻ cảm nhận' },
      },
    })
    const second = await recordParticipation(deps, {
      campaignCode: 'NGAYSACH2024',
      memberId: m.id,
      note: null,
      photoFileId: 'photo-1',
      source: 'command',
    })
    expect(second).toMatchObject({ ok: true, value: { created: false, updated: true, count: 1 } })
    expect(
      await deps.db
        .selectFrom('participation')
        .select(['note', 'photo_file_id', 'source'])
        .execute(),
    ).toEqual([
      { note: 'Đã đọc cuốn Đất rừng phương Nam', photo_file_id: 'photo-1', source: 'command' },
    ])
    expect(
      await deps.db.selectFrom('acknowledgement').select(['member_id', 'source']).execute(),
    ).toEqual([{ member_id: m.id, source: 'command' }])
  })

  it('finds the only open activity, offers a choice among several, refuses when none', async () => {
    const bare = await recordParticipation(deps, { memberId: member(0, 1).id, source: 'command' })
    expect(bare.ok).toBe(true)
    const secondCampaign = await deps.db
      .insertInto('campaign')
      .values({
        code: 'HOCTAP2024',
        title: 'Học tập suốt đời',
        status: 'active',
        plan_number: null,
        issuer: null,
        place: null,
        issued_on: null,
        period_start: null,
        period_end: null,
        goal_rate: null,
        reminder_policy: null,
        source_fingerprint: null,
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await deps.db
      .insertInto('campaign_target')
      .values({ campaign_id: secondCampaign.id, unit_id: world.units[0]?.id ?? 0 })
      .execute()
    await deps.db
      .insertInto('activity')
      .values({
        campaign_id: secondCampaign.id,
        position: 1,
        title: 'Tham gia tuần lễ',
        kind: 'participation',
        lead_unit_id: null,
        lead_text: null,
        starts_on: null,
        due_on: null,
        due_text: null,
      })
      .execute()
    const choose = await recordParticipation(deps, { memberId: member(0, 2).id, source: 'command' })
    expect(choose).toMatchObject({
      ok: false,
      error: {
        code: 'choose-activity',
        options: [{ campaignCode: 'NGAYSACH2024' }, { campaignCode: 'HOCTAP2024' }],
      },
    })
    deps.clock.set('2024-05-01T03:00:00Z') // the Ngày Sách activity was due 30/4
    expect(
      await recordParticipation(deps, {
        campaignCode: 'NGAYSACH2024',
        memberId: member(0, 2).id,
        source: 'command',
      }),
    ).toEqual({
      ok: false,
      error: { code: 'no-participation-activity', campaignCode: 'NGAYSACH2024' },
    })
  })
})

describe('pendingForMember (/cuatoi)', () => {
  it('lists unacknowledged broadcasts and open activities, and the unit report for a head', async () => {
    const m = member(0, 0)
    await deps.db.updateTable('member').set({ role: 'head' }).where('id', '=', m.id).execute()
    const before = await pendingForMember(deps, m.id)
    if (!before.ok) throw new Error(before.error.code)
    expect(before.value.toConfirm.map((c) => [c.broadcastId, c.chatId])).toEqual([
      [broadcastId, -1001],
    ])
    expect(before.value.toDo.map((t) => [t.kind, t.dueOn, t.for])).toEqual([
      ['participation', '2024-04-30', 'member'],
      ['report', '2024-05-05', 'unit'],
    ])
    await recordAcknowledgement(deps, {
      chatId: -1001,
      messageId: copies.get(-1001) ?? 0,
      memberId: m.id,
      source: 'reaction',
    })
    await recordParticipation(deps, {
      campaignCode: 'NGAYSACH2024',
      memberId: m.id,
      source: 'command',
    })
    const after = await pendingForMember(deps, m.id)
    expect(after.ok && after.value).toEqual({
      toConfirm: [],
      toDo: [expect.objectContaining({ kind: 'report' })],
    })
  })
})
