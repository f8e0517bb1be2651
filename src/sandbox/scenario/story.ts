import { castPerson, fullName, PEOPLE, UNITS, ADMIN } from './cast.js'
import type { ShownEvent, Step } from './recorder.js'

/** Fluent lookup in the sandbox's language. */
export type Translate = (key: string, args?: Record<string, string | number>) => string

/** One chat's part of a step, in time order. */
export interface ChatPart {
  chatId: number
  label: string
  events: ShownEvent[]
}

/** The events of a step, chat by chat (in the order each chat first spoke), each in time order. */
export function chatParts(events: readonly ShownEvent[], step: number, t: Translate): ChatPart[] {
  const parts = new Map<number, ChatPart>()
  for (const event of events.filter((e) => e.step === step)) {
    let part = parts.get(event.chatId)
    if (part === undefined) {
      part = { chatId: event.chatId, label: chatLabel(event.chatId, t), events: [] }
      parts.set(event.chatId, part)
    }
    part.events.push(event)
  }
  for (const part of parts.values()) part.events.sort((a, b) => a.at - b.at || a.seq - b.seq)
  return [...parts.values()]
}

export function chatLabel(chatId: number, t: Translate): string {
  const unit = UNITS.find((u) => u.chatId === chatId)
  if (unit !== undefined) return t('sandbox-chat-group', { title: unit.groupTitle })
  return t('sandbox-chat-private', { name: fullName(castPerson(chatId)) })
}

export function speaker(from: 'bot' | number, t: Translate): string {
  return from === 'bot' ? t('sandbox-loa') : fullName(castPerson(from))
}

/** `[ ✅ Đã đọc (3) ]  [ 🙋 Tham gia (1) ]`, one line per keyboard row. */
export function drawButtons(rows: readonly string[][]): string[] {
  return rows.map((row) => row.map((b) => `[ ${b} ]`).join('  '))
}

export function attachmentLabel(event: ShownEvent, t: Translate): string | undefined {
  if (event.kind !== 'message' || event.attachment === undefined) return undefined
  return t(event.attachment.kind === 'photo' ? 'sandbox-photo' : 'sandbox-file', {
    name: event.attachment.name,
  })
}

/** What one gesture or message says, without time or speaker. */
export function gestureText(event: ShownEvent, t: Translate): string {
  if (event.kind === 'reaction') return t('sandbox-reaction', { emoji: event.label })
  if (event.kind === 'press') {
    const press = t('sandbox-press', { button: event.label })
    return event.answer === undefined
      ? press
      : `${press} → ${t('sandbox-toast', { text: event.answer })}`
  }
  return ''
}

export function shorten(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}

const timeFormat = (timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' })
const dayFormat = (timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })

/** `08:05` in the agency's time zone. */
export function clockTime(at: number, timeZone: string): string {
  return timeFormat(timeZone).format(at)
}

/** `15/04/2024 08:00`. */
export function dayAndTime(at: number, timeZone: string): string {
  return dayFormat(timeZone).format(at).replace(',', '')
}

export function stepHeading(step: Step, total: number, timeZone: string, t: Translate): string {
  return t('sandbox-step', {
    index: step.index,
    total,
    time: dayAndTime(step.at, timeZone),
    title: step.title,
  })
}

/** The cast, as the first lines of the transcript. */
export function castLines(t: Translate, roleName: (role: string) => string): string[] {
  const english = PEOPLE.find((p) => p.language === 'en')
  const noUsername = PEOPLE.find((p) => p.username === null)
  const notStarted = PEOPLE.find((p) => !p.started)
  return [
    t('sandbox-cast-header', { admin: fullName(ADMIN) }),
    ...UNITS.map((u) =>
      t('sandbox-cast-unit', {
        code: u.code,
        name: u.name,
        group: u.groupTitle,
        people: PEOPLE.filter((p) => p.unitCode === u.code)
          .map((p) => (p.role === 'member' ? fullName(p) : `${fullName(p)} (${roleName(p.role)})`))
          .join(', '),
      }),
    ),
    t('sandbox-cast-notes', {
      english: english === undefined ? '—' : fullName(english),
      nousername: noUsername === undefined ? '—' : fullName(noUsername),
      notstarted: notStarted === undefined ? '—' : fullName(notStarted),
    }),
  ]
}
