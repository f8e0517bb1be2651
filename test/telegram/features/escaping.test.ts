import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importRoster } from '../../../src/domain/units/import-roster.js'
import { importUnits } from '../../../src/domain/units/import-units.js'
import { TestBot } from '../../support/test-bot.js'

/**
 * Names with HTML's special characters reach the chat as typed: the
 * translator escapes each argument once (src/telegram/i18n.ts), HTML replies
 * keep their own <b>, and plain replies show no `&amp;`.
 */
const ADMIN = 500
const UNIT = 'Phòng <b>Văn hoá</b> & "Thể thao"'
const PERSON = 'Lan <i>&</i> Co'
let t: TestBot

beforeEach(async () => {
  t = await TestBot.start({ admins: [ADMIN] })
  await importUnits(t.app.deps, `code,name,parent_code\nVH,"${UNIT.replace(/"/g, '""')}",\n`)
  await importRoster(
    t.app.deps,
    `unit_code,full_name,telegram_id,username,role\nVH,${PERSON},1001,,\n`,
  )
})
afterEach(() => t.stop())

function lastMessage(chatId: number) {
  const message = t.api.botMessages(chatId).at(-1)
  if (message === undefined) throw new Error(`no bot message in ${chatId}`)
  return { text: message.text ?? '', entities: message.entities ?? [] }
}

function entityText(text: string, entity: { offset: number; length: number }): string {
  return text.slice(entity.offset, entity.offset + entity.length)
}

describe('names with <, & and " in replies', () => {
  it('an HTML greeting shows the person and the unit as typed, bold only where the locale says', async () => {
    const lan = t.person({ id: 1001, first_name: 'Lan' })
    await lan.says('/start', 'private')
    const { text, entities } = lastMessage(1001)
    expect(text).toContain(`Xin chào Anh/Chị ${PERSON} (${UNIT})!`)
    expect(text).not.toContain('&amp;')
    expect(text).not.toContain('&lt;')
    const bold = entities.filter((e) => e.type === 'bold').map((e) => entityText(text, e))
    expect(bold[0]).toBe(PERSON)
    // The name's own <i> is text, not formatting.
    expect(entities.some((e) => e.type === 'italic')).toBe(false)
  })

  it('the unit list (HTML) and a rename answer (plain text) show the name once escaped', async () => {
    const admin = t.person({ id: ADMIN, first_name: 'Hùng' })
    await admin.says('/donvi', 'private')
    const list = t.botTexts(admin).join('\n')
    expect(list).toContain(`VH — ${UNIT}`)
    expect(list).not.toMatch(/&(amp|lt|gt|quot);/)

    await admin.says('/donvi doiten VH Tổ <u>A</u> & B', 'private')
    const renamed = lastMessage(ADMIN)
    expect(renamed.text).toBe('Đã đổi tên đơn vị VH thành Tổ <u>A</u> & B.')
    expect(renamed.entities).toEqual([])
  })
})
