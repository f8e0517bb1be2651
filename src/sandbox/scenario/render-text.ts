import type { ShownEvent, Step } from './recorder.js'
import {
  attachmentLabel,
  chatParts,
  clockTime,
  drawButtons,
  gestureText,
  shorten,
  speaker,
  stepHeading,
  type Translate,
} from './story.js'

const INDENT = '    '

/**
 * The transcript for a terminal: one heading per step, then each chat that
 * saw something in it, its messages in time order as Telegram would show them
 * (formatting rendered plainly, buttons drawn, photos and files named).
 */
export function renderTextTranscript(input: {
  steps: readonly Step[]
  events: readonly ShownEvent[]
  timeZone: string
  t: Translate
}): string[] {
  const { t, timeZone } = input
  const lines: string[] = []
  for (const step of input.steps) {
    lines.push('', stepHeading(step, input.steps.length, timeZone, t))
    const parts = chatParts(input.events, step.index, t)
    if (parts.length === 0) lines.push(`  ${t('sandbox-nothing')}`)
    for (const part of parts) {
      lines.push('', `  ${part.label}`)
      for (const event of part.events) lines.push(...eventLines(event, timeZone, t))
    }
  }
  return lines
}

function eventLines(event: ShownEvent, timeZone: string, t: Translate): string[] {
  const head = `  ${clockTime(event.at, timeZone)}  ${speaker(event.from, t)}`
  if (event.kind !== 'message') return [`${head} ${gestureText(event, t)}`]
  const body: string[] = []
  if (event.edited && event.buttons.length > 0) {
    // The counts are what changed; the text was shown when the message arrived.
    body.push(`${t('sandbox-edited')} «${shorten(event.text, 50)}»`, ...drawButtons(event.buttons))
  } else {
    if (event.edited) body.push(t('sandbox-edited'))
    if (event.onlyFor !== undefined)
      body.push(t('sandbox-only-for', { name: speaker(event.onlyFor, t) }))
    if (event.replyTo !== undefined)
      body.push(t('sandbox-reply-to', { text: shorten(event.replyTo) }))
    const attachment = attachmentLabel(event, t)
    if (attachment !== undefined) body.push(attachment)
    if (event.text !== '') body.push(...event.text.split('\n'))
    body.push(...drawButtons(event.buttons))
  }
  const [first = '', ...rest] = body
  return [`${head}: ${first}`, ...rest.map((line) => `${INDENT}${INDENT}${line}`)]
}
