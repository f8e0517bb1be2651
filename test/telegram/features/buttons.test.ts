import { randomBytes } from 'node:crypto'
import type { Update } from 'grammy/types'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/clock.js'
import { seedWorld, type World } from '../../support/seed-world.js'
import { TestBot, type Chat, type Person } from '../../support/test-bot.js'

let t: TestBot
let world: World
let groups: Chat[]
let office: Person

const STALE = 'Nút này đã cũ hoặc không hợp lệ; không có gì thay đổi.'

beforeEach(async () => {
  t = await TestBot.start({ clock: new ManualClock('2024-04-15T00:00:00Z') })
  world = await seedWorld(t.app.deps)
  groups = world.units.map((u, i) => t.group(u.chatId, `Nhóm phòng ${i + 1}`))
  office = t.person({ id: 9, first_name: 'Văn', last_name: 'Phòng' })
})
afterEach(() => t.stop())

/** A broadcast to U1 only, sent; returns the copy in U1's group. */
async function sendToU1(): Promise<{ messageId: number; activityId: number }> {
  const composed = await office.says('Sách hay cần bạn đọc', 'private')
  await office.says(`/gui ${world.campaignCode} ngay U1`, 'private', {
    replyTo: composed.message!.message_id,
  })
  await t.confirmLast(office)
  await t.runSenderAt('2024-04-15T00:00:01Z')
  const copy = t.api.botMessages(groups[0]!.id).at(-1)!
  const join = t.buttons(groups[0]!, copy.message_id).find((b) => b.text.startsWith('🙋'))!
  return { messageId: copy.message_id, activityId: Number(join.callback_data.split(':')[2]) }
}

const answerTo = (press: Update) =>
  t.api.callbackAnswers.find((a) => a.callback_query_id === press.callback_query?.id)

const participations = () =>
  t.db.selectFrom('participation').select(['member_id', 'activity_id']).execute()

describe('every press is answered (PRODUCT §9 forged callback data)', () => {
  it('junk, empty and foreign data get the polite toast and change nothing', async () => {
    const start = await office.says('/start', 'private')
    const messageId = t.api.botMessages(office.id).at(-1)!.message_id
    const before = await t.db.selectFrom('audit_log').select('id').execute()
    for (const data of [
      randomBytes(48).toString('latin1'),
      '',
      'other-bot:do:1',
      'v9:zz:1',
      'v1:a:abc',
    ]) {
      const press = await office.presses('private', messageId, data, { forged: true })
      expect(answerTo(press)?.text).toBe(STALE)
    }
    expect(start.update_id).toBeGreaterThan(0)
    expect(await t.db.selectFrom('audit_log').select('id').execute()).toEqual(before)
  })
})

describe('🙋 Tham gia', () => {
  it('counts on a delivered copy, in its chat, by a member of a target unit', async () => {
    const { messageId, activityId } = await sendToU1()
    const member = world.members[0]!
    const person = t.person({ id: member.telegramId, first_name: 'Người', last_name: '1.1' })
    const press = await person.presses(groups[0]!, messageId, `v1:p:${activityId}`)
    expect(answerTo(press)?.text).toMatch(/^Đã ghi nhận/)
    expect(await participations()).toEqual([{ member_id: member.id, activity_id: activityId }])
  })

  it('a forged press on the member’s own /start reply in private is refused and records nothing', async () => {
    const { activityId } = await sendToU1()
    const member = world.members[0]!
    const person = t.person({ id: member.telegramId, first_name: 'Người', last_name: '1.1' })
    await person.says('/start', 'private')
    const own = t.api.botMessages(person.id).at(-1)!
    const press = await person.presses('private', own.message_id, `v1:p:${activityId}`, {
      forged: true,
    })
    expect(answerTo(press)?.text).toBe(STALE)
    expect(await participations()).toEqual([])
  })

  it('a member of a unit the broadcast did not target is refused on the copy', async () => {
    const { messageId, activityId } = await sendToU1()
    // A U2 member who sits in U1's group.
    const outsider = world.members.find((m) => m.unitId === world.units[1]!.id)!
    const person = t.person({ id: outsider.telegramId, first_name: 'Người', last_name: '2.1' })
    const press = await person.presses(groups[0]!, messageId, `v1:p:${activityId}`)
    expect(answerTo(press)?.text).toBe(
      'Anh/Chị không thuộc đơn vị nhận thông báo này nên không đăng ký tham gia qua nút này được; không có gì thay đổi.',
    )
    expect(await participations()).toEqual([])
  })

  it('a participation id from another campaign on a copy is refused', async () => {
    const { messageId } = await sendToU1()
    const member = world.members[0]!
    const person = t.person({ id: member.telegramId, first_name: 'Người', last_name: '1.1' })
    const press = await person.presses(groups[0]!, messageId, 'v1:p:999', { forged: true })
    expect(answerTo(press)?.text).not.toMatch(/^Đã ghi nhận/)
    expect(await participations()).toEqual([])
  })
})
