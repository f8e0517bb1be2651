/**
 * Text clean-up shared by the plan readers: one normalised line per printed line, Markdown
 * emphasis gone, table rows split into cells. Pure.
 */

export interface PlanLine {
  /** Position in the document's line array (blank lines included). */
  readonly index: number
  /** The line without Markdown and with whitespace collapsed; '' for a blank line. */
  readonly text: string
  /**
   * Cells when the line is a flattened table row or a two-column header ("|", tabs or a wide
   * gap between columns); a single cell otherwise.
   */
  readonly cells: readonly string[]
  /** True when the cells come from '|' separators (a table row, not a header gap). */
  readonly isTableRow: boolean
}

import { unwrapLines } from './plan-unwrap.js'

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g
const ODD_SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g
const MARKDOWN_ESCAPE = /\\([\\`*_{}[\]()#+\-.!|>~])/g

/** Removes Markdown decoration from one line while keeping list markers meaningful. */
export function stripMarkdown(line: string): string {
  let out = line.replace(MARKDOWN_ESCAPE, '$1')
  out = out.replace(/^\s{0,3}#{1,6}\s+/, '').replace(/^\s*>\s?/, '')
  out = out.replace(/\*\*|__/g, '')
  // A leading "* " is a bullet, not emphasis.
  out = out.replace(/^(\s*)\*\s+/, '$1- ')
  out = out.replace(/\*(?=\S)|(?<=\S)\*/g, '')
  return out
}

/** Collapses runs of spaces and trims. */
export function squash(text: string): string {
  return text.replace(/[ \t\f\v]+/g, ' ').trim()
}

function splitCells(line: string): { cells: string[]; isTableRow: boolean } {
  const pipes = line.match(/\|/g)?.length ?? 0
  if (pipes >= 2 || (pipes === 1 && /^\s*\|/.test(line))) {
    const parts = line.split('|').map(squash)
    if (parts.length > 0 && parts[0] === '') parts.shift()
    if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop()
    return { cells: parts, isTableRow: true }
  }
  const parts = line
    .split(/\t+| {3,}/)
    .map(squash)
    .filter((cell) => cell !== '')
  return { cells: parts.length > 0 ? parts : [''], isTableRow: false }
}

/** Normalises a whole document: Unicode NFC, line endings, invisible characters. */
export function normalizeSource(source: string): string {
  return source
    .normalize('NFC')
    .replace(/\r\n?|\u2028|\u2029/g, '\n')
    .replace(INVISIBLE, '')
    .replace(ODD_SPACES, ' ')
}

/**
 * A list marker followed by a tab, as Word exports lists ("-⇥item", "1.⇥Mục đích"): the tab is the
 * marker's spacing, not a column gap.
 */
const MARKER_TAB =
  /^([ \t]*(?:[-–—−•●▪◦+*]|\d{1,2}(?:\.\d{1,2}){0,3}[.)]?|[a-zđ][.)]|[IVXL]{1,6}[.)]))\t+/u

export function toPlanLines(source: string): PlanLine[] {
  const printed = normalizeSource(source)
    .split('\n')
    .map((raw) => raw.replace(MARKER_TAB, '$1 '))
  return unwrapLines(printed).map((raw, index) => {
    const stripped = stripMarkdown(raw)
    const { cells, isTableRow } = splitCells(stripped)
    const text = isTableRow ? cells.join(' | ') : squash(stripped)
    return { index, text, cells, isTableRow }
  })
}

/** Lower case without diacritics (đ → d), for keyword tests that must survive typos in tone marks. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
}

/** Trailing list and sentence punctuation that is not part of the content ("./.", ";", "."). */
export function trimTrailingPunctuation(text: string): string {
  let out = text.trim()
  for (;;) {
    const next = out
      .replace(/\s*\.\/\.$/, '')
      .replace(/\s*[;,:]$/, '')
      .replace(/(?<!\.)\.$/, '')
      .trim()
    if (next === out) return out
    out = next
  }
}

/** Upper-cases the first letter, leaving the rest as printed. */
export function capitalizeFirst(text: string): string {
  const first = text.codePointAt(0)
  if (first === undefined) return text
  const char = String.fromCodePoint(first)
  return char.toLocaleUpperCase('vi') + text.slice(char.length)
}

/** True when the text has letters and none of them is lower case (printed headings, signatures). */
export function isUpperCaseLine(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text)
}

/**
 * Replaces quoted spans with a neutral filler of the same length, so names of programmes and
 * contests are not read as dates or units while positions still line up with the original.
 */
export function maskQuotes(text: string): string {
  return text.replace(/“[^”\n]{0,400}”|"[^"\n]{0,400}"|«[^»\n]{0,400}»/g, (quoted) =>
    '“'.concat('·'.repeat(Math.max(0, quoted.length - 2)), '”'),
  )
}
