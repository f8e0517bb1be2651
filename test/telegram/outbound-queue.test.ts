import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../../src/clock.js'
import { enqueueOutbound } from '../../src/domain/outbound/outbound.js'
import { confirmBroadcast } from '../../src/domain/broadcasts/schedule-broadcast.js'
import { seedWorld, type World } from '../support/seed-world.js'
import { TestBot, type Chat, type Person } from '../support/test-bot.js'

let t: TestBot
let world: World
let groups: Chat[]
let office: Person

beforeEach(async () => {
  t = await TestBot.start({ clock: new ManualClock('2024-04-15T01:00:00Z') })
  world = await seedWorld(t.app.deps)
  groups = world.units.map((u, i) => t.group(u.chatId, `Nhóm phòng ${i + 1}`))
  office = t.person({ id: 9, first_name: 'Văn', last_name: 'Phòng' })
})
afterEach(() => t.stop())

async function broadcastNow(text: string): Promise<number> {
  const composed = await office.says(text, 'private')
  const confirmed = await confirmBroadcast(t.app.deps, {
    campaignCode: world.campaignCode,
    when: null,
    unitCodes: [],
    sourceChatId: 9,
    sourceMessageIds: [composed.message!.message_id],
    createdByMemberId: world.officeId,
    actorTelegramId: 9,
  })
  if (!confirmed.ok) throw new Error(confirmed.error.code)
  return confirmed.value.broadcastIds[0]!
}

describe('the one outbound queue', () => {
  it('sends a queued message when its time comes, once, through the scheduler', async () => {
    await office.says('/start', 'private')
    await enqueueOutbound(
      t.db,
      [
        {
          key: 'test:1',
          kind: 'reminder',
          chatId: office.id,
          payload: { html: 'Nhắc việc: <b>nộp báo cáo</b>' },
          notBefore: '2024-04-15T02:00:00.000Z',
        },
      ],
      '2024-04-15T01:00:00.000Z',
    )
    await t.runSenderAt('2024-04-15T01:59:59Z')
    expect(t.botTexts(office)).not.toContain('Nhắc việc: nộp báo cáo')
    await t.runSenderAt('2024-04-15T02:00:00Z')
    await t.runSenderAt('2024-04-15T02:10:00Z')
    expect(t.botTexts(office).slice(1)).toEqual(['Nhắc việc: nộp báo cáo'])
    expect(
      await t.db.selectFrom('outbound_message').select(['state', 'message_id']).execute(),
    ).toEqual([{ state: 'sent', message_id: t.api.botMessages(office.id).at(-1)?.message_id }])
  })

  it('a delivery left in sending by a worker of another host is taken back by this live process when its lease runs out', async () => {
    await broadcastNow('Thông báo số 1')
    const [stuck] = await t.db.selectFrom('delivery').select('id').orderBy('id').execute()
    await t.db
      .updateTable('delivery')
      .set({
        state: 'sending',
        claimed_by: 'another-host:4242:abcd',
        lease_until: '2024-04-15T01:01:00.000Z',
      })
      .where('id', '=', stuck!.id)
      .execute()
    await t.runSenderAt('2024-04-15T01:00:30Z')
    expect(groups.map((g) => t.botTexts(g).length)).toEqual([0, 1, 1])
    await t.runSenderAt('2024-04-15T01:01:00Z')
    expect(groups.map((g) => t.botTexts(g))).toEqual([
      ['Thông báo số 1'],
      ['Thông báo số 1'],
      ['Thông báo số 1'],
    ])
    expect(
      await t.db
        .selectFrom('delivery')
        .select(['state', 'claimed_by', 'lease_until'])
        .where('id', '=', stuck!.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ state: 'sent', claimed_by: null, lease_until: null })
  })

  it('a 403 on a copy: the group goes inactive and the office’s notice goes out through the queue, once', async () => {
    const lost = groups[1]!
    t.api.failNext(
      'copyMessage',
      { status: 403, description: 'bot was kicked from the group chat' },
      { chatId: lost.id },
    )
    await broadcastNow('Thông báo số 1')
    await t.runSenderAt('2024-04-15T01:00:01Z')
    expect(t.lastBotText(office)).toBe(
      '⚠️ Loa đã bị xoá khỏi nhóm của Phòng số 2 và ngừng gửi vào nhóm này cho đến khi nhóm được đăng ký lại (/dangky).',
    )
    const notices = await t.db
      .selectFrom('outbound_message')
      .select(['kind', 'chat_id', 'state'])
      .execute()
    expect(notices).toEqual([{ kind: 'office-notice', chat_id: office.id, state: 'sent' }])
    // A second broadcast fails the lost group at claim and says nothing more.
    await broadcastNow('Thông báo số 2')
    await t.runSenderAt('2024-04-15T01:00:02Z')
    expect(t.botTexts(lost)).toEqual([])
    expect(await t.db.selectFrom('outbound_message').select('id').execute()).toHaveLength(1)
  })
})
