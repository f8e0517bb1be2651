/**
 * The plan importer's reader: the text of a Kế hoạch or a guidance letter (công văn "V/v …") to
 * the parsed plan of PRODUCT §6. Pure and total: any string gives a plan (mostly empty for junk;
 * `looksLikePlan` tells the edge when to refuse instead).
 */
import type { ParsedPlan } from './parsed-plan.js'
import { ActivityReader } from './plan-activities.js'
import type { DateContext } from './plan-dates.js'
import { chooseIssuer, readBodyIssuer, readHeader } from './plan-header.js'
import { readPeriod } from './plan-period.js'
import { readFoot } from './plan-signature.js'
import { readSlogans } from './plan-slogans.js'
import type { PlanLine } from './plan-text.js'
import { toPlanLines } from './plan-text.js'
import { buildOutline, readMarker } from './plan-structure.js'
import { readTables } from './plan-table.js'

/** Closing sentences after the last item ("Trên đây là Kế hoạch …", "Trong quá trình …"). */
const CLOSING =
  /^(?:Trên\s+đây|Trong\s+quá\s+trình|Quá\s+trình\s+(?:tổ\s+chức\s+)?(?:triển\s+khai|thực\s+hiện)|Nhận\s+được\s+(?:văn\s+bản|công\s+văn|Kế\s+hoạch|kế\s+hoạch)|(?:Đề\s+nghị|Yêu\s+cầu|Trân\s+trọng\s+đề\s+nghị)\s+(?:các|Thủ\s+trưởng)[^.]{0,100}(?:quan\s+tâm|nghiêm\s+túc|phối\s+hợp)[^.]{0,60}(?:\.|$)|Rất\s+mong|(?:Xin\s+)?[Tt]rân\s+trọng(?:\s+(?:cảm\s+ơn|đề\s+nghị)[^.]{0,80})?\s*[./]*\s*$)/u

function cutClosing(lines: readonly PlanLine[]): readonly PlanLine[] {
  let lastItem = -1
  lines.forEach((line, i) => {
    const marker = readMarker(line.text)
    if (marker !== null && marker.kind !== 'dash' && marker.kind !== 'plus') lastItem = i
  })
  for (let i = lastItem + 1; i < lines.length; i += 1) {
    const text = lines[i]?.text ?? ''
    if (CLOSING.test(text)) return lines.slice(0, i)
  }
  return lines
}

function yearOf(text: string | null): number | null {
  const m = text === null ? null : /năm\s+(\d{4})(?!\d)/u.exec(text)
  return m?.[1] === undefined ? null : Number(m[1])
}

export function parsePlan(text: string): ParsedPlan {
  const lines = toPlanLines(text)
  const header = readHeader(lines)
  const foot = readFoot(lines, header.bodyStart)
  const footStart = foot.recipientsLine === -1 ? foot.signatureLine : foot.recipientsLine
  const bodyEnd = footStart === -1 ? lines.length : footStart
  const context: DateContext = { year: header.year ?? yearOf(header.title), month: header.month }

  const region = lines.slice(header.bodyStart, Math.max(header.bodyStart, bodyEnd))
  const tables = readTables(region, context, header.issuedOn)
  const body = cutClosing(region.filter((line) => !tables.consumed.has(line.index)))
  const root = buildOutline(body)

  // The preamble (paragraphs before the first item) says who issues the plan.
  const firstItem = root.children.findIndex((child) => child.kind !== 'para')
  const opening = (firstItem === -1 ? root.children : root.children.slice(0, firstItem))
    .slice(0, 12)
    .map((node) => node.text)
  const issuer = chooseIssuer(header.headerIssuer, readBodyIssuer(opening))
  const period = readPeriod(root, context, header.issuedOn)
  const activities = [
    ...new ActivityReader({
      dates: context,
      issuedOn: header.issuedOn,
      periodSource: period.source,
    }).read(root),
    ...tables.activities,
  ]
    .sort((a, b) => a.line - b.line)
    .map((located) => located.activity)

  return {
    title: header.title,
    number: header.number,
    issuer,
    place: header.place,
    issuedOn: header.issuedOn,
    period: period.period,
    slogans: readSlogans(root),
    activities,
    recipients: foot.recipients,
    signer: foot.signer,
  }
}

/** The year printed on the plan (its place-date line, else "năm YYYY" in its title), or null. */
export function readPlanYear(text: string): number | null {
  const header = readHeader(toPlanLines(text))
  return header.year ?? yearOf(header.title)
}

/**
 * Whether the text is recognisably a plan or a guidance letter: a "KẾ HOẠCH" heading, a "V/v"
 * subject or a "Số:" line, and numbered content or a "Nơi nhận" list. Used to refuse junk
 * before showing an empty campaign.
 */
export function looksLikePlan(text: string): boolean {
  if (text.trim().length < 80) return false
  const lines = toPlanLines(text)
  const header = readHeader(lines)
  if (header.title === null && header.number === null) return false
  const items = lines.filter((line) => {
    const marker = readMarker(line.text)
    return (
      marker !== null &&
      (marker.kind === 'roman' || marker.kind === 'number' || marker.kind === 'letter')
    )
  }).length
  return items >= 2 || readFoot(lines, header.bodyStart).recipients.length > 0
}
