import { statSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import type { Update } from 'grammy/types'
import type { App } from '../../src/app.js'
import { findCampaignByCode } from '../../src/domain/campaigns/campaign-queries.js'
import { renderReport } from '../../src/domain/reports/render-report.js'
import { consolidatedReport } from '../../src/domain/reports/reports.js'
import { makeTempDir } from '../../test/support/temp-db.js'
import { buildDepartmentFile } from '../support/department.js'
import { peakRssMb, percentile, printFigures, type Figure } from '../support/figures.js'
import { StandInProcess } from '../support/host-protocol.js'
import { BENCH_TOKEN, startLoa } from '../support/loa.js'
import { OFFICE } from '../support/office.js'

/**
 * Scenario 3 (issue 14): reports on a department of 20,000 members in 400 units,
 * 50 campaigns, 1,000 broadcasts and 2,000,000 acknowledgements, built with bulk
 * inserts. /baocao and /tonghop go through the bot (office, private chat) against
 * the stand-in in its own process, timed from queueing the command to Loa having
 * answered; the reference is /trogiup, the cheapest command, in the same run.
 */
const BAOCAO_RUNS = 60
const TONGHOP_RUNS = 15
const HELP_RUNS = 40

/** Telegram's overall limit, as Loa's pacer keeps it: 30 messages in any 1,005 ms. */
const PER_WINDOW = 30
const WINDOW_MS = 1005

/**
 * One office asking again and again, at most as fast as Telegram lets Loa answer:
 * each command waits (untimed) until the replies of the commands before it leave
 * room in the last second for as many replies as the same command had the last
 * time (its warm-up the first time: the first /tonghop after 60 /baocao found
 * room for one reply, not eleven, and waited 270 ms in the pacer). Back to
 * back, 15 /tonghop (11 messages each) alone would take 5.5 s of Telegram's
 * allowance, and the figures would be the pacer's queue, not the command.
 */
class Asker {
  private readonly sent: number[] = []
  /** Replies the last run of each command (its first word) had. */
  private readonly replies = new Map<string, number>()
  private seen = 0
  /** CPU time of this process (Loa, and the bench's IPC) per command, in the order timed. */
  readonly cpuMs: number[] = []

  constructor(
    private readonly app: App,
    private readonly host: StandInProcess,
  ) {}

  async time(text: string): Promise<number> {
    const command = text.split(' ')[0] ?? text
    for (;;) {
      const now = performance.now()
      const recent = this.sent.filter((t) => t > now - WINDOW_MS)
      if (recent.length + (this.replies.get(command) ?? 1) <= PER_WINDOW) break
      await sleep(recent[0]! + WINDOW_MS - now + 1)
    }
    const started = performance.now()
    const cpu = process.cpuUsage()
    const update: Update = await this.host.text(OFFICE, OFFICE, text)
    await this.app.handled(update.update_id)
    const elapsed = performance.now() - started
    const used = process.cpuUsage(cpu)
    this.cpuMs.push((used.user + used.system) / 1000)
    const total = (await this.host.botMessages(OFFICE)).length
    const count = Math.max(1, total - this.seen)
    this.replies.set(command, count)
    this.seen = total
    const end = performance.now()
    for (let i = 0; i < count; i++) this.sent.push(end)
    return elapsed
  }
}

/**
 * The largest RSS and heap seen while a phase ran, sampled every 20 ms
 * (process.memoryUsage() costs ≈ 40 µs: every 5 ms it was 1% of the process).
 */
class PhasePeaks {
  readonly peaks = new Map<string, { rssMb: number; heapMb: number }>()
  private phase = 'start'
  private readonly timer = setInterval(() => this.sample(), 20)

  enter(phase: string): void {
    this.sample()
    this.phase = phase
  }

  stop(): void {
    this.sample()
    clearInterval(this.timer)
  }

  private sample(): void {
    const { rss, heapUsed } = process.memoryUsage()
    const peak = this.peaks.get(this.phase) ?? { rssMb: 0, heapMb: 0 }
    peak.rssMb = Math.max(peak.rssMb, rss / 1024 / 1024)
    peak.heapMb = Math.max(peak.heapMb, heapUsed / 1024 / 1024)
    this.peaks.set(this.phase, peak)
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

async function main(): Promise<void> {
  const { host, apiRoot } = await StandInProcess.start(BENCH_TOKEN)
  // The department is built in a process of its own, so the peak RSS below is Loa's reporting alone.
  const dir = makeTempDir()
  const building = performance.now()
  const dept = await buildDepartmentFile(dir.file('loa.db'))
  const buildSeconds = (performance.now() - building) / 1000
  const loa = await startLoa(apiRoot, { dir })
  const restingRssMb = process.memoryUsage().rss / 1024 / 1024
  const peaks = new PhasePeaks()
  const figures: Figure[] = []
  try {
    await host.call({ op: 'users', users: [{ id: OFFICE, first_name: 'Văn Phòng' }] })
    const code = dept.campaignCodes[dept.campaignCodes.length - 1]!

    const asker = new Asker(loa.app, host)
    // Warm-up: the first of each loads modules and fills SQLite's cache.
    await asker.time('/trogiup')
    await asker.time(`/baocao ${code} ${dept.units[0]!.code}`)
    await asker.time(`/tonghop ${code}`)

    peaks.enter('/trogiup')
    const help: number[] = []
    for (let i = 0; i < HELP_RUNS; i++) help.push(await asker.time('/trogiup'))
    peaks.enter('/baocao')
    const baocao: number[] = []
    for (let i = 0; i < BAOCAO_RUNS; i++) {
      const unit = dept.units[(i * 37) % dept.units.length]!
      baocao.push(await asker.time(`/baocao ${code} ${unit.code}`))
    }
    peaks.enter('/tonghop')
    const tonghop: number[] = []
    for (let i = 0; i < TONGHOP_RUNS; i++) tonghop.push(await asker.time(`/tonghop ${code}`))
    const replies = await host.botMessages(OFFICE)
    const last = replies.at(-1)?.text ?? ''

    const campaign = await findCampaignByCode(loa.app.deps.db, code)
    if (campaign === undefined) throw new Error(`no campaign ${code}`)
    peaks.enter('xlsx')
    const xlsxStarted = performance.now()
    const xlsxCpu = process.cpuUsage()
    const report = await consolidatedReport(loa.app.deps, campaign, { pendingNames: true })
    const file = await renderReport(loa.app.deps, report, 'xlsx')
    const xlsxSeconds = (performance.now() - xlsxStarted) / 1000
    const xlsxCpuUsed = process.cpuUsage(xlsxCpu)
    peaks.stop()

    const dbFile = loa.app.deps.config.databasePath
    const size = (f: string) => {
      try {
        return statSync(f).size
      } catch {
        return 0
      }
    }
    const dbMb = (size(dbFile) + size(`${dbFile}-wal`)) / 1024 / 1024
    const helpP50 = percentile(help, 50)
    // CPU time is what a busy shared machine disturbs least (issue 14): the same order as timed.
    const cpuOf = (from: number, count: number) => {
      const ms = asker.cpuMs.slice(from, from + count)
      return `${percentile(ms, 50).toFixed(1)} / ${percentile(ms, 95).toFixed(1)} ms`
    }
    const warmups = 3
    figures.push(
      {
        name: 'department built (bulk inserts)',
        value: `${dept.members} members, ${dept.units.length} units, ${dept.campaignCodes.length} campaigns, ${dept.broadcasts} broadcasts, ${dept.acknowledgements} acks`,
      },
      { name: 'build time', value: buildSeconds, unit: 's' },
      { name: '/trogiup (reference) p50', value: helpP50, unit: 'ms' },
      { name: '/baocao one unit p50', value: percentile(baocao, 50), unit: 'ms' },
      {
        name: '/baocao one unit p95',
        value: percentile(baocao, 95),
        unit: 'ms',
        target: '< 20 ms',
        met: percentile(baocao, 95) < 20,
      },
      { name: '/baocao p50 ÷ /trogiup p50', value: percentile(baocao, 50) / helpP50, unit: '×' },
      { name: '/tonghop 400 units p50', value: percentile(tonghop, 50), unit: 'ms' },
      {
        name: '/tonghop 400 units p95',
        value: percentile(tonghop, 95),
        unit: 'ms',
        target: '< 200 ms',
        met: percentile(tonghop, 95) < 200,
      },
      { name: '/tonghop p50 ÷ /trogiup p50', value: percentile(tonghop, 50) / helpP50, unit: '×' },
      {
        name: 'report --format xlsx (figures + file)',
        value: xlsxSeconds,
        unit: 's',
        target: '< 3 s',
        met: xlsxSeconds < 3,
      },
      {
        name: 'CPU of this process per command p50 / p95: /trogiup',
        value: cpuOf(warmups, HELP_RUNS),
      },
      { name: 'the same, /baocao', value: cpuOf(warmups + HELP_RUNS, BAOCAO_RUNS) },
      {
        name: 'the same, /tonghop',
        value: cpuOf(warmups + HELP_RUNS + BAOCAO_RUNS, TONGHOP_RUNS),
      },
      {
        name: 'CPU of the xlsx (threads included)',
        value: (xlsxCpuUsed.user + xlsxCpuUsed.system) / 1e6,
        unit: 's',
      },
      { name: 'xlsx size', value: file.bytes.byteLength / 1024, unit: 'KB' },
      { name: 'database size (with WAL)', value: dbMb, unit: 'MB' },
      {
        name: 'peak RSS, Loa process (the build runs in its own)',
        value: peakRssMb(),
        unit: 'MB',
        target: '< 200 MB',
        met: peakRssMb() < 200,
      },
      { name: 'RSS of Loa at rest (started, before any command)', value: restingRssMb, unit: 'MB' },
      ...[...peaks.peaks].map(([phase, peak]) => ({
        name: `peak RSS / heap used during ${phase}`,
        value: `${peak.rssMb.toFixed(0)} / ${peak.heapMb.toFixed(0)} MB`,
      })),
      { name: 'peak RSS, stand-in process', value: (await host.stats()).maxRssMb, unit: 'MB' },
      { name: 'last /tonghop reply starts', value: JSON.stringify(last.slice(0, 60)) },
    )
  } finally {
    await loa.stop()
    await host.close()
  }
  printFigures('3 reports at scale', figures)
}

await main()
