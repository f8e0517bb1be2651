/**
 * Telegram refuses a text over 4,096 characters (after entities are parsed).
 * The margin leaves room for the header and for HTML that is not counted the
 * same way by every client.
 */
export const MESSAGE_BUDGET = 3500

/**
 * A header and a list as few messages as fit: each starts with the header,
 * items are joined by `separator` and never cut in half. Pure.
 */
export function splitIntoMessages(
  header: string,
  items: readonly string[],
  separator = ', ',
  budget = MESSAGE_BUDGET,
): string[] {
  const messages: string[] = []
  let current: string[] = []
  let length = header.length
  for (const item of items) {
    const added = (current.length === 0 ? 0 : separator.length) + item.length
    if (current.length > 0 && length + added > budget) {
      messages.push(header + current.join(separator))
      current = []
      length = header.length
    }
    current.push(item)
    length += current.length === 1 ? item.length : added
  }
  if (current.length > 0 || messages.length === 0) messages.push(header + current.join(separator))
  return messages
}
