/**
 * The duties inside one sentence or paragraph (issue 16, rules 1 and 2): who is asked, and where
 * one duty ends and the next begins. Pure.
 *
 * - "A đề nghị / yêu cầu / giao B <verb> …": the lead is B, the unit asked, never A; the duty's
 *   text starts at B.
 * - "X theo dõi, đôn đốc …; xây dựng báo cáo gửi Y trước ngày D": split at ";" when the clauses
 *   differ in kind or only one carries a date, or when the next clause names its own unit.
 * - A sentence after "." without a unit of its own continues the duty before it.
 * - The closing formula ("đề nghị Thủ trưởng các đơn vị nghiêm túc triển khai thực hiện") is none.
 */
import { capitalizeFirst, maskQuotes } from './plan-text.js'
import { leadingSubject, readUnitName, startsUnit } from './plan-units.js'

export interface DutyClause {
  /** The duty as printed, from the unit asked (or the sentence's start) to its end. */
  readonly text: string
  /** The unit asked or acting; null when the clause names none (it inherits the one before). */
  readonly lead: string | null
}

const REQUEST = /(?<![\p{L}])(?:đề\s+nghị|yêu\s+cầu|giao(?:\s+cho)?|phân\s+công)\s+/giu
/** What is asked in the closing formula: carry the whole document out, nothing of its own. */
const CLOSING_DUTY =
  /^(?:(?:nghiêm\s+túc|khẩn\s+trương|tích\s+cực|quan\s+tâm|chủ\s+động)[\s,]*(?:(?:và|,)\s*)?)*(?:chỉ\s+đạo\s*,?\s*)?(?:(?:tổ\s+chức\s+)?triển\s+khai\s*,?\s*)?(?:thực\s+hiện)?(?:\s+(?:tốt\s+)?(?:Kế\s+hoạch|kế\s+hoạch|văn\s+bản|Công\s+văn|công\s+văn|các\s+nội\s+dung|nội\s+dung)(?:\s+(?:này|trên|nêu\s+trên))?)?[\s./]*$/u

/** How to reach the issuer, or what to do if stuck: part of the duty before it. */
const ASIDE =
  /^(?:liên\s+hệ|số\s+điện\s+thoại|điện\s+thoại|email|thư\s+điện\s+tử|đầu\s+mối\s+liên\s+hệ|mọi\s+(?:khó\s+khăn|vướng\s+mắc)|nếu\s+có\s+(?:khó\s+khăn|vướng\s+mắc))(?![\p{L}])/iu

/** Offsets of ";" and sentence ends outside quotes and parentheses. */
function boundaries(text: string): { at: number; kind: 'semicolon' | 'sentence' }[] {
  const masked = maskQuotes(text)
  const out: { at: number; kind: 'semicolon' | 'sentence' }[] = []
  let depth = 0
  for (let i = 0; i < masked.length; i += 1) {
    const char = masked[i]
    if (char === '(') depth += 1
    else if (char === ')') depth = Math.max(0, depth - 1)
    else if (depth > 0) continue
    else if (char === ';') out.push({ at: i, kind: 'semicolon' })
    else if (char === '.' && /^\s+\p{Lu}/u.test(masked.slice(i + 1, i + 4))) {
      // "TP. Hồ Chí Minh", "KT. Giám đốc": an abbreviation, not a sentence end.
      const word = /(\p{L}+)$/u.exec(masked.slice(Math.max(0, i - 12), i))?.[1] ?? ''
      if (word.length >= 3 && !/^\p{Lu}+$/u.test(word)) out.push({ at: i, kind: 'sentence' })
    }
  }
  return out
}

/**
 * The unit(s) asked after a request verb: "yêu cầu Thư viện tỉnh; Phòng Văn hóa và Thông tin;
 * Trung tâm … các huyện, thành phố tiếp tục …" is one list, ended by the verb.
 */
function askedUnits(text: string, position: number): { name: string; end: number } | null {
  let cursor = position
  for (let guard = 0; guard < 8; guard += 1) {
    const unit = readUnitName(text, cursor, 30)
    if (unit === null) return null
    if (unit.stop === 'word') {
      return { name: text.slice(position, unit.end).trim(), end: unit.end }
    }
    const after = /^\s*[;,]\s*/u.exec(text.slice(unit.end))
    if (after === null) return null
    const next = unit.end + after[0].length
    if (startsUnit(text, next) === null && startsUnit(capitalized(text, next), next) === null) {
      return null
    }
    cursor = next
  }
  return null
}

/** "phòng Văn hóa" printed lower case inside a list still opens a unit. */
function capitalized(text: string, at: number): string {
  const char = text.charAt(at)
  return text.slice(0, at) + char.toLocaleUpperCase('vi') + text.slice(at + 1)
}

interface Piece {
  readonly text: string
  readonly closing: boolean
  readonly lead: string | null
  /** What separated it from the piece before. */
  readonly after: 'start' | 'semicolon' | 'sentence'
}

/** Whether a unit's name (the body that asks) ends right where the request verb starts. */
function afterSubject(text: string, verbAt: number): boolean {
  const before = text.slice(0, verbAt).trimEnd()
  if (/(?:^|[,;:]\s*)(?:trân\s+trọng|kính)?$/iu.test(before)) return true
  // A unit's name is at most a few dozen words: look no further back than that.
  const from = Math.max(0, before.length - 200)
  const heads = [...before.slice(from).matchAll(/(?<![\p{L}\d])\p{Lu}/gu)].map(
    (m) => from + m.index,
  )
  return heads.some((start) => {
    if (/(?:của|theo|tại|về\s+việc|việc)\s+$/iu.test(before.slice(0, start))) return false
    const unit = readUnitName(text, start, 16)
    return unit !== null && unit.end >= before.length - 1 && unit.end <= verbAt
  })
}

/**
 * The subject of one piece: a request's addressee, or the unit that opens it; `start` is where
 * the duty's text begins, `dutyAt` where what is asked of the unit begins.
 */
function pieceSubject(text: string): { lead: string | null; start: number; dutyAt: number } {
  const masked = maskQuotes(text)
  REQUEST.lastIndex = 0
  let unread = false
  for (let m = REQUEST.exec(masked); m !== null; m = REQUEST.exec(masked)) {
    // "đề nghị Quý Sở …": the honorific is no part of the name.
    const position =
      m.index + m[0].length + (/^Quý\s+/u.exec(text.slice(m.index + m[0].length))?.[0].length ?? 0)
    const asked = askedUnits(text, position)
    if (asked === null) {
      // "… yêu cầu <a list the reader cannot close> …": never the requester as the lead.
      unread ||= startsUnit(text, position) !== null
      continue
    }
    // "Giao Văn phòng Sở theo dõi …": a request that opens the sentence stays in the title.
    const opens = /^(?:(?:Trân\s+trọng|Kính)\s+)?$/iu.test(text.slice(0, m.index).trim())
    // Inside a sentence only "<body> đề nghị …" asks; "về việc yêu cầu …", "theo đề nghị của …"
    // tell what a referenced document asked (rule 1: that is preamble).
    if (!opens && !afterSubject(text, m.index)) continue
    // "đề nghị Thủ trưởng các phòng, đơn vị …": the unit is asked through its head.
    let lead = capitalizeFirst(asked.name.replace(/^(?:Thủ\s+trưởng|thủ\s+trưởng)\s+/u, ''))
    // "đề nghị Quý Sở chỉ đạo Thư viện tỉnh thực hiện …": a bare "Sở" names no unit; the one it
    // directs does the work.
    const directed = /^\s*chỉ\s+đạo\s+/u.exec(text.slice(asked.end))
    if (!/\s/u.test(lead) && directed !== null) {
      const unit = askedUnits(text, asked.end + directed[0].length)
      if (unit !== null) lead = capitalizeFirst(unit.name)
    }
    return { lead, start: opens ? 0 : position, dutyAt: asked.end }
  }
  const subject = unread ? null : leadingSubject(text)
  if (subject === null) return { lead: null, start: 0, dutyAt: 0 }
  const at = text.indexOf(subject.unit)
  return { lead: subject.unit, start: 0, dutyAt: at === -1 ? 0 : at + subject.unit.length }
}

/**
 * The duty clauses of a text, in order. `sameKind(a, b)` and `dated(text)` come from the caller
 * (the kind and date readers), so this file decides only where clauses end.
 */
export function splitDuties(
  text: string,
  judge: {
    readonly kind: (text: string) => string
    readonly dated: (text: string) => boolean
  },
): DutyClause[] {
  const pieces: Piece[] = []
  let from = 0
  let after: Piece['after'] = 'start'
  for (const boundary of [...boundaries(text), { at: text.length, kind: 'sentence' as const }]) {
    const raw = text.slice(from, boundary.at).trim()
    if (raw !== '') {
      const subject = pieceSubject(raw)
      const closing = subject.lead !== null && CLOSING_DUTY.test(raw.slice(subject.dutyAt).trim())
      pieces.push({ text: raw.slice(subject.start).trim(), lead: subject.lead, after, closing })
    }
    from = boundary.at + 1
    after = boundary.kind
  }
  const clauses: { text: string; lead: string | null }[] = []
  for (const piece of pieces.filter((p) => !p.closing)) {
    const previous = clauses[clauses.length - 1]
    if (previous === undefined) {
      clauses.push({ text: piece.text, lead: piece.lead })
      continue
    }
    const separator = piece.after === 'semicolon' ? '; ' : '. '
    // "…; liên hệ số điện thoại … khi cần hỗ trợ": an aside of the duty before, never one.
    if (ASIDE.test(piece.text)) {
      previous.text = `${previous.text}${separator}${piece.text}`
      continue
    }
    const ownUnit = piece.lead !== null && piece.lead !== previous.lead
    const differs =
      piece.after === 'semicolon' &&
      (judge.kind(piece.text) !== judge.kind(previous.text) ||
        judge.dated(piece.text) !== judge.dated(previous.text))
    if (ownUnit || differs) clauses.push({ text: piece.text, lead: piece.lead ?? previous.lead })
    else previous.text = `${previous.text}${separator}${piece.text}`
  }
  return clauses
}

/**
 * The unit a list's introduction asks ("Sở Nội vụ đề nghị các phòng, đơn vị thực hiện một số
 * nội dung sau:" → "Các phòng, đơn vị"), or null when it asks none it can name.
 */
export function introducedUnit(text: string): string | null {
  const body = text.replace(/[\s,]*(?:cụ\s+thể\s+)?(?:như\s+sau|sau\s+đây)?\s*:\s*$/u, '')
  REQUEST.lastIndex = 0
  if (!REQUEST.test(maskQuotes(body))) return null
  const clauses = splitDuties(body, { kind: () => '', dated: () => false })
  return clauses[clauses.length - 1]?.lead ?? null
}
