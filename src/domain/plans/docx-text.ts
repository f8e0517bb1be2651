/**
 * The text of a .docx as the parser reads it. Mammoth's raw text puts every table cell on a line
 * of its own, so a plan's table of activities ("STT | Nội dung | Đơn vị chủ trì | Thời gian")
 * loses its rows; read through mammoth's HTML instead, a data table becomes one "| a | b |" line
 * per row, which the table reader knows. Layout tables (the two-column header and the "Nơi nhận"
 * / signature foot) stay one paragraph per line, as before. Pure but for mammoth.
 */
import mammoth from 'mammoth'

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
}

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16))
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)))
    return ENTITIES[name.toLowerCase()] ?? whole
  })
}

/** The paragraphs of an HTML fragment, tags gone, one entry each. */
function paragraphs(html: string): string[] {
  return html
    .replace(/<br\s*\/?>/giu, '\n')
    .replace(/<li>/giu, '- ')
    .split(/<\/(?:p|h[1-6]|li)>/iu)
    .map((part) => decode(part.replace(/<[^>]+>/gu, '')).trim())
    .filter((part) => part !== '')
}

const DATA_HEADER_CONTENT = /nội dung|nhiệm vụ|hoạt động|công việc/iu
const DATA_HEADER_FIELD = /đơn vị|cơ quan|chủ trì|thời gian|thời hạn|tiến độ|phối hợp/iu

function tableText(table: string): string {
  const rows = [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/giu)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/giu)].map((cell) =>
      paragraphs(cell[1] ?? ''),
    ),
  )
  const header = (rows[0] ?? []).map((cell) => cell.join(' '))
  const isData =
    header.length >= 3 &&
    header.some((cell) => DATA_HEADER_CONTENT.test(cell)) &&
    header.some((cell) => DATA_HEADER_FIELD.test(cell))
  if (!isData) return rows.flat(2).join('\n\n')
  // "|" inside a cell would split it: it becomes "/".
  return rows
    .map((row) => `| ${row.map((cell) => cell.join(' ').replace(/\|/gu, '/')).join(' | ')} |`)
    .join('\n')
}

/** Mammoth's HTML to the parser's text; null when the HTML is not the simple kind expected. */
export function htmlToPlanText(html: string): string | null {
  const parts: string[] = []
  let cursor = 0
  for (const match of html.matchAll(/<table[^>]*>([\s\S]*?)<\/table>/giu)) {
    // A table inside a table: give up on structure, the raw text reads it as before.
    if (/<table/iu.test(match[1] ?? '')) return null
    parts.push(paragraphs(html.slice(cursor, match.index)).join('\n\n'), tableText(match[1] ?? ''))
    cursor = match.index + match[0].length
  }
  parts.push(paragraphs(html.slice(cursor)).join('\n\n'))
  return parts.filter((part) => part !== '').join('\n\n')
}

export async function readDocxText(buffer: Buffer): Promise<string> {
  const { value: html } = await mammoth.convertToHtml({ buffer })
  const text = htmlToPlanText(html)
  if (text !== null) return text
  return (await mammoth.extractRawText({ buffer })).value
}
