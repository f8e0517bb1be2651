/**
 * Text shapes that copying a plan out of Word, a PDF or an e-mail produces, built from a plain
 * plan so that a test can ask for the same parse. Test helpers only.
 */

/** Greedy word wrap of every line at `width` columns, as PDF copies and e-mail clients do. */
export function hardWrap(text: string, width = 70): string {
  return text
    .split('\n')
    .flatMap((line) => {
      // A Markdown table row is one row however long; wrapping it would make another table.
      if (line.length <= width || line.includes('|')) return [line]
      const out: string[] = []
      let current = ''
      for (const word of line.split(/ +/)) {
        if (current === '') current = word
        else if (current.length + 1 + word.length <= width) current = `${current} ${word}`
        else {
          out.push(current)
          current = word
        }
      }
      if (current !== '') out.push(current)
      return out
    })
    .join('\n')
}

/** Word's list export: the bullet or number, then a tab instead of a space. */
export function tabBullets(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/^([-–+•]|\d{1,2}\.|[a-zđ]\)|[IVX]{1,4}\.)\s+/u, '$1\t'))
    .join('\n')
}

/** The "Nơi nhận" list left out (a pasted body, a letter without it): the signature remains. */
export function withoutRecipients(text: string): string {
  const lines = text.split('\n')
  const start = lines.findIndex((line) => /^(?:\*\*)?Nơi nhận/u.test(line.trim()))
  if (start === -1) return text
  let end = start + 1
  while (end < lines.length && /^\s*(?:[-–+•].*)?$/u.test(lines[end] ?? '')) end += 1
  // In a two-column foot (Word table) the signature sits beside the list: it stays.
  const beside = lines
    .slice(start, end)
    .map((line) => /\t| {3,}/.exec(line))
    .filter((gap) => gap !== null)
    .map((gap) => gap.input.slice(gap.index))
  return [...lines.slice(0, start), ...beside, ...lines.slice(end)].join('\n')
}

/** Blank lines between paragraphs gone, as text copied out of a PDF arrives. */
export function withoutBlankLines(text: string): string {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .join('\n')
}
