import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { looksLikePlan, parsePlan } from '../../../src/domain/plans/parse-plan.js'

/** Synthetic plans for genres the seeds lack: UBND headers, tables, blocks, letters, length. */
const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/plans/${name}`, import.meta.url), 'utf8')

describe('parsePlan on synthetic plans', () => {
  test('UBND tỉnh plan: two-column header, table, "từ nay", signature beside Nơi nhận', () => {
    const text = fixture('ubnd-tinh-bang-bieu.txt')
    expect(looksLikePlan(text)).toBe(true)
    expect(parsePlan(text)).toEqual({
      title: 'Tuyên truyền, hưởng ứng Ngày Chuyển đổi số quốc gia trên địa bàn tỉnh năm 2025',
      number: '0125/KH-UBND',
      issuer: 'Ủy ban nhân dân tỉnh Quảng Nam',
      place: 'Quảng Nam',
      issuedOn: '2025-01-10',
      period: { start: '2025-01-10', end: '2025-12-31' },
      slogans: [
        'Chuyển đổi số toàn dân, toàn diện',
        'Chuyển đổi số - Động lực phát triển',
        'Người dân là trung tâm của chuyển đổi số',
      ],
      activities: [
        {
          title: 'Xây dựng chuyên mục “Chuyển đổi số” trên Báo Quảng Nam',
          kind: 'task',
          lead: 'Báo Quảng Nam',
          coordinators: ['Sở Thông tin và Truyền thông'],
          due: '2025-03-31',
          dueText: 'Quý I/2025',
        },
        {
          title: 'Tổ chức Lễ phát động hưởng ứng Ngày Chuyển đổi số quốc gia',
          kind: 'participation',
          lead: 'Sở Thông tin và Truyền thông',
          coordinators: ['Các sở, ban, ngành', 'UBND các huyện, thị xã, thành phố'],
          due: '2025-10-10',
          dueText: 'Dự kiến ngày 10/10/2025',
        },
        {
          title: 'Tổ chức Cuộc thi “Tìm hiểu chuyển đổi số” trực tuyến',
          kind: 'participation',
          lead: 'Sở Thông tin và Truyền thông',
          coordinators: ['Sở Giáo dục và Đào tạo', 'Tỉnh đoàn'],
          due: '2025-09-30',
          dueText: 'Từ tháng 8 - 9/2025',
        },
        {
          title: 'Báo cáo kết quả thực hiện gửi Bộ Thông tin và Truyền thông',
          kind: 'report',
          lead: 'Sở Thông tin và Truyền thông',
          coordinators: [],
          due: '2025-12-15',
          dueText: 'Trước ngày 15/12/2025',
        },
        {
          title: 'Cập nhật số liệu chuyển đổi số lên hệ thống',
          kind: 'task',
          lead: 'Các sở, ban, ngành',
          coordinators: [],
          due: null,
          dueText: 'Trước ngày 20 hằng tháng',
        },
        {
          title:
            'Sở Thông tin và Truyền thông là cơ quan thường trực, chủ trì, phối hợp với Văn phòng UBND tỉnh theo dõi, đôn đốc thực hiện Kế hoạch này',
          kind: 'task',
          lead: 'Sở Thông tin và Truyền thông',
          coordinators: ['Văn phòng UBND tỉnh'],
          due: null,
          dueText: null,
        },
        {
          title: 'Tham mưu bố trí kinh phí thực hiện Kế hoạch theo quy định',
          kind: 'task',
          lead: 'Sở Tài chính',
          coordinators: [],
          due: null,
          dueText: null,
        },
        {
          title:
            'Căn cứ Kế hoạch này xây dựng kế hoạch của đơn vị, gửi về Sở Thông tin và Truyền thông trước ngày 28/02/2025; liên hệ số điện thoại 0235.3812.345 khi cần hỗ trợ',
          kind: 'report',
          lead: 'Các sở, ban, ngành, UBND các huyện, thị xã, thành phố',
          coordinators: [],
          due: '2025-02-28',
          dueText: 'trước ngày 28/02/2025',
        },
      ],
      recipients: [
        'Bộ Thông tin và Truyền thông (b/c)',
        'TT Tỉnh ủy, TT HĐND tỉnh (b/c)',
        'CT, các PCT UBND tỉnh',
        'Các sở, ban, ngành',
        'UBND các huyện, thị xã, thành phố',
        'Lưu: VT, KGVX',
      ],
      signer: { title: 'TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH', name: 'Trần Anh Tuấn' },
    })
  })

  test('Sở plan flattened from .docx: header lines, "Nội dung / Cơ quan thực hiện / Thời gian" blocks', () => {
    const text = fixture('so-khoi-noi-dung.txt')
    expect(parsePlan(text)).toEqual({
      title:
        'Tổ chức các hoạt động hưởng ứng Ngày Sách và Văn hóa đọc Việt Nam lần thứ tư năm 2025',
      number: '356/KH-SVHTT',
      issuer: 'Sở Văn hóa và Thể thao',
      place: 'Bình Định',
      issuedOn: '2025-03-18',
      period: { start: '2025-04-01', end: '2025-04-30' },
      slogans: ['Sách - Nguồn tri thức cho chuyển đổi số', 'Đọc sách mỗi ngày'],
      activities: [
        {
          title: 'Lễ phát động Ngày Sách và Văn hóa đọc',
          // Issue 16, rule 9: a launch ceremony is something people take part in.
          kind: 'participation',
          lead: 'Thư viện tỉnh',
          coordinators: ['Phòng Quản lý Văn hóa, Gia đình', 'Văn phòng Sở'],
          due: '2025-04-15',
          dueText: 'ngày 15/4/2025 (dự kiến)',
        },
        {
          title: 'Hội sách và đổi sách cũ',
          // Issue 16, rule 9: a book fair is something people take part in.
          kind: 'participation',
          lead: 'Trung tâm Văn hóa - Điện ảnh tỉnh',
          coordinators: [],
          due: '2025-04-23',
          dueText: 'từ ngày 20/4 đến ngày 23/4/2025',
        },
        {
          title: 'Cập nhật tin, bài về hoạt động đọc sách trên Trang thông tin điện tử của Sở',
          kind: 'task',
          lead: 'Văn phòng Sở',
          coordinators: [],
          due: null,
          dueText: 'Thường xuyên',
        },
        {
          title: 'Các hoạt động khác',
          kind: 'participation',
          lead: 'Các phòng, đơn vị thuộc Sở',
          coordinators: [],
          due: '2025-04-30',
          dueText: 'trong tháng 4',
        },
        {
          title:
            'Chủ trì tổng hợp kết quả thực hiện của các đơn vị, báo cáo Giám đốc Sở trước ngày 05/5 hằng năm',
          kind: 'report',
          lead: 'Thư viện tỉnh',
          coordinators: [],
          due: null,
          dueText: 'trước ngày 05/5 hằng năm',
        },
        {
          title: 'Gửi báo cáo tháng về Sở (qua Văn phòng) trước ngày 25 hằng tháng',
          kind: 'report',
          lead: 'Thư viện tỉnh',
          coordinators: [],
          due: null,
          dueText: 'trước ngày 25 hằng tháng',
        },
        {
          title: 'Thẩm định dự toán kinh phí các hoạt động, hoàn thành trước ngày 31/3/2025',
          kind: 'task',
          lead: 'Phòng Kế hoạch - Tài chính',
          coordinators: [],
          due: '2025-03-31',
          dueText: 'trước ngày 31/3/2025',
        },
      ],
      recipients: [
        'UBND tỉnh (b/c)',
        'Giám đốc, các PGĐ Sở',
        'Các phòng, đơn vị thuộc Sở',
        'Lưu: VT, VP',
      ],
      signer: { title: 'KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC', name: 'Lê Thị Hồng Vân' },
    })
  })

  test('Markdown letter: yearless dates take the document year, an earlier deadline is not due', () => {
    const text = fixture('cong-van-markdown.txt')
    expect(looksLikePlan(text)).toBe(true)
    expect(parsePlan(text)).toEqual({
      title:
        'báo cáo kết quả thực hiện Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam” quý I năm 2025',
      number: '0087/SNV-VP',
      issuer: 'Sở Nội vụ tỉnh Nghệ An',
      place: 'Nghệ An',
      issuedOn: '2025-02-20',
      period: null,
      slogans: [],
      activities: [
        {
          title:
            'Tổng hợp kết quả thực hiện Cuộc vận động quý I (thay cho đề nghị gửi trước ngày 10/02/2025 tại văn bản trước), gửi về Sở (qua Văn phòng Sở) trước ngày 15/3',
          kind: 'report',
          // Issue 16, rule 1: the units the letter asks lead its items.
          lead: 'Các phòng, đơn vị',
          coordinators: [],
          due: '2025-03-15',
          dueText: 'trước ngày 15/3',
        },
        {
          title:
            'Ban Thi đua - Khen thưởng phối hợp với Văn phòng Sở và Chi cục Văn thư - Lưu trữ lựa chọn điển hình tiêu biểu, hoàn thành trong tháng 4/2025',
          kind: 'task',
          lead: 'Ban Thi đua - Khen thưởng',
          coordinators: ['Văn phòng Sở', 'Chi cục Văn thư - Lưu trữ'],
          due: '2025-04-30',
          dueText: 'trong tháng 4/2025',
        },
        {
          title: 'Tổ chức hội nghị sơ kết',
          kind: 'task',
          // Issue 16, rule 1: the units the letter asks lead its items.
          lead: 'Các phòng, đơn vị',
          coordinators: [],
          due: '2025-06-30',
          dueText: 'Quý II/2025',
        },
        {
          title:
            'Các phòng, đơn vị cập nhật thông tin định kỳ hằng tháng lên Hệ thống quản lý văn bản',
          kind: 'task',
          lead: 'Các phòng, đơn vị',
          coordinators: [],
          due: null,
          dueText: 'định kỳ hằng tháng',
        },
      ],
      recipients: ['Như trên', 'Giám đốc Sở (b/c)', 'Lưu: VT, VP'],
      signer: { title: 'KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC', name: 'Phan Văn Minh' },
    })
  })

  test('a 20,000-character UBND thành phố plan', () => {
    const text = fixture('ubnd-thanh-pho-dai.txt')
    expect(text.length).toBeGreaterThanOrEqual(20_000)
    const plan = parsePlan(text)
    expect({ ...plan, activities: [] }).toEqual({
      title: 'Phát triển văn hóa đọc trong cộng đồng trên địa bàn thành phố giai đoạn 2024 - 2025',
      number: '2031/KH-UBND',
      issuer: 'Ủy ban nhân dân thành phố Hạ Long',
      place: 'Hạ Long',
      issuedOn: '2024-06-05',
      period: { start: '2024-06-15', end: '2025-12-31' },
      slogans: [],
      activities: [],
      recipients: [
        'UBND tỉnh (b/c)',
        'TT Thành ủy, TT HĐND thành phố (b/c)',
        'Các cơ quan, đơn vị liên quan',
        'UBND các phường, xã',
        'Lưu: VT, VHTT',
      ],
      signer: { title: 'TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH', name: 'Vũ Quyết Tiến' },
    })
    // 40 blocks in section III (none from the "Mục đích" items), then 10 units × 2 duties.
    expect(plan.activities).toHaveLength(60)
    expect(plan.activities[0]).toEqual({
      title: 'Tổ chức hoạt động tọa đàm giới thiệu sách mới (đợt 1)',
      kind: 'task',
      lead: 'Sở Thông tin và Truyền thông',
      coordinators: ['Sở Tài chính', 'UBND các phường, xã'],
      due: '2025-02-28',
      dueText: 'trong tháng 2/2025',
    })
    expect(plan.activities[39]).toEqual({
      title: 'Tổ chức hoạt động xây dựng tủ sách pháp luật (đợt 40)',
      kind: 'task',
      lead: 'Sở Văn hóa và Thể thao',
      coordinators: ['Sở Nội vụ', 'UBND các phường, xã'],
      due: '2025-05-31',
      dueText: 'trong tháng 5/2025',
    })
    expect(plan.activities[59]).toEqual({
      title:
        'Báo cáo kết quả thực hiện gửi UBND thành phố (qua Phòng Văn hóa và Thông tin) trước ngày 20/12/2024',
      kind: 'report',
      lead: 'Sở Lao động - Thương binh và Xã hội',
      coordinators: [],
      due: '2024-12-20',
      dueText: 'trước ngày 20/12/2024',
    })
    expect(plan.activities.filter((a) => a.kind === 'report')).toHaveLength(10)
  })

  test('refuses junk and accepts a bare letter', () => {
    expect(looksLikePlan('')).toBe(false)
    expect(
      looksLikePlan(
        'Xin chào, đây là một tin nhắn bình thường gửi cho cả nhóm để hỏi thăm sức khỏe.',
      ),
    ).toBe(false)
    expect(looksLikePlan('%PDF-1.7\n' + 'x'.repeat(500))).toBe(false)
    expect(
      looksLikePlan(
        'Số: 12/SNV-VP\nV/v tổ chức Ngày Sách\n\n1. Các phòng tham gia.\n2. Văn phòng Sở báo cáo trước ngày 05/5/2024.\n',
      ),
    ).toBe(true)
  })
})
