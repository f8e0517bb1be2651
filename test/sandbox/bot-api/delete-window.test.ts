import type { GrammyError } from 'grammy'
import { describe, expect, it } from 'vitest'
import { AN, BASIC_GROUP, GROUP, failure, setup } from './fixture.js'

const HOUR = 3_600_000

describe("deleting messages: Telegram's 48 hours", () => {
  it("refuses a bot message older than 48 hours where the bot has no right to delete any message, with Telegram's words", async () => {
    const { tg, api, clock } = await setup()
    tg.addGroup({ id: BASIC_GROUP, title: 'Phòng Kế hoạch', type: 'group' })
    tg.setMember(BASIC_GROUP, AN.id, 'creator')
    const old = await api.sendMessage(BASIC_GROUP, 'Gửi hôm thứ Hai')
    clock.advance(47 * HOUR)
    const fresh = await api.sendMessage(BASIC_GROUP, 'Gửi hôm thứ Tư')
    clock.advance(HOUR + 1_000)

    const refused = (await failure(api.deleteMessage(BASIC_GROUP, old.message_id))) as GrammyError
    expect(refused.error_code).toBe(400)
    expect(refused.description).toBe("Bad Request: message can't be deleted")
    expect(tg.botMessages(BASIC_GROUP).map((m) => m.text)).toEqual([
      'Gửi hôm thứ Hai',
      'Gửi hôm thứ Tư',
    ])
    // Several at once: the old one is skipped, the one within 48 hours goes.
    await api.deleteMessages(BASIC_GROUP, [old.message_id, fresh.message_id])
    expect(tg.botMessages(BASIC_GROUP).map((m) => m.text)).toEqual(['Gửi hôm thứ Hai'])
    const none = (await failure(api.deleteMessages(BASIC_GROUP, [old.message_id]))) as GrammyError
    expect(none.description).toBe("Bad Request: message can't be deleted")
  })

  it('lets a bot with the right to delete messages in a supergroup delete any of them, whatever the age', async () => {
    const { tg, api, clock } = await setup()
    tg.setBotStatus(GROUP, 'administrator', { can_delete_messages: true })
    const old = await api.sendMessage(GROUP, 'Gửi ba ngày trước')
    clock.advance(72 * HOUR)
    await api.deleteMessage(GROUP, old.message_id)
    expect(tg.botMessages(GROUP)).toEqual([])

    tg.setBotStatus(GROUP, 'member')
    const again = await api.sendMessage(GROUP, 'Gửi lại')
    clock.advance(49 * HOUR)
    const refused = (await failure(api.deleteMessage(GROUP, again.message_id))) as GrammyError
    expect(refused.description).toBe("Bad Request: message can't be deleted")
  })
})
