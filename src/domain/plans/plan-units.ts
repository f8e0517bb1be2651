/**
 * Finding names of units (cơ quan, đơn vị) in a plan's sentences: the subject that acts ("Trung
 * tâm X thực hiện …"), a heading that is only a unit ("2. Văn phòng Sở"), and the units named
 * after "phối hợp với". Vietnamese has no inflection to lean on, so a name runs from a head noun
 * (Sở, Phòng, Trung tâm, UBND, "các đơn vị" …) to the first duty verb, stop word or punctuation
 * that cannot belong to a name. Pure.
 */

/** Nouns that open a unit's name when capitalised ("Sở Nội vụ", "Trung tâm …"). */
const SINGULAR_HEADS = [
  'Ban Chấp hành',
  'Ban chấp hành',
  'Văn phòng',
  'Trung tâm',
  'Công đoàn',
  'Thư viện',
  'Bảo tàng',
  'Bệnh viện',
  'Chi cục',
  'Thanh tra',
  'Học viện',
  'Kho bạc',
  'Công an',
  'Chi bộ',
  'Đảng ủy',
  'Đảng uỷ',
  'Tỉnh ủy',
  'Tỉnh uỷ',
  'Tỉnh đoàn',
  'Thành ủy',
  'Thành đoàn',
  'Huyện ủy',
  'Liên đoàn',
  'Ủy ban',
  'Uỷ ban',
  'Nhà văn hóa',
  'Nhà thiếu nhi',
  'Bộ phận',
  'Bộ Chỉ huy',
  'Cơ quan',
  'UBND',
  'HĐND',
  'BCH',
  'Sở',
  'Ban',
  'Phòng',
  'Đoàn',
  'Hội',
  'Cục',
  'Bộ',
  'Báo',
  'Đài',
  'Trường',
  'Viện',
  'Tổ',
  'Đội',
  'Trạm',
  'Hạt',
  'Khoa',
  'Chi nhánh',
  'Ban quản lý',
  'Ban Quản lý',
  'Phòng khám',
  'Vụ',
]

/** Nouns that name a set of units after "các" ("các phòng", "các sở, ban, ngành"). */
const PLURAL_NOUNS = [
  'đơn vị',
  'cơ quan',
  'doanh nghiệp',
  'địa phương',
  'phòng ban',
  'phòng',
  'sở',
  'ban',
  'ngành',
  'trường',
  'tổ chức',
  'huyện',
  'xã',
  'đoàn thể',
  'hội',
  'chi bộ',
  'trung tâm',
  'thư viện',
  'bảo tàng',
  'báo',
  'đài',
  'cơ sở',
  'thành viên',
  'ủy ban',
  'uỷ ban',
  'UBND',
  'cơ quan báo chí',
  'khoa',
  'trạm',
  'bộ phận',
  'chi nhánh',
]

/** The word after a head that turns it into something else ("Ban hành", "Báo cáo", "Tổ chức"). */
const NOT_A_UNIT_AFTER: Record<string, readonly string[]> = {
  Ban: ['hành'],
  Báo: ['cáo', 'chí'],
  Phòng: ['chống', ','],
  Hội: ['nghị', 'thảo', 'thao', 'thi', 'sách', 'diễn', 'trại', 'chợ', 'viên'],
  Tổ: ['chức', 'quốc'],
  Đoàn: ['kết', 'viên'],
  Trường: ['hợp'],
  Đội: ['ngũ'],
  Cục: ['bộ'],
  Bộ: ['phận', 'sách', 'tài', 'tiêu', 'câu'],
  Viện: ['dẫn'],
  Khoa: ['học'],
  Vụ: ['việc', 'án', 'mùa', 'trưởng'],
}

/** Words (lower case, as printed after a subject) where a unit's name has ended. */
const BOUNDARY_WORDS = [
  'có trách nhiệm',
  'chịu trách nhiệm',
  'có kế hoạch',
  'có văn bản',
  'là cơ quan',
  'là đầu mối',
  'làm đầu mối',
  'thực hiện',
  'triển khai',
  'tổ chức',
  'tuyên truyền',
  'chủ trì',
  'phối hợp',
  'theo dõi',
  'xây dựng',
  'phát huy',
  'căn cứ',
  'chỉ đạo',
  'tham mưu',
  'hướng dẫn',
  'đăng tải',
  'đăng tin',
  'báo cáo',
  'tổng hợp',
  'gửi',
  'tăng cường',
  'viết',
  'thu thập',
  'cử',
  'bố trí',
  'đảm bảo',
  'bảo đảm',
  'kiểm tra',
  'đôn đốc',
  'rà soát',
  'cung cấp',
  'phổ biến',
  'quán triệt',
  'vận động',
  'tích cực',
  'chủ động',
  'khẩn trương',
  'nghiên cứu',
  'lựa chọn',
  'đề xuất',
  'tham gia',
  'hưởng ứng',
  'nộp',
  'lập',
  'cập nhật',
  'treo',
  'trang trí',
  'chuẩn bị',
  'phân công',
  'giao',
  'nghiêm túc',
  'thường xuyên',
  'kịp thời',
  'trình',
  'ban hành',
  'hỗ trợ',
  'tiếp tục',
  'đẩy mạnh',
  'quan tâm',
  'thẩm định',
  'phát động',
  'duy trì',
  'sử dụng',
  'định hướng',
  'tiếp nhận',
  'tập trung',
  'mở',
  'dành',
  'biên tập',
  'sản xuất',
  'phát sóng',
  'đưa tin',
  'phản ánh',
  'thông báo',
  'lồng ghép',
  'tập huấn',
  'cân đối',
  'tiến hành',
  'soạn thảo',
  'xác định',
  'đánh giá',
  'công bố',
  'phát hành',
  'thiết kế',
  'mời',
  'tuyển chọn',
  'khen thưởng',
  'tham dự',
  'phê duyệt',
  'hoàn thành',
  'hoàn thiện',
  'tạo điều kiện',
  'giới thiệu',
  'trưng bày',
  'khai thác',
  'ứng dụng',
  'nâng cao',
  'giám sát',
  'bổ sung',
  'sắp xếp',
  'đăng',
  'để',
  'nhằm',
  'nếu',
  'khi',
  'sẽ',
  'đã',
  'được',
  'là',
  'cần',
  'phải',
  'với',
  'về',
  'của',
  'yêu cầu',
  'đề nghị',
  'trân trọng',
  'kính',
]

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

const byLength = (a: string, b: string): number => b.length - a.length

const HEAD_RE = new RegExp(
  String.raw`(?:(?:Thủ trưởng|thủ trưởng|Lãnh đạo|lãnh đạo|Giám đốc|Trưởng)\s+)?(?:(?:(?:[Cc]ác|[Mm]ỗi|[Tt]ừng)\s+(?:${[...PLURAL_NOUNS, ...SINGULAR_HEADS.map((h) => h.toLowerCase()), ...SINGULAR_HEADS].sort(byLength).map(escape).join('|')}))|(?:${[...SINGULAR_HEADS].sort(byLength).map(escape).join('|')}))(?![\p{L}\d])`,
  'uy',
)
const BOUNDARY_RE = new RegExp(
  String.raw`(?:${[...BOUNDARY_WORDS].sort(byLength).map(escape).join('|')})(?![\p{L}])`,
  'uy',
)
const HEAD_AFTER_COMMA_RE = new RegExp(
  String.raw`(?:các\s+|những\s+)?(?:${[...PLURAL_NOUNS].sort(byLength).map(escape).join('|')}|thị xã|thành phố|thị trấn|phường|quận|đặc khu|thôn|bản|ấp|khu phố|tổ dân phố|địa phương|liên quan)(?![\p{L}])`,
  'uy',
)
const LEADING_REQUEST =
  /^(?:(?:Trân trọng|Kính)\s+)?(?:Đề nghị|đề nghị|Giao cho|Giao|Yêu cầu|Phân công|Đối với|Trách nhiệm của)\s+/u
const LEADING_CLAUSE =
  /^(?:Ngoài|Căn cứ|Trên cơ sở|Sau khi|Trong quá trình|Trong thời gian|Để|Nhằm|Khi|Theo)(?![\p{L}])[^,;:.]{0,150},\s*/u

export interface UnitName {
  readonly name: string
  /** Offset just after the name in the text searched. */
  readonly end: number
  /** What ended the name: a verb or stop word, ':' , other punctuation, or the end of the text. */
  readonly stop: 'word' | 'colon' | 'punct' | 'end'
}

/** Whether a unit's name starts at `position` (a head noun that is not the start of a verb). */
export function startsUnit(text: string, position: number): number | null {
  HEAD_RE.lastIndex = position
  const head = HEAD_RE.exec(text)
  if (head === null) return null
  const end = position + head[0].length
  const nextWord = /^\s*(,|[\p{L}]+)/u.exec(text.slice(end, end + 20))?.[1]
  // Only a bare head can be a verb or another noun ("Ban hành", "Tổ chức"); "các Phòng, …" is a list.
  if (nextWord !== undefined && (NOT_A_UNIT_AFTER[head[0]] ?? []).includes(nextWord)) return null
  return end
}

/**
 * Reads a unit's name starting at `position`; null when no head noun starts there or the name
 * does not end within a reasonable length (then it is a sentence, not a name).
 */
export function readUnitName(text: string, position: number, maxWords = 22): UnitName | null {
  const headEnd = startsUnit(text, position)
  if (headEnd === null) return null
  let cursor = headEnd
  let nameEnd = headEnd
  let words = 0
  for (;;) {
    const gap = /^[ \t]*([,;:.!?)]?)[ \t]*/u.exec(text.slice(cursor, cursor + 40))
    const punct = gap?.[1] ?? ''
    const next = cursor + (gap?.[0].length ?? 0)
    if (punct === ':')
      return { name: text.slice(position, nameEnd).trim(), end: nameEnd, stop: 'colon' }
    if (next >= text.length)
      return { name: text.slice(position, nameEnd).trim(), end: nameEnd, stop: 'end' }
    if (punct === ';' || punct === '.' || punct === '!' || punct === '?' || punct === ')') {
      return { name: text.slice(position, nameEnd).trim(), end: nameEnd, stop: 'punct' }
    }
    const char = text[next] ?? ''
    if (punct === ',') {
      HEAD_AFTER_COMMA_RE.lastIndex = next
      const continues = /\p{Lu}/u.test(char) || HEAD_AFTER_COMMA_RE.test(text)
      if (!continues)
        return { name: text.slice(position, nameEnd).trim(), end: nameEnd, stop: 'punct' }
    }
    if (char === '(') {
      const close = text.indexOf(')', next)
      if (close === -1 || close - next > 80) {
        return { name: text.slice(position, nameEnd).trim(), end: nameEnd, stop: 'punct' }
      }
      cursor = close + 1
      nameEnd = cursor
      continue
    }
    if (/[“"«]/u.test(char))
      return { name: text.slice(position, nameEnd).trim(), end: nameEnd, stop: 'punct' }
    BOUNDARY_RE.lastIndex = next
    const previousWord = /(\p{L}+)\s*$/u.exec(text.slice(Math.max(0, next - 12), next))?.[1]
    if (BOUNDARY_RE.test(text) && previousWord !== 'các' && previousWord !== 'những') {
      return { name: text.slice(position, nameEnd).trim(), end: nameEnd, stop: 'word' }
    }
    const word = /^[^\s,;:.!?()“"«]+/u.exec(text.slice(next, next + 60))
    if (word === null)
      return { name: text.slice(position, nameEnd).trim(), end: nameEnd, stop: 'punct' }
    words += 1
    if (words > maxWords) return null
    cursor = next + word[0].length
    nameEnd = cursor
  }
}

function stripRequest(text: string): string {
  return text.replace(LEADING_REQUEST, '')
}

/**
 * The unit a heading names when the heading is nothing but a unit ("2. Văn phòng Sở",
 * "3. Đề nghị UBND các huyện, thị xã, thành phố", "b) Trung tâm X:"); null otherwise.
 */
export function unitHeading(text: string): string | null {
  const trimmed = stripRequest(text.trim().replace(/\s*[:.]$/u, ''))
  if (trimmed === '' || trimmed.length > 160) return null
  const unit = readUnitName(trimmed, 0)
  if (unit === null || unit.stop !== 'end') return null
  return unit.name
}

/** Words of a duty, which a unit's name before "Unit:" never holds. */
const DUTY_WORD_RE = new RegExp(
  String.raw`(?<![\p{L}])(?:${BOUNDARY_WORDS.filter(
    (w) => !['của', 'về', 'với', 'và', 'là', 'được'].includes(w),
  )
    .sort(byLength)
    .map(escape)
    .join('|')})(?![\p{L}])`,
  'u',
)

/**
 * "Các cơ quan báo chí, phát thanh của huyện" before a colon: a name with a comma, lower-case
 * words or "của" is still the lead when it opens with a unit's head noun and holds no duty word
 * (issue 16, rule 5).
 */
function unitPhrase(text: string): string | null {
  const trimmed = stripRequest(text.trim())
  if (trimmed === '' || trimmed.length > 120 || startsUnit(trimmed, 0) === null) return null
  if (/[“"«.]/u.test(trimmed)) return null
  // "Các sở, ban, ngành; UBND các huyện, thành phố:" — a list of units, each opening with one.
  if (
    trimmed.includes(';') &&
    !trimmed.split(';').every((part) => startsUnit(part.trim(), 0) !== null)
  )
    return null
  const headEnd = startsUnit(trimmed, 0) ?? 0
  if (DUTY_WORD_RE.test(trimmed.slice(headEnd))) return null
  return trimmed
}

export interface Subject {
  readonly unit: string
  /** The duty after "Unit:"; the whole text when the unit is the sentence's subject. */
  readonly rest: string
  readonly colonForm: boolean
}

/**
 * The unit that acts in a duty sentence: "Unit: duty", "Trung tâm X thực hiện …",
 * "Đề nghị Ban chấp hành … tổ chức …", "Ngoài …, các doanh nghiệp ngành phát huy …".
 */
export function leadingSubject(text: string): Subject | null {
  const colon = text.indexOf(':')
  if (colon > 0 && colon < 160) {
    const unit = unitHeading(text.slice(0, colon)) ?? unitPhrase(text.slice(0, colon))
    if (unit !== null) return { unit, rest: text.slice(colon + 1).trim(), colonForm: true }
  }
  let body = stripRequest(text.trim())
  const clause = LEADING_CLAUSE.exec(body)
  if (clause !== null && readUnitName(body, clause[0].length) !== null)
    body = body.slice(clause[0].length)
  const unit = readUnitName(body, 0)
  if (unit === null || unit.stop !== 'word') return null
  return { unit: unit.name, rest: text.trim(), colonForm: false }
}

const COORDINATE_WITH = /phối\s+hợp(?:\s+(?:chặt\s+chẽ|tốt|thường\s+xuyên|cùng))?(?:\s+với)\s+/giu
const DIRECT_TO_COORDINATE = /(?:chỉ\s+đạo|giao|đề\s+nghị|mời)\s+/giu

/** Units named as partners: "phối hợp với X, Y" and "chỉ đạo X phối hợp". */
export function coordinatorsIn(text: string): string[] {
  const found: string[] = []
  COORDINATE_WITH.lastIndex = 0
  for (let m = COORDINATE_WITH.exec(text); m !== null; m = COORDINATE_WITH.exec(text)) {
    const unit = readUnitName(text, m.index + m[0].length, 30)
    if (unit !== null && unit.name !== '') found.push(...splitUnitList(unit.name))
  }
  DIRECT_TO_COORDINATE.lastIndex = 0
  for (let m = DIRECT_TO_COORDINATE.exec(text); m !== null; m = DIRECT_TO_COORDINATE.exec(text)) {
    const position = m.index + m[0].length
    const unit = readUnitName(text, position)
    if (unit?.stop === 'word' && /^\s*phối\s+hợp/u.test(text.slice(unit.end))) {
      found.push(...splitUnitList(unit.name))
    }
  }
  return [...new Set(found)]
}

const LIST_BREAK = new RegExp(
  String.raw`\s*;\s*|,\s+(?=(?:${[...SINGULAR_HEADS].sort(byLength).map(escape).join('|')})(?![\p{L}]))|\s+và\s+(?=(?:${[...SINGULAR_HEADS].sort(byLength).map(escape).join('|')})\s+\p{Lu})`,
  'u',
)

/**
 * Splits a printed list of units: always at ";", at "," or "và" only before another unit's
 * capitalised head ("Ban Tuyên giáo Tỉnh ủy, UBND các huyện" is two; "Các phòng, đơn vị" and
 * "Sở Văn hóa, Thể thao và Du lịch" are one).
 */
export function splitUnitList(text: string): string[] {
  return text
    .split(LIST_BREAK)
    .map((part) => part.trim().replace(/[\s.;,:]+$/u, ''))
    .filter((part) => part !== '')
}
