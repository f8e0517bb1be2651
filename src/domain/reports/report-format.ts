/**
 * Number and date formatting shared by every view of the figures (chat, xlsx,
 * docx, chart), so a rate reads the same everywhere (PRODUCT §5).
 */

/** `2024-05-05` → `05/05/2024`, as Vietnamese offices write dates (both locales use it). */
export function formatDay(isoDate: string | null | undefined, empty = '—'): string {
  if (isoDate === null || isoDate === undefined) return empty
  const [year, month, day] = isoDate.slice(0, 10).split('-')
  return `${day}/${month}/${year}`
}

const percentFormats = new Map<string, Intl.NumberFormat>()

/** `83,3%` in Vietnamese, `83.3%` in English. */
export function formatPercent(ratio: number, locale: string): string {
  const tag = locale === 'en' ? 'en-GB' : 'vi-VN'
  // Building a NumberFormat costs about 100 µs; /tonghop formats two per unit (issue 14).
  let format = percentFormats.get(tag)
  if (format === undefined) {
    format = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 })
    percentFormats.set(tag, format)
  }
  return format.format(ratio)
}
