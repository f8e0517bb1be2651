/**
 * Campaign codes (PRODUCT §2: `NGAYSACH2024`): short, unique, typable on a
 * phone keyboard without diacritics, derived from the plan's title and year.
 * Pure: no database here; uniqueness is decided by the caller's `isTaken`.
 */

export const MAX_CODE_LENGTH = 16
/** Letters and digits, with an optional `-2`, `-3`… added when the plain code is taken. */
export const CAMPAIGN_CODE_PATTERN = /^[A-Z0-9]{2,16}(?:-[0-9]{1,3})?$/

/** Removes Vietnamese diacritics, including đ/Đ which Unicode does not decompose. */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
}

/** What a person types (`ngaysach2024`, `Ngày Sách 2024`) as the stored form, or null when it cannot be one. */
export function normalizeCampaignCode(input: string): string | null {
  const code = stripDiacritics(input.trim()).toUpperCase().replace(/\s+/g, '')
  return CAMPAIGN_CODE_PATTERN.test(code) && code.length <= MAX_CODE_LENGTH ? code : null
}

/**
 * Words that say what kind of document this is, not what it is about. Multi-word
 * phrases first, so "hoạt động" goes before "động" could be considered alone.
 */
const FILLER_PHRASES = [
  'KE HOACH',
  'TO CHUC',
  'HOAT DONG',
  'TRIEN KHAI',
  'THUC HIEN',
  'HUONG DAN',
  'NHIEM VU',
  'HUONG UNG',
  'KY NIEM',
  'TUAN LE',
  'PHONG TRAO',
  'CA NUOC',
  'THI DUA',
  'XAY DUNG',
  'DAY MANH',
  'TANG CUONG',
  'VE VIEC',
  'LINH VUC',
  'CONG TAC',
  'CHUONG TRINH',
]
const FILLER_WORDS = new Set([
  'V',
  'VV',
  'VE',
  'CAC',
  'NHUNG',
  'NAM',
  'VA',
  'CUA',
  'CHO',
  'TRONG',
  'VOI',
  'NGANH',
  'DOT',
])

/** Everything from these words on names a place, an edition or a time span, not the subject. */
const TAIL_MARKERS = [
  / TAI .*$/,
  / TREN DIA BAN .*$/,
  / GIAI DOAN .*$/,
  / LAN THU .*$/,
  / NAM \d{4}.*$/,
]

const MAX_BASE = MAX_CODE_LENGTH - 4

function significantWords(upper: string, markers: readonly RegExp[]): string[] {
  let text = ` ${upper} `
  for (const marker of markers) text = text.replace(marker, ' ')
  for (const phrase of FILLER_PHRASES) text = text.replaceAll(` ${phrase} `, ' ')
  // A phrase removal can leave two fillers touching; a second pass catches "TO CHUC CAC HOAT DONG".
  for (const phrase of FILLER_PHRASES) text = text.replaceAll(` ${phrase} `, ' ')
  return text.split(' ').filter((w) => w !== '' && !FILLER_WORDS.has(w) && !/^\d+$/.test(w))
}

/**
 * A code from a title and a year: the subject's first two words when they fit
 * (Ngày Sách → NGAYSACH), else the first word and the initials of the next,
 * else initials; then the year. ≤ 16 characters, `[A-Z0-9]`.
 *
 * The year printed in the title ("… năm 2022") wins over the one given, since a
 * plan issued in late 2021 for 2022 is the 2022 campaign.
 */
export function deriveCampaignCode(title: string, year: number | null): string {
  const upper = stripDiacritics(title)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim()
  // "giai đoạn 2023-2030" is a span, not the campaign's year: only "năm YYYY" beats the given year.
  const titleYear = /\bNAM (\d{4})\b/.exec(upper)?.[1]
  const anyYear = /\b(20\d{2})\b/.exec(upper)?.[1]
  const suffix = titleYear ?? (year === null ? (anyYear ?? '') : String(year))
  // "Hướng dẫn nhiệm vụ năm 2022 trong lĩnh vực thư viện": the subject may follow the year.
  let words = significantWords(upper, TAIL_MARKERS)
  if (words.length === 0) words = significantWords(upper, TAIL_MARKERS.slice(0, -1))
  if (words.length === 0) words = upper.split(' ').filter((w) => w !== '' && !/^\d+$/.test(w))
  const base = baseFromWords(words) || 'KH'
  return `${base.slice(0, MAX_CODE_LENGTH - suffix.length)}${suffix}`
}

function baseFromWords(words: string[]): string {
  const [first = '', second = ''] = words
  if (first.length + second.length <= MAX_BASE) return first + second
  if (first.length < MAX_BASE) {
    const initials = words
      .slice(1)
      .map((w) => w[0] ?? '')
      .join('')
    return (first + initials).slice(0, MAX_BASE)
  }
  return words
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, MAX_BASE)
}

/**
 * The first of `code`, `code-2`, `code-3`… that is not taken, trimming the
 * base so the whole stays ≤ 16 characters.
 */
export async function firstFreeCode(
  code: string,
  isTaken: (candidate: string) => Promise<boolean>,
): Promise<string> {
  if (!(await isTaken(code))) return code
  for (let n = 2; n < 1000; n++) {
    const suffix = `-${n}`
    // Shorten the words, not the year: NGAYTRUYEN2023-2 rather than NGAYTRUYEN20-2.
    const [, words = code, year = ''] = /^(.*?)(\d{4})?$/.exec(code) ?? []
    const room = MAX_CODE_LENGTH - suffix.length - year.length
    const candidate = `${words.slice(0, Math.max(2, room))}${year}${suffix}`.slice(
      0,
      MAX_CODE_LENGTH,
    )
    if (!(await isTaken(candidate))) return candidate
  }
  throw new Error(`no free campaign code for ${code}`)
}
