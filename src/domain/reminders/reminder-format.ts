import { escapeHtml } from '../html.js'
import type { Reachable } from './reminder-audience.js'

/** `05/05/2024`, as Vietnamese offices write dates. */
export function formatDueDay(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`
}

/**
 * A link to the copy in its group, for people reminded in private: Telegram
 * opens `t.me/c/<id>/<message>` for members of a supergroup (id -100…); a
 * basic group has no such link.
 */
export function copyLink(chatId: number, messageId: number | null): string | null {
  const id = String(chatId)
  if (messageId === null || !id.startsWith('-100')) return null
  return `https://t.me/c/${id.slice(4)}/${messageId}`
}

/** A mention that works without a username: Telegram turns it into a text_mention. */
export function mention(person: Pick<Reachable, 'fullName' | 'telegramId'>): string {
  const name = escapeHtml(person.fullName)
  return person.telegramId === null
    ? name
    : `<a href="tg://user?id=${person.telegramId}">${name}</a>`
}
