/**
 * The document's head: issuing body, "Số:", place and date, the title under "KẾ HOẠCH" or a
 * letter's subject ("V/v …"), and where the body starts. Pure.
 */
import { toIsoDate } from './plan-dates.js'
import type { PlanLine } from './plan-text.js'
import { fold, isUpperCaseLine, squash } from './plan-text.js'
import { readUnitName, startsUnit } from './plan-units.js'

/** How far into a document the head may reach, in lines. */
const HEAD_LINES = 60

export interface PlanHeader {
  readonly number: string | null
  readonly place: string | null
  readonly issuedOn: string | null
  readonly year: number | null
  readonly month: number | null
  readonly title: string | null
  readonly isLetter: boolean
  /** The issuing body printed in the header block, in normal letter case. */
  readonly headerIssuer: string | null
  /** Index of the first line of the body (after title, subject, "Kính gửi" list). */
  readonly bodyStart: number
}

const NUMBER_CELL = /^Số\s*[:.]\s*(.*)$/u
const PLACE_DATE = new RegExp(
  String.raw`(?:^|[\s|])((?:TP\.|Tp\.|Thành phố|thành phố|\p{Lu}[\p{L}.']*)(?:[ \-–]+(?:\p{Lu}[\p{L}.']*|[\-–]))*)\s*,\s*ngày\s*(\d{0,2})[\s.…_]*tháng\s*(\d{0,2})[\s.…_]*năm\s*(\d{4})`,
  'u',
)
const TITLE_HEADING =
  /^(KẾ HOẠCH|KẾ HOẠCH LIÊN TỊCH|HƯỚNG DẪN|CHƯƠNG TRÌNH|PHƯƠNG ÁN|THÔNG BÁO)(?:\s*[:.]?\s*(.*))?$/u
const SUBJECT = /^(?:V\/v|V\/V|v\/v|Về việc|Về|V\.v)\s*[:.]?\s*(.*)$/u
const NATIONAL_MOTTO = /CỘNG\s+H(?:ÒA|OÀ)|Độc\s+lập|ĐỘC\s+LẬP/u
const SEPARATOR = /^[-_=*.…~–—\s]+$/u
const BODY_OPENING =
  /^(?:Căn cứ|Thực hiện|Thi hành|Nhằm|Để|Trên cơ sở|Theo|Ngày \d|Kính gửi|Nơi nhận|Trong|Hưởng ứng|Tiếp theo|Phúc đáp|Qua)(?![\p{L}])/u
const BODY_NOUNS =
  /^(?:SỞ|BAN|PHÒNG|TRUNG TÂM|VĂN PHÒNG|CHI CỤC|TỔNG CỤC|CỤC|BỘ|ỦY BAN|UỶ BAN|UBND|ĐẢNG ỦY|ĐẢNG UỶ|CÔNG ĐOÀN|ĐOÀN|HỘI|THƯ VIỆN|BẢO TÀNG|TRƯỜNG|HỌC VIỆN|VIỆN|BỆNH VIỆN|ĐÀI|BÁO|TỈNH ĐOÀN|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|HUYỆN ỦY|HĐND|HỘI ĐỒNG|LIÊN ĐOÀN|KHO BẠC|THANH TRA|CÔNG AN|VỤ|KHOA|CHI NHÁNH)(?![\p{L}])/u

const PREAMBLE_OPENING =
  /^(?:Căn cứ|Thực hiện|Thi hành|Kính gửi|Nơi nhận|Trên cơ sở|Tiếp theo|Phúc đáp)(?![\p{L}])/u

function isPlaceDate(text: string): boolean {
  return PLACE_DATE.test(text)
}

function readNumber(cell: string): string | null {
  const m = NUMBER_CELL.exec(cell)
  if (m === null) return null
  const value = /^([^\s/]*)\s*(\/\S+)?/u.exec(m[1] ?? '')
  // A number left blank is printed as dots or underscores: "Số: …/KH-UBND" reads "/KH-UBND".
  const digits = (value?.[1] ?? '').replace(/^[.…_]+|[.…_,;]+$/gu, '')
  const suffix = (value?.[2] ?? '').replace(/[,;]+$/u, '')
  const number = `${digits}${suffix}`
  return number === '' ? null : number
}

const ADMIN_WORDS = new Set(['tỉnh', 'huyện', 'quận', 'xã', 'phường', 'thị', 'thành'])
const VOWELS = /[aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/u
const COMPOUND_HEADS = [
  'ủy ban nhân dân',
  'uỷ ban nhân dân',
  'văn phòng',
  'trung tâm',
  'chi cục',
  'tổng cục',
  'ban chấp hành',
]

function capitalize(word: string): string {
  const first = word.charAt(0)
  return first.toLocaleUpperCase('vi') + word.slice(1)
}

/**
 * Turns a header printed in capitals ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH") into the way the body
 * writes it ("Sở Văn hóa, Thể thao và Du lịch"): each field of a body's name opens with a
 * capital, a place after "tỉnh"/"huyện"… is title case, abbreviations stay as printed.
 */
export function properName(upper: string): string {
  const words = squash(upper).split(' ')
  const lower = words.map((w) => w.toLocaleLowerCase('vi'))
  const joined = lower.join(' ')
  const compound = COMPOUND_HEADS.find((h) => joined === h || joined.startsWith(`${h} `))
  const headLength = compound === undefined ? 1 : compound.split(' ').length
  const out: string[] = [capitalize(lower.slice(0, headLength).join(' '))]
  let place = false
  let componentStart = true
  for (let i = headLength; i < words.length; i += 1) {
    const printed = words[i] ?? ''
    const word = lower[i] ?? ''
    const bare = word.replace(/[,;.]+$/u, '')
    const next = (lower[i + 1] ?? '').replace(/[,;.]+$/u, '')
    if (!VOWELS.test(bare) && bare.length >= 2) {
      out.push(printed)
    } else if (ADMIN_WORDS.has(bare) && (next === 'ủy' || next === 'uỷ' || next === 'đoàn')) {
      out.push(capitalize(word), next)
      i += 1
    } else if (ADMIN_WORDS.has(bare)) {
      // "tỉnh", "thành phố", "thị xã" stay lower case; the place name after them is title case.
      if (
        (bare === 'thành' && next === 'phố') ||
        (bare === 'thị' && (next === 'xã' || next === 'trấn'))
      ) {
        out.push(word, lower[i + 1] ?? '')
        i += 1
      } else {
        out.push(word)
      }
      place = true
    } else if (bare === 'và' || bare === '-' || bare === '–') {
      out.push(word)
      componentStart = true
      continue
    } else {
      out.push(place || componentStart ? capitalize(word) : word)
    }
    componentStart = /,$/u.test(word)
  }
  return out.join(' ')
}

function readHeaderIssuer(lines: readonly PlanLine[], stop: number): string | null {
  const block: string[] = []
  for (const line of lines.slice(0, stop)) {
    for (const cell of line.cells) {
      const text = squash(cell)
      if (text === '' || SEPARATOR.test(text) || NATIONAL_MOTTO.test(text)) continue
      if (isUpperCaseLine(text)) block.push(text)
      break
    }
  }
  let start = -1
  for (let i = block.length - 1; i >= 0; i -= 1) {
    if (BODY_NOUNS.test(block[i] ?? '')) {
      start = i
      break
    }
  }
  if (start === -1) return null
  return properName(block.slice(start).join(' '))
}

function readTitleAfterHeading(
  lines: readonly PlanLine[],
  headingIndex: number,
  firstLine: string,
): { title: string | null; end: number } {
  const parts: string[] = firstLine === '' ? [] : [firstLine]
  let end = headingIndex + 1
  let sawBlank = false
  for (let i = headingIndex + 1; i < lines.length && parts.length < 6; i += 1) {
    const text = lines[i]?.text ?? ''
    if (text === '') {
      if (parts.length > 0) sawBlank = true
      continue
    }
    if (SEPARATOR.test(text)) {
      if (parts.length > 0) {
        end = i + 1
        break
      }
      continue
    }
    // The first line under "KẾ HOẠCH" is its title even when it opens like a sentence would
    // ("Hưởng ứng Ngày Chuyển đổi số …"); only a preamble's own openings end it there.
    const opensBody =
      (parts.length > 0 ? BODY_OPENING.test(text) : PREAMBLE_OPENING.test(text)) ||
      /^(?:[IVX]+|\d+)\s*[.)]\s/u.test(text) ||
      NUMBER_CELL.test(text)
    if (opensBody) break
    // After a blank line the title only continues with a line that cannot be a paragraph.
    if (sawBlank && (/[.:;]$/u.test(text) || text.length > 200) && !/^\p{Ll}/u.test(text)) break
    if (parts.length > 0 && /[.:]$/u.test(parts[parts.length - 1] ?? '')) break
    parts.push(text)
    end = i + 1
  }
  const title = parts
    .join(' ')
    .replace(/\s*[.:]$/u, '')
    .trim()
  return { title: title === '' ? null : title, end }
}

export function readHeader(lines: readonly PlanLine[]): PlanHeader {
  const limit = Math.min(lines.length, HEAD_LINES)
  let number: string | null = null
  let numberLine = -1
  let placeDate: RegExpExecArray | null = null
  let placeLine = -1
  let headingLine = -1
  let headingRest = ''
  let subjectLine = -1
  let subjectFirst = ''
  for (let i = 0; i < limit; i += 1) {
    const line = lines[i]
    if (line === undefined || line.text === '') continue
    for (const cell of line.cells) {
      if (numberLine === -1) {
        const read = readNumber(cell)
        if (read !== null || NUMBER_CELL.test(cell)) {
          number = read
          numberLine = i
        }
      }
      if (placeLine === -1) {
        const m = PLACE_DATE.exec(cell)
        if (m !== null) {
          placeDate = m
          placeLine = i
        }
      }
    }
    if (headingLine === -1) {
      const heading = TITLE_HEADING.exec(line.cells[0] ?? line.text)
      if (heading !== null && isUpperCaseLine(heading[1] ?? '')) {
        headingLine = i
        headingRest = (heading[2] ?? '').trim()
      }
    }
    if (subjectLine === -1 && headingLine === -1) {
      const cell = line.cells.find((c) => SUBJECT.test(c))
      const subject = cell === undefined ? null : SUBJECT.exec(cell)
      if (subject !== null && (subject[1] ?? '') !== '' && /^(?:V|v)/u.test(cell ?? '')) {
        subjectLine = i
        subjectFirst = subject[1] ?? ''
      } else if (subject !== null && numberLine !== -1 && i - numberLine <= 3) {
        subjectLine = i
        subjectFirst = subject[1] ?? ''
      }
    }
  }

  let title: string | null = null
  let bodyStart = 0
  let isLetter = false
  if (headingLine !== -1) {
    const read = readTitleAfterHeading(lines, headingLine, headingRest)
    title = read.title
    bodyStart = read.end
  } else if (subjectLine !== -1) {
    isLetter = true
    const parts = [subjectFirst.replace(PLACE_DATE, '').trim()]
    let i = subjectLine + 1
    for (; i < lines.length && parts.length < 5; i += 1) {
      let text = lines[i]?.cells[0] ?? ''
      // Word keeps a two-line subject as two paragraphs, a blank line apart (rule 12).
      if (text === '') {
        const next = nextNonBlank(lines, i)
        if (next === -1 || !continuesSubject(lines[next]?.cells[0] ?? '')) break
        i = next
        text = lines[i]?.cells[0] ?? ''
      }
      if (isPlaceDate(text) || /^Kính gửi/u.test(text) || NUMBER_CELL.test(text)) break
      if (BODY_OPENING.test(text) || readMarkerLike(text)) break
      parts.push(text.replace(PLACE_DATE, '').trim())
    }
    title = parts.filter((p) => p !== '').join(' ') || null
    bodyStart = i
  }
  bodyStart = Math.max(bodyStart, numberLine + 1, placeLine + 1)
  bodyStart = skipGreeting(lines, bodyStart)

  const headStop = [numberLine, placeLine, headingLine, subjectLine].filter((n) => n >= 0)
  const headerIssuer = readHeaderIssuer(lines, headStop.length > 0 ? Math.min(...headStop) + 1 : 0)

  const day = placeDate?.[2] ?? ''
  const month = placeDate?.[3] ?? ''
  const year = placeDate?.[4] === undefined ? null : Number(placeDate[4])
  const issuedOn =
    year !== null && day !== '' && month !== '' ? toIsoDate(year, Number(month), Number(day)) : null
  const place = placeDate?.[1]?.trim() ?? null
  return {
    number,
    place: place === '' ? null : place,
    issuedOn,
    year,
    month: month === '' ? null : Number(month),
    title,
    isLetter,
    headerIssuer,
    bodyStart,
  }
}

function nextNonBlank(lines: readonly PlanLine[], from: number): number {
  for (let i = from; i < lines.length; i += 1) if ((lines[i]?.text ?? '') !== '') return i
  return -1
}

/** A line after a blank that still belongs to the subject: not a header field nor the body. */
function continuesSubject(text: string): boolean {
  if (text === '' || text.length > 160 || /[.;:]$/u.test(text) || isUpperCaseLine(text))
    return false
  if (isPlaceDate(text) || /^Kính gửi/u.test(text) || NUMBER_CELL.test(text)) return false
  if (BODY_OPENING.test(text) || readMarkerLike(text) || SEPARATOR.test(text)) return false
  return !NATIONAL_MOTTO.test(text)
}

function readMarkerLike(text: string): boolean {
  return /^(?:[IVX]+|\d+)\s*[.)]\s/u.test(text)
}

/** Skips the "Kính gửi:" list of a letter: its addressees are not recipients nor body. */
function skipGreeting(lines: readonly PlanLine[], from: number): number {
  let i = from
  while (i < lines.length && (lines[i]?.text ?? '') === '') i += 1
  if (!/^Kính gửi/u.test(lines[i]?.text ?? '')) return from
  i += 1
  for (; i < lines.length; i += 1) {
    const text = lines[i]?.text ?? ''
    if (text === '' || /^[-–+•]/u.test(text)) continue
    // An addressee continued on its own line ("Sở Nội vụ;") still belongs to the list.
    if (/[;,]$/u.test(text) && text.length < 120) continue
    break
  }
  return i
}

const ISSUING_VERB =
  /(?:xây\s+dựng|ban\s+hành|triển\s+khai)\s+(?:các\s+)?(?:Kế\s+hoạch|kế\s+hoạch)|(?:yêu\s+cầu|hướng\s+dẫn|đề\s+nghị|thông\s+báo)(?![\p{L}])/gu

/**
 * The body that issues the document, read from the opening sentences: "Sở Nội vụ xây dựng Kế
 * hoạch …", "Sở Văn hóa, Thể thao và Du lịch yêu cầu …". Only the subject directly before the
 * verb counts, so "Kế hoạch số 67/KH-UBND của UBND tỉnh" (the parent body) is never taken.
 */
export function readBodyIssuer(paragraphs: readonly string[]): string | null {
  for (const pass of ['plan', 'letter'] as const) {
    for (const paragraph of paragraphs) {
      for (const sentence of paragraph.split(/(?<=[.;])\s+(?=\p{Lu})/u)) {
        ISSUING_VERB.lastIndex = 0
        for (let m = ISSUING_VERB.exec(sentence); m !== null; m = ISSUING_VERB.exec(sentence)) {
          const isPlanVerb = /kế\s+hoạch/iu.test(m[0])
          if ((pass === 'plan') !== isPlanVerb) continue
          const unit = subjectEndingAt(sentence, m.index)
          if (unit !== null) return unit
        }
      }
    }
  }
  return null
}

function subjectEndingAt(sentence: string, verbAt: number): string | null {
  const prefix = sentence.slice(0, verbAt)
  const starts = [...prefix.matchAll(/(?<![\p{L}\d])\p{Lu}/gu)].map((m) => m.index)
  for (const start of starts) {
    if (startsUnit(sentence, start) === null) continue
    // "… của Bộ X hướng dẫn …": the body that owns a referenced document is not the issuer.
    if (/(?:của|tại|theo)\s+$/u.test(sentence.slice(0, start))) continue
    const unit = readUnitName(sentence, start, 16)
    if (unit !== null && unit.stop === 'word' && sentence.slice(unit.end, verbAt).trim() === '') {
      return unit.name
    }
  }
  return null
}

/** The issuer: the header's body, in the case the body text prints it when both agree. */
export function chooseIssuer(
  headerIssuer: string | null,
  bodyIssuer: string | null,
): string | null {
  if (headerIssuer === null) return bodyIssuer
  if (bodyIssuer !== null && fold(bodyIssuer) === fold(headerIssuer)) return bodyIssuer
  return headerIssuer
}
