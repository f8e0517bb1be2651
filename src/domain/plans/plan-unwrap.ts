/**
 * Hard-wrapped text (PDF copies, e-mail, 60–80 columns) back to one line per paragraph, so the
 * readers see the document as Word printed it (issue 16, rule 10). Pure.
 *
 * A line was broken by the wrapper when it is "full": the next line's first word would not have
 * fitted after it. Only then, and only when the line does not end a sentence or a list item and
 * the next line does not open an item, a heading or a header field, are the two joined. A text
 * whose lines are not mostly near one width is not wrapped, and is left as it is: a plain plan's
 * short heading followed by a capitalised paragraph must stay two lines.
 */
import { readMarker } from './plan-structure.js'
import { isUpperCaseLine, squash, stripMarkdown } from './plan-text.js'

/** Lines that open a header field or the foot: never the tail of a wrapped sentence. */
const OPENS_FIELD =
  /^(?:Số\s*[:.]|V\/v|V\/V|Về việc|Kính gửi|Nơi nhận|Nơi gửi|KẾ HOẠCH|CỘNG H|Độc lập|ĐỘC LẬP|\p{Lu}[\p{L} .]{1,30},\s*ngày\s)/u
/** A capitalised opening of the preamble or the closing: a new paragraph, never a tail. */
const OPENS_PARAGRAPH = /^(?:Căn cứ|Thực hiện|Thi hành|Trên cơ sở|Trên đây)\s/u
/**
 * A sentence is over. A ";" is not enough: a wrapper breaks after "… Du lịch;" inside one item as
 * readily as anywhere, and a new item after ";" opens with its own marker.
 */
const ENDS_ITEM = /[.:!?](?:[”"»)*_]*)$/u
/** The last word cannot end a line of its own: the sentence runs on. */
const RUNS_ON =
  /(?:[,(“"«–-]|(?<![\p{L}])(?:và|của|với|các|những|cho|từ|đến|tại|trong|về|theo|là|hoặc|như|để|được|số|ngày|tháng|năm))$/u

/** What follows "<item>:" when the value is the item's time. */
const TIME_VALUE =
  /^(?:Quý|Tháng|tháng|Trước|trước|Từ|từ|Ngày|ngày|Năm|năm|Hằng|hằng|Hàng|hàng|Thường xuyên|thường xuyên|Định kỳ|định kỳ|Trong|trong|\d)/u

function clean(raw: string): string {
  return squash(stripMarkdown(raw))
}

function hasColumns(raw: string): boolean {
  return /\||\S(?:\t| {3,})\S/u.test(raw.trim())
}

/**
 * The width the text was wrapped at, or null when it was not wrapped: most lines of some length
 * end close to one column, and none is much longer.
 */
export function wrapWidth(lines: readonly string[]): number | null {
  const lengths = lines
    .map((line) => line.length)
    .filter((length) => length > 0)
    .sort((a, b) => a - b)
  if (lengths.length < 8) return null
  const width = lengths[Math.floor((lengths.length - 1) * 0.95)] ?? 0
  if (width < 40 || width > 110) return null
  const longish = lengths.filter((length) => length >= 25)
  const nearWidth = longish.filter((length) => length >= width - Math.max(6, width * 0.12))
  if (nearWidth.length >= Math.max(4, longish.length * 0.35)) return width
  // A short document of short items, wrapped: no line is longer than the wrap, and a few
  // reach it (a plain document always has a paragraph longer than any wrap).
  const longest = lengths[lengths.length - 1] ?? 0
  const atLongest = lengths.filter((length) => length >= longest - 8).length
  return longest >= 50 && longest <= 90 && atLongest >= 3 ? longest : null
}

function isFull(previous: string, next: string, width: number): boolean {
  const firstWord = /^\S+/u.exec(next)?.[0] ?? ''
  return previous.length + 1 + firstWord.length > width - Math.max(4, Math.round(width * 0.08))
}

function unclosed(text: string): boolean {
  const opened = (text.match(/[“(«]/gu) ?? []).length
  const closed = (text.match(/[”)»]/gu) ?? []).length
  return opened > closed || (text.match(/"/gu) ?? []).length % 2 === 1
}

/**
 * @param inProse the paragraph being read opened without a list marker: a dash after it, with
 * no ":" to introduce a list, is the wrap breaking before " - " ("Phòng Kế hoạch - Nghiệp vụ").
 */
function continues(previous: string, next: string, width: number, inProse: boolean): boolean {
  if (previous === '' || next === '') return false
  if (!isFull(previous, next, width)) return false
  const marker = readMarker(next)
  // "b) Cơ quan thực hiện:" opens a lettered item, lower case as it is.
  if (marker !== null && marker.kind !== 'dash' && marker.kind !== 'plus') return false
  // "… của tỉnh;" / "chỉ đạo …", "… trên địa bàn:" / "phối hợp …": a lower-case word never
  // opens an item or a paragraph.
  if (/^\p{Ll}/u.test(next)) return true
  // "“Sách quý tặng bạn”;" / "“Tặng sách hay …”": a list of quotations runs on.
  if (/[”"»];$/u.test(previous) && /^[“"«]/u.test(next)) return true
  // "- Tập huấn …:" / "Quý III, năm 2022.": an item's time wrapped after its colon.
  if (/:$/u.test(previous) && TIME_VALUE.test(next) && next.length <= width / 2) return true
  if (ENDS_ITEM.test(previous) || OPENS_FIELD.test(next) || OPENS_FIELD.test(previous)) return false
  if (OPENS_PARAGRAPH.test(next) && !/,$/u.test(previous)) return false
  const upperPrevious = isUpperCaseLine(previous)
  const upperNext = isUpperCaseLine(next)
  // A line in capitals after prose opens a heading or a signature, unless it is one
  // abbreviation the wrap carried over ("… ngành" / "TTTT.").
  const abbreviation =
    upperNext && next.split(/\s+/u).filter((word) => /\p{L}/u.test(word)).length <= 1
  if (upperPrevious !== upperNext && !abbreviation) return false
  // A heading in capitals wrapped onto a second line of capitals; a header block is never full.
  if (upperPrevious && readMarker(previous) === null) return false
  if (marker === null) return true
  // "… “Tặng sách hay" / "- Mua sách thật”": a dash inside a sentence that the wrap put first.
  return (
    (marker.kind === 'dash' || marker.kind === 'plus') &&
    (unclosed(previous) || RUNS_ON.test(previous) || inProse)
  )
}

/** Joins the lines a wrapper broke; the result has one entry per printed paragraph or line. */
export function unwrapLines(raw: readonly string[]): string[] {
  const cleaned = raw.map(clean)
  // Table rows and two-column lines keep their own length; the prose decides the width.
  const width = wrapWidth(cleaned.filter((_, i) => !hasColumns(raw[i] ?? '')))
  if (width === null) return [...raw]
  const out: string[] = []
  let previous = ''
  let previousRaw = ''
  let inProse = false
  for (let i = 0; i < raw.length; i += 1) {
    const line = raw[i] ?? ''
    const text = cleaned[i] ?? ''
    if (
      out.length > 0 &&
      !hasColumns(line) &&
      !hasColumns(previousRaw) &&
      continues(previous, text, width, inProse)
    ) {
      out[out.length - 1] = `${(out[out.length - 1] ?? '').trimEnd()} ${line.trimStart()}`
      // The joined line is as long as the paragraph: only its last printed line decides.
      previous = text
      continue
    }
    out.push(line)
    previous = text
    previousRaw = line
    // Decided once per paragraph, on its first line: a joined paragraph may grow long.
    inProse = readMarker(text) === null
  }
  return out
}
