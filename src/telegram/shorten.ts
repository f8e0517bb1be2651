/** Telegram shows at most 200 characters of a callback answer (a toast). */
export const TOAST_LIMIT = 200

/**
 * Cuts text to at most `max` characters at a word boundary and marks the cut
 * with «…» (issue 11, point 14: "…người lao" reads as a typo). Whitespace runs
 * become one space first, so a title pasted over several lines stays one line.
 * A single word longer than the limit is cut inside it, still with «…».
 */
export function shorten(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  if (oneLine.length <= max) return oneLine
  if (max < 2) return '…'.slice(0, max)
  const room = oneLine.slice(0, max) // one more than we keep, to see whether a word ends here
  const lastSpace = room.lastIndexOf(' ')
  const cut = lastSpace > 0 ? room.slice(0, lastSpace) : oneLine.slice(0, max - 1)
  // Trailing punctuation before the ellipsis reads as a stutter: «…cơ sở,…».
  return `${cut.replace(/[\s,;:.–-]+$/u, '')}…`
}

/** A toast's text: whole words within Telegram's limit. */
export function toastText(text: string): string {
  return shorten(text, TOAST_LIMIT)
}
