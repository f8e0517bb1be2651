import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/clock.js'
import { seedWorld, type World } from '../../support/seed-world.js'
import { TestBot, type Chat, type Person } from '../../support/test-bot.js'

const ADMIN = 500
let t: TestBot
let world: World
let groups: Chat[]
let office: Person

beforeEach(async () => {
  t = await TestBot.start({ admins: [ADMIN], clock: new ManualClock('2024-04-15T02:00:00Z') })
  world = await seedWorld(t.app.deps)
  groups = world.units.map((u, i) => t.group(u.chatId, `Nhóm phòng ${i + 1}`))
  office = t.person({ id: 9, first_name: 'Văn', last_name: 'Phòng' })
})
afterEach(() => t.stop())

describe('what nothing else handled (issue 11, point 4)', () => {
  it('in private: an unknown command, a planned one and free text each get a short answer', async () => {
    const minh = t.person({ id: 101, first_name: 'Minh' })
    await minh.says('/abc', 'private')
    expect(t.lastBotText(minh)).toBe(
      'Loa không có lệnh /abc. Gõ /trogiup để xem các lệnh Anh/Chị dùng được.',
    )
    await minh.says('/vangmat 15/4 16/4', 'private')
    expect(t.lastBotText(minh)).toBe(
      'Lệnh /vangmat chưa có trong phiên bản này của Loa. Gõ /trogiup để xem các lệnh Anh/Chị dùng được.',
    )
    await minh.says('Cho em hỏi hạn nộp bài là bao giờ ạ?', 'private')
    expect(t.lastBotText(minh)).toBe(
      'Loa chưa hiểu «Cho em hỏi hạn nộp bài là bao giờ ạ?». Gõ /trogiup để xem các lệnh Anh/Chị dùng được.',
    )
    expect(t.botTexts(minh)).toHaveLength(3)
  })

  it('in English for an English client', async () => {
    const anna = t.person({ id: 777, first_name: 'Anna', language_code: 'en' })
    await anna.says('/whatever', 'private')
    expect(t.lastBotText(anna)).toBe(
      'Loa has no command /whatever. Type /help to see the commands you can use.',
    )
    await anna.says('/importplan', 'private')
    expect(t.lastBotText(anna)).toBe(
      'Only office staff and administrators can use /importplan, in a private chat with the bot.',
    )
  })

  it('a command that exists but is not for this person keeps its explanation, once', async () => {
    const minh = t.person({ id: 101, first_name: 'Minh' })
    await minh.says('/importplan', 'private')
    expect(t.botTexts(minh)).toEqual([
      'Lệnh /importplan chỉ dành cho Văn phòng Sở và quản trị viên, dùng trong tin nhắn riêng với Loa.',
    ])
  })

  it('office staff composing a broadcast in private are not interrupted', async () => {
    await office.says('Sách hay cần bạn đọc', 'private')
    expect(t.botTexts(office)).toEqual([])
  })

  it('in a unit group: silent for commands that are not Loa’s and for talk', async () => {
    const minh = t.person({ id: 101, first_name: 'Minh' })
    await minh.says('/abc', groups[0]!)
    await minh.says('/start@other_bot', groups[0]!)
    await minh.says('Chào cả phòng', groups[0]!)
    expect(t.botTexts(groups[0]!)).toEqual([])
  })
})

describe('/thamgia when no campaign is open (issue 11, point 10)', () => {
  it('says there is no campaign open for participation, not an empty placeholder', async () => {
    await t.db.updateTable('campaign').set({ status: 'closed' }).execute()
    const minh = t.person({ id: 101, first_name: 'Minh' })
    await minh.says('/thamgia', groups[0]!)
    expect(t.lastBotText(groups[0]!)).toBe(
      'Hiện không có chiến dịch nào đang nhận đăng ký tham gia.',
    )
  })
})

describe('/phanquyen in Vietnamese (issue 11, point 15)', () => {
  it('accepts thanhvien, truongdonvi, lanhdao and vanphong, and names them when refusing', async () => {
    const admin = t.person({ id: ADMIN, first_name: 'Hùng' })
    const roleOf = async () =>
      (
        await t.db
          .selectFrom('member')
          .select('role')
          .where('telegram_id', '=', 101)
          .executeTakeFirstOrThrow()
      ).role
    for (const [word, role] of [
      ['vanphong', 'office'],
      ['lanhdao', 'leader'],
      ['truongdonvi', 'head'],
      ['ThanhVien', 'member'],
    ] as const) {
      await admin.says(`/phanquyen 101 ${word}`, 'private')
      expect(await roleOf()).toBe(role)
    }
    expect(t.lastBotText(admin)).toBe('Đã giao vai trò thành viên cho đồng chí Người 1.1.')
    await admin.says('/phanquyen 101 sep', 'private')
    expect(t.lastBotText(admin)).toBe(
      'Vai trò «sep» không hợp lệ; chọn thanhvien (thành viên), truongdonvi (trưởng đơn vị), lanhdao (Lãnh đạo Sở) hoặc vanphong (Văn phòng Sở). Ví dụ: /phanquyen @nguyenlan vanphong',
    )
    expect(await roleOf()).toBe('member')
  })
})

describe('help and /start (issue 11, points 18 and 19)', () => {
  it('each language leads with its own command name, and no alias repeats the name', async () => {
    const minh = t.person({ id: 101, first_name: 'Minh' })
    await minh.says('/trogiup', 'private')
    const vi = t.lastBotText(minh)
    expect(vi).toContain('/trogiup (/help) — ')
    expect(vi).toContain('/start — ')
    expect(vi).not.toContain('(/start)')
    const anna = t.person({ id: 777, first_name: 'Anna', language_code: 'en' })
    await anna.says('/help', 'private')
    const en = t.lastBotText(anna)
    expect(en).toContain('/help (/trogiup) — ')
    expect(en).toContain('/mine (/cuatoi) — ')
    expect(en).not.toContain('(/start)')
  })

  it('/start tells each person their own Telegram id, in one register', async () => {
    const minh = t.person({ id: 101, first_name: 'Minh' })
    await minh.says('/start', 'private')
    const reply = t.lastBotText(minh)
    expect(reply).toContain('Mã Telegram của Anh/Chị: 101')
    expect(reply).not.toMatch(/Đ\/c|đồng chí/)
  })

  it('addresses a head by the title of the unit', async () => {
    await t.db.updateTable('member').set({ role: 'head' }).where('telegram_id', '=', 101).execute()
    await t.db
      .updateTable('unit')
      .set({ name: 'Phòng Tổ chức cán bộ' })
      .where('code', '=', 'U1')
      .execute()
    const minh = t.person({ id: 101, first_name: 'Minh' })
    await minh.says('/start', 'private')
    expect(t.lastBotText(minh)).toContain('Xin chào Anh/Chị Minh, Trưởng phòng Tổ chức cán bộ!')
  })
})

describe('dates in TIMEZONE (issue 11, point 2)', () => {
  it('/cuatoi names the local day of a copy sent at 01:12 after local midnight', async () => {
    t.clock.set('2024-04-15T16:00:00Z') // 23:00 on 15/04 in Hà Nội
    const composed = await office.says('Sách hay cần bạn đọc', 'private')
    await office.says('/gui NGAYSACH2024 16/04/2024 01:12 U1', 'private', {
      replyTo: composed.message!.message_id,
    })
    await t.confirmLast(office)
    expect(t.lastBotText(office)).toContain('lúc 01:12 ngày 16/04/2024')
    await t.runSenderAt('2024-04-15T18:12:00Z') // still the 15th in UTC
    const minh = t.person({ id: 101, first_name: 'Minh' })
    await minh.says('/cuatoi', 'private')
    expect(t.lastBotText(minh)).toContain('(gửi ngày 16/04/2024)')
  })
})

describe('an activity without a deadline (issue 11, wording)', () => {
  it('/cuatoi says «không có hạn», not «hạn —»', async () => {
    await t.db.updateTable('activity').set({ due_on: null, due_text: null }).execute()
    const minh = t.person({ id: 101, first_name: 'Minh' })
    await minh.says('/cuatoi', 'private')
    expect(t.lastBotText(minh)).toContain('Đọc sách và chia sẻ cảm nhận (tham gia; không có hạn)')
    const anna = t.person({ id: 102, first_name: 'Anna', language_code: 'en' })
    await anna.says('/mine', 'private')
    expect(t.lastBotText(anna)).toContain('(participation; no deadline)')
  })
})

describe('error examples are of the command typed, with real codes (issue 11, point 7)', () => {
  it('/gui with an unknown unit shows a /gui example, not /dangky', async () => {
    const composed = await office.says('Sách hay cần bạn đọc', 'private')
    await office.says('/gui NGAYSACH2024 ngay XYZ', 'private', {
      replyTo: composed.message!.message_id,
    })
    expect(t.lastBotText(office)).toBe(
      'Không có đơn vị mã «XYZ». Các mã hiện có: U1, U2, U3. Ví dụ: /gui NGAYSACH2024 ngay U1',
    )
  })

  it('an unknown campaign code shows the same command with a real code', async () => {
    await office.says('/chiendich SACH2099 batdau', 'private')
    expect(t.lastBotText(office)).toBe(
      'Không có chiến dịch mã «SACH2099». Các mã hiện có: NGAYSACH2024. Ví dụ: /chiendich NGAYSACH2024 batdau',
    )
  })
})

describe('/gui hangngay after the period (issue 11, point 7)', () => {
  it('says the campaign period ended, with the period', async () => {
    t.clock.set('2024-05-06T01:00:00Z') // the seeded campaign ran 15/04–03/05/2024
    const composed = await office.says('Sách hay cần bạn đọc', 'private')
    await office.says('/gui NGAYSACH2024 hangngay 08:00', 'private', {
      replyTo: composed.message!.message_id,
    })
    expect(t.lastBotText(office)).toBe(
      'Chiến dịch NGAYSACH2024 đã hết thời gian thực hiện (15/04/2024 – 03/05/2024) nên không gửi hằng ngày được nữa. Muốn gửi một lần, Anh/Chị dùng /gui NGAYSACH2024 ngay',
    )
    expect(await t.db.selectFrom('broadcast').selectAll().execute()).toEqual([])
  })
})

describe('toasts cut at a word (issue 11, point 14)', () => {
  it('🙋 on a long activity title ends with «…» after a whole word, within 200 characters', async () => {
    const long =
      'Tuyên truyền, phổ biến sâu rộng tới toàn thể cán bộ, công chức, viên chức và người lao động trong cơ quan về ý nghĩa của Ngày Sách và Văn hóa đọc Việt Nam, khuyến khích mỗi người đọc ít nhất một cuốn sách hay'
    await t.db.updateTable('activity').set({ title: long }).execute()
    const composed = await office.says('Sách hay cần bạn đọc', 'private')
    await office.says('/gui NGAYSACH2024 ngay U1', 'private', {
      replyTo: composed.message!.message_id,
    })
    await t.confirmLast(office)
    await t.runSenderAt('2024-04-15T02:00:05Z')
    const copy = t.api.botMessages(groups[0]!.id).at(-1)!
    const join = t.buttons(groups[0]!).find((b) => b.text.startsWith('🙋'))!
    await t
      .person({ id: 101, first_name: 'Minh' })
      .presses(groups[0]!, copy.message_id, join.callback_data)
    const toast = t.api.callbackAnswers.at(-1)!.text!
    expect(toast.length).toBeLessThanOrEqual(200)
    expect(toast).toMatch(/^Đã ghi nhận Anh\/Chị tham gia: Tuyên truyền, .* [^ ]+…$/u)
    const kept = toast.slice('Đã ghi nhận Anh/Chị tham gia: '.length, -1)
    expect(long.startsWith(kept)).toBe(true)
    expect([' ', ',']).toContain(long[kept.length])
  })
})

describe('/gui … ngay in quiet hours (issue 11, point 13)', () => {
  async function previewNow() {
    const composed = await office.says('Sách hay cần bạn đọc', 'private')
    await office.says('/gui NGAYSACH2024 ngay U1', 'private', {
      replyTo: composed.message!.message_id,
    })
    return t.api.botMessages(office.id).at(-1)!
  }

  it('warns and offers «Gửi lúc 07:00» beside «Gửi ngay»; the first press wins', async () => {
    t.clock.set('2024-04-15T15:30:00Z') // 22:30
    const preview = await previewNow()
    expect(preview.text).toContain('🌙 Bây giờ là ngoài giờ (21:00–07:00)')
    const [morning, now, cancel] = t.buttons(office)
    expect([morning?.text, now?.text, cancel?.text]).toEqual([
      'Gửi lúc 07:00',
      'Gửi ngay',
      '✖️ Huỷ',
    ])
    await office.presses('private', preview.message_id, morning!.callback_data)
    expect(t.lastBotText(office)).toMatch(/ lúc 07:00 ngày 16\/04\/2024\./)
    await office.presses('private', preview.message_id, now!.callback_data, { forged: true })
    expect(await t.db.selectFrom('broadcast').select(['send_at', 'status']).execute()).toEqual([
      { send_at: '2024-04-16T00:00:00.000Z', status: 'scheduled' },
    ])
  })

  it('«Gửi ngay» still sends now, and in the day nothing is added', async () => {
    t.clock.set('2024-04-15T15:30:00Z')
    const preview = await previewNow()
    await office.presses('private', preview.message_id, t.buttons(office)[1]!.callback_data)
    expect(await t.db.selectFrom('broadcast').select('send_at').execute()).toEqual([
      { send_at: '2024-04-15T15:30:00.000Z' },
    ])
    t.clock.set('2024-04-16T03:00:00Z') // 10:00
    const day = await previewNow()
    expect(day.text).not.toContain('🌙')
    expect(t.buttons(office).map((b) => b.text)).toEqual(['✅ Xác nhận', '✖️ Huỷ'])
  })
})

describe('/lich with a hằng ngày series (issue 11, point 12)', () => {
  it('shows the series as one line with one cancel; the pressed button goes, and it reads «Đã huỷ»', async () => {
    const composed = await office.says('Sách hay cần bạn đọc', 'private')
    await office.says('/gui NGAYSACH2024 hangngay 08:00 U1', 'private', {
      replyTo: composed.message!.message_id,
    })
    await t.confirmLast(office)
    const occurrences = (await t.db.selectFrom('broadcast').select('id').execute()).length
    expect(occurrences).toBeGreaterThan(5)
    await office.says('/lich', 'private')
    const list = t.api.botMessages(office.id).at(-1)!
    expect(list.text).toContain(`hằng ngày 08:00, ${occurrences} lần, lần tới 16/04 · đã lên lịch`)
    expect(list.text!.match(/Số \d+/g)).toHaveLength(1)
    expect(list.text).toContain('ví dụ /lich 1')
    const buttons = t.buttons(office)
    expect(buttons.map((b) => b.text)).toEqual([`✖️ Huỷ chuỗi số 1 (${occurrences} lần chưa gửi)`])
    await office.presses('private', list.message_id, buttons[0]!.callback_data)
    expect(t.api.callbackAnswers.at(-1)?.text).toBe(
      `Đã huỷ ${occurrences} lần chưa gửi của chuỗi thông báo số 1.`,
    )
    expect(t.buttons(office, list.message_id)).toEqual([])
    expect(
      await t.db
        .selectFrom('broadcast')
        .select('status')
        .where('status', '!=', 'cancelled')
        .execute(),
    ).toEqual([])
    await office.says('/lich', 'private')
    expect(t.lastBotText(office)).toContain('Đã huỷ, không gửi tới nhóm nào.')
  })

  it('/lich <số> of one morning lists every occurrence of its series, this one marked', async () => {
    const composed = await office.says('Sách hay cần bạn đọc', 'private')
    await office.says('/gui NGAYSACH2024 hangngay 08:00 U1', 'private', {
      replyTo: composed.message!.message_id,
    })
    await t.confirmLast(office)
    const ids = (await t.db.selectFrom('broadcast').select('id').orderBy('send_at').execute()).map(
      (b) => b.id,
    )
    await office.says(`/lich ${ids[1]}`, 'private')
    const detail = t.lastBotText(office)
    expect(detail).toContain(`Chuỗi hằng ngày gồm ${ids.length} lần gửi`)
    expect(detail).toContain(`• Số ${ids[0]} · 16/04/2024 08:00 · đã lên lịch`)
    expect(detail).toContain(`• Số ${ids[1]} · 17/04/2024 08:00 · đã lên lịch (đang xem)`)
    expect(detail.match(/^• Số \d+ · /gmu) ?? []).toHaveLength(Math.min(ids.length, 30))
  })

  it('a cancelled one-off reads «Đã huỷ», not «Đã gửi 0/0 nhóm»', async () => {
    const composed = await office.says('Sách hay cần bạn đọc', 'private')
    await office.says('/gui NGAYSACH2024 16/04/2024 08:00 U1', 'private', {
      replyTo: composed.message!.message_id,
    })
    await t.confirmLast(office)
    await office.says('/lich', 'private')
    const list = t.api.botMessages(office.id).at(-1)!
    await office.presses('private', list.message_id, t.buttons(office)[0]!.callback_data)
    await office.says('/lich', 'private')
    expect(t.lastBotText(office)).toContain('Đã huỷ, không gửi tới nhóm nào.')
    expect(t.lastBotText(office)).not.toContain('0/0')
  })
})
