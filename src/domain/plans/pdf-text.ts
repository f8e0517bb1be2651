/**
 * The text layer of a PDF, page after page, one line per printed line (PRODUCT §6, issue 16
 * rule 14). A scanned PDF has pages but no text: that is said apart from a damaged file, so the
 * office is told to send the Word file instead of being told the file is broken.
 */
import { extractText, getDocumentProxy } from 'unpdf'

export type PdfText =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'no-text-layer' }
  | { readonly kind: 'not-pdf' }

/** Fewer letters than this on every page together is a scan (page numbers, a stray stamp). */
const MIN_LETTERS = 40

/** "2", "- 2 -", "Trang 2/5": printed by Word on each page, never part of the plan. */
const PAGE_NUMBER =
  /^\s*(?:(?:Trang|trang|Page)\s+)?[-–]?\s*\d{1,3}\s*(?:\/\s*\d{1,3})?\s*[-–]?\s*$/u

/** A page's text without the page number on its first or last line. */
function withoutPageNumber(page: string): string {
  const lines = page.split('\n')
  if (lines.length > 1 && PAGE_NUMBER.test(lines[0] ?? '')) lines.shift()
  if (lines.length > 1 && PAGE_NUMBER.test(lines[lines.length - 1] ?? '')) lines.pop()
  return lines.join('\n')
}

function isPdf(bytes: Uint8Array): boolean {
  // "%PDF-"
  return (
    bytes[0] === 0x25 &&
    bytes[1] === 0x50 &&
    bytes[2] === 0x44 &&
    bytes[3] === 0x46 &&
    bytes[4] === 0x2d
  )
}

export async function readPdfText(bytes: Uint8Array): Promise<PdfText> {
  if (!isPdf(bytes)) return { kind: 'not-pdf' }
  try {
    // pdf.js takes ownership of the buffer it is given: hand it a copy.
    const document = await getDocumentProxy(new Uint8Array(bytes))
    try {
      const { text: pages } = await extractText(document, { mergePages: false })
      const text = pages.map(withoutPageNumber).join('\n')
      const letters = text.match(/\p{L}/gu)?.length ?? 0
      return letters < MIN_LETTERS ? { kind: 'no-text-layer' } : { kind: 'text', text }
    } finally {
      await document.destroy()
    }
  } catch {
    // A damaged or encrypted file: pdf.js cannot open it.
    return { kind: 'not-pdf' }
  }
}
