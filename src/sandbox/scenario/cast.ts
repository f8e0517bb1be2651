/**
 * The people and groups of the sandbox: four units of a Sở Nội vụ, as its
 * seed plan (ke-hoach-ngay-sach.txt) names them, each with a Telegram group,
 * a head and a few employees. Ids are fixed so every run tells the same story.
 */
export interface CastUnit {
  code: string
  name: string
  chatId: number
  groupTitle: string
}

export interface CastPerson {
  id: number
  firstName: string
  lastName: string
  /** Null for the employee who never set a Telegram username. */
  username: string | null
  unitCode: string
  role: 'member' | 'head' | 'office'
  /** The Telegram client's language; one employee uses an English client. */
  language: 'vi' | 'en'
  /** Opened a private chat with the bot (so private reminders reach them). */
  started: boolean
}

export const ADMIN: CastPerson = {
  id: 7001,
  firstName: 'Huy',
  lastName: 'Đinh Quang',
  username: 'dinhquanghuy',
  unitCode: 'VP',
  role: 'member',
  language: 'vi',
  started: false,
}

export const UNITS: readonly CastUnit[] = [
  { code: 'VP', name: 'Văn phòng Sở', chatId: -1001000000101, groupTitle: 'Văn phòng Sở' },
  {
    code: 'TCBC',
    name: 'Phòng Tổ chức, biên chế và tổ chức phi chính phủ',
    chatId: -1001000000102,
    groupTitle: 'Phòng TCBC & TCPCP',
  },
  {
    code: 'XDCQ',
    name: 'Phòng Xây dựng chính quyền và công tác thanh niên',
    chatId: -1001000000103,
    groupTitle: 'Phòng XDCQ & CTTN',
  },
  {
    code: 'TDKT',
    name: 'Ban Thi đua - Khen thưởng',
    chatId: -1001000000104,
    groupTitle: 'Ban Thi đua - Khen thưởng',
  },
]

const person = (
  id: number,
  lastName: string,
  firstName: string,
  unitCode: string,
  extra: Partial<CastPerson> = {},
): CastPerson => ({
  id,
  firstName,
  lastName,
  username: `${toAscii(lastName + firstName)}${id % 100}`,
  unitCode,
  role: 'member',
  language: 'vi',
  started: true,
  ...extra,
})

export const PEOPLE: readonly CastPerson[] = [
  person(7101, 'Nguyễn Thị', 'Lan', 'VP', { role: 'office' }),
  person(7102, 'Phạm Văn', 'Dũng', 'VP', { role: 'head' }),
  person(7103, 'Trần Minh', 'Tuấn', 'VP'),
  person(7104, 'Lê Thu', 'Hà', 'VP'),
  person(7201, 'Hoàng Thị', 'Mai', 'TCBC', { role: 'head' }),
  person(7202, 'Vũ Đức', 'Anh', 'TCBC'),
  person(7203, 'Bùi Thanh', 'Sơn', 'TCBC', { language: 'en' }),
  person(7204, 'Đỗ Thị', 'Hương', 'TCBC', { started: false }),
  person(7301, 'Đặng Văn', 'Hùng', 'XDCQ', { role: 'head' }),
  person(7302, 'Phan Thị', 'Ngọc', 'XDCQ'),
  person(7303, 'Lý Quốc', 'Bảo', 'XDCQ', { username: null }),
  person(7304, 'Trịnh Thu', 'Trang', 'XDCQ'),
  person(7401, 'Võ Thị', 'Hạnh', 'TDKT', { role: 'head' }),
  person(7402, 'Hồ Văn', 'Nam', 'TDKT'),
  person(7403, 'Lương Thị', 'Yến', 'TDKT'),
]

export function fullName(p: CastPerson): string {
  return `${p.lastName} ${p.firstName}`
}

export function castPerson(id: number): CastPerson {
  const found = [...PEOPLE, ADMIN].find((p) => p.id === id)
  if (found === undefined) throw new Error(`no one with id ${id} in the sandbox cast`)
  return found
}

export function castUnit(code: string): CastUnit {
  const found = UNITS.find((u) => u.code === code)
  if (found === undefined) throw new Error(`no unit ${code} in the sandbox cast`)
  return found
}

/** What `loa units import` reads. */
export function unitsCsv(): string {
  return ['code,name,parent_code', ...UNITS.map((u) => `${u.code},"${u.name}",`)].join('\n')
}

/** What `loa roster import` reads: the office's list, with Telegram ids or usernames. */
export function rosterCsv(): string {
  return [
    'unit_code,full_name,telegram_id,username,role',
    ...PEOPLE.map((p) => `${p.unitCode},${fullName(p)},${p.id},${p.username ?? ''},${p.role}`),
  ].join('\n')
}

function toAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/\s+/g, '')
    .toLowerCase()
}
