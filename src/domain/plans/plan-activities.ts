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
import type { ActivityKind, ParsedActivity } from './parsed-plan.js'
import type { DateContext, DatePhrase, DueReading } from './plan-dates.js'
import { findDatePhrases, maskReferences, pickDuePhrase, readDateValue } from './plan-dates.js'
import type { Field } from './plan-fields.js'
import { fieldValue, splitFields } from './plan-fields.js'
import type { PlanNode } from './plan-structure.js'
import { capitalizeFirst, maskQuotes, trimTrailingPunctuation } from './plan-text.js'
import { coordinatorsIn, leadingSubject, splitUnitList, unitHeading } from './plan-units.js'

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
}

const SKIPPED_SECTION =
  /^(?:mục\s+đích|yêu\s+cầu|ý\s+nghĩa|mục\s+tiêu|quan\s+điểm|chủ\s+đề|khẩu\s+hiệu|thông\s+điệp|thời\s+gian|căn\s+cứ|đối\s+tượng|phạm\s+vi|nguyên\s+tắc)(?:[\s,;:-]|$)/iu
const REPORT =
  /báo\s+cáo(?!\s+viên)|gửi\s+(?:kết\s+quả|về|kế\s+hoạch|văn\s+bản)|hồ\s+sơ|tổng\s+hợp\s+kết\s+quả|nộp\s+(?:sản\s+phẩm|bài|kết\s+quả)/iu
const PARTICIPATION =
  /tham\s+gia|hưởng\s+ứng|hướng\s+ứng|dự\s+thi|hội\s+thao|hội\s+diễn|hội\s+thi|cuộc\s+thi|liên\s+hoan|tham\s+dự/iu
const TRAILING_DATE_START =
  /^\s*(?:(?:trước|từ|dự\s+kiến|vào|trong|chậm\s+nhất|đến|hạn|thường\s+xuyên|hằng|hàng|định\s+kỳ)(?![\p{L}])|ngày\s+\d|tháng\s+\d|quý\s+[IV1-4]|năm\s+\d|\d{1,2}\s*\/)/iu

export function classifyActivity(text: string, participationHint: boolean): ActivityKind {
  if (REPORT.test(text)) return 'report'
  if (participationHint || PARTICIPATION.test(text)) return 'participation'
  return 'task'
}

function cleanTitle(text: string): string {
  return capitalizeFirst(trimTrailingPunctuation(text.replace(/\s+/gu, ' ')))
}

function isSkippedSection(node: PlanNode): boolean {
  if (node.kind !== 'roman' && node.kind !== 'number' && node.kind !== 'letter') return false
  return node.text.length <= 90 && SKIPPED_SECTION.test(node.text)
}

function isFieldOnly(node: PlanNode): boolean {
  if (node.kind !== 'dash' && node.kind !== 'plus' && node.kind !== 'para') return false
  const split = splitFields(node.text)
  return split.main === '' && split.fields.length > 0
}

const hasActionField = (fields: readonly Field[]): boolean =>
  fields.some((f) => f.kind === 'lead' || f.kind === 'time' || f.kind === 'coordinators')

export class ActivityReader {
  private readonly out: LocatedActivity[] = []

  constructor(private readonly context: ActivityContext) {}

  read(root: PlanNode): LocatedActivity[] {
    // The preamble ("Thực hiện …, Sở X xây dựng Kế hoạch …") introduces the plan; it is no item.
    const firstItem = root.children.findIndex((child) => child.kind !== 'para')
    const items = firstItem === -1 ? [] : root.children.slice(firstItem)
    this.walk({ ...root, children: items }, { lead: null, participation: false })
    return this.out
  }

  private walk(node: PlanNode, state: WalkState): void {
    const children = node.children
    for (let i = 0; i < children.length; i += 1) {
      const child = children[i]
      if (child === undefined) continue
      // A block without a heading: "- Nội dung: …", "- Cơ quan thực hiện: …", "- Thời gian: …".
      const split = isFieldOnly(child) ? splitFields(child.text) : null
      if (split !== null && split.fields[0]?.kind === 'content') {
        const fields = [...split.fields]
        let j = i + 1
        for (; j < children.length; j += 1) {
          const next = children[j]
          if (next === undefined || !isFieldOnly(next)) break
          const more = splitFields(next.text)
          if (more.fields[0]?.kind === 'content') break
          fields.push(...more.fields)
        }
        if (hasActionField(fields)) {
          this.emitBlock(child.line, fieldValue(fields, 'content') ?? '', fields, [], state)
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
    const fields = [...split.fields, ...fieldChildren.flatMap((c) => splitFields(c.text).fields)]
    if (hasActionField(fields)) {
      const others = node.children.filter((c) => !fieldChildren.includes(c))
      this.emitBlock(node.line, split.main, fields, others, state)
      this.walk({ ...node, children: others }, state)
      return
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
    if (only?.kind === 'para' && node.kind !== 'para' && this.readItem(node, state) === null) {
      // A heading with one describing paragraph: the heading names the activity.
      const described = this.readItem(only, state)
      if (described !== null) {
        const text = `${node.text} ${only.text}`
        this.out.push({
          line: node.line,
          activity: {
            ...described,
            title: cleanTitle(node.text),
            kind: classifyActivity(text, state.participation && described.lead === null),
          },
        })
        return
      }
    }
    const item = this.readItem(node, state)
    if (item !== null) this.out.push({ line: node.line, activity: item })
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
    const leadField = fieldValue(fields, 'lead')
    const coordinatorField = fieldValue(fields, 'coordinators')
    const timeField = fieldValue(fields, 'time')
    const content = fieldValue(fields, 'content')
    const title = heading !== '' ? heading : (content ?? '')
    const reading = timeField === null ? this.inlineDue(title, line) : this.valueDue(timeField)
    const lead = leadField ?? state.lead ?? leadingSubject(title)?.unit ?? null
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
        coordinators: coordinatorField === null ? [] : splitUnitList(coordinatorField),
        due: reading?.due ?? null,
        dueText: reading?.dueText ?? null,
      },
    })
  }

  private readItem(node: PlanNode, state: WalkState): ParsedActivity | null {
    if (isFieldOnly(node)) return null
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
    const lead = subject?.colonForm === true ? subject.unit : (state.lead ?? subject?.unit ?? null)
    const title = subject?.colonForm === true ? subject.rest : text
    const reading = trailing ?? this.inlineDue(text, node.line)
    if (lead === null && reading?.dated !== true) return null
    if (title.trim() === '') return null
    const coordinators = coordinatorsIn(maskQuotes(text)).filter((c) => c !== lead)
    return {
      title: cleanTitle(title),
      kind: classifyActivity(node.text, state.participation && lead === null),
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
