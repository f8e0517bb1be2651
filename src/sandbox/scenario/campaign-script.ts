import { readFileSync } from 'node:fs'
import { listCampaignCodes } from '../../domain/campaigns/campaign-queries.js'
import { importRoster } from '../../domain/units/import-roster.js'
import { importUnits } from '../../domain/units/import-units.js'
import { ADMIN, PEOPLE, rosterCsv, UNITS, unitsCsv } from './cast.js'
import type { Stage } from './stage.js'
import type { Words } from './words.js'

/** The seed plan the office imports: a real Kế hoạch of a Sở Nội vụ (PRODUCT, seeds/000). */
const PLAN_FILE = new URL('./ke-hoach-ngay-sach.txt', import.meta.url)

const LAN = 7101 // Văn phòng: imports, sends, follows up
const DUNG = 7102 // head of VP
const TUAN = 7103
const HA = 7104
const ANH = 7202
const SON = 7203 // English Telegram client
const MAI = 7201 // head of TCBC
const HUNG = 7301 // head of XDCQ
const NGOC = 7302
const TRANG = 7304 // confirms late, from the private reminder
const HUONG = 7204 // never started Loa: confirms from the nudge only she sees (issue 12)
const HANH = 7401 // head of TDKT
const NAM = 7402
const YEN = 7403

/** Step headings, in the sandbox's language (Fluent keys under "Sandbox" in locales/). */
export type Heading = (key: string, args?: Record<string, string | number>) => string

export interface ScenarioResult {
  campaignCode: string
  /** Per unit, the id of the broadcast's copy in its group. */
  copies: Map<string, number>
}

/**
 * The campaign of issue 13, step by step: set-up as an office would do it
 * (units and roster imported, groups registered with /dangky, people open
 * their private chat), then the six steps, each one heading of the transcript.
 */
export async function playCampaign(
  stage: Stage,
  words: Words,
  heading: Heading,
): Promise<ScenarioResult> {
  const { deps } = stage.app
  const { cmd } = words

  // Set-up, not told step by step: what `loa units import` and `loa roster import` do,
  // then the administrator registers each group and people say /start to Loa.
  stage.at('2024-04-15 07:30')
  for (const [what, result] of [
    ['units', await importUnits(deps, unitsCsv(), ADMIN.id)],
    ['roster', await importRoster(deps, rosterCsv(), ADMIN.id)],
  ] as const) {
    if (!result.ok) throw new Error(`sandbox ${what} import refused: ${JSON.stringify(result)}`)
  }
  for (const unit of UNITS) await stage.says(ADMIN.id, { unit: unit.code }, `/dangky ${unit.code}`)
  for (const p of PEOPLE) await stage.joins(p.id, p.unitCode)
  for (const p of PEOPLE.filter((m) => m.started)) await stage.says(p.id, 'private', '/start')

  // 1. The office imports the plan and confirms, adds the activity to join; /chiendich shows it.
  stage.at('2024-04-15 08:00')
  stage.recorder.beginStep(heading('sandbox-step-import'))
  const plan = readFileSync(PLAN_FILE)
  await stage.sendsFile(
    LAN,
    'private',
    { fileName: 'ke-hoach-ngay-sach-2024.txt', content: plan },
    cmd.importPlan,
  )
  await stage.presses(LAN, 'private', stage.lastBotMessage(LAN).message_id, '✅')
  const code = (await listCampaignCodes(deps.db))[0]
  if (code === undefined) throw new Error('the plan did not become a campaign')
  // The plan asks every unit to take part but names no activity people can join: the office adds it.
  await stage.says(
    LAN,
    'private',
    `${cmd.campaigns} ${code} ${cmd.add} ${words.joinActivity} | - |`,
  )
  await stage.says(LAN, 'private', `${cmd.campaigns} ${code} ${cmd.start}`)
  await stage.says(LAN, 'private', `${cmd.campaigns} ${code}`)
  await stage.finishStep()

  // 2. A formatted message, /gui with a deadline, the preview confirmed.
  stage.at('2024-04-15 08:20')
  stage.recorder.beginStep(heading('sandbox-step-send'))
  const text = `${words.broadcastTitle}\n${words.broadcastBody}`
  const composed = await stage.says(LAN, 'private', text, {
    formatting: [{ type: 'bold', offset: 0, length: words.broadcastTitle.length }],
  })
  await stage.says(LAN, 'private', `${cmd.send} ${code} ${cmd.now} ${cmd.deadline} 22/04`, {
    replyTo: composed.message?.message_id ?? 0,
  })
  await stage.presses(LAN, 'private', stage.lastBotMessage(LAN).message_id, '✅')
  await stage.settle()
  const copies = new Map(UNITS.map((u) => [u.code, stage.lastBotMessage(u.chatId).message_id]))
  const copy = (unit: string) => copies.get(unit) ?? 0
  await stage.finishStep()

  // 3. Confirmations by button, by reaction and by reply; participation with a note and a photo.
  stage.at('2024-04-15 08:45')
  stage.recorder.beginStep(heading('sandbox-step-confirm'))
  await stage.presses(TUAN, { unit: 'VP' }, copy('VP'), '✅')
  await stage.reacts(DUNG, { unit: 'VP' }, copy('VP'), '👍')
  await stage.says(HA, { unit: 'VP' }, words.replyAck, { replyTo: copy('VP') })
  await stage.presses(ANH, { unit: 'TCBC' }, copy('TCBC'), '✅')
  await stage.presses(SON, { unit: 'TCBC' }, copy('TCBC'), '✅')
  await stage.reacts(MAI, { unit: 'TCBC' }, copy('TCBC'), '❤')
  await stage.presses(NGOC, { unit: 'XDCQ' }, copy('XDCQ'), '✅')
  await stage.presses(NGOC, { unit: 'XDCQ' }, copy('XDCQ'), '🙋')
  await stage.presses(HANH, { unit: 'TDKT' }, copy('TDKT'), '✅')
  await stage.says(NAM, { unit: 'TDKT' }, `${cmd.join} ${code} ${words.joinNote}`)
  await stage.sendsPhoto(
    YEN,
    { unit: 'TDKT' },
    'doc-sach-ban-tdkt.jpg',
    `${cmd.join} ${code} ${words.joinPhotoCaption}`,
  )
  await stage.finishStep()

  // 4. The clock moves to the first reminder; a late member confirms from the private one.
  stage.at('2024-04-16 08:00')
  stage.recorder.beginStep(heading('sandbox-step-remind'))
  await stage.settle()
  stage.pause(30)
  await stage.settle()
  const privateReminder = stage.api
    .botMessages(TRANG)
    .filter((m) => m.reply_markup?.inline_keyboard.flat().some((b) => b.text.startsWith('✅')))
    .at(-1)
  if (privateReminder !== undefined)
    await stage.presses(TRANG, 'private', privateReminder.message_id, '✅')
  await stage.pressesNudge(HUONG, 'TCBC', '✅')
  await stage.finishStep()

  // 5. A head's /baocao and /nopbaocao; the office's /tonghop and /xuat.
  stage.at('2024-04-16 09:30')
  stage.recorder.beginStep(heading('sandbox-step-report'))
  await stage.says(HUNG, 'private', `${cmd.report} ${code}`)
  const report = await stage.says(HUNG, 'private', words.unitReport)
  await stage.says(HUNG, 'private', `${cmd.submit} ${code}`, {
    replyTo: report.message?.message_id ?? 0,
  })
  await stage.says(LAN, 'private', `${cmd.summary} ${code}`)
  for (const format of ['docx', 'xlsx', 'csv', 'json'])
    await stage.says(LAN, 'private', `${cmd.export} ${code} ${format}`)
  await stage.finishStep()

  // 6. Past the deadline: the overdue notice to the heads and the office.
  stage.at('2024-04-23 08:00')
  stage.recorder.beginStep(heading('sandbox-step-overdue'))
  await stage.settle()
  stage.pause(30)
  await stage.settle()
  await stage.finishStep()

  return { campaignCode: code, copies }
}
