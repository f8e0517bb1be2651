/**
 * A small PDF with a real text layer, written by hand so tests need no network nor office suite:
 * one Type0 font whose ToUnicode map sends every two-byte code to the same code point, so any
 * Vietnamese text is stored and read back exactly. Glyphs are not embedded (nothing is drawn
 * legibly); text extraction, which is all the importer needs, does not look at them.
 */

const LINES_PER_PAGE = 52

function hex(text: string): string {
  return [...text].map((c) => (c.codePointAt(0) ?? 0x3f).toString(16).padStart(4, '0')).join('')
}

function identityToUnicode(): string {
  const ranges = Array.from({ length: 256 }, (_, i) => {
    const high = i.toString(16).padStart(2, '0')
    return `<${high}00> <${high}ff> <${high}00>`
  })
  const blocks: string[] = []
  for (let i = 0; i < ranges.length; i += 100) {
    const chunk = ranges.slice(i, i + 100)
    blocks.push(`${chunk.length} beginbfrange\n${chunk.join('\n')}\nendbfrange`)
  }
  return [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CMapName /LoaIdentity def 1 begincodespacerange <0000> <FFFF> endcodespacerange',
    ...blocks,
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n')
}

/** `pages` of printed lines; an empty page list gives a "scan": pages with a picture, no text. */
export function pdfOf(
  lines: readonly string[],
  options: { scan?: boolean; pageNumbers?: boolean } = {},
): Uint8Array {
  const pages: string[] = []
  if (options.scan === true) pages.push('0.5 g 40 40 515 760 re f')
  for (let start = 0; start < lines.length; start += LINES_PER_PAGE) {
    const number = start / LINES_PER_PAGE + 1
    // Word prints the number at the top of every page after the first.
    const printed = [
      ...(options.pageNumbers === true && number > 1 ? [String(number)] : []),
      ...lines.slice(start, start + LINES_PER_PAGE),
    ]
    pages.push(
      printed
        .map((line, i) => `BT /F1 10 Tf 40 ${800 - i * 14} Td <${hex(line)}> Tj ET`)
        .join('\n'),
    )
  }
  const cmap = identityToUnicode()
  const fixed = 6
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${fixed + 1 + i * 2} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /LoaSans /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>',
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /LoaSans /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 6 0 R /DW 500 >>',
    `<< /Length ${Buffer.byteLength(cmap)} >>\nstream\n${cmap}\nendstream`,
    '<< /Type /FontDescriptor /FontName /LoaSans /Flags 32 /FontBBox [0 -200 1000 800] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>',
  ]
  pages.forEach((content, i) => {
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${fixed + 2 + i * 2} 0 R >>`,
      `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
    )
  })
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out))
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(out)
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return new Uint8Array(Buffer.from(out, 'latin1'))
}
