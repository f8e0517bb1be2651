/**
 * Reading Vietnamese date phrases: "15/4/2024", "ngày 01 tháng 10 năm 2024", "trước ngày 05/5",
 * "từ ngày … đến ngày …", "tháng 3/2022", "Quý I - II, năm 2022", "trong năm 2025", recurring
 * deadlines. Pure calendar arithmetic: no clock, no time zones (a plan's dates are civil dates).
 *
 * A date only counts when a phrase gives it a role (a trigger such as "trước", "từ … đến",
 * "dự kiến", "vào", or a time field's value): bare dates inside names of events and
 * anniversaries ("Ngày Khuyến học Việt Nam 02/10", "(27/7/1947 - 27/7/2022)") are never read.
 */

/** What the document tells us about its own time, used for dates printed without a year. */
export interface DateContext {
  readonly year: number | null
  readonly month: number | null
}

export type DateRef =
  | {
      readonly kind: 'day'
      readonly year: number | null
      readonly month: number
      readonly day: number
    }
  | { readonly kind: 'month'; readonly year: number | null; readonly months: readonly number[] }
  | { readonly kind: 'quarter'; readonly year: number | null; readonly quarters: readonly number[] }
  | { readonly kind: 'year'; readonly year: number }

export type DatePhraseKind = 'deadline' | 'window' | 'expected' | 'on' | 'recurring' | 'bare'

export interface DatePhrase {
  readonly kind: DatePhraseKind
  /** Offsets in the text searched. */
  readonly start: number
  readonly end: number
  /** The phrase as written. */
  readonly text: string
  /** First day the phrase covers (a window's start, a month's first day), when known. */
  readonly from: string | null
  /** The due date: the day itself, a window's last day, a month/quarter/year's last day. */
  readonly due: string | null
  /** True when the phrase names a calendar date (even an invalid one), false for recurring. */
  readonly dated: boolean
}

export interface DueReading {
  readonly due: string | null
  readonly dueText: string
  readonly from: string | null
  readonly dated: boolean
}

// ── calendar ────────────────────────────────────────────────────────────────

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    year >= 1900 &&
    year <= 2200 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  )
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** ISO date or null when the day does not exist (31/2). */
export function toIsoDate(year: number, month: number, day: number): string | null {
  return isValidDate(year, month, day) ? isoDate(year, month, day) : null
}

// ── tokens ──────────────────────────────────────────────────────────────────

const DD = String.raw`(?:3[01]|[12]\d|0?[1-9])(?!\d)`
const MM = String.raw`(?:1[0-2]|0?[1-9])(?!\d)`
const YYYY = String.raw`\d{4}(?!\d)`
const DAY_WORDS = String.raw`${DD}\s+tháng\s+${MM}(?:\s*,?\s*(?:năm\s*|/\s*)${YYYY})?`
const DAY_SLASH = String.raw`${DD}\s?/\s?${MM}(?:\s?/\s?${YYYY})?(?![\d/])`
const DAY_DASH = String.raw`${DD}[.-]${MM}[.-]${YYYY}`
const DATE = String.raw`(?<![\d/.-])(?:${DAY_WORDS}|${DAY_SLASH}|${DAY_DASH})`
const MONTH = String.raw`tháng\s+${MM}(?:\s*(?:,|-|–|và)\s*${MM}){0,11}(?:\s*(?:/|,\s*năm|năm)\s*${YYYY})?(?![\d/])`
const ROMAN_Q = String.raw`(?:IV|III|II|I|[1-4])(?![\p{L}\d])`
const QUARTER = String.raw`quý\s+${ROMAN_Q}(?:\s*(?:-|–|,|và|đến)\s*${ROMAN_Q}){0,3}(?:\s*(?:/|,\s*năm|năm|,)\s*${YYYY})?`
const YEAR = String.raw`năm\s+${YYYY}`
const DAY_REF = String.raw`(?:ngày\s+)?${DATE}`
const ANY_REF = String.raw`(?:${DAY_REF}|${MONTH}|${QUARTER}|${YEAR})`
const NB = String.raw`(?<![\p{L}\p{N}])`
/** "từ ngày ban hành (Kế hoạch)": the issue date, like "từ nay" (issue 16, rule 8). */
const ISSUE_DAY = String.raw`ban\s+hành(?:\s+(?:Kế\s+hoạch|kế\s+hoạch|văn\s+bản|công\s+văn))?(?:\s+này)?`

const PHRASES: readonly { readonly kind: DatePhraseKind; readonly re: RegExp }[] = [
  {
    kind: 'window',
    re: new RegExp(
      String.raw`${NB}(?:bắt\s+đầu\s+)?từ\s+(?:ngày\s+)?(nay|${ISSUE_DAY}|${DATE}|${MONTH}|${QUARTER})\s*(?:(?:cho\s+)?đến|tới|-|–)\s*(?:hết\s+)?(?:ngày\s+)?(${DATE}|${MONTH}|${QUARTER}|${YEAR})`,
      'giu',
    ),
  },
  {
    kind: 'deadline',
    re: new RegExp(
      String.raw`${NB}(?:trước|chậm\s+nhất|muộn\s+nhất|không\s+quá|hạn\s+chót|hạn\s+cuối|(?:cho\s+)?đến\s+hết|(?:cho\s+)?đến|tới)(?:\s+(?:là|vào))?(?:\s+ngày)?\s*:?\s*(${DATE})`,
      'giu',
    ),
  },
  {
    kind: 'deadline',
    re: new RegExp(
      String.raw`${NB}(?:(?:cho\s+)?đến\s+hết|chậm\s+nhất\s+(?:là\s+)?(?:trong|hết|cuối))\s+(${MONTH}|${QUARTER}|${YEAR})`,
      'giu',
    ),
  },
  {
    kind: 'expected',
    re: new RegExp(
      String.raw`${NB}dự\s+kiến(?:\s+(?:tổ\s+chức|diễn\s+ra|khai\s+mạc|hoàn\s+thành|thực\s+hiện|triển\s+khai))?(?:\s+(?:vào|trong))?(?:\s+ngày)?\s*:?\s*(${DATE}|${MONTH}|${QUARTER}|${YEAR})`,
      'giu',
    ),
  },
  {
    kind: 'on',
    re: new RegExp(
      String.raw`${NB}(?:(?:vào|trong)(?:\s+(?:các\s+)?ngày)?|(?:diễn\s+ra|khai\s+mạc|tổ\s+chức)\s+(?:vào\s+)?ngày)\s+(${DATE})`,
      'giu',
    ),
  },
  {
    kind: 'on',
    re: new RegExp(String.raw`${NB}(?:vào|trong)\s+(${MONTH}|${QUARTER}|${YEAR})`, 'giu'),
  },
  {
    kind: 'recurring',
    re: new RegExp(
      String.raw`${NB}(?:(?:trước|vào|trong|chậm\s+nhất)\s+)?ngày\s+${DD}\s+(?:hằng|hàng)\s+(?:tuần|tháng|quý|năm)(?![\p{L}])`,
      'giu',
    ),
  },
  {
    kind: 'recurring',
    re: new RegExp(
      String.raw`${NB}định\s+kỳ(?:\s+(?:hằng|hàng)\s+(?:ngày|tuần|tháng|quý|năm)(?![\p{L}])|\s+\d{1,2}\s+tháng)?`,
      'giu',
    ),
  },
  {
    // A bare "hằng năm" only reads as a schedule at the end of a clause ("… hằng năm.").
    kind: 'recurring',
    re: new RegExp(
      String.raw`${NB}(?:hằng|hàng)\s+(?:ngày|tuần|tháng|quý|năm)(?=\s*(?:[.;,)]|$))`,
      'giu',
    ),
  },
]

const REPEATS_AFTER = /^\s+(?:hằng|hàng)\s+(?:tuần|tháng|quý|năm)(?![\p{L}])/iu

const PRIORITY: Record<DatePhraseKind, number> = {
  bare: 0,
  deadline: 1,
  window: 2,
  expected: 3,
  on: 4,
  recurring: 5,
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 }

function quarterNumber(token: string): number | null {
  const lower = token.toLowerCase()
  return ROMAN[lower] ?? (/^[1-4]$/.test(lower) ? Number(lower) : null)
}

/** Reads one date reference token (a day, a month list, a quarter list or a year). */
export function parseDateRef(token: string): DateRef | null {
  const text = token.trim().toLowerCase()
  let m = /^(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*,?\s*(?:năm\s*|\/\s*)(\d{4}))?$/u.exec(
    text,
  )
  m ??= /^(?:ngày\s+)?(\d{1,2})\s?\/\s?(\d{1,2})(?:\s?\/\s?(\d{4}))?$/u.exec(text)
  m ??= /^(?:ngày\s+)?(\d{1,2})[.-](\d{1,2})[.-](\d{4})$/u.exec(text)
  if (m) {
    const year = m[3] === undefined ? null : Number(m[3])
    return { kind: 'day', year, month: Number(m[2]), day: Number(m[1]) }
  }
  const month = /^tháng\s+(.+?)(?:\s*(?:\/|,\s*năm|năm)\s*(\d{4}))?$/u.exec(text)
  if (month?.[1] !== undefined) {
    const months = month[1].split(/\s*(?:,|-|–|và)\s*/u).map(Number)
    if (months.length === 0 || months.some((n) => !(n >= 1 && n <= 12))) return null
    const year = month[2] === undefined ? null : Number(month[2])
    return { kind: 'month', year, months }
  }
  const quarter = /^quý\s+(.+?)(?:\s*(?:\/|,\s*năm|năm|,)\s*(\d{4}))?$/u.exec(text)
  if (quarter?.[1] !== undefined) {
    const quarters = quarter[1].split(/\s*(?:,|-|–|và|đến)\s*/u).map(quarterNumber)
    if (quarters.length === 0 || quarters.some((q) => q === null)) return null
    const year = quarter[2] === undefined ? null : Number(quarter[2])
    return { kind: 'quarter', year, quarters: quarters.filter((q): q is number => q !== null) }
  }
  const year = /^năm\s+(\d{4})$/u.exec(text)
  if (year?.[1] !== undefined) return { kind: 'year', year: Number(year[1]) }
  return null
}

/**
 * The year of a date printed without one: the document's year, or the next year when the month
 * lies well before the month the document was issued (a December plan's "trước ngày 15/01").
 */
export function inferYear(month: number, context: DateContext): number | null {
  if (context.year === null) return null
  if (context.month !== null && month < context.month - 1) return context.year + 1
  return context.year
}

function refYear(ref: DateRef, firstMonth: number, context: DateContext): number | null {
  return ref.year ?? inferYear(firstMonth, context)
}

/** First day covered by a reference. */
export function refFirstDay(ref: DateRef, context: DateContext): string | null {
  switch (ref.kind) {
    case 'day': {
      const year = refYear(ref, ref.month, context)
      return year === null ? null : toIsoDate(year, ref.month, ref.day)
    }
    case 'month': {
      const first = Math.min(...ref.months)
      const year = refYear(ref, first, context)
      return year === null ? null : toIsoDate(year, first, 1)
    }
    case 'quarter': {
      const first = (Math.min(...ref.quarters) - 1) * 3 + 1
      const year = refYear(ref, first, context)
      return year === null ? null : toIsoDate(year, first, 1)
    }
    case 'year':
      return toIsoDate(ref.year, 1, 1)
  }
}

/** Last day covered by a reference: the day itself, or the end of its month, quarter or year. */
export function refLastDay(ref: DateRef, context: DateContext): string | null {
  switch (ref.kind) {
    case 'day':
      return refFirstDay(ref, context)
    case 'month': {
      const last = Math.max(...ref.months)
      const year = refYear(ref, Math.min(...ref.months), context)
      return year === null ? null : toIsoDate(year, last, daysInMonth(year, last))
    }
    case 'quarter': {
      const last = Math.max(...ref.quarters) * 3
      const year = refYear(ref, (Math.min(...ref.quarters) - 1) * 3 + 1, context)
      return year === null ? null : toIsoDate(year, last, daysInMonth(year, last))
    }
    case 'year':
      return toIsoDate(ref.year, 12, 31)
  }
}

function withYear(ref: DateRef, year: number | null): DateRef {
  if (year === null || ref.kind === 'year' || ref.year !== null) return ref
  return { ...ref, year }
}

function windowPhrase(
  startToken: string,
  endToken: string,
  context: DateContext,
  issuedOn: string | null,
): { from: string | null; due: string | null; dated: boolean } {
  const endRef = parseDateRef(endToken)
  if (endRef === null) return { from: null, due: null, dated: false }
  let due = refLastDay(endRef, context)
  if (/^(?:nay|ban\s+hành)/iu.test(startToken.trim())) return { from: issuedOn, due, dated: true }
  let startRef = parseDateRef(startToken)
  if (startRef === null) return { from: null, due, dated: true }
  // "từ ngày 15/4 đến ngày 01/5/2024": the start borrows the end's year, the end the start's.
  const endYear = endRef.year
  if (startRef.year === null && endYear !== null) {
    const startMonth =
      startRef.kind === 'day'
        ? startRef.month
        : startRef.kind === 'month'
          ? Math.min(...startRef.months)
          : startRef.kind === 'quarter'
            ? Math.max(...startRef.quarters) * 3
            : 1
    const endMonth =
      endRef.kind === 'day'
        ? endRef.month
        : endRef.kind === 'month'
          ? Math.max(...endRef.months)
          : endRef.kind === 'quarter'
            ? Math.max(...endRef.quarters) * 3
            : 12
    startRef = withYear(startRef, startMonth > endMonth ? endYear - 1 : endYear)
  }
  if (endRef.kind !== 'year' && endRef.year === null && startRef.year !== null) {
    due = refLastDay(withYear(endRef, startRef.year), context)
  }
  return { from: refFirstDay(startRef, context), due, dated: true }
}

function refPhrase(
  token: string,
  context: DateContext,
): { from: string | null; due: string | null; dated: boolean } {
  const ref = parseDateRef(token)
  if (ref === null) return { from: null, due: null, dated: false }
  return { from: refFirstDay(ref, context), due: refLastDay(ref, context), dated: true }
}

export interface FindOptions {
  /** Issue date, the start of "từ nay". */
  readonly issuedOn?: string | null
}

/**
 * Every date phrase in the text, in order, without overlaps (the longest phrase wins where two
 * start together). Positions refer to the text as given, so callers can mask spans first.
 */
export function findDatePhrases(
  text: string,
  context: DateContext,
  options: FindOptions = {},
): DatePhrase[] {
  const found: DatePhrase[] = []
  for (const { kind, re } of PHRASES) {
    re.lastIndex = 0
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex += 1
        continue
      }
      const start = m.index
      const end = start + m[0].length
      let reading: { from: string | null; due: string | null; dated: boolean }
      if (kind === 'window') {
        reading = windowPhrase(m[1] ?? '', m[2] ?? '', context, options.issuedOn ?? null)
      } else if (kind === 'recurring') {
        reading = { from: null, due: null, dated: false }
      } else {
        reading = refPhrase(m[1] ?? '', context)
        if (!reading.dated) continue
      }
      found.push({ kind, start, end, text: m[0], ...reading })
    }
  }
  // "trước ngày 05/5 hằng năm": a date that repeats every year is a schedule, not a due date.
  for (let i = 0; i < found.length; i += 1) {
    const phrase = found[i]
    if (phrase === undefined || phrase.kind === 'recurring') continue
    const repeat = REPEATS_AFTER.exec(text.slice(phrase.end, phrase.end + 20))
    if (repeat !== null) {
      const end = phrase.end + repeat[0].length
      found[i] = {
        kind: 'recurring',
        start: phrase.start,
        end,
        text: text.slice(phrase.start, end),
        from: null,
        due: null,
        dated: false,
      }
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end || PRIORITY[a.kind] - PRIORITY[b.kind])
  const kept: DatePhrase[] = []
  for (const phrase of found) {
    const last = kept[kept.length - 1]
    if (last !== undefined && phrase.start < last.end) continue
    kept.push(phrase)
  }
  return kept
}

/** The phrase that sets an item's due date: a deadline before a window before an expected date. */
export function pickDuePhrase(phrases: readonly DatePhrase[]): DatePhrase | null {
  let best: DatePhrase | null = null
  for (const phrase of phrases) {
    if (best === null || PRIORITY[phrase.kind] < PRIORITY[best.kind]) best = phrase
  }
  return best
}

/** Reads the due date of a free-text item ("… gửi Sở TTTT trước ngày 05/5/2024."). */
export function readDue(
  text: string,
  context: DateContext,
  options: FindOptions = {},
): DueReading | null {
  const phrase = pickDuePhrase(findDatePhrases(text, context, options))
  if (phrase === null) return null
  return { due: phrase.due, dueText: phrase.text, from: phrase.from, dated: phrase.dated }
}

const BARE_START = new RegExp(String.raw`^(?:(?:vào|trong|từ)\s+)?(${ANY_REF})`, 'iu')
const BARE_RANGE = new RegExp(
  String.raw`^(?:ngày\s+)?(${DATE}|${MONTH}|${QUARTER})\s*(?:-|–|đến)\s*(?:hết\s+)?(?:ngày\s+)?(${DATE}|${MONTH}|${QUARTER}|${YEAR})`,
  'iu',
)
/** A time field's value ("Thời gian hoàn thành: trước ngày 25/8/2023.", "Quý II, năm 2022"). */
export function readDateValue(
  value: string,
  context: DateContext,
  options: FindOptions = {},
): DueReading | null {
  const text = value.trim().replace(/[\s.;,:]+$/u, '')
  if (text === '') return null
  const phrases = findDatePhrases(text, context, options)
  let picked = pickDuePhrase(phrases)
  const range = BARE_RANGE.exec(text)
  if (range !== null) {
    const reading = windowPhrase(range[1] ?? '', range[2] ?? '', context, options.issuedOn ?? null)
    if (reading.dated && (picked === null || picked.start > 0)) {
      picked = { kind: 'bare', start: 0, end: range[0].length, text: range[0], ...reading }
    }
  } else {
    const bare = BARE_START.exec(text)
    if (bare !== null && (picked === null || picked.start > 0)) {
      const reading = refPhrase((bare[1] ?? '').replace(/^ngày\s+/iu, ''), context)
      if (reading.dated)
        picked = { kind: 'bare', start: 0, end: bare[0].length, text: bare[0], ...reading }
    }
  }
  if (picked === null) {
    // An undated time ("Thường xuyên", "Hằng năm", "Theo kế hoạch của Bộ") is kept as written.
    return { due: null, dueText: cleanDueText(text), from: null, dated: false }
  }
  const lastEnd = Math.max(...phrases.map((p) => p.end), picked.end)
  const rest = text.slice(lastEnd)
  const dueText = /\d|dự\s+kiến/iu.test(rest) ? text : text.slice(0, lastEnd)
  return { due: picked.due, dueText: cleanDueText(dueText), from: picked.from, dated: picked.dated }
}

function cleanDueText(text: string): string {
  return text
    .replace(/\s*\((?![^)]*(?:\d|dự\s+kiến))[^)]*\)\s*$/u, '')
    .replace(/[\s.;,:]+$/u, '')
    .trim()
}

// ── references that must never give a date ──────────────────────────────────

const DOC_NUMBER = String.raw`(?:số\s*:?\s*)?[\p{L}\d.]{0,12}\d[\p{L}\d.]{0,12}/[\p{L}\d&.\-/]{0,30}\p{L}[\p{L}\d&.\-/]{0,30}`
const REFERENCE_PATTERNS: readonly RegExp[] = [
  // "Kế hoạch số 67/KH-UBND ngày 22/3/2024", "Công văn 1334/SVHTTDL-QLVHGD ngày 26/7/2021"
  new RegExp(
    String.raw`${DOC_NUMBER}(?:\s*,)?(?:\s+(?:ngày|ban\s+hành\s+ngày)\s+${DATE}|\s+${DATE})?`,
    'giu',
  ),
  // "Công văn số     ngày 07/8/2023" (number left blank), "Quyết định ngày …"
  new RegExp(
    String.raw`(?:kế\s+hoạch|công\s+văn|quyết\s+định|chỉ\s+thị|nghị\s+quyết|nghị\s+định|thông\s+tư|thông\s+báo|văn\s+bản|hướng\s+dẫn|tờ\s+trình|kết\s+luận|luật|báo\s+cáo)(?:\s+số)?[\s./_…]{0,20}ngày\s+${DATE}`,
    'giu',
  ),
  // "ngày 22/3/2024 của UBND tỉnh": a date that belongs to an issuing body is a document's date.
  new RegExp(String.raw`ngày\s+${DATE}\s+của`, 'giu'),
  // Parenthesised dates name an anniversary or a day: "(21/4)", "(27/7/1947 - 27/7/2022)".
  new RegExp(String.raw`\((?:ngày\s+)?${DATE}(?:\s*[-–]\s*(?:ngày\s+)?${DATE})?\)`, 'giu'),
]

/**
 * Masks referenced documents and anniversaries with filler of the same length, so their dates
 * are never read as deadlines while offsets still match the original text.
 */
export function maskReferences(text: string): string {
  let out = text
  for (const re of REFERENCE_PATTERNS) {
    re.lastIndex = 0
    out = out.replace(re, (match) => '·'.repeat(match.length))
  }
  return out
}

const OPEN_WINDOW = new RegExp(
  String.raw`${NB}từ\s+(?:ngày\s+)?(nay|${ISSUE_DAY}|${DATE}|${MONTH}|${QUARTER})\s*(?:(?:cho\s+)?đến|tới)\s+(?!(?:hết\s+)?(?:ngày\s+)?\d|(?:hết\s+)?(?:tháng|quý|năm)\s+\d)`,
  'iu',
)

/**
 * A window whose end is an event rather than a date ("từ ngày 15/4/2024 đến khi kết thúc Hội
 * sách"): its first day, or null when the text has no such window.
 */
export function readOpenWindowStart(
  text: string,
  context: DateContext,
  issuedOn: string | null = null,
): { start: string | null } | null {
  const m = OPEN_WINDOW.exec(text)
  if (m === null) return null
  // "từ ngày ban hành đến khi …": the issue date, or no start when the day is left blank.
  if (/^(?:nay|ban\s+hành)/iu.test(m[1] ?? '')) return { start: issuedOn }
  const ref = parseDateRef(m[1] ?? '')
  return ref === null ? null : { start: refFirstDay(ref, context) }
}
