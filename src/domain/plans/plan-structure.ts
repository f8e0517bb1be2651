/**
 * The outline of a plan's body: "I." sections, "1." and "3.1." items, "a)" items, "-" and "+"
 * items and plain paragraphs, nested the way Nghị định 30/2020/NĐ-CP numbers them
 * (I → 1 → 1.1 → a) → - → +). Pure.
 */
import type { PlanLine } from './plan-text.js'

export type NodeKind = 'root' | 'roman' | 'number' | 'letter' | 'dash' | 'plus' | 'para'

export interface PlanNode {
  readonly kind: NodeKind
  /** Nesting rank: smaller is outer. Paragraphs attach to the nearest heading-like item. */
  readonly rank: number
  /** The printed label without punctuation ("III", "3.1", "a"), null for dashes and paragraphs. */
  readonly label: string | null
  /** The item's text without its label. */
  text: string
  /** Line index of the item's first line. */
  readonly line: number
  readonly children: PlanNode[]
}

const LETTER_RANK = 6
const DASH_RANK = 7
const PLUS_RANK = 8

interface Marker {
  readonly kind: NodeKind
  readonly rank: number
  readonly label: string | null
  readonly text: string
}

export function readMarker(text: string): Marker | null {
  let m = /^([IVXL]{1,6})\s*(?:[.)]|\s[-–])\s*(\S.*)$/u.exec(text)
  if (m?.[2] !== undefined) return { kind: 'roman', rank: 1, label: m[1] ?? '', text: m[2] }
  m = /^(\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)]\s*(\D.*)$/u.exec(text)
  m ??= /^(\d{1,2}(?:\.\d{1,2}){1,3})\s+(\p{L}.*)$/u.exec(text)
  if (m?.[2] !== undefined) {
    const label = m[1] ?? ''
    const depth = label.split('.').length
    return { kind: 'number', rank: 1 + Math.min(depth, 4), label, text: m[2].trim() }
  }
  m = /^([a-zđ])\s*\)\s*(\S.*)$/u.exec(text) ?? /^([a-zđ])\.\s+(\p{Lu}.*)$/u.exec(text)
  if (m?.[2] !== undefined)
    return { kind: 'letter', rank: LETTER_RANK, label: m[1] ?? '', text: m[2] }
  m = /^[-–—−•●▪◦]\s*(\S.*)$/u.exec(text)
  if (m?.[1] !== undefined) return { kind: 'dash', rank: DASH_RANK, label: null, text: m[1] }
  m = /^\+\s*(\S.*)$/u.exec(text)
  if (m?.[1] !== undefined) return { kind: 'plus', rank: PLUS_RANK, label: null, text: m[1] }
  return null
}

/** Builds the outline of the given body lines (table rows are left to the table reader). */
export function buildOutline(lines: readonly PlanLine[]): PlanNode {
  const root: PlanNode = { kind: 'root', rank: 0, label: null, text: '', line: -1, children: [] }
  const stack: PlanNode[] = [root]
  let last: PlanNode | null = null
  let lastLine = -2
  for (const line of lines) {
    if (line.text === '' || line.isTableRow) {
      if (line.isTableRow) last = null
      continue
    }
    const marker = readMarker(line.text)
    // A hard-wrapped paragraph: the next printed line continues the sentence.
    if (
      marker === null &&
      last !== null &&
      lastLine === line.index - 1 &&
      !/[.:;!?]$/u.test(last.text) &&
      /^[\p{Ll}(]/u.test(line.text)
    ) {
      last.text = `${last.text} ${line.text}`
      lastLine = line.index
      continue
    }
    if (marker === null) {
      while (stack.length > 1 && (stack[stack.length - 1]?.rank ?? 0) > LETTER_RANK) stack.pop()
      const parent = stack[stack.length - 1] ?? root
      const para: PlanNode = {
        kind: 'para',
        rank: 99,
        label: null,
        text: line.text,
        line: line.index,
        children: [],
      }
      parent.children.push(para)
      last = para
    } else {
      while (stack.length > 1 && (stack[stack.length - 1]?.rank ?? 0) >= marker.rank) stack.pop()
      const parent = stack[stack.length - 1] ?? root
      const node: PlanNode = { ...marker, line: line.index, children: [] }
      parent.children.push(node)
      stack.push(node)
      last = node
    }
    lastLine = line.index
  }
  return root
}

/** Depth-first list of every node under the root. */
export function flattenOutline(root: PlanNode): PlanNode[] {
  const out: PlanNode[] = []
  const visit = (node: PlanNode): void => {
    for (const child of node.children) {
      out.push(child)
      visit(child)
    }
  }
  visit(root)
  return out
}
