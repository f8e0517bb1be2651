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
  'VI',
  'TAI',
  'THEO',
])

/**
 * Nouns that head a name of one syllable ("Ngày", "Tháng", "Tuần"): after them the subject's
 * words go in pairs, since most Vietnamese words are two syllables ("truyền thống", "hành
 * động"). A code never keeps one syllable of a pair: NGAYTRUYEN would read as nothing.
 */
const SINGLE_HEADS = new Set(['NGAY', 'THANG', 'TUAN', 'LE', 'HOI', 'CUOC', 'GIAI', 'DEM', 'LOP'])

/** Everything from these words on names a place, an edition or a time span, not the subject. */
const TAIL_MARKERS = [
  / TAI .*$/,
  / TREN DIA BAN .*$/,
  / GIAI DOAN .*$/,
  / LAN THU .*$/,
  / NAM \d{4}.*$/,
]

const MAX_BASE = MAX_CODE_LENGTH - 4

/** The subject's words, in runs broken where a filler word stood ("Ngày Sách | Văn hóa đọc"). */
function significantRuns(upper: string, markers: readonly RegExp[]): string[][] {
  let text = ` ${upper} `
  for (const marker of markers) text = text.replace(marker, ' | ')
  for (const phrase of FILLER_PHRASES) text = text.replaceAll(` ${phrase} `, ' | ')
  // A phrase removal can leave two fillers touching; a second pass catches "TO CHUC CAC HOAT DONG".
  for (const phrase of FILLER_PHRASES) text = text.replaceAll(` ${phrase} `, ' | ')
  const runs: string[][] = [[]]
  for (const word of text.split(' ')) {
    if (word === '') continue
    if (word === '|' || FILLER_WORDS.has(word) || /^\d+$/.test(word)) runs.push([])
    else runs[runs.length - 1]?.push(word)
  }
  return runs.filter((run) => run.length > 0)
}

/** A run as the words a person reads: a one-syllable head, then pairs of syllables. */
function wordsOf(run: readonly string[]): string[][] {
  const out: string[][] = []
  let i = 0
  if (run.length > 1 && SINGLE_HEADS.has(run[0] ?? '')) {
    out.push([run[0] ?? ''])
    i = 1
  }
  for (; i < run.length; i += 2) out.push(run.slice(i, i + 2))
  return out
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
  let runs = significantRuns(upper, TAIL_MARKERS)
  if (runs.length === 0) runs = significantRuns(upper, TAIL_MARKERS.slice(0, -1))
  if (runs.length === 0) runs = [upper.split(' ').filter((w) => w !== '' && !/^\d+$/.test(w))]
  const base = baseFromRun(runs[0] ?? []) || 'KH'
  return `${base.slice(0, MAX_CODE_LENGTH - suffix.length)}${suffix}`
}

/**
 * Whole words while they fit (NGAYSACH, HOCTAP, XAHOIHOCTAP); when the first whole word after a
 * head does not fit, the head and that word's initials (Ngày truyền thống → NGAYTT, Tháng hành
 * động → THANGHD), as offices abbreviate; initials of everything as the last resort.
 */
function baseFromRun(run: readonly string[]): string {
  const words = wordsOf(run).map((word) => word.join(''))
  let base = ''
  for (const word of words) {
    if (base.length + word.length > MAX_BASE) break
    base += word
  }
  const [first = [], second] = wordsOf(run)
  const head = first.length === 1 && SINGLE_HEADS.has(first[0] ?? '')
  if (head && base === first.join('') && second !== undefined) {
    const initials = second.map((syllable) => syllable[0] ?? '').join('')
    return (base + initials).slice(0, MAX_BASE)
  }
  // One long run-together word ("Chuyểnđổisố…"): its start is still what a person reads.
  return base !== '' ? base : (run[0] ?? '').slice(0, MAX_BASE)
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
