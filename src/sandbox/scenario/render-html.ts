import type { ShownEvent, Step } from './recorder.js'
import {
  attachmentLabel,
  chatParts,
  clockTime,
  gestureText,
  shorten,
  speaker,
  stepHeading,
  type Translate,
} from './story.js'

const STYLE = `
body { font-family: system-ui, sans-serif; background: #e6ebee; margin: 0; padding: 24px; color: #111; }
main { max-width: 760px; margin: auto; }
h1 { font-size: 20px; } h2 { font-size: 16px; margin: 32px 0 8px; padding: 8px 12px; background: #2b5278; color: #fff; border-radius: 8px; }
.cast { background: #fff; border-radius: 8px; padding: 8px 16px; font-size: 14px; }
.chat { background: #cfe1cb; border-radius: 12px; padding: 8px 12px 12px; margin: 12px 0; }
.chat h3 { font-size: 14px; margin: 4px 0 8px; color: #2b5278; }
.row { display: flex; margin: 6px 0; } .row.me { justify-content: flex-end; }
.bubble { max-width: 78%; background: #fff; border-radius: 12px; padding: 6px 10px; box-shadow: 0 1px 1px #0002; white-space: pre-wrap; font-size: 14px; }
.me .bubble { background: #effdde; }
.who { font-weight: 600; font-size: 12px; color: #3a76b3; } .time { float: right; font-size: 11px; color: #888; margin-left: 8px; }
.reply { border-left: 3px solid #3a76b3; padding-left: 6px; color: #555; font-size: 12px; margin: 2px 0 4px; }
.file { display: inline-block; background: #eef3f7; border-radius: 6px; padding: 2px 6px; margin: 2px 0; }
.file img { display: block; max-width: 100%; margin-top: 4px; border-radius: 6px; }
.keys { display: grid; gap: 4px; margin-top: 6px; } .keys div { display: flex; gap: 4px; }
.keys span { flex: 1; text-align: center; background: #ffffffb0; border: 1px solid #9bb; border-radius: 6px; padding: 4px; font-size: 13px; }
.gesture { text-align: center; font-size: 12px; color: #445; margin: 6px 0; }
.edited { font-size: 12px; color: #666; }
pre.figures { background: #fff; border-radius: 8px; padding: 12px; white-space: pre-wrap; }
`

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/**
 * transcript.html: each step, each chat as a Telegram window, messages as
 * bubbles with their buttons; the chart and the files link to the copies
 * written beside it. Self-contained and openable in any browser.
 */
export function renderHtmlTranscript(input: {
  title: string
  cast: string[]
  steps: readonly Step[]
  events: readonly ShownEvent[]
  figures: string[]
  figuresHeading: string
  timeZone: string
  lang: string
  t: Translate
}): string {
  const { t, timeZone } = input
  const sections = input.steps.map((step) => {
    const chats = chatParts(input.events, step.index, t).map(
      (part) =>
        `<section class="chat"><h3>${escape(part.label)}</h3>${part.events
          .map((e) => eventHtml(e, timeZone, t))
          .join('')}</section>`,
    )
    return `<h2>${escape(stepHeading(step, input.steps.length, timeZone, t).replace(/^━+ /, ''))}</h2>${chats.join('')}`
  })
  return `<!doctype html>
<html lang="${input.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(input.title)}</title><style>${STYLE}</style></head>
<body><main><h1>${escape(input.title)}</h1>
<div class="cast">${input.cast.map((l) => `<p>${escape(l)}</p>`).join('')}</div>
${sections.join('\n')}
<h2>${escape(input.figuresHeading.replace(/^━+ /, ''))}</h2><pre class="figures">${escape(input.figures.join('\n'))}</pre>
</main></body></html>
`
}

function eventHtml(event: ShownEvent, timeZone: string, t: Translate): string {
  const time = clockTime(event.at, timeZone)
  if (event.kind !== 'message')
    return `<div class="gesture">${escape(`${time} · ${speaker(event.from, t)} ${gestureText(event, t)}`)}</div>`
  const mine = event.from !== 'bot'
  const parts: string[] = [
    `<div class="who">${escape(speaker(event.from, t))}<span class="time">${time}</span></div>`,
  ]
  if (event.edited && event.buttons.length > 0) {
    parts.push(
      `<div class="edited">${escape(`${t('sandbox-edited')} «${shorten(event.text, 50)}»`)}</div>`,
    )
  } else {
    if (event.edited) parts.push(`<div class="edited">${escape(t('sandbox-edited'))}</div>`)
    if (event.onlyFor !== undefined)
      parts.push(
        `<div class="edited">${escape(t('sandbox-only-for', { name: speaker(event.onlyFor, t) }))}</div>`,
      )
    if (event.replyTo !== undefined)
      parts.push(`<div class="reply">${escape(shorten(event.replyTo))}</div>`)
    const attachment = attachmentLabel(event, t)
    if (attachment !== undefined && event.attachment !== undefined) {
      const name = event.attachment.name
      const isChart = event.from === 'bot' && event.attachment.kind === 'photo'
      const link = event.from === 'bot' ? ` href="${escape(name)}"` : ''
      parts.push(
        `<div class="file"><a${link}>${escape(attachment)}</a>${isChart ? `<img src="${escape(name)}" alt="">` : ''}</div>`,
      )
    }
    if (event.text !== '') parts.push(`<div>${escape(event.text)}</div>`)
  }
  if (event.buttons.length > 0)
    parts.push(
      `<div class="keys">${event.buttons
        .map((row) => `<div>${row.map((b) => `<span>${escape(b)}</span>`).join('')}</div>`)
        .join('')}</div>`,
    )
  return `<div class="row${mine ? ' me' : ''}"><div class="bubble">${parts.join('')}</div></div>`
}
