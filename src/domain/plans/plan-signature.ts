/**
 * The foot of a document: the "Nơi nhận:" list and the signature (authority lines in capitals,
 * then the signer's name). In a .docx both sit in one two-column table, so a flattened line may
 * hold a recipient and an authority line side by side. Pure.
 */
import type { PlanLine } from './plan-text.js'
import { isUpperCaseLine, squash } from './plan-text.js'

export interface PlanFoot {
  /** Line index of "Nơi nhận", or -1. */
  readonly recipientsLine: number
  /**
   * Line index of the signature's first authority line when it ends the document without a
   * "Nơi nhận" list (issue 16, rule 13), or -1: the body stops there.
   */
  readonly signatureLine: number
  readonly recipients: string[]
  readonly signer: { title: string; name: string } | null
}

const RECIPIENTS = /^Nơi\s+nhận\s*:?\s*(.*)$/iu
const BULLET = /^[-–—+•*]\s*/u
const AUTHORITY =
  /(?:GIÁM ĐỐC|CHỦ TỊCH|TRƯỞNG|CHÁNH|BÍ THƯ|ỦY BAN|UỶ BAN|UBND|THỦ TRƯỞNG|HIỆU TRƯỞNG|TỔNG|ĐỐC|(?:^|\s)(?:TM|KT|TL|TUQ|Q|PT)\s*\.?)/u
const NOT_A_NAME = /^\(?\[?\s*(?:đã\s+ký|ký|chữ\s+ký|ký\s+tên|ký,|đóng\s+dấu|signed|\(?đã ký\)?)/iu
const NAME = /^\p{Lu}\p{Ll}*(?:\.?\s+\p{Lu}\p{Ll}*\.?){1,6}$/u

function cleanRecipient(text: string): string {
  return text
    .replace(BULLET, '')
    .replace(/[\s;.,]+$/u, '')
    .trim()
}

export function readFoot(lines: readonly PlanLine[], from: number): PlanFoot {
  let recipientsLine = -1
  for (let i = lines.length - 1; i >= from; i -= 1) {
    const first = lines[i]?.cells[0] ?? ''
    if (RECIPIENTS.test(first)) {
      recipientsLine = i
      break
    }
  }
  const recipients: string[] = []
  // The second column beside the recipient list, then whatever follows the list.
  const foot: string[] = []
  if (recipientsLine !== -1) {
    const head = lines[recipientsLine]
    const inline = RECIPIENTS.exec(head?.cells[0] ?? '')?.[1] ?? ''
    foot.push(...(head?.cells.slice(1) ?? []))
    if (inline !== '') {
      for (const part of inline.split(/;\s*/u)) {
        const item = cleanRecipient(part)
        if (item !== '') recipients.push(item)
      }
    }
    let i = recipientsLine + 1
    for (; i < lines.length; i += 1) {
      const line = lines[i]
      if (line === undefined) break
      const first = line.cells[0] ?? ''
      if (first === '') continue
      if (BULLET.test(first)) {
        const item = cleanRecipient(first)
        if (item !== '') recipients.push(item)
        foot.push(...line.cells.slice(1))
        continue
      }
      // A recipient wrapped onto the next line ("- Ủy ban nhân dân các huyện,\nthành phố;").
      const previous = recipients[recipients.length - 1]
      if (previous !== undefined && /^\p{Ll}/u.test(first)) {
        recipients[recipients.length - 1] = cleanRecipient(`${previous} ${first}`)
        continue
      }
      break
    }
    for (; i < lines.length; i += 1) foot.push(...(lines[i]?.cells ?? []))
  }
  // A signature printed before "Nơi nhận" (or a document without one): the last lines.
  const tail: string[] = []
  const end = recipientsLine === -1 ? lines.length : recipientsLine
  for (let i = Math.max(from, end - 40); i < end; i += 1) tail.push(...(lines[i]?.cells ?? []))
  const signatureLine = recipientsLine === -1 ? findSignatureStart(lines, from) : -1
  return { recipientsLine, signatureLine, recipients, signer: readSigner(foot) ?? readSigner(tail) }
}

/** How many lines from the end a signature block may start: authority, seal note, name. */
const SIGNATURE_REACH = 8

/** The first authority line of a signature block at the end of the document, or -1. */
function findSignatureStart(lines: readonly PlanLine[], from: number): number {
  let seen = 0
  for (let i = lines.length - 1; i >= from && seen < SIGNATURE_REACH; i -= 1) {
    const text = squash(lines[i]?.cells[0] ?? '')
    if (text === '') continue
    seen += 1
    if (!isAuthority(text)) continue
    let start = i
    while (start - 1 >= from) {
      const above = squash(lines[start - 1]?.cells[0] ?? '')
      if (above === '' || !(isAuthority(above) || (isUpperCaseLine(above) && above.length <= 40)))
        break
      start -= 1
    }
    return start
  }
  return -1
}

/** The last authority block followed by a name in the given texts, in reading order. */
function readSigner(texts: readonly string[]): { title: string; name: string } | null {
  let found: { title: string; name: string } | null = null
  for (let i = 0; i < texts.length; i += 1) {
    const first = squash(texts[i] ?? '')
    if (!isAuthority(first)) continue
    const titleParts = [first]
    let j = i + 1
    for (; j < texts.length; j += 1) {
      const text = squash(texts[j] ?? '')
      if (text === '') continue
      if (isAuthority(text) || (isUpperCaseLine(text) && text.length <= 40 && !NAME.test(text))) {
        titleParts.push(text)
        continue
      }
      break
    }
    for (; j < texts.length; j += 1) {
      const text = squash(texts[j] ?? '').replace(/[.;]$/u, '')
      if (text === '' || NOT_A_NAME.test(text) || SEAL.test(text)) continue
      if (NAME.test(text)) found = { title: titleParts.join(' '), name: text }
      break
    }
    i = j
  }
  return found
}

const SEAL = /^\(?(?:đã ký|Đã ký|ký tên|ký và đóng dấu|đóng dấu)[^)]*\)?$/u

function isAuthority(text: string): boolean {
  return (
    text.length > 1 &&
    text.length <= 60 &&
    isUpperCaseLine(text) &&
    !BULLET.test(text) &&
    !/^(?:NƠI NHẬN|KẾ HOẠCH|CỘNG HÒA|CỘNG HOÀ)/u.test(text) &&
    AUTHORITY.test(text)
  )
}
