/**
 * Matching a unit name as a plan prints it ("Văn phòng Sở", "Trung tâm CNTT", "Sở TT&TT") to the
 * units the office registered. Insensitive to case and tone marks, expands the abbreviations
 * offices use, and answers "none" rather than guess: a generic group ("Các phòng, đơn vị"), a list
 * of several units, or a name two units fit equally is not matched. Pure.
 */

export interface UnitLike {
  readonly code: string
  readonly name: string
}

export type MatchConfidence = 'exact' | 'probable' | 'none'

export interface UnitMatch<T extends UnitLike> {
  readonly unit: T | null
  readonly confidence: MatchConfidence
}

/** Abbreviations as whole words, already folded (no tone marks, đ → d, lower case). */
const ABBREVIATIONS: readonly (readonly [RegExp, string])[] = [
  [/\btt ?& ?tt\b|\btttt\b/g, 'thong tin va truyen thong'],
  [/\bgd ?& ?dt\b|\bgddt\b/g, 'giao duc va dao tao'],
  [/\bkh ?& ?cn\b|\bkhcn\b/g, 'khoa hoc va cong nghe'],
  [/\bkh ?& ?dt\b|\bkhdt\b/g, 'ke hoach va dau tu'],
  [/\btn ?& ?mt\b|\btnmt\b/g, 'tai nguyen va moi truong'],
  [/\bnn ?& ?ptnt\b|\bnnptnt\b/g, 'nong nghiep va phat trien nong thon'],
  [/\bvh ?, ?tt ?& ?dl\b|\bvhtt ?& ?dl\b|\bvhttdl\b/g, 'van hoa the thao va du lich'],
  [/\bld ?- ?tb ?& ?xh\b|\bldtb ?& ?xh\b|\bldtbxh\b/g, 'lao dong thuong binh va xa hoi'],
  [/\bpt ?& ?th\b|\bptth\b/g, 'phat thanh va truyen hinh'],
  [/\bgtvt\b/g, 'giao thong van tai'],
  [/\bcntt\b/g, 'cong nghe thong tin'],
  [/\bttdt\b/g, 'thong tin dien tu'],
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bhdnd\b/g, 'hoi dong nhan dan'],
  [/\bbgd\b/g, 'ban giam doc'],
  [/\bbch\b/g, 'ban chap hanh'],
  [/\bvp\b/g, 'van phong'],
  [/\bnv\b/g, 'noi vu'],
  [/\btc\b/g, 'tai chinh'],
  // "TT" is "Trung tâm" only as the first word of a name ("TT CNTT", "TT Văn hóa").
  [/^tt\b/g, 'trung tam'],
]

/** Words that make a name a group of units rather than one unit. */
const GENERIC = /^(?:cac|toan the|tat ca|moi|tung|nhung)\b/

function foldBasic(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
}

/**
 * The comparable form of a unit name: folded, abbreviations expanded, punctuation gone.
 * "Sở TT&TT" → "so thong tin va truyen thong".
 */
export function normalizeUnitName(name: string): string {
  let text = foldBasic(name).replace(/\s+/g, ' ').trim()
  for (const [pattern, expansion] of ABBREVIATIONS) text = text.replace(pattern, expansion)
  return text
    .replace(/&/g, ' va ')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Drops what does not tell units apart: a trailing "Sở" ("Văn phòng Sở"), "thuộc Sở". */
function core(normalized: string): string {
  return normalized.replace(/(.) (?:(?:truc )?thuoc )?so$/, '$1').trim()
}

function containsWords(haystack: string, needle: string): boolean {
  return needle !== '' && ` ${haystack} `.includes(` ${needle} `)
}

function unique<T>(items: readonly T[]): T | null {
  return items.length === 1 ? (items[0] ?? null) : null
}

/**
 * A phrase that names every unit of the issuing body ("Các phòng, đơn vị thuộc và trực thuộc
 * Sở", "các đơn vị", "Thủ trưởng các phòng, ban"): the preview says "all units" instead of
 * "not in the list" (issue 11, point 16).
 */
const ALL_UNITS =
  /^(?:thu truong |lanh dao )?(?:tat ca |toan the )?(?:cac|moi) (?:phong|ban|don vi|co quan|phong ban|phong chuyen mon|trung tam)(?: (?:phong|ban|don vi|co quan|trung tam|chuyen mon|nghiep vu))*(?: (?:thuoc|truc thuoc|thuoc va truc thuoc|thuoc truc thuoc|trong|cua)(?: (?:so|co quan|nganh))?)?$/

export function isAllUnits(name: string): boolean {
  return ALL_UNITS.test(normalizeUnitName(name))
}

export function matchUnitName<T extends UnitLike>(name: string, units: readonly T[]): UnitMatch<T> {
  const none: UnitMatch<T> = { unit: null, confidence: 'none' }
  const wanted = normalizeUnitName(name)
  if (wanted === '' || units.length === 0) return none

  const byCode = units.filter(
    (u) => normalizeUnitName(u.code).replace(/ /g, '') === wanted.replace(/ /g, ''),
  )
  const codeHit = unique(byCode)
  if (codeHit !== null && !wanted.includes(' ')) return { unit: codeHit, confidence: 'exact' }

  const exact = unique(units.filter((u) => normalizeUnitName(u.name) === wanted))
  if (exact !== null) return { unit: exact, confidence: 'exact' }

  // A group or a list names several units: never one of them.
  if (GENERIC.test(wanted) || /[,;]/.test(name)) return none

  const wantedCore = core(wanted)
  const sameCore = units.filter((u) => core(normalizeUnitName(u.name)) === wantedCore)
  if (sameCore.length > 0) {
    const hit = unique(sameCore)
    return hit === null ? none : { unit: hit, confidence: 'probable' }
  }

  // "Văn phòng Sở Nội vụ" contains the unit "Văn phòng"; "Trung tâm CNTT" is the start of
  // "Trung tâm Công nghệ thông tin và Truyền thông". Only a single candidate counts.
  const partial = units.filter((u) => {
    const candidate = core(normalizeUnitName(u.name))
    if (candidate.split(' ').length < 2 && wantedCore.split(' ').length < 2) return false
    return containsWords(wantedCore, candidate) || containsWords(candidate, wantedCore)
  })
  const hit = unique(partial)
  return hit === null ? none : { unit: hit, confidence: 'probable' }
}
