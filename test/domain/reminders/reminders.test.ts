import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { recordAcknowledgement } from '../../../src/domain/acknowledgements/record-acknowledgement.js'
import type { ReminderRenderer } from '../../../src/domain/reminders/reminder-renderer.js'
import {
  nextReminderDueAt,
  sendDueReminders,
} from '../../../src/domain/reminders/send-due-reminders.js'
import { syncReminders } from '../../../src/domain/reminders/sync-reminders.js'
import { createTestDeps, type TestDeps } from '../../support/temp-db.js'
import { seedWorld, type World } from '../../support/seed-world.js'
import { testDialect } from '../../support/test-database.js'

/** Texts as `key|args`, so tests see what the domain chose to say. */
const renderer: ReminderRenderer = {
  defaultLocale: 'vi',
  localeOf: (language) => language ?? 'vi',
  t: (_locale, key, args) => `${key}|${JSON.stringify(args ?? {})}`,
  acknowledgeButton: (_l, id) => ({ text: 'ack', callbackData: `a:${id}` }),
  participateButton: (_l, id, n) => ({ text: `join ${n}`, callbackData: `p:${id}` }),
  taskDoneButton: (_l, id) => ({ text: 'done', callbackData: `td:${id}` }),
}

let deps: TestDeps
let world: World

/** A sent broadcast to units 1 and 2, due Monday 22/04/2024 (Giỗ Tổ 18/04 is a day off). */
async function seedBroadcast(confirmBy = '2024-04-22'): Promise<number> {
  const broadcast = await deps.db
    .insertInto('broadcast')
    .values({
      campaign_id: world.campaignId,
      series_id: null,
      source_chat_id: 9,
      source_message_ids: '[1]',
      slogan: null,
      send_at: '2024-04-15T01:00:00.000Z',
      confirm_by: confirmBy,
      status: 'sent',
      created_by: world.officeId,
      reviewed_by: null,
      reviewed_at: null,
      review_note: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await deps.db
    .insertInto('broadcast_target')
    .values(world.units.slice(0, 2).map((u) => ({ broadcast_id: broadcast.id, unit_id: u.id })))
    .execute()
  // Delivered to both groups at 08:00 on 15/04.
  await deps.db
    .insertInto('delivery')
    .values(
      world.units.slice(0, 2).map((u, i) => ({
        broadcast_id: broadcast.id,
        unit_chat_id: u.unitChatId,
        unit_id: u.id,
        chat_id: u.chatId,
        thread_id: null,
        state: 'sent' as const,
        next_attempt_at: '2024-04-15T01:00:00.000Z',
        message_id: 500 + i,
        sent_at: '2024-04-15T01:00:01.000Z',
      })),
    )
    .execute()
  return broadcast.id
}

async function reminders(kind = 'broadcast') {
  return (
    deps.db
      .selectFrom('reminder')
      .select(['slot', 'audience', 'unit_id', 'scheduled_at', 'state', 'message_count'])
      .where('kind', '=', kind)
      .orderBy('scheduled_at')
      // The office's row (no unit) first on both engines: PostgreSQL sorts nulls last by default.
      .orderBy('unit_id', (ob) => ob.asc().nullsFirst())
      .execute()
  )
}

async function outbound() {
  const rows = await deps.db
    .selectFrom('outbound_message')
    .select(['key', 'chat_id', 'payload', 'not_before'])
    .orderBy('id')
    .execute()
  return rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) as { html: string } }))
}

beforeEach(async () => {
  deps = await createTestDeps()
  world = await seedWorld(deps, { campaign: { activities: [] } })
  // Unit 1: its first member is the head; members 1 and 2 have started the bot.
  const [m1, m2] = world.members
  await deps.db
    .updateTable('member')
    .set({ role: 'head', private_chat_id: m1!.telegramId })
    .where('id', '=', m1!.id)
    .execute()
  await deps.db
    .updateTable('member')
    .set({ private_chat_id: m2!.telegramId })
    .where('id', '=', m2!.id)
    .execute()
})
afterEach(() => deps.close())

describe('syncReminders', () => {
  it('plans d3, d1, d0 per target unit and the overdue notice, once however often it runs', async () => {
    const id = await seedBroadcast()
    expect(await syncReminders(deps, world.campaignId)).toEqual({ planned: 9, withdrawn: 0 })
    expect(await syncReminders(deps, world.campaignId)).toEqual({ planned: 0, withdrawn: 0 })
    const [u1, u2] = world.units.map((u) => u.id)
    expect(
      (await reminders()).map((r) => `${r.slot} ${r.audience} ${r.unit_id} ${r.scheduled_at}`),
    ).toEqual([
      // Three working days before Monday 22/04: 19/04, 17/04 and 16/04 (Thursday 18/04 is Giỗ Tổ).
      `d3 unit ${u1} 2024-04-16T01:00:00.000Z`,
      `d3 unit ${u2} 2024-04-16T01:00:00.000Z`,
      `d1 unit ${u1} 2024-04-19T01:00:00.000Z`,
      `d1 unit ${u2} 2024-04-19T01:00:00.000Z`,
      `d0 unit ${u1} 2024-04-22T01:00:00.000Z`,
      `d0 unit ${u2} 2024-04-22T01:00:00.000Z`,
      'overdue office null 2024-04-23T01:00:00.000Z',
      `overdue unit ${u1} 2024-04-23T01:00:00.000Z`,
      `overdue unit ${u2} 2024-04-23T01:00:00.000Z`,
    ])
    expect(await nextReminderDueAt(deps)).toBe('2024-04-16T01:00:00.000Z')
    // Cancelled: what was not sent is withdrawn, nothing is deleted.
    await deps.db
      .updateTable('broadcast')
      .set({ status: 'cancelled' })
      .where('id', '=', id)
      .execute()
    expect(await syncReminders(deps, world.campaignId)).toEqual({ planned: 0, withdrawn: 9 })
    expect((await reminders()).every((r) => r.state === 'skipped')).toBe(true)
    expect(await nextReminderDueAt(deps)).toBeNull()
  })

  it('scoped to some broadcasts, plans and withdraws only theirs and leaves the rest of the campaign as it is', async () => {
    const first = await seedBroadcast('2024-04-22')
    const second = await seedBroadcast('2024-04-25')
    expect(
      await syncReminders(deps, world.campaignId, undefined, { broadcastIds: [second] }),
    ).toEqual({ planned: 9, withdrawn: 0 })
    const planned = () =>
      deps.db
        .selectFrom('reminder')
        .select(['broadcast_id', 'state'])
        .where('kind', '=', 'broadcast')
        .execute()
    expect((await planned()).every((r) => r.broadcast_id === second)).toBe(true)
    // The whole campaign catches up on the first one.
    expect(await syncReminders(deps, world.campaignId)).toEqual({ planned: 9, withdrawn: 0 })
    // Both cancelled, only the first named: the second's rows stay owed.
    await deps.db
      .updateTable('broadcast')
      .set({ status: 'cancelled' })
      .where('id', 'in', [first, second])
      .execute()
    expect(
      await syncReminders(deps, world.campaignId, undefined, { broadcastIds: [first] }),
    ).toEqual({ planned: 0, withdrawn: 9 })
    const rows = await planned()
    expect(rows.filter((r) => r.broadcast_id === first).every((r) => r.state === 'skipped')).toBe(
      true,
    )
    expect(rows.filter((r) => r.broadcast_id === second).every((r) => r.state === 'pending')).toBe(
      true,
    )
    expect(await syncReminders(deps, world.campaignId, undefined, { broadcastIds: [] })).toEqual({
      planned: 0,
      withdrawn: 0,
    })
  })
})

describe('sendDueReminders', () => {
  it('names the pending members in the group, reaches them and the head in private, once', async () => {
    const id = await seedBroadcast()
    await syncReminders(deps, world.campaignId)
    const [m1, m2, m3] = world.members
    // Member 2 confirms before the first reminder: not named, not reminded.
    await deps.db
      .insertInto('acknowledgement')
      .values({
        broadcast_id: id,
        member_id: m2!.id,
        delivery_id: null,
        source: 'button',
        created_at: '2024-04-15T02:00:00Z',
      })
      .execute()
    deps.clock.set('2024-04-16T01:00:00Z')
    const stats = await sendDueReminders(deps, renderer)
    const rows = await outbound()
    // Unit 1: its group, its head (the list) and the office member who belongs to it; unit 2: its group.
    expect(stats).toEqual({ sent: 2, skipped: 0, messages: 4 })
    const byChat = new Map(rows.map((r) => [r.chat_id, r.payload.html]))
    expect([...byChat.keys()].sort()).toEqual(
      [world.units[0]!.chatId, world.units[1]!.chatId, m1!.telegramId, 9].sort(),
    )
    const group = byChat.get(world.units[0]!.chatId) ?? ''
    expect(group).toContain('remind-group-broadcast')
    expect(group).toContain(`<a href="tg://user?id=${m3!.telegramId}">Người 1.3</a>`)
    expect(group).toContain(`tg://user?id=${m1!.telegramId}`)
    expect(group).not.toContain(`tg://user?id=${m2!.telegramId}`)
    // The head gets the unit's list, with the button since the head is pending too.
    expect(byChat.get(m1!.telegramId)).toMatch(/^remind-head-broadcast.*"count":3/)
    expect(byChat.get(9)).toMatch(/^remind-member-broadcast/)
    expect(rows.every((r) => r.not_before === '2024-04-16T01:00:00.000Z')).toBe(true)
    // Again, and after a "restart": nothing twice.
    expect(await sendDueReminders(deps, renderer)).toEqual({ sent: 0, skipped: 0, messages: 0 })
    expect(await outbound()).toHaveLength(4)
  })

  it('after a stop over two reminder times sends only the latest; past due only the overdue notice', async () => {
    await seedBroadcast()
    await syncReminders(deps, world.campaignId)
    deps.clock.set('2024-04-19T03:00:00Z') // d3 and d1 both missed
    const stats = await sendDueReminders(deps, renderer)
    expect(stats).toMatchObject({ sent: 2, skipped: 2 })
    const states = await reminders()
    expect(states.filter((r) => r.slot === 'd3').map((r) => r.state)).toEqual([
      'skipped',
      'skipped',
    ])
    expect(states.filter((r) => r.slot === 'd1').map((r) => r.state)).toEqual(['sent', 'sent'])

    deps.clock.set('2024-04-24T02:00:00Z') // down over d0 and the overdue time
    await sendDueReminders(deps, renderer)
    const after = await reminders()
    expect(after.filter((r) => r.slot === 'd0').map((r) => r.state)).toEqual(['skipped', 'skipped'])
    // Office, unit 1's head; unit 2 has no head who started the bot, so its row found nobody.
    expect(after.filter((r) => r.slot === 'overdue').map((r) => r.state)).toEqual([
      'sent',
      'sent',
      'skipped',
    ])
    const overdue = (await outbound()).filter(
      (r) => r.key.includes(':o') || r.payload.html.startsWith('remind-overdue'),
    )
    expect(overdue.map((r) => r.payload.html.split('|')[0])).toEqual([
      'remind-overdue-office',
      'remind-overdue-head-broadcast',
    ])
    expect(overdue[0]!.payload.html).toContain('remind-overdue-line-broadcast')
    expect(await sendDueReminders(deps, renderer)).toEqual({ sent: 0, skipped: 0, messages: 0 })
  })

  it('leaves out a member excused that day (vắng mặt)', async () => {
    await seedBroadcast()
    await syncReminders(deps, world.campaignId)
    const [, m2, m3] = world.members
    await deps.db
      .insertInto('absence')
      .values({
        member_id: m3!.id,
        from_on: '2024-04-16',
        to_on: '2024-04-18',
        reason: 'công tác',
        created_by: null,
      })
      .execute()
    deps.clock.set('2024-04-16T01:00:00Z')
    await sendDueReminders(deps, renderer)
    const group = (await outbound()).find((r) => r.chat_id === world.units[0]!.chatId)!.payload.html
    expect(group).toContain(`tg://user?id=${m2!.telegramId}`)
    expect(group).not.toContain(`tg://user?id=${m3!.telegramId}`)
  })

  it('holds what falls due in quiet hours until 07:00', async () => {
    await seedBroadcast()
    await syncReminders(deps, world.campaignId)
    deps.clock.set('2024-04-16T15:30:00Z') // 22:30 in Hà Nội, the d3 reminder missed while down
    await sendDueReminders(deps, renderer)
    const rows = await outbound()
    expect(rows.length).toBeGreaterThan(0)
    expect(new Set(rows.map((r) => r.not_before))).toEqual(new Set(['2024-04-17T00:00:00.000Z']))
    // Hà reacts to the copy before 07:00: her queued private reminder is withdrawn, nothing else.
    const m2 = world.members[1]!
    const ack = await recordAcknowledgement(deps, {
      chatId: world.units[0]!.chatId,
      messageId: 500,
      memberId: m2.id,
      source: 'reaction',
    })
    expect(ack.ok).toBe(true)
    const states = await deps.db
      .selectFrom('outbound_message')
      .select(['chat_id', 'state'])
      .execute()
    expect(states.filter((r) => r.state === 'cancelled').map((r) => r.chat_id)).toEqual([
      m2.telegramId,
    ])
    expect(states.filter((r) => r.state === 'pending')).toHaveLength(states.length - 1)
  })

  it('reminds the heads of units that have not submitted a report, and the group on the due day', async () => {
    await deps.db
      .updateTable('campaign')
      .set({ status: 'active' })
      .where('id', '=', world.campaignId)
      .execute()
    const activity = await deps.db
      .insertInto('activity')
      .values({
        campaign_id: world.campaignId,
        position: 9,
        title: 'Báo cáo kết quả',
        kind: 'report',
        lead_unit_id: null,
        lead_text: null,
        starts_on: null,
        due_on: '2024-04-17',
        due_text: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    // Unit 2 has submitted; its head would hear nothing.
    await deps.db
      .insertInto('report_submission')
      .values({
        activity_id: activity.id,
        unit_id: world.units[1]!.id,
        submitted_by: null,
        text: 'Đã xong',
        document_file_id: null,
        document_name: null,
        created_at: '2024-04-15T02:00:00Z',
      })
      .execute()
    await syncReminders(deps, world.campaignId)
    deps.clock.set('2024-04-17T01:00:00Z')
    await sendDueReminders(deps, renderer)
    const rows = await outbound()
    expect(rows.map((r) => `${r.chat_id} ${r.payload.html.split('|')[0]}`).sort()).toEqual([
      `${world.units[0]!.chatId} remind-group-report`,
      `${world.units[2]!.chatId} remind-group-report`,
      `${world.members[0]!.telegramId} remind-head-report`,
    ])
  })
})

// SQLite's EXPLAIN QUERY PLAN; PostgreSQL's planner chooses by table statistics instead.
describe.skipIf(testDialect !== 'sqlite')("the scheduler's lookup", () => {
  it('uses the queue index, whatever the number of future rows', async () => {
    const plan = await sql<{
      detail: string
    }>`explain query plan select scheduled_at from reminder where state = 'pending' order by scheduled_at limit 1`.execute(
      deps.db,
    )
    expect(plan.rows.map((r) => r.detail).join(' ')).toMatch(
      /USING (COVERING )?INDEX reminder_queue_idx/,
    )
    expect(plan.rows.map((r) => r.detail).join(' ')).not.toMatch(/TEMP B-TREE/)
  })
})
