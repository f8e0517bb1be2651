/**
 * What `date-holidays` (VN) does not know about the civil service calendar:
 * the government's day-off swaps (hoán đổi ngày làm việc), the extra Tết days
 * it grants every year, the day added next to Quốc khánh 2/9 (Bộ luật Lao động
 * 2019, art. 112: "02/9 and one day before or after, chosen by the Prime
 * Minister"), and compensatory days when a holiday falls on a weekend (art. 111.3).
 *
 * Checked against `new Holidays('VN').getHolidays(y)` for 2024–2026: it has one
 * day per holiday (Tết as the five days from Giao thừa), nothing more. Years
 * beyond this table fall back to date-holidays plus the agency's own
 * `calendar_day` rows (PRODUCT §10), where the office records each year's
 * announcement as it comes.
 */
export interface ExtraCalendarDay {
  day: string
  kind: 'holiday' | 'workday'
  note: string
}

export const VN_EXTRA_CALENDAR: readonly ExtraCalendarDay[] = [
  // 2024 — Thông báo của Bộ LĐTBXH về lịch nghỉ Tết Âm lịch và Quốc khánh năm 2024 cho cán bộ,
  // công chức, viên chức (Tết: Thứ Năm 08/02 – hết Thứ Tư 14/02/2024).
  {
    day: '2024-02-08',
    kind: 'holiday',
    note: 'Tết Giáp Thìn (28 tháng Chạp), nghỉ theo thông báo của Bộ LĐTBXH',
  },
  {
    day: '2024-02-14',
    kind: 'holiday',
    note: 'Tết Giáp Thìn (mùng 5), nghỉ theo thông báo của Bộ LĐTBXH',
  },
  // Hoán đổi dịp 30/4–1/5/2024 (Thủ tướng đồng ý, Bộ LĐTBXH thông báo): nghỉ Thứ Hai 29/4, làm bù Thứ Bảy 04/5.
  { day: '2024-04-29', kind: 'holiday', note: 'Hoán đổi ngày làm việc dịp 30/4/2024' },
  { day: '2024-05-04', kind: 'workday', note: 'Làm bù cho Thứ Hai 29/4/2024' },
  {
    day: '2024-09-03',
    kind: 'holiday',
    note: 'Quốc khánh 2024: ngày liền kề 02/9 (BLLĐ 2019 điều 112)',
  },

  // 2025 — Bộ LĐTBXH, lịch nghỉ Tết Ất Tỵ (Thứ Bảy 25/01 – hết Chủ Nhật 02/02/2025), hoán đổi
  // Thứ Hai 27/01 sang Thứ Bảy 08/02/2025.
  { day: '2025-01-27', kind: 'holiday', note: 'Tết Ất Tỵ: hoán đổi ngày làm việc' },
  { day: '2025-02-08', kind: 'workday', note: 'Làm bù cho Thứ Hai 27/01/2025' },
  // Bộ Nội vụ, hoán đổi dịp 30/4–1/5/2025: nghỉ Thứ Sáu 02/5, làm bù Thứ Bảy 26/4.
  { day: '2025-04-26', kind: 'workday', note: 'Làm bù cho Thứ Sáu 02/5/2025' },
  { day: '2025-05-02', kind: 'holiday', note: 'Hoán đổi ngày làm việc dịp 30/4/2025' },
  {
    day: '2025-09-01',
    kind: 'holiday',
    note: 'Quốc khánh 2025: ngày liền kề 02/9 (BLLĐ 2019 điều 112)',
  },

  // 2026 — Tết Bính Ngọ (Thứ Hai 16/02 – hết Thứ Sáu 20/02/2026) is already in date-holidays.
  {
    day: '2026-04-27',
    kind: 'holiday',
    note: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch rơi vào Chủ Nhật 26/4/2026, BLLĐ 2019 điều 111)',
  },
  // Phương án nghỉ Quốc khánh 2026 (Bộ Nội vụ trình, 10/2025): 01/9 và 02/9. The office can correct
  // it with a calendar_day row if the final decision differs.
  {
    day: '2026-09-01',
    kind: 'holiday',
    note: 'Quốc khánh 2026: ngày liền kề 02/9 (BLLĐ 2019 điều 112)',
  },
]
