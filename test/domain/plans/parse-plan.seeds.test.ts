import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { looksLikePlan, parsePlan } from '../../../src/domain/plans/parse-plan.js'
import { parsedPlanSchema } from '../../../src/domain/plans/parsed-plan.js'

/**
 * The five real documents of PRODUCT §6, read by hand the way the office reads them. The
 * expectations were written from the documents, field by field, not from the parser's output.
 */
const seed = (name: string): string =>
  readFileSync(new URL(`../../fixtures/plans/seeds/${name}`, import.meta.url), 'utf8')

describe('parsePlan on the seed plans', () => {
  test('000: Sở Nội vụ Lạng Sơn, Ngày Sách 2024 (number and place on one line)', () => {
    const text = seed('000_fcb74c43ec1f80d8.txt')
    expect(looksLikePlan(text)).toBe(true)
    const plan = parsePlan(text)
    expect(parsedPlanSchema.parse(plan)).toEqual(plan)
    expect(plan).toEqual({
      title:
        'Tổ chức các hoạt động Ngày Sách và Văn hóa đọc Việt Nam lần thứ ba năm 2024 tại Sở Nội vụ',
      number: '/KH-SNV',
      issuer: 'Sở Nội vụ',
      place: 'Lạng Sơn',
      issuedOn: null,
      period: { start: '2024-04-15', end: '2024-05-01' },
      slogans: [
        'Sách hay cần bạn đọc',
        'Sách quý tặng bạn',
        'Tặng sách hay - Mua sách thật',
        'Sách hay: Mắt đọc - Tai nghe',
      ],
      activities: [
        {
          title:
            'Các đơn vị có trách nhiệm triển khai Kế hoạch này và Kế hoạch số 67/KH-UBND đến toàn thể công chức, viên chức, người lao động thuộc thẩm quyền quản lý tích cực hưởng ứng và tham gia các hoạt động Ngày Sách và Văn hóa đọc Việt Nam lần thứ ba năm 2024',
          // Issue 16, rule 9: "triển khai … tham gia, hưởng ứng" asks units to mobilise people.
          kind: 'task',
          lead: 'Các phòng, đơn vị thuộc và trực thuộc Sở',
          coordinators: [],
          due: null,
          dueText: null,
        },
        // Issue 16, rule 2: a compound duty is a task and a report due on its own date.
        {
          title: 'Giao Văn phòng Sở theo dõi, đôn đốc việc triển khai thực hiện Kế hoạch này',
          kind: 'task',
          lead: 'Văn phòng Sở',
          coordinators: [],
          due: null,
          dueText: null,
        },
        {
          title: 'Xây dựng Báo cáo của Sở gửi Sở Thông tin và Truyền thông trước ngày 05/5/2024',
          kind: 'report',
          lead: 'Văn phòng Sở',
          coordinators: [],
          due: '2024-05-05',
          dueText: 'trước ngày 05/5/2024',
        },
      ],
      recipients: [
        'Sở Thông tin và Truyền thông',
        'Lãnh đạo Sở',
        'Các phòng, đơn vị thuộc, trực thuộc',
        'CC, VC, NLĐ thuộc Sở',
        'Trang TTĐT Sở NV',
        'Lưu: VT, VP',
      ],
      signer: { title: 'KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC', name: 'Hoàng Anh Tuấn' },
    })
  })

  test('001: Sở KH&CN Cần Thơ, Tuần lễ học tập suốt đời 2024 (section "Thời gian", a theme)', () => {
    const text = seed('001_98e486d7d14ef310.txt')
    expect(looksLikePlan(text)).toBe(true)
    expect(parsePlan(text)).toEqual({
      title:
        'Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024 và Kỷ niệm Ngày Khuyến học Việt Nam 02/10',
      number: '/KH-SKHCN',
      issuer: 'Sở Khoa học và Công nghệ',
      place: 'Cần Thơ',
      issuedOn: null,
      period: { start: '2024-10-01', end: '2024-10-07' },
      slogans: ['Phát triển văn hóa đọc thúc đẩy học tập suốt đời'],
      activities: [
        {
          title:
            'Thủ trưởng các Phòng, đơn vị triển khai Kế hoạch này đến công chức, viên chức và người lao động',
          kind: 'task',
          lead: 'Thủ trưởng các Phòng, đơn vị',
          coordinators: [],
          due: null,
          dueText: null,
        },
        {
          title:
            'Trung tâm Thông tin khoa học và công nghệ thực hiện hoạt động thông tin, tuyên truyền trên Cổng thông tin điện tử của Sở Khoa học và Công nghệ',
          kind: 'task',
          lead: 'Trung tâm Thông tin khoa học và công nghệ',
          coordinators: [],
          due: null,
          dueText: null,
        },
        {
          title: 'Chủ trì, theo dõi các phòng, đơn vị triển khai thực hiện Kế hoạch',
          kind: 'task',
          lead: 'Văn phòng Sở',
          coordinators: [],
          due: null,
          dueText: null,
        },
        {
          title:
            'Phối hợp với các phòng, đơn vị, tổng hợp kết quả thực hiện Kế hoạch này và báo cáo theo quy định',
          kind: 'report',
          lead: 'Văn phòng Sở',
          coordinators: ['các phòng, đơn vị'],
          due: null,
          dueText: null,
        },
      ],
      recipients: [
        'UBND thành phố',
        'Sở GD&ĐT',
        'BGĐ Sở KH&CN',
        'Các phòng, đơn vị trực thuộc Sở',
        'Lưu: VT, VP',
      ],
      signer: { title: 'GIÁM ĐỐC', name: 'Ngô Anh Tín' },
    })
  })

  test('002: Sở TTTT Đắk Nông, Ngày truyền thống 2023 (chủ trì / phối hợp / thời gian blocks)', () => {
    const text = seed('002_c506c565544ed787.txt')
    expect(looksLikePlan(text)).toBe(true)
    expect(parsePlan(text)).toEqual({
      title:
        'Tổ chức các hoạt động kỷ niệm Ngày truyền thống ngành Thông tin và Truyền thông năm 2023',
      number: '/KH-STTTT',
      issuer: 'Sở Thông tin và Truyền thông',
      place: 'Đắk Nông',
      issuedOn: null,
      period: null,
      slogans: [],
      activities: [
        {
          title:
            'Tri ân, thăm hỏi đến công chức, viên chức, người lao động đang công tác tại Sở Thông tin và Truyền thông',
          kind: 'task',
          lead: 'Công đoàn cơ sở sở TTTT',
          coordinators: ['Văn phòng Sở'],
          due: '2023-08-25',
          dueText: 'trước ngày 25/8/2023',
        },
        {
          title:
            'Tổ chức Hội thao và Liên hoan văn nghệ chào mừng Kỷ niệm Ngày truyền thống ngành TTTT',
          kind: 'participation',
          lead: 'Công đoàn cơ sở Sở TTTT',
          coordinators: ['Các phòng, đơn vị', 'mời các doanh nghiệp ngành TTTT'],
          due: '2023-08-25',
          dueText: 'dự kiến ngày 25/8/2023',
        },
        {
          title:
            'Căn cứ Kế hoạch này để sắp xếp xây dựng kế hoạch chi tiết cho các hoạt động phù hợp với điều kiện và tình hình thực tế của đơn vị',
          kind: 'task',
          lead: 'Các doanh nghiệp ngành TTTT trên địa bàn tỉnh',
          coordinators: [],
          due: null,
          dueText: null,
        },
        {
          title:
            'Căn cứ Kế hoạch sắp xếp thời gian, công việc tham gia các hoạt động kỷ niệm do Ban chấp hành Công đoàn Sở tổ chức',
          kind: 'participation',
          lead: 'Các phòng, đơn vị thuộc Sở',
          coordinators: [],
          due: null,
          dueText: null,
        },
        {
          title:
            'Đề nghị Ban chấp hành Công đoàn cơ sở Sở TTTT tổ chức thông tin, tuyên truyền trong khối công chức, viên chức, người lao động; chủ trì, chỉ đạo Văn phòng Sở phối hợp tổ chức các hoạt động giao lưu thể thao, văn nghệ...',
          kind: 'task',
          lead: 'Ban chấp hành Công đoàn cơ sở Sở TTTT',
          coordinators: ['Văn phòng Sở'],
          due: null,
          dueText: null,
        },
        {
          title:
            'Trung tâm Công nghệ thông tin và truyền thông tuyên truyền các hoạt động kỷ niệm ngành kịp thời, đầy đủ',
          kind: 'task',
          lead: 'Trung tâm Công nghệ thông tin và truyền thông',
          coordinators: [],
          due: null,
          dueText: null,
        },
        {
          title:
            'Văn phòng Sở phối hợp chặt chẽ với Ban chấp hành Công đoàn cơ sở Sở để triển khai các hoạt động kỷ niệm Ngày truyền thống ngành TTTT',
          kind: 'task',
          lead: 'Văn phòng Sở',
          coordinators: ['Ban chấp hành Công đoàn cơ sở Sở'],
          due: null,
          dueText: null,
        },
        {
          title:
            'Ngoài các hoạt động nêu trên, các doanh nghiệp ngành phát huy tính chủ động, sáng tạo có các hoạt động, hình thức tổ chức kỷ niệm khác một cách thiết thực, sinh động phù hợp với tình hình thực tế',
          kind: 'task',
          lead: 'các doanh nghiệp ngành',
          coordinators: [],
          due: null,
          dueText: null,
        },
      ],
      recipients: [
        'Bộ TTTT (b/c)',
        'Cấp ủy chi bộ',
        'Ban Giám đốc',
        'BCH Công đoàn Sở',
        'Các doanh nghiệp TTTT',
        'Các phòng, Trung tâm',
        'Lưu: VT, VP',
      ],
      signer: { title: 'GIÁM ĐỐC', name: 'Trần Văn Thương' },
    })
  })

  test('003: công văn Sở VHTTDL Lai Châu, nhiệm vụ thư viện 2022 (a letter; quarters; no period)', () => {
    const text = seed('003_d1fb228655443a03.txt')
    expect(looksLikePlan(text)).toBe(true)
    const quarter = (title: string, dueText: string, due: string) => ({
      title,
      kind: 'participation',
      lead: null,
      coordinators: [],
      due,
      dueText,
    })
    expect(parsePlan(text)).toEqual({
      title: 'hướng dẫn kế hoạch triển khai nhiệm vụ năm 2022 trong lĩnh vực thư viện',
      number: '/SVHTTDL-QLVH&GD',
      issuer: 'Sở Văn hóa, Thể thao và Du lịch',
      place: 'Lai Châu',
      issuedOn: null,
      period: null,
      slogans: [],
      activities: [
        {
          title:
            'Tổ chức Ngày Sách và Văn hóa đọc năm 2022 - Hướng ứng Ngày Sách và Văn hóa đọc Việt Nam (21/4) và Ngày Sách và Bản quyền thế giới (23/4)',
          kind: 'participation',
          lead: null,
          coordinators: [],
          due: '2022-04-30',
          dueText: 'Từ tháng 3/2022 đến hết 30/4/2022',
        },
        quarter('Cuộc thi “Đại sứ Văn hóa đọc năm 2022”', 'Quý I - II, năm 2022', '2022-06-30'),
        quarter('Cuộc thi Giới thiệu sách trực tuyến năm 2022', 'Quý II, năm 2022', '2022-06-30'),
        quarter(
          'Hội thảo về chuyển đổi số và liên thông thư viện',
          'Quý II, năm 2022',
          '2022-06-30',
        ),
        quarter(
          'Liên hoan Cán bộ thư viện tuyên truyền giới thiệu sách - Kỷ niệm 75 năm ngày Thương binh, liệt sĩ (27/7/1947 - 27/7/2022)',
          'Quý III, năm 2022',
          '2022-09-30',
        ),
        quarter(
          'Tập huấn nâng cao kỹ năng phát triển Văn hóa Đọc trong cộng đồng',
          'Quý III, năm 2022',
          '2022-09-30',
        ),
        quarter(
          'Tập huấn nâng cao kỹ năng phục vụ thiếu nhi trong các thư viện công cộng',
          'Quý III, năm 2022',
          '2022-09-30',
        ),
        quarter(
          'Tập huấn nâng cao năng lực chuyển đổi số trong các thư viện công cộng',
          'Quý III, năm 2022',
          '2022-09-30',
        ),
      ],
      recipients: [
        'Như trên',
        'Ủy ban nhân dân tỉnh (B/c)',
        'Vụ Thư viện - BVHTTDL (B/c)',
        'Ủy ban nhân dân các huyện, thành phố (P/h)',
        'Lưu: VT, QLVH&GD',
      ],
      signer: { title: 'KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC', name: 'Trần Mạnh Hùng' },
    })
  })

  test('004: Sở TTTT Hà Nam, Phong trào xã hội học tập (no Số, no date line, nested units)', () => {
    const text = seed('004_9e2a9ef0a6025a6c.txt')
    expect(looksLikePlan(text)).toBe(true)
    const duty = (
      title: string,
      lead: string,
      extra: Partial<{ coordinators: string[]; dueText: string }> = {},
    ) => ({
      title,
      kind: 'task',
      lead,
      coordinators: extra.coordinators ?? [],
      due: null,
      dueText: extra.dueText ?? null,
    })
    const press = 'Phòng Thông tin - Báo chí - Xuất bản'
    const districts = 'UBND các huyện, thị xã, thành phố'
    const media = 'Báo Hà Nam, Đài Phát thanh và Truyền hình Hà Nam'
    expect(parsePlan(text)).toEqual({
      title:
        'Triển khai Phong trào “Cả nước thi đua xây dựng xã hội học tập, đẩy mạnh học tập suốt đời giai đoạn 2023-2030” trên địa bàn tỉnh Hà Nam',
      number: null,
      issuer: 'Sở Thông tin và Truyền thông',
      place: null,
      issuedOn: null,
      period: null,
      slogans: [],
      activities: [
        duty(
          'Tham mưu phối hợp với Ban Tuyên giáo Tỉnh ủy, UBND các huyện, thị xã, thành phố định hướng tuyên truyền đối với các cơ quan báo chí của tỉnh; chỉ đạo Trung tâm Văn hóa, Thông tin và Thể thao cấp huyện, Đài truyền thanh cấp xã tuyên truyền các nội dung tại khoản 1 mục II của Kế hoạch này',
          press,
          { coordinators: ['Ban Tuyên giáo Tỉnh ủy', districts] },
        ),
        duty('Tham mưu tuyên truyền trên Cổng Thông tin điện tử tỉnh Hà Nam', press),
        duty(
          'Tham mưu tổ chức Ngày sách và Văn hóa đọc Việt Nam trên địa bàn tỉnh Hà Nam hằng năm',
          press,
          { dueText: 'hằng năm' },
        ),
        duty(
          'Viết, thu thập, đăng tin, bài tuyên truyền các nội dung tại khoản 1 mục II của Kế hoạch này trên Cổng Thông tin điện tử tỉnh Hà Nam',
          'Trung tâm Công nghệ thông tin và Truyền thông',
        ),
        duty(
          'Tuyên truyền Phong trào thi đua về công tác khuyến học, khuyến tài, xây dựng xã hội học tập trên Cổng/Trang thông tin điện tử của cơ quan và các hình thức phù hợp khác',
          'các sở, ban, ngành',
        ),
        duty(
          'Tuyên truyền trên Cổng Thông tin điện tử của cơ quan và chỉ đạo tuyên truyền trên hệ thống truyền thanh cấp huyện, đài truyền thanh cơ sở các nội dung tại khoản 1 mục II của Kế hoạch này',
          districts,
        ),
        duty(
          'Yêu cầu UBND các xã, phường, thị trấn chỉ đạo Đài truyền thanh cấp xã tiếp âm đầy đủ các chương trình, nội dung tuyên truyền trên của Đài Phát thanh và Truyền hình Hà Nam, Trung tâm Văn hóa, Thông tin và Thể thao cấp huyện',
          districts,
        ),
        duty('Tăng cường tuyên truyền các nội dung tại khoản 1 mục II của Kế hoạch này', media),
        duty(
          'Căn cứ đặc trưng của từng loại hình báo chí triển khai tuyên truyền bằng nhiều hình thức khác nhau và phù hợp',
          media,
        ),
      ],
      recipients: [
        'Các sở, ban, ngành',
        'UBND các huyện, thị xã, thành phố',
        'Báo Hà Nam, Đài PT&TH Hà Nam',
        'Lưu: VT',
      ],
      signer: { title: 'GIÁM ĐỐC', name: 'Nguyễn Duy Tuấn' },
    })
  })
})
