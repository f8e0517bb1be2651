import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { playCampaign } from './campaign-script.js'
import { PEOPLE } from './cast.js'
import { startControlServer } from './control-server.js'
import type { ShownEvent } from './recorder.js'
import { renderHtmlTranscript } from './render-html.js'
import { renderTextTranscript } from './render-text.js'
import { Stage } from './stage.js'
import { translatePlain } from '../../telegram/i18n.js'
import { castLines, type Translate } from './story.js'
import { wordsFor } from './words.js'

export interface SandboxOptions {
  lang: 'vi' | 'en'
  /** The folder everything is written to; default ./sandbox-output. */
  out?: string
  /** Leave the stand-in and Loa running, with control endpoints, until the process is stopped. */
  keep: boolean
  print: (line: string) => void
}

export interface SandboxRun {
  outDir: string
  files: string[]
  campaignCode: string
  /** With `keep`: the control server's address, and how to stop everything. */
  kept?: { url: string; stop(): Promise<void> }
}

/** The office member who imports, sends and exports: every file Loa sends her is saved. */
const OFFICE = PEOPLE.find((p) => p.role === 'office')?.id ?? 0

/**
 * `npm run sandbox`: the stand-in, the real Loa against it, the campaign of
 * campaign-script.ts, then the transcript printed and every file written.
 */
export async function runSandbox(options: SandboxOptions): Promise<SandboxRun> {
  const outDir = resolve(options.out ?? 'sandbox-output')
  mkdirSync(outDir, { recursive: true })
  const stage = await Stage.open({
    lang: options.lang,
    start: '2024-04-15T07:30:00+07:00',
    logFile: join(outDir, 'loa.log'),
  })
  const lang = options.lang
  const t: Translate = (key, args) => translatePlain(stage.app.loa.i18n, lang, key, args)
  const timeZone = stage.app.deps.config.timezone
  const words = wordsFor(lang)
  let kept = false
  try {
    const result = await playCampaign(stage, words, t).catch((error: unknown) => {
      // What happened up to the failure is the best clue to it: print that first.
      stage.recorder.endStep()
      const { steps, events } = stage.recorder
      for (const line of renderTextTranscript({ steps, events, timeZone, t })) options.print(line)
      throw error
    })
    const { events, steps } = stage.recorder
    const files = await saveFilesSentTo(stage, OFFICE, outDir)
    const figures = summaryFigures(events, words.cmd.summary)
    const roleName = (role: string) => (role === 'head' ? t('role-head') : t('role-office'))
    const cast = castLines(t, roleName)
    const transcript = renderTextTranscript({ steps, events, timeZone, t })
    const text = [
      t('sandbox-title'),
      '',
      ...cast,
      ...transcript,
      '',
      t('sandbox-figures'),
      ...figures,
    ]
    writeFileSync(join(outDir, 'transcript.txt'), `${text.join('\n')}\n`)
    const html = renderHtmlTranscript({
      title: t('sandbox-title'),
      cast,
      steps,
      events,
      figures,
      figuresHeading: t('sandbox-figures'),
      timeZone,
      lang,
      t,
    })
    writeFileSync(join(outDir, 'transcript.html'), html)
    files.push('transcript.txt', 'transcript.html', 'loa.log')
    for (const line of text) options.print(line)
    options.print('')
    options.print(t('sandbox-written', { dir: outDir }))
    for (const file of files) options.print(`  ${file}`)
    options.print(t('sandbox-html-hint'))
    if (!options.keep) return { outDir, files, campaignCode: result.campaignCode }
    const control = await startControlServer(stage, {
      chat: 'VP',
      message: result.copies.get('VP') ?? 0,
    })
    options.print('')
    options.print(t('sandbox-kept', { control: control.url }))
    for (const line of control.help) options.print(`  ${line}`)
    kept = true
    const stop = async () => {
      await control.close()
      await stage.close()
    }
    return { outDir, files, campaignCode: result.campaignCode, kept: { url: control.url, stop } }
  } finally {
    if (!kept) await stage.close()
  }
}

/** The text of the bot's answer to the last /tonghop: the figures the run ends with. */
function summaryFigures(events: readonly ShownEvent[], command: string): string[] {
  const asked = events.findLast(
    (e) => e.kind === 'message' && e.from !== 'bot' && e.text.startsWith(command),
  )
  if (asked === undefined) return []
  const answer = events.find(
    (e) =>
      e.kind === 'message' &&
      e.from === 'bot' &&
      e.chatId === asked.chatId &&
      e.seq > asked.seq &&
      e.attachment === undefined &&
      !e.edited,
  )
  return answer?.kind === 'message' ? answer.text.split('\n') : []
}

/**
 * Downloads what Loa sent a person as photos and files, through the stand-in's
 * getFile and file URL as any Telegram client would, into `dir`.
 */
async function saveFilesSentTo(stage: Stage, chatId: number, dir: string): Promise<string[]> {
  const saved: string[] = []
  for (const event of stage.recorder.events) {
    if (event.kind !== 'message' || event.from !== 'bot' || event.chatId !== chatId) continue
    if (event.attachment === undefined || event.edited) continue
    const message = stage.api.botMessages(chatId).find((m) => m.message_id === event.messageId)
    const fileId = message?.document?.file_id ?? message?.photo?.at(-1)?.file_id
    if (fileId === undefined) continue
    const bytes = await download(stage, fileId)
    writeFileSync(join(dir, event.attachment.name), bytes)
    saved.push(event.attachment.name)
  }
  return saved
}

async function download(stage: Stage, fileId: string): Promise<Uint8Array> {
  const { apiRoot, token } = stage.api
  const meta = (await (
    await fetch(`${apiRoot}/bot${token}/getFile?file_id=${encodeURIComponent(fileId)}`)
  ).json()) as { ok: boolean; result?: { file_path?: string } }
  const path = meta.result?.file_path
  if (!meta.ok || path === undefined) throw new Error(`getFile ${fileId} failed`)
  const response = await fetch(`${apiRoot}/file/bot${token}/${path}`)
  if (!response.ok) throw new Error(`download of ${path} failed: ${response.status}`)
  return new Uint8Array(await response.arrayBuffer())
}
