/**
 * What `date-holidays` (VN) does not know about the civil service calendar:
 * the government's day-off swaps (hoán đổi ngày làm việc), the extra Tết days
 * it grants every year, the day added next to Quốc khánh 2/9 (Bộ luật Lao động
 * 2019, art. 112: "02/9 and one day before or after, chosen by the Prime
 * Minister"), and compensatory days when a holiday falls on a weekend (art. 111.3).
 *
 * Checked against `new Holidays('VN').getHolidays(y)` for 2024–2027: it has one
 * day per holiday (Tết as the five days from Giao thừa), nothing more. Each row
 * below names the notice it comes from. Years the government has not announced
 * yet carry only what the law itself fixes, marked "dự kiến"; the office
 * records each year's notice as it comes in the agency's own `calendar_day`
 * rows (PRODUCT §10, `/lichnghi them`, `loa calendar`), which win over this table.
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

  // 2025 — Thông báo 6150/TB-BLĐTBXH: Tết Ất Tỵ from Thứ Bảy 25/01 to Chủ Nhật 02/02/2025, i.e. the
  // working days Mon 27/01 – Fri 31/01 off; date-holidays has 28/01–01/02, so 27/01 is added.
  // No make-up Saturday for Tết 2025 (an earlier draft's Sat 08/02 was dropped).
  {
    day: '2025-01-27',
    kind: 'holiday',
    note: 'Tết Ất Tỵ (28 tháng Chạp), Thông báo 6150/TB-BLĐTBXH',
  },
  // Same notice, 30/4–1/5/2025: Wed 30/4 – Sun 04/5, Fri 02/5 swapped with Sat 26/4 (làm bù).
  { day: '2025-04-26', kind: 'workday', note: 'Làm bù cho Thứ Sáu 02/5/2025 (6150/TB-BLĐTBXH)' },
  {
    day: '2025-05-02',
    kind: 'holiday',
    note: 'Hoán đổi ngày làm việc dịp 30/4/2025 (6150/TB-BLĐTBXH)',
  },
  // Same notice, Quốc khánh 2025: Mon 01/9 and Tue 02/9.
  {
    day: '2025-09-01',
    kind: 'holiday',
    note: 'Quốc khánh 2025: ngày liền kề 02/9 (6150/TB-BLĐTBXH)',
  },

  // 2026 — Công văn 12729/VPCP-KGVX of 25/12/2025: Tết Dương lịch Thu 01/01 – Sun 04/01/2026,
  // Fri 02/01 swapped with Sat 10/01 (làm bù).
  {
    day: '2026-01-02',
    kind: 'holiday',
    note: 'Hoán đổi ngày làm việc dịp Tết Dương lịch 2026 (12729/VPCP-KGVX)',
  },
  { day: '2026-01-10', kind: 'workday', note: 'Làm bù cho Thứ Sáu 02/01/2026 (12729/VPCP-KGVX)' },
  // Tết Bính Ngọ Sat 14/02 – Sun 22/02/2026 (the government's decision as reported by the national
  // press): the working days Mon 16/02 – Fri 20/02 off, which date-holidays already has.
  {
    day: '2026-04-27',
    kind: 'holiday',
    note: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch rơi vào Chủ Nhật 26/4/2026, BLLĐ 2019 điều 111)',
  },
  // Quốc khánh 2026 (the government's decision as reported by the national press): Sat 29/8 –
  // Wed 02/9; Tue 01/9 is the day beside 2/9, Mon 31/8 swapped with Sat 22/8 (làm bù).
  { day: '2026-08-22', kind: 'workday', note: 'Làm bù cho Thứ Hai 31/8/2026' },
  { day: '2026-08-31', kind: 'holiday', note: 'Hoán đổi ngày làm việc dịp Quốc khánh 2026' },
  {
    day: '2026-09-01',
    kind: 'holiday',
    note: 'Quốc khánh 2026: ngày liền kề 02/9 (BLLĐ 2019 điều 112)',
  },

  // 2027 — NOT ANNOUNCED YET (checked 12/2026). Only what the Labour Code fixes by itself, marked
  // "dự kiến": the office replaces it with the year's notice through /lichnghi when it comes.
  // Fixed days date-holidays already has: 01/01 (Fri), Tết 05/02–09/02 (Giao thừa Fri, mùng 1 Sat
  // 06/02), Giỗ Tổ Fri 16/4, 30/4 (Fri), 01/5 (Sat), 02/9 (Thu).
  // Tết: two of the five days fall on the weekend, so art. 111.3 gives two days after them.
  {
    day: '2027-02-10',
    kind: 'holiday',
    note: 'Tết Đinh Mùi: nghỉ bù (BLLĐ 2019 điều 111), dự kiến',
  },
  {
    day: '2027-02-11',
    kind: 'holiday',
    note: 'Tết Đinh Mùi: nghỉ bù (BLLĐ 2019 điều 111), dự kiến',
  },
  // 01/5 on a Saturday: nghỉ bù the next working day, Mon 03/5 (art. 111.3).
  {
    day: '2027-05-03',
    kind: 'holiday',
    note: 'Nghỉ bù Quốc tế Lao động 01/5/2027 (BLLĐ 2019 điều 111)',
  },
  // Art. 112 gives 02/9 plus one day beside it; the choice (01/9 or 03/9) is the Prime Minister's.
  // Fri 03/9 joins the weekend, as in the years before; the office corrects it if the notice differs.
  {
    day: '2027-09-03',
    kind: 'holiday',
    note: 'Quốc khánh 2027: ngày liền kề 02/9 (BLLĐ 2019 điều 112), dự kiến',
  },
]
