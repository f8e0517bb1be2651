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
      const { text } = await extractText(document, { mergePages: true })
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
