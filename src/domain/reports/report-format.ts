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

/** `83,3%` in Vietnamese, `83.3%` in English. */
export function formatPercent(ratio: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'vi-VN', {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(ratio)
}
