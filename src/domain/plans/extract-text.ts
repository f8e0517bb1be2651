/**
 * Text of a plan file: .txt and .md as UTF-8, .docx through mammoth (tables kept as rows), .pdf through unpdf (pdf.js;
 * its lines are hard-wrapped, which the parser joins). Refuses what cannot be a plan's text (too
 * large, another format, binary or mis-encoded bytes, a scan with no text layer) as values,
 * never throws.
 */

export const MAX_PLAN_BYTES = 2 * 1024 * 1024

export type ExtractTextError =
  | { readonly code: 'plan-too-large'; readonly maxBytes: number }
  | { readonly code: 'plan-unsupported-type'; readonly fileName: string }
  | { readonly code: 'plan-not-text' }
  | { readonly code: 'plan-no-text-layer' }

export type ExtractTextResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly error: ExtractTextError }

export interface PlanFile {
  readonly fileName: string
  readonly bytes: Uint8Array
}

const NOT_TEXT: ExtractTextResult = { ok: false, error: { code: 'plan-not-text' } }
/** Above this share of control or replacement characters the "text" is binary junk. */
const MAX_JUNK_RATIO = 0.01

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.')
  return dot === -1 ? '' : fileName.slice(dot + 1).toLowerCase()
}

/** True when decoded text looks like a document rather than bytes of another format. */
export function isPlausibleText(text: string): boolean {
  if (text.trim() === '' || text.includes('\u0000')) return false
  let junk = 0
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    const control = code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c
    if (control || code === 0x7f || code === 0xfffd) junk += 1
  }
  return junk / text.length <= MAX_JUNK_RATIO
}

function decodeUtf8(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return text.startsWith('\uFEFF') ? text.slice(1) : text
  } catch {
    return null
  }
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}

export async function extractPlanText(input: PlanFile): Promise<ExtractTextResult> {
  const extension = extensionOf(input.fileName)
  if (extension !== 'txt' && extension !== 'md' && extension !== 'docx' && extension !== 'pdf') {
    return { ok: false, error: { code: 'plan-unsupported-type', fileName: input.fileName } }
  }
  if (input.bytes.byteLength > MAX_PLAN_BYTES) {
    return { ok: false, error: { code: 'plan-too-large', maxBytes: MAX_PLAN_BYTES } }
  }
  if (extension === 'pdf') {
    // unpdf and mammoth load only for the files that need them (startup and test time).
    const { readPdfText } = await import('./pdf-text.js')
    const read = await readPdfText(input.bytes)
    if (read.kind === 'no-text-layer') return { ok: false, error: { code: 'plan-no-text-layer' } }
    return read.kind === 'text' && isPlausibleText(read.text)
      ? { ok: true, text: read.text }
      : NOT_TEXT
  }
  if (extension === 'docx') {
    if (!isZip(input.bytes)) return NOT_TEXT
    try {
      const { readDocxText } = await import('./docx-text.js')
      const buffer = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength)
      const value = await readDocxText(buffer)
      return isPlausibleText(value) ? { ok: true, text: value } : NOT_TEXT
    } catch {
      // A corrupt archive or a zip that is not a Word document.
      return NOT_TEXT
    }
  }
  const text = decodeUtf8(input.bytes)
  return text !== null && isPlausibleText(text) ? { ok: true, text } : NOT_TEXT
}
