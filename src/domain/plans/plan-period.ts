/**
 * The plan's own window (PRODUCT §6 `period`): a "Thời gian" section, or a sentence about the
 * whole campaign ("… diễn ra từ ngày 15/4/2024 đến ngày 01/5/2024"). Windows that belong to one
 * activity ("Thời gian tổ chức: …" inside an item) are left to that activity. Pure.
 */
import type { DateContext, DatePhrase } from './plan-dates.js'
import {
  findDatePhrases,
  maskReferences,
  readDateValue,
  readOpenWindowStart,
} from './plan-dates.js'
import type { PlanNode } from './plan-structure.js'
import { flattenOutline } from './plan-structure.js'
import { maskQuotes } from './plan-text.js'
import { leadingSubject } from './plan-units.js'

export interface PlanPeriod {
  readonly start: string | null
  readonly end: string | null
}

export interface PeriodReading {
  readonly period: PlanPeriod | null
  /** Where the window was read, so activities do not take the plan's window as their own date. */
  readonly source: { readonly line: number; readonly text: string } | null
}

const TIME_HEADING =
  /^Thời\s+gian(?:\s+(?:thực\s+hiện|tổ\s+chức|triển\s+khai|diễn\s+ra|áp\s+dụng))?(?:\s+(?:Kế\s+hoạch|kế\s+hoạch|chiến\s+dịch|Tuần\s+lễ|tuần\s+lễ|phát\s+động))?(?:,\s*địa\s+điểm)?\s*(?:[:.]\s*(.*)|\s+((?:là\s+)?(?:từ|trong|bắt\s+đầu)\s.*))?$/iu
const CAMPAIGN_MARKER =
  /(?:diễn\s+ra|được\s+tổ\s+chức|được\s+triển\s+khai|được\s+thực\s+hiện|kế\s+hoạch(?:\s+này)?\s+(?:được\s+)?(?:thực\s+hiện|triển\s+khai)|tuần\s+lễ|tháng\s+hành\s+động|đợt\s+cao\s+điểm|cao\s+điểm|chiến\s+dịch|trong\s+thời\s+gian)[^.;!?]{0,120}$/iu
const DEADLINE_START =
  /^(?:(?:cho\s+)?đến|tới|trước|chậm\s+nhất|muộn\s+nhất|không\s+quá|hạn)(?![\p{L}])/iu
const LEAD_FIELD = /(?:chủ\s+trì|thực\s+hiện)\s*:/iu

const EMPTY: PeriodReading = { period: null, source: null }

function clean(text: string): string {
  return maskReferences(maskQuotes(text))
}

function fromPhrase(phrase: DatePhrase): PlanPeriod | null {
  if (!phrase.dated) return null
  return { start: phrase.from, end: phrase.due }
}

function windowIn(text: string, context: DateContext, issuedOn: string | null): DatePhrase | null {
  const phrases = findDatePhrases(clean(text), context, { issuedOn })
  return phrases.find((p) => p.kind === 'window' && p.dated) ?? null
}

function isTimeSection(node: PlanNode, parent: PlanNode): boolean {
  if (!TIME_HEADING.test(node.text)) return false
  if (node.kind === 'roman' || node.kind === 'number') return node.rank <= 3
  // A "Thời gian: …" line outside any activity block: under the root or a section heading,
  // with no "Đơn vị chủ trì:" beside it.
  // Under a numbered item it is that item's time ("5. Tổ chức … Thời gian tổ chức: …").
  if (parent.kind !== 'root' && parent.kind !== 'roman') return false
  return !parent.children.some((sibling) => LEAD_FIELD.test(sibling.text))
}

function readSection(
  node: PlanNode,
  context: DateContext,
  issuedOn: string | null,
): PeriodReading | null {
  const texts = [node, ...flattenOutline(node)]
  for (const item of texts) {
    const heading = item === node ? TIME_HEADING.exec(node.text) : null
    const rest = item === node ? (heading?.[1] ?? heading?.[2] ?? '') : item.text
    if (rest === '') continue
    const window = windowIn(rest, context, issuedOn)
    if (window !== null) {
      return { period: fromPhrase(window), source: { line: item.line, text: window.text } }
    }
    const open = readOpenWindowStart(clean(rest), context, issuedOn)
    if (open !== null) return { period: { start: open.start, end: null }, source: null }
    const value = readDateValue(clean(rest), context, { issuedOn })
    if (value?.dated === true) {
      // "Đến hết ngày 31/10/2026": an end the text states, and no start it does not (rule 8).
      const onlyEnd = DEADLINE_START.test(value.dueText.trim())
      return {
        period: { start: onlyEnd ? null : value.from, end: value.due },
        source: { line: item.line, text: value.dueText },
      }
    }
  }
  return null
}

export function readPeriod(
  root: PlanNode,
  context: DateContext,
  issuedOn: string | null,
): PeriodReading {
  const visit = (node: PlanNode): PeriodReading | null => {
    for (const child of node.children) {
      if (isTimeSection(child, node)) {
        const found = readSection(child, context, issuedOn)
        if (found !== null) return found
      }
      const deeper = visit(child)
      if (deeper !== null) return deeper
    }
    return null
  }
  const section = visit(root)
  if (section !== null) return section

  for (const node of flattenOutline(root)) {
    // A list item that names its own unit is an activity: its window is its own, not the plan's.
    if (node.kind !== 'para' && node.kind !== 'roman' && leadingSubject(node.text) !== null)
      continue
    const text = clean(node.text)
    for (const phrase of findDatePhrases(text, context, { issuedOn })) {
      if (phrase.kind !== 'window' || !phrase.dated) continue
      const sentenceStart = Math.max(
        text.lastIndexOf('. ', phrase.start),
        text.lastIndexOf('; ', phrase.start),
        text.lastIndexOf(': ', phrase.start),
      )
      const before = text.slice(sentenceStart + 1, phrase.start)
      if (CAMPAIGN_MARKER.test(before)) {
        return { period: fromPhrase(phrase), source: { line: node.line, text: phrase.text } }
      }
    }
  }
  return EMPTY
}
