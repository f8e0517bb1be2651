import { describe, expect, test } from 'vitest'
import type { DateContext } from '../../../src/domain/plans/plan-dates.js'
import {
  findDatePhrases,
  inferYear,
  isValidDate,
  maskReferences,
  parseDateRef,
  readDateValue,
  readDue,
  readOpenWindowStart,
  toIsoDate,
} from '../../../src/domain/plans/plan-dates.js'

const in2024: DateContext = { year: 2024, month: 4 }
const noYear: DateContext = { year: null, month: null }

/** Reads a due phrase the way an item is read: referenced documents masked first. */
const due = (text: string, context: DateContext = in2024) => readDue(maskReferences(text), context)

describe('calendar', () => {
  test('validates real dates only', () => {
    expect(isValidDate(2024, 2, 29)).toBe(true)
    expect(isValidDate(2023, 2, 29)).toBe(false)
    expect(isValidDate(2024, 2, 31)).toBe(false)
    expect(isValidDate(2024, 13, 1)).toBe(false)
    expect(toIsoDate(2024, 4, 31)).toBeNull()
    expect(toIsoDate(2024, 5, 5)).toBe('2024-05-05')
  })

  test('a yearless date takes the document year, or the next one well before its month', () => {
    expect(inferYear(5, { year: 2024, month: 4 })).toBe(2024)
    expect(inferYear(1, { year: 2024, month: 12 })).toBe(2025)
    expect(inferYear(3, { year: 2024, month: null })).toBe(2024)
    expect(inferYear(3, noYear)).toBeNull()
  })
})

describe('date references', () => {
  test.each([
    ['15/4/2024', { kind: 'day', year: 2024, month: 4, day: 15 }],
    ['05/5', { kind: 'day', year: null, month: 5, day: 5 }],
    ['ngày 01 tháng 10 năm 2024', { kind: 'day', year: 2024, month: 10, day: 1 }],
    ['15-4-2024', { kind: 'day', year: 2024, month: 4, day: 15 }],
    ['tháng 3/2022', { kind: 'month', year: 2022, months: [3] }],
    ['tháng 4, 5/2025', { kind: 'month', year: 2025, months: [4, 5] }],
    ['Quý II, năm 2022', { kind: 'quarter', year: 2022, quarters: [2] }],
    ['Quý I - II', { kind: 'quarter', year: null, quarters: [1, 2] }],
    ['năm 2025', { kind: 'year', year: 2025 }],
  ])('%s', (token, expected) => {
    expect(parseDateRef(token)).toEqual(expected)
  })
})

describe('due phrases', () => {
  test('"trước ngày X" gives X, Markdown already stripped', () => {
    expect(
      due('xây dựng Báo cáo gửi Sở Thông tin và Truyền thông trước ngày 05/5/2024.'),
    ).toMatchObject({
      due: '2024-05-05',
      dueText: 'trước ngày 05/5/2024',
    })
  })

  test('a missing year comes from the document', () => {
    expect(due('gửi về Sở trước ngày 05/5')).toMatchObject({
      due: '2024-05-05',
      dueText: 'trước ngày 05/5',
    })
    expect(due('gửi về Sở trước ngày 05/5', noYear)).toMatchObject({
      due: null,
      dueText: 'trước ngày 05/5',
    })
  })

  test('"ngày dd tháng mm năm yyyy" in words', () => {
    expect(due('hoàn thành trước ngày 01 tháng 10 năm 2024')).toMatchObject({ due: '2024-10-01' })
  })

  test('a window gives its last day', () => {
    expect(due('diễn ra từ ngày 15/4/2024 đến ngày 01/5/2024')).toMatchObject({
      due: '2024-05-01',
      from: '2024-04-15',
      dueText: 'từ ngày 15/4/2024 đến ngày 01/5/2024',
    })
    expect(due('từ ngày 20/4 đến ngày 23/4/2025')).toMatchObject({
      due: '2025-04-23',
      from: '2025-04-20',
    })
  })

  test('"Từ tháng 3/2022 đến hết 30/4/2022" and "đến hết"', () => {
    expect(due('Thời gian tổ chức: Từ tháng 3/2022 đến hết 30/4/2022.')).toMatchObject({
      due: '2022-04-30',
      from: '2022-03-01',
      dueText: 'Từ tháng 3/2022 đến hết 30/4/2022',
    })
    expect(due('thực hiện đến hết 30/4/2022')).toMatchObject({ due: '2022-04-30' })
  })

  test('"từ nay đến hết ngày …" starts on the issue date', () => {
    const phrase = findDatePhrases(
      'từ nay đến hết ngày 31/12/2025',
      { year: 2025, month: 1 },
      { issuedOn: '2025-01-10' },
    )[0]
    expect(phrase).toMatchObject({ kind: 'window', from: '2025-01-10', due: '2025-12-31' })
  })

  test('"dự kiến ngày …" and "vào ngày …"', () => {
    expect(due('Thời gian: dự kiến ngày 25/8/2023.')).toMatchObject({
      due: '2023-08-25',
      dueText: 'dự kiến ngày 25/8/2023',
    })
    expect(due('Lễ phát động tổ chức vào ngày 15/4/2024 tại Hội trường')).toMatchObject({
      due: '2024-04-15',
    })
  })

  test('months, quarters and years give their last day', () => {
    expect(due('hoàn thành trong tháng 3/2022')).toMatchObject({ due: '2022-03-31' })
    expect(due('hoàn thành trong tháng 2', { year: 2024, month: 1 })).toMatchObject({
      due: '2024-02-29',
    })
    expect(due('trong Quý II, năm 2022')).toMatchObject({ due: '2022-06-30' })
    expect(due('thực hiện trong năm 2025')).toMatchObject({
      due: '2025-12-31',
      dueText: 'trong năm 2025',
    })
  })

  test('recurring deadlines keep their phrase and no date', () => {
    expect(due('báo cáo trước ngày 20 hằng tháng')).toEqual({
      due: null,
      dueText: 'trước ngày 20 hằng tháng',
      from: null,
      dated: false,
    })
    expect(due('báo cáo trước ngày 05/5 hằng năm')).toMatchObject({
      due: null,
      dueText: 'trước ngày 05/5 hằng năm',
    })
    expect(due('tổ chức Ngày sách trên địa bàn tỉnh hằng năm.')).toMatchObject({
      due: null,
      dueText: 'hằng năm',
    })
    expect(due('báo cáo định kỳ hằng quý')).toMatchObject({
      due: null,
      dueText: 'định kỳ hằng quý',
    })
  })

  test('an invalid calendar date is no due date; the phrase is kept', () => {
    expect(due('trước ngày 31/2/2024')).toMatchObject({
      due: null,
      dueText: 'trước ngày 31/2/2024',
    })
  })
})

describe('dates that are never due dates', () => {
  test('dates of referenced documents', () => {
    expect(due('Triển khai Kế hoạch số 67/KH-UBND ngày 22/3/2024 của UBND tỉnh')).toBeNull()
    expect(due('thực hiện Công văn số 2371/BVHTTDL-TV ngày 06/7/2021 đến các đơn vị')).toBeNull()
    expect(due('theo Quyết định số 206/QĐ-TTg ngày 11/02/2021 của Thủ tướng')).toBeNull()
    expect(due('Công văn số      ngày 07/8/2023 đến các phòng')).toBeNull()
  })

  test('dates inside names of days and anniversaries', () => {
    expect(due('Kỷ niệm 75 năm ngày Thương binh, liệt sĩ (27/7/1947 - 27/7/2022)')).toBeNull()
    expect(due('Kỷ niệm Ngày Khuyến học Việt Nam 02/10')).toBeNull()
    expect(due('Hưởng ứng Ngày Sách và Văn hóa đọc Việt Nam (21/4) và Ngày Sách (23/4)')).toBeNull()
  })

  test('phone numbers and periods of a programme', () => {
    expect(due('liên hệ số điện thoại 0235.3812.345 khi cần hỗ trợ')).toBeNull()
    expect(due('giai đoạn 2021 - 2025, định hướng đến năm 2030')).toBeNull()
  })
})

describe('time field values', () => {
  test.each([
    ['trước ngày 25/8/2023.', '2023-08-25', 'trước ngày 25/8/2023'],
    ['Quý I - II, năm 2022.', '2022-06-30', 'Quý I - II, năm 2022'],
    ['Quý III, năm 2022 (tại tỉnh Quảng Trị).', '2022-09-30', 'Quý III, năm 2022'],
    ['Tháng 4/2025', '2025-04-30', 'Tháng 4/2025'],
    ['Từ tháng 8 - 9/2025', '2025-09-30', 'Từ tháng 8 - 9/2025'],
    ['15/4 - 20/4/2024', '2024-04-20', '15/4 - 20/4/2024'],
    ['Năm 2025', '2025-12-31', 'Năm 2025'],
    ['Thường xuyên', null, 'Thường xuyên'],
    ['Hằng năm', null, 'Hằng năm'],
  ])('%s', (value, expectedDue, expectedText) => {
    expect(readDateValue(value, in2024)).toMatchObject({ due: expectedDue, dueText: expectedText })
  })

  test('a window whose end is an event', () => {
    expect(readOpenWindowStart('từ ngày 15/4/2024 đến khi kết thúc Hội sách', in2024)).toEqual({
      start: '2024-04-15',
    })
    expect(readOpenWindowStart('từ ngày 15/4/2024 đến ngày 20/4/2024', in2024)).toBeNull()
    // Issue 16, rule 8: "từ ngày ban hành" is the issue date; a blank day gives no start.
    const open = 'từ ngày ban hành Kế hoạch đến khi kết thúc các hoạt động'
    expect(readOpenWindowStart(open, in2024, '2024-04-02')).toEqual({ start: '2024-04-02' })
    expect(readOpenWindowStart(open, in2024, null)).toEqual({ start: null })
  })
})
