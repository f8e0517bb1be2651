import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import type { ParsedActivity } from '../../../src/domain/plans/parsed-plan.js'
import { parsePlan } from '../../../src/domain/plans/parse-plan.js'

/**
 * Issue 16, rules 1–9, on plans written in the genre for these tests (test/fixtures/plans/
 * synthetic/), not on the seeds. Each expectation is the office's reading of the text, by hand.
 */
const synthetic = (name: string): string =>
  readFileSync(new URL(`../../fixtures/plans/synthetic/${name}`, import.meta.url), 'utf8')

const activity = (
  title: string,
  kind: ParsedActivity['kind'],
  lead: string | null,
  due: string | null = null,
  dueText: string | null = null,
  coordinators: string[] = [],
): ParsedActivity => ({ title, kind, lead, coordinators, due, dueText })

describe('a công văn whose duties are paragraphs (rule 1)', () => {
  const plan = parsePlan(synthetic('cong-van-doan-de-nghi.txt'))

  test('"A đề nghị B …" gives lead B; the closing formula is no duty', () => {
    expect(plan.activities).toEqual([
      activity(
        'Thủ trưởng các phòng, đơn vị thuộc Sở tổ chức tuyên truyền, treo băng rôn hưởng ứng Ngày Môi trường thế giới tại trụ sở cơ quan và gửi kết quả thực hiện về Sở (qua Văn phòng Sở) trước ngày 15/6/2025 để tổng hợp',
        'report',
        'Các phòng, đơn vị thuộc Sở',
        '2025-06-15',
        'trước ngày 15/6/2025',
      ),
      activity(
        'Đề nghị Trung tâm Quan trắc môi trường đăng tải thông tin tuyên truyền trên Trang thông tin điện tử của Sở trong tháng 6/2025',
        'task',
        'Trung tâm Quan trắc môi trường',
        '2025-06-30',
        'trong tháng 6/2025',
      ),
    ])
  })

  test('the issuer is the body that asks, and the referenced letter dates nothing', () => {
    expect(plan.issuer).toBe('Sở Tài nguyên và Môi trường')
    expect(plan.activities.map((a) => a.due)).not.toContain('2025-06-05')
  })
})

describe('a công văn with a compound request before its bullets (rules 1, 2, 7, 8)', () => {
  const plan = parsePlan(synthetic('cong-van-nhu-sau.txt'))

  test('each unit asked is a lead; the report clause is split off with its date', () => {
    expect(plan.activities).toEqual([
      activity(
        'Các trường trung học phổ thông tổ chức các hoạt động hưởng ứng Tuần lễ với tinh thần “Học tập suốt đời vì tương lai bền vững”',
        // Organising the week's activities is the schools' task (rule 9).
        'task',
        'Các trường trung học phổ thông',
      ),
      activity(
        'Phòng Giáo dục trung học theo dõi, đôn đốc việc triển khai',
        'task',
        'Phòng Giáo dục trung học',
      ),
      activity(
        'Xây dựng báo cáo gửi Văn phòng Sở trước ngày 15/10/2025',
        'report',
        'Phòng Giáo dục trung học',
        '2025-10-15',
        'trước ngày 15/10/2025',
      ),
      activity(
        'Thư viện các trường tổ chức Ngày hội đọc sách cho học sinh trong thời gian từ ngày 01/10 đến ngày 07/10/2025',
        'participation',
        'Thư viện các trường',
        '2025-10-07',
        'từ ngày 01/10 đến ngày 07/10/2025',
      ),
      activity(
        'Các trường phát động cuộc thi viết “Tấm gương tự học” đến khi kết thúc năm học',
        'participation',
        'Các trường',
      ),
    ])
  })

  test('"với tinh thần “…”" is a motto; an activity\'s own window is not the plan\'s period', () => {
    expect(plan.slogans).toEqual(['Học tập suốt đời vì tương lai bền vững'])
    expect(plan.period).toBeNull()
    expect(plan.signer).toEqual({ title: 'GIÁM ĐỐC', name: 'Phạm Thị Mai' })
  })
})

describe('a plan with "Hoạt động N" blocks, lettered fields and criteria (rules 3–9)', () => {
  const plan = parsePlan(synthetic('ke-hoach-khoi-truong.txt'))

  test('reads every activity once, and none from aims, criteria or awards', () => {
    expect(plan.activities).toEqual([
      activity(
        'Treo băng rôn, khẩu hiệu tuyên truyền tại trụ sở các cơ quan (từ ngày 01/3 đến ngày 31/3)',
        'task',
        'Phòng Văn hóa và Thông tin',
        '2025-03-31',
        'từ ngày 01/3 đến ngày 31/3',
        ['Trung tâm Văn hóa - Thể thao huyện'],
      ),
      activity(
        'Tổ chức Hội thi tìm hiểu pháp luật về bình đẳng giới',
        'participation',
        'Hội Liên hiệp Phụ nữ huyện',
        '2025-03-31',
        'Tháng 3/2025',
        ['Phòng Giáo dục và Đào tạo'],
      ),
      activity(
        'Xây dựng chuyên mục tuyên truyền về bình đẳng giới',
        'task',
        'Trung tâm Văn hóa - Thể thao huyện',
        '2025-03-20',
        'Trước ngày 20/3/2025',
        ['Phòng Văn hóa và Thông tin'],
      ),
      activity(
        'Tăng cường tuyên truyền các hoạt động của Tháng hành động',
        'task',
        'Các cơ quan báo chí, phát thanh của huyện',
      ),
      activity(
        'Vận động Nhân dân tham gia, hưởng ứng các hoạt động của Tháng hành động',
        'task',
        'UBND các xã, thị trấn, đặc khu',
      ),
      activity(
        'Hội Liên hiệp Phụ nữ huyện tổ chức Ngày hội “Phụ nữ khỏe, đẹp” cho hội viên tham gia vào ngày 08/3/2025',
        'participation',
        'Hội Liên hiệp Phụ nữ huyện',
        '2025-03-08',
        'vào ngày 08/3/2025',
      ),
      activity(
        'Các đơn vị gửi báo cáo kết quả thực hiện về Phòng Văn hóa và Thông tin trước ngày 10/4/2025 để tổng hợp',
        'report',
        'Các đơn vị',
        '2025-04-10',
        'trước ngày 10/4/2025',
      ),
    ])
  })

  test('"từ ngày ban hành Kế hoạch" starts on the issue date', () => {
    expect(plan.issuedOn).toBe('2025-03-03')
    expect(plan.period).toEqual({ start: '2025-03-03', end: '2025-03-31' })
  })

  test('a theme heading introduces the quotation under it; a bare "tinh thần “…”" does not', () => {
    expect(plan.slogans).toEqual([
      'Chung tay vì bình đẳng giới, không để ai bị bỏ lại phía sau',
      'Bình đẳng giới là quyền của mọi người',
    ])
  })

  test('no activity is titled by a generic section name', () => {
    const titles = plan.activities.map((a) => a.title.toLowerCase())
    for (const generic of ['chế độ báo cáo', 'nội dung hoạt động', 'hoạt động 1', 'hoạt động 2']) {
      expect(titles).not.toContain(generic)
    }
  })
})

describe('small readings', () => {
  const letter = (body: string) =>
    parsePlan(
      `SỞ NỘI VỤ\n\nSố: 12/SNV-VP\nV/v triển khai nhiệm vụ\n\nHà Nội, ngày 02 tháng 01 năm 2026\n\n${body}\n\nGIÁM ĐỐC\n\nTrần Văn An`,
    )

  test('"từ ngày ban hành đến hết ngày 31/10/2026" with a blank day has no start', () => {
    const plan = parsePlan(
      'SỞ NỘI VỤ\n\nSố: /KH-SNV\n\nHà Nội, ngày   tháng 01 năm 2026\n\nKẾ HOẠCH\nThi đua\n\nI. THỜI GIAN\n\nTừ ngày ban hành đến hết ngày 31/10/2026.\n\nII. NỘI DUNG\n\n1. Văn phòng Sở tổng hợp kết quả.',
    )
    expect(plan.period).toEqual({ start: null, end: '2026-10-31' })
  })

  test('a time section that states only an end has no start', () => {
    const plan = (time: string) =>
      parsePlan(
        `SỞ NỘI VỤ\n\nSố: 1/KH-SNV\n\nHà Nội, ngày 02 tháng 01 năm 2026\n\nKẾ HOẠCH\nThi đua năm 2026\n\nI. THỜI GIAN\n\n${time}\n\nII. NỘI DUNG\n\n1. Văn phòng Sở tổng hợp kết quả.`,
      ).period
    expect(plan('Đến hết ngày 31/10/2026.')).toEqual({ start: null, end: '2026-10-31' })
    expect(plan('Trước ngày 30/6/2026.')).toEqual({ start: null, end: '2026-06-30' })
    expect(plan('Trong tháng 5/2026.')).toEqual({ start: '2026-05-01', end: '2026-05-31' })
    expect(plan('Từ nay đến khi kết thúc đợt thi đua.')).toEqual({ start: '2026-01-02', end: null })
  })

  test('a request whose unit list cannot be read never makes the requester the lead', () => {
    const plan = letter(
      'Sở Nội vụ đề nghị các phòng, đơn vị chủ động rà soát hồ sơ và gửi về Văn phòng Sở trước ngày 20/01/2026.',
    )
    expect(plan.activities).toEqual([
      activity(
        'Các phòng, đơn vị chủ động rà soát hồ sơ và gửi về Văn phòng Sở trước ngày 20/01/2026',
        'report',
        'Các phòng, đơn vị',
        '2026-01-20',
        'trước ngày 20/01/2026',
      ),
    ])
  })

  test('clauses of one kind without dates stay one duty', () => {
    const plan = letter(
      'Đề nghị Văn phòng Sở theo dõi việc thực hiện; đôn đốc các phòng, đơn vị triển khai kịp thời.',
    )
    expect(plan.activities).toHaveLength(1)
    expect(plan.activities[0]?.lead).toBe('Văn phòng Sở')
  })
})

describe('a plan whose preamble quotes what another document asked (rules 1, 6, 8)', () => {
  const plan = parsePlan(synthetic('ke-hoach-tham-chieu.txt'))

  test('"về việc yêu cầu các sở, ngành báo cáo …" in the preamble is no duty; "Kinh phí" holds none', () => {
    expect(plan.activities).toEqual([
      activity(
        'Công đoàn cơ sở Sở tổ chức buổi giao lưu văn nghệ chào mừng ngày 20/3/2025',
        'task',
        'Công đoàn cơ sở Sở',
      ),
      activity(
        'Chuẩn bị hội trường, âm thanh; phối hợp với Công đoàn cơ sở Sở trang trí khánh tiết',
        'task',
        'Văn phòng Sở',
        null,
        null,
        ['Công đoàn cơ sở Sở'],
      ),
      activity(
        'Giao Văn phòng Sở theo dõi, tổng hợp kết quả, báo cáo Giám đốc Sở trước ngày 25/3/2025',
        'report',
        'Văn phòng Sở',
        '2025-03-25',
        'trước ngày 25/3/2025',
      ),
    ])
  })

  test('"từ ngày ban hành đến khi kết thúc …" starts on the issue date and has no end', () => {
    expect(plan.period).toEqual({ start: '2025-03-10', end: null })
  })
})

describe('a UBND plan with "Unit: duty" items, a unit list with ";" and a title that opens like a sentence', () => {
  const plan = parsePlan(synthetic('ubnd-tinh-chuyen-doi-so.txt'))

  test('the title under KẾ HOẠCH is read even when it starts with "Hưởng ứng"', () => {
    expect(plan.title).toBe('Hưởng ứng Ngày Chuyển đổi số quốc gia năm 2025 trên địa bàn tỉnh')
    expect(plan.slogans).toEqual(['Chuyển đổi số toàn dân, toàn diện'])
  })

  test('reads each duty with its unit; a "Unit: task; report by D" item is two', () => {
    const all = 'Các sở, ban, ngành; UBND các huyện, thành phố'
    expect(plan.activities).toEqual([
      activity(
        'Tổ chức các hoạt động tuyên truyền về chuyển đổi số trong tháng 10/2025',
        'task',
        null,
        '2025-10-31',
        'trong tháng 10/2025',
      ),
      activity(
        'Tổ chức Hội nghị phát động hưởng ứng Ngày Chuyển đổi số quốc gia vào ngày 20/10/2025',
        'task',
        null,
        '2025-10-20',
        'vào ngày 20/10/2025',
      ),
      activity(
        'Chủ trì, phối hợp với các sở, ban, ngành tham mưu tổ chức Hội nghị phát động trước ngày 20/10/2025',
        'task',
        'Sở Khoa học và Công nghệ',
        '2025-10-20',
        'trước ngày 20/10/2025',
        ['các sở, ban, ngành'],
      ),
      activity(
        'Tổng hợp kết quả thực hiện, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/11/2025',
        'report',
        'Sở Khoa học và Công nghệ',
        '2025-11-15',
        'trước ngày 15/11/2025',
      ),
      activity('Tham mưu bố trí kinh phí thực hiện Kế hoạch', 'task', 'Sở Tài chính'),
      activity('Căn cứ Kế hoạch này, xây dựng kế hoạch hưởng ứng của cơ quan, đơn vị', 'task', all),
      activity(
        'Báo cáo kết quả về Sở Khoa học và Công nghệ trước ngày 10/11/2025',
        'report',
        all,
        '2025-11-10',
        'trước ngày 10/11/2025',
      ),
      activity(
        'Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh phối hợp tuyên truyền, vận động đoàn viên, hội viên tham gia hưởng ứng',
        'task',
        'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh',
      ),
      activity(
        'Mở chuyên mục tuyên truyền về Ngày Chuyển đổi số quốc gia',
        'task',
        'Báo Tuyên Quang, Đài Phát thanh và Truyền hình tỉnh',
      ),
    ])
  })
})

describe('a centre\'s plan with "Nhiệm vụ N:" blocks and units called "Khoa" (rules 3, 4, 6, 7)', () => {
  const plan = parsePlan(synthetic('trung-tam-nhiem-vu.txt'))

  test('each block is one activity; "X chủ trì; Y phối hợp" gives lead and partner', () => {
    expect(plan.activities).toEqual([
      activity(
        'Tổ chức nói chuyện chuyên đề tại các xã, phường (từ ngày 01/11 đến ngày 30/11/2025)',
        'task',
        'Khoa Truyền thông và Giáo dục sức khỏe',
        '2025-11-30',
        'từ ngày 01/11 đến ngày 30/11/2025',
        ['Trạm Y tế các xã, phường'],
      ),
      activity(
        'Tổ chức Lễ mít tinh hưởng ứng Ngày Thế giới phòng, chống AIDS 01/12',
        'participation',
        'Khoa Phòng, chống bệnh truyền nhiễm',
        '2025-11-28',
        'Dự kiến ngày 28/11/2025',
        ['Khoa Truyền thông và Giáo dục sức khỏe'],
      ),
      activity(
        'Các khoa, phòng báo cáo kết quả thực hiện về Phòng Kế hoạch - Nghiệp vụ trước ngày 05/12/2025 để tổng hợp, báo cáo Sở Y tế',
        'report',
        'Các khoa, phòng',
        '2025-12-05',
        'trước ngày 05/12/2025',
      ),
    ])
  })

  test('the numbered lines of a "Khẩu hiệu" section are the slogans', () => {
    expect(plan.slogans).toEqual([
      'Chấm dứt dịch bệnh AIDS vì sức khỏe cộng đồng',
      'Hãy hành động để chấm dứt dịch bệnh AIDS',
    ])
  })
})

describe('a plan with "1.1." items, an inline "thời gian thực hiện" and a recurring report', () => {
  const plan = parsePlan(synthetic('so-tuyen-truyen-ky-niem.txt'))

  test('anniversary dates are no due dates; "Báo cáo định kỳ" is titled by its duty', () => {
    expect(plan.activities).toEqual([
      activity(
        'Báo Đà Nẵng, Đài Phát thanh - Truyền hình Đà Nẵng mở chuyên trang, chuyên mục',
        'task',
        'Báo Đà Nẵng, Đài Phát thanh - Truyền hình Đà Nẵng',
        '2025-05-31',
        'Tháng 4 - 5/2025',
      ),
      activity(
        'Phối hợp tuyên truyền thường xuyên',
        'task',
        'Các cơ quan báo chí trung ương thường trú trên địa bàn',
      ),
      activity(
        'Tuyên truyền cổ động trực quan',
        'task',
        'UBND các quận, huyện',
        '2025-04-25',
        'trước ngày 25/4/2025',
      ),
      activity(
        'Các đơn vị báo cáo tiến độ trước ngày 15 hằng tháng về Sở Thông tin và Truyền thông',
        'report',
        'Các đơn vị',
        null,
        'trước ngày 15 hằng tháng',
      ),
      activity(
        'Các phòng, đơn vị thuộc Sở căn cứ nhiệm vụ được giao triển khai thực hiện',
        'task',
        'Các phòng, đơn vị thuộc Sở',
      ),
      activity(
        'Văn phòng Sở tổng hợp, báo cáo kết quả về Ban Tuyên giáo Thành ủy trong Quý II/2025',
        'report',
        'Văn phòng Sở',
        '2025-06-30',
        'trong Quý II/2025',
      ),
    ])
    expect(plan.slogans).toEqual(['Đà Nẵng - 50 năm xây dựng và phát triển'])
  })
})

describe('a letter asking "Quý Sở" to direct a library, with numbered items after its request', () => {
  const plan = parsePlan(synthetic('vu-de-nghi-bao-cao.txt'))

  test('the unit directed leads the items the request introduces; "Trân trọng./." is none', () => {
    const lead = 'Thư viện tỉnh, thành phố'
    expect(plan.issuer).toBe('Vụ Thư viện')
    expect(plan.activities).toEqual([
      activity(
        'Báo cáo kết quả tổ chức các hoạt động hưởng ứng (theo mẫu gửi kèm)',
        'report',
        lead,
      ),
      activity(
        'Gửi ảnh, video hoạt động tiêu biểu qua thư điện tử thuvien@bvhttdl.gov.vn',
        'task',
        lead,
      ),
      activity(
        'Báo cáo gửi về Vụ Thư viện trước ngày 30/5/2025 để tổng hợp, báo cáo Lãnh đạo Bộ',
        'report',
        lead,
        '2025-05-30',
        'trước ngày 30/5/2025',
      ),
    ])
  })
})

describe('a sports day plan: "Unit có trách nhiệm:" and "Unit:" followed by bullets', () => {
  const plan = parsePlan(synthetic('hoi-thao-nganh.txt'))

  test("each bullet is the unit's duty; sending a list in by a date is a report", () => {
    const office = 'Văn phòng Sở'
    const units = 'Các phòng, đơn vị thuộc Sở'
    expect(plan.period).toEqual({ start: '2025-09-20', end: '2025-09-25' })
    expect(plan.activities).toEqual([
      activity('Chuẩn bị cơ sở vật chất, khen thưởng cho các đội đạt giải', 'task', office),
      activity(
        'Tổng hợp danh sách vận động viên trước ngày 10/9/2025',
        'task',
        office,
        '2025-09-10',
        'trước ngày 10/9/2025',
      ),
      activity('Cử vận động viên tham gia các môn thi đấu', 'task', units),
      activity(
        'Gửi danh sách về Văn phòng Sở trước ngày 05/9/2025',
        'report',
        units,
        '2025-09-05',
        'trước ngày 05/9/2025',
      ),
      activity(
        'Công đoàn cơ sở Sở phối hợp với Văn phòng Sở tổ chức Lễ khai mạc vào ngày 20/9/2025',
        'participation',
        'Công đoàn cơ sở Sở',
        '2025-09-20',
        'khai mạc vào ngày 20/9/2025',
        [office],
      ),
    ])
  })
})
