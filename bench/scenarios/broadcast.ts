import { seedWorld } from '../../test/support/seed-world.js'
import { at, peakRssMb, printFigures, type Figure } from '../support/figures.js'
import { StandInProcess } from '../support/host-protocol.js'
import { BENCH_TOKEN, startLoa } from '../support/loa.js'
import { broadcastByCommand, OFFICE } from '../support/office.js'

/**
 * Scenario 1 (issue 14): a broadcast to 300 groups, then text + photo + album of 3
 * to 100 groups, through Loa's real sender against the stand-in in its own process,
 * enforcing 30 messages/s overall and 20/min per group, 20–50 ms latency per call.
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
const minimumSeconds = (weight: number) => Math.floor((weight - 1) / 30) + MEAN_ROUND_TRIP_S

async function main(): Promise<void> {
  const { host, apiRoot } = await StandInProcess.start(BENCH_TOKEN, LATENCY)
  const loa = await startLoa(apiRoot)
  const figures: Figure[] = []
  try {
    const world = await seedWorld(loa.app.deps, {
      groups: 300,
      campaign: { period: { start: '2024-04-15', end: '2099-12-31' } },
    })
    await host.call({
      op: 'groups',
      groups: world.units.map((u) => ({ id: u.chatId, title: `Nhóm ${u.code}` })),
    })
    await host.call({ op: 'users', users: [{ id: OFFICE, first_name: 'Văn Phòng' }] })
    const code = world.campaignCode

    // 1a: one text to 300 groups (the preview is summarised at this size).
    const text = await host.text(OFFICE, OFFICE, 'Sách hay cần bạn đọc: mời đồng chí đọc kế hoạch')
    await loa.app.handled(text.update_id)
    const startA = await broadcastByCommand(loa.app, host, text.message!.message_id, code)
    const a = await host.call<{ lastSendAt: number; total: number }>({
      op: 'waitForSends',
      total: 300,
      timeoutMs: 60_000,
    })
    if (a.lastSendAt < 0) throw new Error(`1a: only ${a.total} of 300 copies arrived`)
    const secondsA = (a.lastSendAt - startA) / 1000
    const afterA = await host.stats()
    figures.push(
      { name: '1a 300 groups: completion', value: secondsA, unit: 's' },
      { name: '1a minimum the limits allow', value: minimumSeconds(300), unit: 's' },
      ratio('1a completion ÷ minimum', secondsA / minimumSeconds(300)),
    )

    // Let the 1-second window empty before the next test (the per-group windows allow 6 of 20).
    await new Promise((resolve) => setTimeout(resolve, 1500))

    // 1b: text, photo and an album of 3 to the first 100 groups. An album cannot carry
    // buttons, so Loa follows it with a message that does: 6 messages per group.
    const units = world.units.slice(0, 100).map((u) => u.code)
    const args = `${code} ${units.join(' ')}`
    const text2 = await host.text(OFFICE, OFFICE, 'Tuần lễ Sách: lịch các hoạt động')
    const photo = await host.call<{ update_id: number; message?: { message_id: number } }>({
      op: 'photo',
      from: OFFICE,
      chat: OFFICE,
      caption: 'Áp phích Ngày Sách',
    })
    const album = await host.call<{ update_id: number; message?: { message_id: number } }[]>({
      op: 'album',
      from: OFFICE,
      chat: OFFICE,
      captions: ['Ảnh 1', 'Ảnh 2', 'Ảnh 3'],
    })
    for (const u of [text2, photo, ...album]) await loa.app.handled(u.update_id)
    const startB = at()
    await broadcastByCommand(loa.app, host, text2.message!.message_id, args)
    await broadcastByCommand(loa.app, host, photo.message!.message_id, args)
    await broadcastByCommand(loa.app, host, album[0]!.message!.message_id, args)
    const b = await host.call<{ lastSendAt: number; total: number }>({
      op: 'waitForSends',
      total: 300 + 600,
      timeoutMs: 90_000,
    })
    if (b.lastSendAt < 0) throw new Error(`1b: only ${b.total - 300} of 600 messages arrived`)
    const secondsB = (b.lastSendAt - startB) / 1000
    const stats = await host.stats()
    figures.push(
      { name: '1b 100 groups × (text, photo, album of 3): completion', value: secondsB, unit: 's' },
      { name: '1b minimum the limits allow (600 messages)', value: minimumSeconds(600), unit: 's' },
      ratio('1b completion ÷ minimum', secondsB / minimumSeconds(600)),
      {
        name: 'limit violations (1a, 1b)',
        value: `${afterA.violations}, ${stats.violations - afterA.violations}`,
        target: '0',
        met: stats.violations === 0,
      },
      {
        name: '429s received (1a, 1b)',
        value: `${afterA.status429}, ${stats.status429 - afterA.status429}`,
      },
      { name: 'violations seen', value: stats.violationDetail.join('; ') || '—' },
      { name: 'peak RSS, Loa process', value: peakRssMb(), unit: 'MB' },
      { name: 'peak RSS, stand-in process', value: stats.maxRssMb, unit: 'MB' },
    )
  } finally {
    await loa.stop()
    await host.close()
  }
  printFigures('1 broadcast', figures)
}

function ratio(name: string, value: number): Figure {
  return { name, value, unit: '×', target: '≤ 1.05×', met: value <= 1.05 }
}

await main()
