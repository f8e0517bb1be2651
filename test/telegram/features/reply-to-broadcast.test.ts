import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/clock.js'
import { seedWorld, type World } from '../../support/seed-world.js'
import { TestBot, type Chat, type Person } from '../../support/test-bot.js'

let t: TestBot
let world: World
let groups: Chat[]
let office: Person

beforeEach(async () => {
  // 08:00 in Hà Nội on Monday 15/04/2024.
  t = await TestBot.start({ clock: new ManualClock('2024-04-15T01:00:00Z') })
  world = await seedWorld(t.app.deps)
  groups = world.units.map((u, i) => t.group(u.chatId, `Nhóm phòng ${i + 1}`))
  office = t.person({ id: 9, first_name: 'Văn', last_name: 'Phòng' })
  await office.says('/start', 'private')
  const composed = await office.says('Sách hay cần bạn đọc', 'private')
  await office.says('/gui NGAYSACH2024 ngay U1', 'private', {
    replyTo: composed.message!.message_id,
  })
  await t.confirmLast(office)
  await t.runSenderAt('2024-04-15T01:00:05Z')
})
afterEach(() => t.stop())

const copyId = () => t.api.botMessages(groups[0]!.id).at(-1)!.message_id
const acks = () =>
  t.db.selectFrom('acknowledgement').select(['member_id', 'source']).orderBy('id').execute()
const memberId = (telegramId: number) => world.members.find((m) => m.telegramId === telegramId)!.id

describe('a text reply to a broadcast (issue 11, point 1)', () => {
  it('counts when it acknowledges, by phrase or emoji, and not when it asks', async () => {
    const [lan, minh, ha] = [101, 102, 103].map((id) => t.person({ id, first_name: `Người ${id}` }))
    await lan!.says('Ai chủ trì vậy?', groups[0]!, { replyTo: copyId() })
    await lan!.says('Em chưa hiểu, hạn là bao giờ ạ?', groups[0]!, { replyTo: copyId() })
    await minh!.says('Đã nắm ạ', groups[0]!, { replyTo: copyId() })
    await ha!.says('👍', groups[0]!, { replyTo: copyId() })
    expect(await acks()).toEqual([
      { member_id: memberId(102), source: 'reply' },
      { member_id: memberId(103), source: 'reply' },
    ])
  })

  it('a question goes to the sender in private, once, and nothing is said in the group', async () => {
    const lan = t.person({ id: 101, first_name: 'Lan', last_name: 'Nguyễn Thị' })
    const before = t.botTexts(office).length
    await lan.says('Em chưa hiểu, hạn là bao giờ ạ?', groups[0]!, { replyTo: copyId() })
    await t.runSenderAt('2024-04-15T01:00:10Z')
    await t.runSenderAt('2024-04-15T01:00:15Z')
    const forwarded = t.botTexts(office).slice(before)
    expect(forwarded).toEqual([
      '❓ Đ/c Nguyễn Thị Lan ở Phòng số 1 hỏi về thông báo số 1 (NGAYSACH2024):\n«Em chưa hiểu, hạn là bao giờ ạ?»\nTrả lời trực tiếp trong nhóm của đơn vị.',
    ])
    expect(t.botTexts(groups[0]!)).toEqual(['Sách hay cần bạn đọc'])
    expect(await acks()).toEqual([])
    expect(
      await t.db.selectFrom('outbound_message').select(['kind', 'chat_id', 'state']).execute(),
    ).toEqual([{ kind: 'broadcast-question', chat_id: office.id, state: 'sent' }])
  })

  it('in quiet hours the question waits for 07:00', async () => {
    const lan = t.person({ id: 101, first_name: 'Lan' })
    t.clock.set('2024-04-15T15:30:00Z') // 22:30
    const before = t.botTexts(office).length
    await lan.says('Khi nào nộp báo cáo', groups[0]!, { replyTo: copyId() })
    await t.runSenderAt('2024-04-15T15:31:00Z')
    expect(t.botTexts(office).slice(before)).toEqual([])
    await t.runSenderAt('2024-04-16T00:00:01Z') // 07:00
    expect(t.botTexts(office).slice(before)).toHaveLength(1)
  })
})
