import type { Transformer } from 'grammy'
import { htmlToPlainText } from '../domain/html.js'

/** Methods whose `text` is a message body, plain unless a parse mode says otherwise. */
const TEXT_METHODS = new Set(['sendMessage', 'editMessageText'])

type Payload = Record<string, unknown>

/**
 * Translations escape their string arguments for Telegram's HTML in one place
 * (src/telegram/i18n.ts). Where Telegram shows text as typed — a message or
 * caption sent without parse mode, a toast, a button label, a command
 * description — those escapes would show as `&amp;`, so they are undone here,
 * once, for everything Loa sends. (A plain text that contains an entity as
 * typed by a person, `&lt;`, reaches the chat as `<`: an accepted loss for one
 * rule instead of a choice at every call site.)
 */
export function plainTextUnescaped(): Transformer {
  return (prev, method, payload, signal) => {
    const p = payload as Payload
    const plain: Payload = { ...p }
    let changed = false
    const set = (field: string, value: unknown) => {
      if (value === p[field]) return
      plain[field] = value
      changed = true
    }
    const plainBody = p['parse_mode'] === undefined && p['entities'] === undefined
    if (TEXT_METHODS.has(method) && plainBody && typeof p['text'] === 'string')
      set('text', htmlToPlainText(p['text']))
    if (
      typeof p['caption'] === 'string' &&
      p['parse_mode'] === undefined &&
      p['caption_entities'] === undefined
    )
      set('caption', htmlToPlainText(p['caption']))
    if (method === 'answerCallbackQuery' && typeof p['text'] === 'string')
      set('text', htmlToPlainText(p['text']))
    if (method === 'setMyCommands' && Array.isArray(p['commands']))
      set('commands', (p['commands'] as Payload[]).map(plainDescription))
    if (isRecord(p['reply_markup'])) set('reply_markup', plainButtons(p['reply_markup']))
    return prev(method, (changed ? plain : payload) as typeof payload, signal)
  }
}

function plainDescription(command: Payload): Payload {
  return typeof command['description'] === 'string'
    ? { ...command, description: htmlToPlainText(command['description']) }
    : command
}

/** Button labels are always plain text, on inline and reply keyboards alike. */
function plainButtons(markup: Payload): Payload {
  let changed = false
  const rows = (value: unknown) =>
    Array.isArray(value)
      ? value.map((row: unknown) =>
          Array.isArray(row)
            ? row.map((button: unknown) => {
                if (!isRecord(button) || typeof button['text'] !== 'string') return button
                const text = htmlToPlainText(button['text'])
                if (text === button['text']) return button
                changed = true
                return { ...button, text }
              })
            : row,
        )
      : value
  const next: Payload = { ...markup }
  if (markup['inline_keyboard'] !== undefined)
    next['inline_keyboard'] = rows(markup['inline_keyboard'])
  if (markup['keyboard'] !== undefined) next['keyboard'] = rows(markup['keyboard'])
  return changed ? next : markup
}

function isRecord(value: unknown): value is Payload {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
