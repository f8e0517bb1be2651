import { addDays } from 'date-fns'
import { seedWorld } from '../../test/support/seed-world.js'
import { peakRssMb, printFigures, type Figure } from '../support/figures.js'
import { StandInProcess, type HostStats } from '../support/host-protocol.js'
import { BENCH_TOKEN, startLoa } from '../support/loa.js'
import {
  broadcastByCommand,
  confirmPreview,
  OFFICE,
  previewBroadcast,
  readPreview,
} from '../support/office.js'

/**
 * Scenario 1 (issue 14): a broadcast to 300 groups, then text + photo + album of 3
 * to 100 groups, through Loa's real sender against the stand-in in its own process,
 * enforcing 30 messages/s overall and 20/min per group, 20–50 ms latency per call.
 * Each case gets a fresh stand-in and a fresh Loa, so a 429 in one cannot slow the other.
 *
 * The reference is the minimum the limits allow for the same messages: with a
 * 1-second window of 30, the k-th message (0-based, albums counting each item)
 * cannot arrive before floor(k / 30) s after the first, and the first cannot
 * arrive before the press reached Loa and the copy reached Telegram (one round
 * trip, 35 ms on average). Completion is from the "Xác nhận" press being queued
 * to the last copy arriving at the stand-in.
 */
const LATENCY: [number, number] = [20, 50]
const MEAN_ROUND_TRIP_S = (LATENCY[0] + LATENCY[1]) / 2 / 1000
const minimumSeconds = (messages: number) => Math.floor((messages - 1) / 30) + MEAN_ROUND_TRIP_S

/**
 * A campaign as a Kế hoạch has one: running now, for two months. Its end is
 * the broadcasts' deadline, by whose working days Loa plans their reminders
 * when the office confirms.
 */
const TODAY = new Date(performance.timeOrigin + performance.now())
const CAMPAIGN_PERIOD = {
  start: TODAY.toISOString().slice(0, 10),
  end: addDays(TODAY, 60).toISOString().slice(0, 10),
}

interface Outcome {
  seconds: number
  stats: HostStats
  loaRssMb: number
}

/** A fresh stand-in and Loa with `groups` units; `send` composes and confirms, returning the press time. */
async function runCase(
  groups: number,
  messages: number,
  send: (ctx: {
    code: string
    units: string[]
    host: StandInProcess
    loa: Awaited<ReturnType<typeof startLoa>>
  }) => Promise<number>,
): Promise<Outcome> {
  const { host, apiRoot } = await StandInProcess.start(BENCH_TOKEN, LATENCY)
  const loa = await startLoa(apiRoot)
  try {
    const world = await seedWorld(loa.app.deps, {
      groups,
      campaign: { period: CAMPAIGN_PERIOD },
    })
    await host.call({
      op: 'groups',
      groups: world.units.map((u) => ({ id: u.chatId, title: `Nhóm ${u.code}` })),
    })
    await host.call({ op: 'users', users: [{ id: OFFICE, first_name: 'Văn Phòng' }] })
    const started = await send({
      code: world.campaignCode,
      units: world.units.map((u) => u.code),
      host,
      loa,
    })
    const done = await host.call<{ lastSendAt: number; total: number }>({
      op: 'waitForSends',
      total: messages,
      timeoutMs: 120_000,
    })
    if (done.lastSendAt < 0) throw new Error(`only ${done.total} of ${messages} messages arrived`)
    return {
      seconds: (done.lastSendAt - started) / 1000,
      stats: await host.stats(),
      loaRssMb: peakRssMb(),
    }
  } finally {
    await loa.stop()
    await host.close()
  }
}

type Sent = { update_id: number; message?: { message_id: number } }

async function main(): Promise<void> {
  // 1a: one text to 300 groups (the preview is summarised at this size).
  const a = await runCase(300, 300, async ({ code, host, loa }) => {
    const text = await host.text(OFFICE, OFFICE, 'Sách hay cần bạn đọc: mời đồng chí đọc kế hoạch')
    await loa.app.handled(text.update_id)
    return broadcastByCommand(loa.app, host, text.message!.message_id, code)
  })

  // 1b: text, photo and an album of 3 to 100 groups, named on the command. An album
  // cannot carry buttons, so Loa follows it with a message that does: 6 per group.
  const b = await runCase(100, 600, async ({ code, units, host, loa }) => {
    const args = `${code} ${units.join(' ')}`
    const text = await host.text(OFFICE, OFFICE, 'Tuần lễ Sách: lịch các hoạt động')
    const photo = await host.call<Sent>({
      op: 'photo',
      from: OFFICE,
      chat: OFFICE,
      caption: 'Áp phích Ngày Sách',
    })
    const album = await host.call<Sent[]>({
      op: 'album',
      from: OFFICE,
      chat: OFFICE,
      captions: ['Ảnh 1', 'Ảnh 2', 'Ảnh 3'],
    })
    for (const u of [text, photo, ...album]) await loa.app.handled(u.update_id)
    // The three previewed first, then confirmed one after another: the previews are
    // messages too, and sent between the confirmations they would take the copies' slots.
    const previews = []
    for (const m of [text, photo, album[0]!])
      previews.push(await previewBroadcast(loa.app, host, m.message!.message_id, args))
    await readPreview()
    const started = await confirmPreview(loa.app, host, previews[0]!)
    for (const p of previews.slice(1)) await confirmPreview(loa.app, host, p)
    return started
  })

  const violations = a.stats.violations + b.stats.violations
  const figures: Figure[] = [
    { name: '1a 300 groups: completion', value: a.seconds, unit: 's' },
    { name: '1a minimum the limits allow', value: minimumSeconds(300), unit: 's' },
    ratio('1a completion ÷ minimum', a.seconds / minimumSeconds(300)),
    { name: '1b 100 groups × (text, photo, album of 3): completion', value: b.seconds, unit: 's' },
    { name: '1b minimum the limits allow (600 messages)', value: minimumSeconds(600), unit: 's' },
    ratio('1b completion ÷ minimum', b.seconds / minimumSeconds(600)),
    {
      name: 'limit violations (1a, 1b)',
      value: `${a.stats.violations}, ${b.stats.violations}`,
      target: '0',
      met: violations === 0,
    },
    { name: '429s received (1a, 1b)', value: `${a.stats.status429}, ${b.stats.status429}` },
    {
      name: 'violations seen',
      value: [...a.stats.violationDetail, ...b.stats.violationDetail].join('; ') || '—',
    },
    { name: 'peak RSS, Loa process', value: Math.max(a.loaRssMb, b.loaRssMb), unit: 'MB' },
    {
      name: 'peak RSS, stand-in process',
      value: Math.max(a.stats.maxRssMb, b.stats.maxRssMb),
      unit: 'MB',
    },
  ]
  printFigures('1 broadcast', figures)
}

function ratio(name: string, value: number): Figure {
  return { name, value, unit: '×', target: '≤ 1.05×', met: value <= 1.05 }
}

await main()
