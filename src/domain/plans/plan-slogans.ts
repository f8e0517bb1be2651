/**
 * Themes, messages and mottos (chủ đề, thông điệp, khẩu hiệu, phương châm): the quoted phrases
 * that follow those words, and the lines of a "Khẩu hiệu" section. A quoted name of a programme,
 * movement, day, document or contest ("Phong trào “…”", "Cuộc thi “…”") is not a slogan. Pure.
 */
import type { PlanNode } from './plan-structure.js'
import { flattenOutline } from './plan-structure.js'

const TRIGGER =
  /(?<![\p{L}])(?:chủ\s+đề|thông\s+điệp|khẩu\s+hiệu|phương\s+châm|slogan|với\s+tinh\s+thần)(?![\p{L}])/giu
/**
 * An item or heading that only names a theme, without a colon ("1. Chủ đề", "Thông điệp chính
 * của Tháng hành động"): the quotation in the next paragraph is what it introduces (rule 7).
 */
const THEME_HEADING =
  /^(?:(?:chủ\s+đề|thông\s+điệp|khẩu\s+hiệu|phương\s+châm)(?:\s+(?:chính|tuyên\s+truyền|hưởng\s+ứng|năm\s+\d{4}|của\s+[^“"«:]{1,60}))*\s*(?:,|và)?\s*)+$/iu
const QUOTE = /“([^”\n]{1,300})”|"([^"\n]{1,300})"|«([^»\n]{1,300})»/gu
const SLOGAN_SECTION =
  /^(?:các\s+)?(?:khẩu\s+hiệu|thông\s+điệp)(?:\s+tuyên\s+truyền)?(?:\s+(?:chính|hưởng\s+ứng))?\s*:?$/iu
/** Nouns that make the quoted words a name rather than a slogan. */
const NAME_NOUNS =
  /(?:phong\s+trào|cuộc\s+thi|hội\s+thi|chương\s+trình|cuộc\s+vận\s+động|giải\s+thưởng|giải|ngày|tuần\s+lễ|tháng|đề\s+án|kế\s+hoạch|quyết\s+định|chỉ\s+thị|nghị\s+quyết|luật|chiến\s+dịch|dự\s+án|hội\s+sách|lễ|chuyên\s+mục|chuyên\s+trang|chuyên\s+đề|trang|sách|cuốn|tác\s+phẩm|hội\s+nghị|hội\s+thảo|diễn\s+đàn|câu\s+lạc\s+bộ|mô\s+hình|tọa\s+đàm|toạ\s+đàm|triển\s+lãm|trưng\s+bày|liên\s+hoan|ấn\s+phẩm|tài\s+liệu|phim|bài\s+hát|ca\s+khúc|cuộc|đợt|năm|website|ứng\s+dụng|nền\s+tảng|cổng)\s*$/iu
const SENTENCE_END = /[.!?](?=\s|$)/u

function cleanSlogan(text: string): string {
  return text
    .replace(/^[\s*_]+|[\s*_]+$/gu, '')
    .replace(/[\s.,;:]+$/u, '')
    .trim()
}

/** Quoted phrases in `text` from `from` to the end of that sentence, minus quoted names. */
function quotesAfter(text: string, from: number): string[] {
  const found: string[] = []
  QUOTE.lastIndex = from
  let cursor = from
  for (let m = QUOTE.exec(text); m !== null; m = QUOTE.exec(text)) {
    const between = text.slice(cursor, m.index)
    if (SENTENCE_END.test(between)) break
    const before = text.slice(Math.max(0, m.index - 30), m.index)
    const inner = cleanSlogan(m[1] ?? m[2] ?? m[3] ?? '')
    if (inner !== '' && !NAME_NOUNS.test(before)) found.push(inner)
    cursor = m.index + m[0].length
  }
  return found
}

function isOnlyQuotation(text: string): boolean {
  return /^\s*(?:“[^”]+”|"[^"]+"|«[^»]+»)(?:\s*[;,.]?\s*(?:“[^”]+”|"[^"]+"|«[^»]+»))*\s*[.;]?\s*$/u.test(
    text,
  )
}

function startsWithQuote(text: string): boolean {
  return /^[“"«]/u.test(text.trim())
}

export function readSlogans(root: PlanNode): string[] {
  const slogans: string[] = []
  const nodes = flattenOutline(root)
  for (let i = 0; i < nodes.length; i += 1) {
    const node = nodes[i]
    if (node === undefined) continue
    const text = node.text
    if (SLOGAN_SECTION.test(text) && node.kind !== 'para') {
      for (const child of flattenOutline(node)) {
        const quoted = [...child.text.matchAll(QUOTE)].map((m) =>
          cleanSlogan(m[1] ?? m[2] ?? m[3] ?? ''),
        )
        if (quoted.length > 0) slogans.push(...quoted)
        else if (child.text.length <= 200) slogans.push(cleanSlogan(child.text))
      }
      continue
    }
    if (!/[“"«:]/u.test(text) && text.length <= 90 && THEME_HEADING.test(text.trim())) {
      const next = nodes[i + 1]
      if (next !== undefined && isOnlyQuotation(next.text))
        slogans.push(...quotesAfter(next.text, 0))
      continue
    }
    TRIGGER.lastIndex = 0
    let sawTrigger = false
    for (let m = TRIGGER.exec(text); m !== null; m = TRIGGER.exec(text)) {
      sawTrigger = true
      slogans.push(...quotesAfter(text, m.index + m[0].length))
    }
    // "Khẩu hiệu tuyên truyền:" followed by one quoted slogan per line.
    if (sawTrigger && /:\s*$/u.test(text)) {
      for (let j = i + 1; j < nodes.length; j += 1) {
        const next = nodes[j]
        if (next === undefined || !startsWithQuote(next.text)) break
        slogans.push(...quotesAfter(next.text, 0))
      }
    }
  }
  return [...new Set(slogans.filter((s) => s !== ''))]
}
