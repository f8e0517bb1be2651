/**
 * Activities from a table flattened to text: a header row such as "STT | Nội dung | Cơ quan thực
 * hiện | Thời gian" (cells split by '|' or tabs), then one row per activity. Rows that only
 * group others ("I | Công tác tuyên truyền | | |") have no unit and no date and are skipped. Pure.
 */
import type { ParsedActivity } from './parsed-plan.js'
import { classifyActivity } from './plan-kinds.js'
import type { DateContext } from './plan-dates.js'
import { maskReferences, readDateValue } from './plan-dates.js'
import type { PlanLine } from './plan-text.js'
import { capitalizeFirst, fold, trimTrailingPunctuation } from './plan-text.js'
import { splitUnitList } from './plan-units.js'

export interface TableReading {
  readonly activities: { line: number; activity: ParsedActivity }[]
  /** Lines that belong to a recognised table, left out of the outline. */
  readonly consumed: Set<number>
}

interface Columns {
  content: number
  lead: number
  coordinators: number
  time: number
}

function readColumns(cells: readonly string[]): Columns | null {
  const columns: Columns = { content: -1, lead: -1, coordinators: -1, time: -1 }
  cells.forEach((cell, i) => {
    const name = fold(cell)
    if (/^(?:noi dung|nhiem vu|hoat dong|cong viec|ten hoat dong)/u.test(name)) {
      if (columns.content === -1) columns.content = i
    } else if (/phoi hop/u.test(name)) columns.coordinators = i
    else if (/thoi gian|thoi han|tien do/u.test(name)) columns.time = i
    else if (/chu tri|thuc hien|co quan|don vi|trach nhiem|phu trach/u.test(name)) {
      if (columns.lead === -1) columns.lead = i
    }
  })
  if (columns.content === -1 || (columns.lead === -1 && columns.time === -1)) return null
  return columns
}

const isSeparatorRow = (cells: readonly string[]): boolean =>
  cells.every((c) => /^[-:\s=]*$/u.test(c))

export function readTables(
  lines: readonly PlanLine[],
  context: DateContext,
  issuedOn: string | null,
): TableReading {
  const activities: { line: number; activity: ParsedActivity }[] = []
  const consumed = new Set<number>()
  for (let i = 0; i < lines.length; i += 1) {
    const header = lines[i]
    if (header === undefined || header.cells.length < 3) continue
    const columns = readColumns(header.cells)
    if (columns === null) continue
    consumed.add(header.index)
    let j = i + 1
    for (; j < lines.length; j += 1) {
      const row = lines[j]
      if (row === undefined) break
      if (row.text === '') {
        consumed.add(row.index)
        continue
      }
      if (row.cells.length < 2) break
      consumed.add(row.index)
      if (isSeparatorRow(row.cells)) continue
      const cell = (index: number): string => (index === -1 ? '' : (row.cells[index] ?? '').trim())
      const title = trimTrailingPunctuation(cell(columns.content))
      const lead = trimTrailingPunctuation(cell(columns.lead))
      const time = cell(columns.time)
      const reading =
        time === '' ? null : readDateValue(maskReferences(time), context, { issuedOn })
      if (title === '' || (lead === '' && reading?.dated !== true)) continue
      activities.push({
        line: row.index,
        activity: {
          title: capitalizeFirst(title),
          kind: classifyActivity(title, false),
          lead: lead === '' ? null : lead,
          coordinators: splitUnitList(cell(columns.coordinators)),
          due: reading?.due ?? null,
          dueText: reading?.dueText ?? null,
        },
      })
    }
    i = j - 1
  }
  return { activities, consumed }
}
