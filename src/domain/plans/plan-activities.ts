/**
 * Activities (PRODUCT §6 `activities`): the items of a plan that name a responsible unit or a
 * date. Read from numbered, lettered and dash items, "Đơn vị chủ trì / Thời gian" blocks, and
 * per-unit duties under a unit heading ("2. Văn phòng Sở" then its duties).
 *
 * Title rule: a block's title is its heading line; a duty's title is the duty sentence as printed
 * (after "Unit:" when written that way); an item ending in ": <date>" drops that date; inline
 * fields ("Thời gian tổ chức: …") are cut off; Markdown and the trailing ".", ";", "./." go, and
 * the first letter is upper case. Pure.
 */
import type { ParsedActivity } from './parsed-plan.js'
import type { DateContext, DatePhrase, DueReading } from './plan-dates.js'
import { findDatePhrases, maskReferences, pickDuePhrase, readDateValue } from './plan-dates.js'
import type { Field } from './plan-fields.js'
import { splitFields } from './plan-fields.js'
import { introducedUnit, splitDuties } from './plan-duties.js'
import { classifyActivity } from './plan-kinds.js'
import { isGenericHeading, isSkippedSection } from './plan-sections.js'
import type { PlanNode } from './plan-structure.js'
import {
  capitalizeFirst,
  isUpperCaseLine,
  maskQuotes,
  trimTrailingPunctuation,
} from './plan-text.js'
import type { Subject } from './plan-units.js'
import {
  coordinatorsIn,
  leadingSubject,
  splitUnitList,
  startsUnit,
  unitHeading,
} from './plan-units.js'

export interface ActivityContext {
  readonly dates: DateContext
  readonly issuedOn: string | null
  /** The plan's period phrase: it dates the plan, not an item. */
  readonly periodSource: { readonly line: number; readonly text: string } | null
}

export interface LocatedActivity {
  readonly line: number
  readonly activity: ParsedActivity
}

interface WalkState {
  /** The unit of the enclosing unit heading ("2. Văn phòng Sở"). */
  readonly lead: string | null
  /** The enclosing item asks people to take part ("Tổ chức và tham gia các hoạt động …:"). */
  readonly participation: boolean
  /** The unit a list's introduction asked: the lead of items that name none themselves. */
  readonly introduced?: string | null
}

const TRAILING_DATE_START =
  /^\s*(?:(?:trước|từ|dự\s+kiến|vào|trong|chậm\s+nhất|đến|hạn|thường\s+xuyên|hằng|hàng|định\s+kỳ)(?![\p{L}])|ngày\s+\d|tháng\s+\d|quý\s+[IV1-4]|năm\s+\d|\d{1,2}\s*\/)/iu

function cleanTitle(text: string): string {
  return capitalizeFirst(trimTrailingPunctuation(text.replace(/\s+/gu, ' ')))
}

function isFieldOnly(node: PlanNode): boolean {
  // "a) Nhiệm vụ: …" lettered fields are a block's fields (rule 3); "3. Nội dung: …" heads one.
  if (node.kind === 'root' || node.kind === 'roman' || node.kind === 'number') return false
  const split = splitFields(node.text)
  return split.main === '' && split.fields.length > 0
}

const hasActionField = (fields: readonly Field[]): boolean =>
  fields.some((f) => f.kind === 'lead' || f.kind === 'time' || f.kind === 'coordinators')

const LEAD_ROLE = /(?<![\p{L}])chủ\s+trì(?![\p{L}])/iu
const REQUEST_ANYWHERE = /(?<![\p{L}])(?:đề\s+nghị|yêu\s+cầu|giao|phân\s+công)\s+/iu

/**
 * The fields of an item and of its field-only children. "Cơ quan thực hiện:" left empty takes its
 * units from the bullets under it ("+ X chủ trì …", "+ Z phối hợp …"): rule 4.
 */
function fieldsOf(node: PlanNode): Field[] {
  const fields = [...splitFields(node.text).fields]
  for (const child of node.children) {
    if (isFieldOnly(child)) fields.push(...fieldsOf(child))
  }
  const emptyLead = fields.some((f) => f.kind === 'lead' && f.value === '')
  if (emptyLead && !fields.some((f) => f.kind === 'lead' && f.value !== '')) {
    for (const child of node.children) {
      if (isFieldOnly(child)) continue
      const unit = leadingSubject(child.text)?.unit
      if (unit === undefined) continue
      const isLead = LEAD_ROLE.test(child.text) && !fields.some((f) => f.kind === 'lead' && f.value)
      fields.push({ kind: isLead ? 'lead' : 'coordinators', value: unit })
    }
  }
  return fields
}

/** "X chủ trì, phối hợp với Y" / "X chủ trì; Y phối hợp" in one lead field: lead X, partners Y. */
function splitLeadValue(value: string): { lead: string; coordinators: string[] } {
  const m =
    /^(.+?)\s*(?:là\s+(?:đơn\s+vị|cơ\s+quan)\s+)?chủ\s+trì(?:\s+(?:tổ\s+chức|thực\s+hiện|tham\s+mưu))?\s*(?:[,;]\s*(?:và\s+)?(?:phối\s+hợp\s+(?:với|cùng)\s+)?(.*))?$/iu.exec(
      value,
    )
  if (m?.[1] === undefined || startsUnit(m[1], 0) === null) return { lead: value, coordinators: [] }
  const rest = (m[2] ?? '').replace(/\s*(?:cùng\s+)?phối\s+hợp(?:\s+thực\s+hiện)?\s*[.;]?$/iu, '')
  return { lead: m[1].trim(), coordinators: rest.trim() === '' ? [] : splitUnitList(rest) }
}

function fieldValues(fields: readonly Field[], kind: Field['kind']): string[] {
  return fields.filter((f) => f.kind === kind && f.value !== '').map((f) => f.value)
}

export class ActivityReader {
  private readonly out: LocatedActivity[] = []

  constructor(private readonly context: ActivityContext) {}

  read(root: PlanNode): LocatedActivity[] {
    // The preamble ("Thực hiện …, Sở X xây dựng Kế hoạch …") introduces the plan; it is no item,
    // but a paragraph there that asks a unit to act is a duty wherever it stands (rule 1).
    const firstItem = root.children.findIndex((child) => child.kind !== 'para')
    const preamble = firstItem === -1 ? root.children : root.children.slice(0, firstItem)
    const items = firstItem === -1 ? [] : root.children.slice(firstItem)
    const requests = preamble.filter((node) => REQUEST_ANYWHERE.test(node.text))
    this.walk({ ...root, children: [...requests, ...items] }, { lead: null, participation: false })
    return this.out
  }

  private walk(node: PlanNode, outer: WalkState): void {
    const children = node.children
    // "Sở X đề nghị các đơn vị thực hiện các nội dung sau:" then items without a unit of their
    // own: the unit asked leads them (rule 1), until a heading or another unit takes over.
    let introduced: string | null = null
    for (let i = 0; i < children.length; i += 1) {
      const child = children[i]
      if (child === undefined) continue
      if (child.kind === 'roman') introduced = null
      else if (child.kind === 'para') {
        introduced = /:\s*$/u.test(child.text)
          ? introducedUnit(child.text)
          : leadingSubject(child.text) === null
            ? introduced
            : null
      }
      const state: WalkState =
        introduced !== null && outer.lead === null && child.kind !== 'para'
          ? { ...outer, introduced }
          : introduced !== null && outer.lead === null && !/:\s*$/u.test(child.text)
            ? { ...outer, introduced }
            : outer
      // A block without a heading: "- Nội dung: …", "- Cơ quan thực hiện: …", "- Thời gian: …",
      // or the same as sibling lettered items "a) Nhiệm vụ: … b) Cơ quan thực hiện: …" (rule 3).
      const first = isFieldOnly(child) ? splitFields(child.text).fields[0] : undefined
      if (first?.kind === 'content') {
        const fields = fieldsOf(child)
        let j = i + 1
        for (; j < children.length; j += 1) {
          const next = children[j]
          if (next === undefined || !isFieldOnly(next)) break
          if (splitFields(next.text).fields[0]?.kind === 'content') break
          fields.push(...fieldsOf(next))
        }
        if (hasActionField(fields)) {
          // The block's title is its "Nội dung"/"Nhiệm vụ" value ("Hoạt động 1" is none).
          this.emitBlock(child.line, '', fields, [], state)
          i = j - 1
          continue
        }
      }
      this.visit(child, state)
    }
  }

  private visit(node: PlanNode, state: WalkState): void {
    if (isSkippedSection(node)) return
    const split = splitFields(node.text)
    const fieldChildren = node.children.filter(isFieldOnly)
    const contents = fieldChildren.filter((c) => splitFields(c.text).fields[0]?.kind === 'content')
    // Several "Nội dung:" blocks under one heading are several activities: the walk groups them.
    if (contents.length < 2 || split.fields.length > 0) {
      const fields = [...split.fields, ...fieldChildren.flatMap(fieldsOf)]
      if (hasActionField(fields)) {
        const others = node.children.filter((c) => !fieldChildren.includes(c))
        const heading = isGenericHeading(split.main) ? '' : split.main
        this.emitBlock(node.line, heading, fields, others, state)
        this.walk({ ...node, children: others }, state)
        return
      }
    }
    if (node.children.length > 0 && node.kind !== 'para') {
      const heading = unitHeading(node.text)
      if (heading !== null) {
        this.walk(node, { lead: heading, participation: false })
        return
      }
      if (/:\s*$/u.test(node.text)) {
        const subject = leadingSubject(node.text)
        this.walk(node, {
          lead: subject?.unit ?? state.lead,
          participation: state.participation || /tham\s+gia/iu.test(node.text),
        })
        return
      }
    }
    const only = node.children.length === 1 ? node.children[0] : undefined
    if (
      only?.kind === 'para' &&
      node.kind !== 'para' &&
      !isGenericHeading(node.text) &&
      this.readItems(node, state).length === 0
    ) {
      // A heading with one describing paragraph: the heading names the activity.
      const described = this.readItems(only, state)
      const single = described.length === 1 ? described[0] : undefined
      if (single !== undefined) {
        const text = `${node.text} ${only.text}`
        this.out.push({
          line: node.line,
          activity: {
            ...single,
            title: cleanTitle(node.text),
            kind: classifyActivity(text, state.participation && single.lead === null),
          },
        })
        return
      }
    }
    for (const item of this.readItems(node, state))
      this.out.push({ line: node.line, activity: item })
    // "1. Sở Nội vụ: chủ trì …" followed by dashes: the dashes are that unit's duties too.
    const subject = leadingSubject(node.text)
    this.walk(node, subject?.colonForm === true ? { ...state, lead: subject.unit } : state)
  }

  private emitBlock(
    line: number,
    heading: string,
    fields: readonly Field[],
    others: readonly PlanNode[],
    state: WalkState,
  ): void {
    const leadField = fieldValues(fields, 'lead')[0] ?? null
    const split = leadField === null ? null : splitLeadValue(leadField)
    const coordinators = [
      ...(split?.coordinators ?? []),
      ...fieldValues(fields, 'coordinators').flatMap(splitUnitList),
    ]
    const timeField = fieldValues(fields, 'time')[0] ?? null
    const content = fieldValues(fields, 'content')[0] ?? null
    // Rule 3: a heading names its block; a section heading in capitals or a generic one does
    // not, and the "Nhiệm vụ"/"Nội dung" value does.
    const title =
      heading !== '' && !(content !== null && isUpperCaseLine(heading)) ? heading : (content ?? '')
    const reading =
      timeField === null
        ? (this.inlineDue(content ?? title, line) ?? this.inlineDue(title, line))
        : this.valueDue(timeField)
    const lead =
      split?.lead ?? state.lead ?? leadingSubject(title)?.unit ?? state.introduced ?? null
    if (title === '' || (lead === null && reading?.dated !== true)) return
    const kindText = [
      title,
      content ?? '',
      ...fields.filter((f) => f.kind === 'other').map((f) => f.value),
    ]
      .concat(others.map((o) => o.text))
      .join(' ')
    this.out.push({
      line,
      activity: {
        title: cleanTitle(title),
        kind: classifyActivity(kindText, state.participation && lead === null),
        lead: lead === null ? null : trimTrailingPunctuation(lead),
        coordinators: [...new Set(coordinators)].filter((c) => c !== lead),
        due: reading?.due ?? null,
        dueText: reading?.dueText ?? null,
      },
    })
  }

  /** The activities of one item or paragraph: one per duty clause (rules 1 and 2). */
  private readItems(node: PlanNode, state: WalkState): ParsedActivity[] {
    if (isFieldOnly(node)) return []
    let text = node.text
    let trailing: DueReading | null = null
    // "- Cuộc thi “…”: Quý I - II, năm 2022." — the date after the last colon.
    const masked = maskQuotes(text)
    for (
      let colon = masked.lastIndexOf(':');
      colon > 0;
      colon = masked.lastIndexOf(':', colon - 1)
    ) {
      const after = text.slice(colon + 1)
      if (!TRAILING_DATE_START.test(after)) continue
      const reading = this.valueDue(after)
      if (reading !== null && (reading.dated || /^\s*(?:thường|hằng|hàng|định)/iu.test(after))) {
        trailing = reading
        text = text.slice(0, colon)
      }
      break
    }
    const subject = leadingSubject(text)
    const judge = {
      kind: (clause: string) => classifyActivity(clause, false),
      dated: (clause: string) => this.inlineDue(clause, node.line)?.dated === true,
    }
    if (subject?.colonForm === true && trailing === null) {
      // "Unit: task; báo cáo … trước ngày D": the unit's compound duty splits too (rule 2).
      const clauses = splitDuties(subject.rest, judge)
      if (clauses.length > 1) {
        return clauses.flatMap((clause) => {
          const one = this.readClause(
            clause.text,
            { unit: subject.unit, rest: clause.text, colonForm: true },
            null,
            node,
            state,
          )
          return one === null ? [] : [one]
        })
      }
    }
    if (subject?.colonForm === true || trailing !== null) {
      const one = this.readClause(text, subject, trailing, node, state)
      return one === null ? [] : [one]
    }
    // "… thực hiện một số nội dung sau:" introduces the items below; it is a duty of its own
    // only when it carries a date ("xây dựng báo cáo … trước ngày D, cụ thể như sau:").
    const introduces = /:\s*$/u.test(text)
    const found = splitDuties(
      text.replace(/[\s,]*(?:cụ\s+thể\s+)?(?:như\s+sau|sau\s+đây)?\s*:\s*$/u, ''),
      judge,
    )
    const last = found[found.length - 1]
    const clauses =
      introduces && last !== undefined && this.inlineDue(last.text, node.line)?.dated !== true
        ? found.slice(0, -1)
        : found
    // Only the closing formula ("… đề nghị Thủ trưởng các đơn vị nghiêm túc thực hiện./."): none.
    if (clauses.length === 0) return []
    if (clauses.length === 1) {
      const only = clauses[0]
      const lead = only?.lead ?? null
      const whole = only === undefined ? text : only.text
      const one = this.readClause(
        whole,
        lead === null ? subject : { unit: lead, rest: whole, colonForm: false },
        null,
        node,
        state,
      )
      return one === null ? [] : [one]
    }
    return clauses.flatMap((clause) => {
      const one = this.readClause(
        clause.text,
        clause.lead === null ? null : { unit: clause.lead, rest: clause.text, colonForm: false },
        null,
        node,
        state,
      )
      return one === null ? [] : [one]
    })
  }

  private readClause(
    text: string,
    subject: Subject | null,
    trailing: DueReading | null,
    node: PlanNode,
    state: WalkState,
  ): ParsedActivity | null {
    const lead =
      subject?.colonForm === true
        ? subject.unit
        : (state.lead ?? subject?.unit ?? state.introduced ?? null)
    const title = subject?.colonForm === true ? subject.rest : text
    const reading = trailing ?? this.inlineDue(text, node.line)
    if (lead === null && reading?.dated !== true) return null
    if (title.trim() === '') return null
    const coordinators = coordinatorsIn(maskQuotes(text)).filter((c) => c !== lead)
    return {
      title: cleanTitle(title),
      kind: classifyActivity(text, state.participation && lead === null),
      lead,
      coordinators,
      due: reading?.due ?? null,
      dueText: reading?.dueText ?? null,
    }
  }

  /** A time field's value, ignoring a deadline that lies before the document was written. */
  private valueDue(value: string): DueReading | null {
    const masked = maskReferences(maskQuotes(value))
    const reading = readDateValue(masked, this.context.dates, { issuedOn: this.context.issuedOn })
    if (reading === null) return null
    // The masked text has the same length as the value, so the phrase can be cut from the value.
    const dueText = value
      .trim()
      .replace(/[\s.;,:]+$/u, '')
      .slice(0, reading.dueText.length)
    if (reading.due !== null && this.isBeforeDocument(reading.due))
      return { ...reading, due: null, dueText }
    return { ...reading, dueText }
  }

  /** The due phrase inside an item's sentence, never a referenced document's date. */
  private inlineDue(text: string, line: number): DueReading | null {
    const masked = maskReferences(maskQuotes(text))
    const period = this.context.periodSource
    const phrases = findDatePhrases(masked, this.context.dates, {
      issuedOn: this.context.issuedOn,
    }).filter(
      (p: DatePhrase) =>
        !(period !== null && period.line === line && p.text === period.text) &&
        !(p.due !== null && this.isBeforeDocument(p.due)),
    )
    const phrase = pickDuePhrase(phrases)
    if (phrase === null) return null
    return {
      due: phrase.due,
      dueText: text.slice(phrase.start, phrase.end),
      from: phrase.from,
      dated: phrase.dated,
    }
  }

  private isBeforeDocument(due: string): boolean {
    const { issuedOn, dates } = this.context
    if (issuedOn !== null) return due < issuedOn
    if (dates.year !== null && dates.month !== null) {
      return (
        due < `${String(dates.year).padStart(4, '0')}-${String(dates.month).padStart(2, '0')}-01`
      )
    }
    return false
  }
}
