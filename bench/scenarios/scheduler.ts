import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import { confirmBroadcast } from '../../src/domain/broadcasts/schedule-broadcast.js'
import { reminderJob } from '../../src/domain/reminders/reminder-job.js'
import type { ReminderRenderer } from '../../src/domain/reminders/reminder-renderer.js'
import { seedWorld } from '../../test/support/seed-world.js'
import { createTestDeps, type TestDeps } from '../../test/support/temp-db.js'
import { peakRssMb, percentile, printFigures, type Figure } from '../support/figures.js'
import { installSqlMeter } from '../support/sql-meter.js'

/**
 * Scenario 4 (issue 14): the scheduler's reminder job on a database holding
 * 1,000 and then 50,000 future reminder rows, 100 of them due. One wake-up is
 * what the scheduler does when the earliest row falls due: the job's
 * nextDueAt (one indexed lookup) and run (each due row expanded into the
 * outbound queue in its own transaction). Its cost must not grow with the
 * rows waiting behind: the figure is the ratio of the two (target ≤ 1.2×).
 * The sending itself is the outbound queue's, paced by Telegram, and not
 * part of the wake-up.
 */
const UNITS = 100
const REPEATS = 15
const meter = installSqlMeter()

const renderer: ReminderRenderer = {
  defaultLocale: 'vi',
  localeOf: () => 'vi',
  t: (_l, key, args) => `${key} ${JSON.stringify(args ?? {})}`,
  acknowledgeButton: (_l, id) => ({ text: '✅ Đã đọc', callbackData: `v1:a:${id}` }),
  participateButton: (_l, id) => ({ text: '🙋 Tham gia', callbackData: `v1:pc:${id}` }),
  taskDoneButton: (_l, id) => ({ text: '✅ Đã hoàn thành', callbackData: `v1:td:${id}` }),
}

interface Setup {
  deps: TestDeps
  dueAt: string
  dueIds: number[]
}

/** 100 units with a group, one broadcast due by 30/04 (its reminders planned by Loa), padded to `future` rows. */
async function setUp(future: number): Promise<Setup> {
  const deps = await createTestDeps()
  const world = await seedWorld(deps, { groups: UNITS, campaign: { activities: [] } })
  const confirmed = await confirmBroadcast(deps, {
    campaignCode: world.campaignCode,
    when: 'ngay',
    deadline: '30/04',
    unitCodes: [],
    sourceChatId: 9,
    sourceMessageIds: [100],
    createdByMemberId: world.officeId,
    actorTelegramId: 9,
  })
  if (!confirmed.ok) throw new Error(confirmed.error.code)
  await deps.db.updateTable('delivery').set({ state: 'sent', message_id: 1 }).execute()
  const first = await deps.db
    .selectFrom('reminder')
    .select('scheduled_at')
    .where('state', '=', 'pending')
    .where('audience', '=', 'unit')
    .orderBy('scheduled_at')
    .limit(1)
    .executeTakeFirstOrThrow()
  const due = await deps.db
    .selectFrom('reminder')
    .select('id')
    .where('scheduled_at', '=', first.scheduled_at)
    .where('audience', '=', 'unit')
    .execute()
  // The rest of the future: copies of Loa's own rows, each on its own later instant.
  const existing = await deps.db
    .selectFrom('reminder')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  const pad = future - (Number(existing.n) - due.length)
  await sql`insert into reminder (key, kind, campaign_id, broadcast_id, unit_id, due_on, scheduled_at, state, slot, audience)
    with recursive n(i) as (select 1 union all select i + 1 from n where i < ${pad})
    select 'pad:' || n.i, r.kind, r.campaign_id, r.broadcast_id, r.unit_id, r.due_on,
      strftime('%Y-%m-%dT%H:%M:%fZ', '2024-05-01T01:00:00Z', '+' || n.i || ' minutes'), 'pending', r.slot, r.audience
    from n join reminder r on r.id = ${due[0]!.id}`.execute(deps.db)
  await sql`analyze`.execute(deps.db)
  deps.clock.set(first.scheduled_at)
  return { deps, dueAt: first.scheduled_at, dueIds: due.map((d) => d.id) }
}

interface WakeUp {
  ms: number
  statements: number
  messages: number
}

async function wakeUp(s: Setup): Promise<WakeUp> {
  const job = reminderJob(renderer)
  // Put the 100 back as not yet sent, and empty the queue they fill.
  await s.deps.db.deleteFrom('outbound_message').execute()
  await s.deps.db
    .updateTable('reminder')
    .set({ state: 'pending', sent_at: null, message_count: null })
    .where('id', 'in', s.dueIds)
    .execute()
  meter.reset()
  const started = performance.now()
  const next = await job.nextDueAt(s.deps)
  if (next === null || next > s.dueAt) throw new Error('nothing due')
  await job.run(s.deps)
  const ms = performance.now() - started
  const statements = meter.statements
  const queued = await s.deps.db
    .selectFrom('outbound_message')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return { ms, statements, messages: Number(queued.n) }
}

async function pendingRows(s: Setup): Promise<number> {
  const rows = await s.deps.db
    .selectFrom('reminder')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('state', '=', 'pending')
    .executeTakeFirstOrThrow()
  return Number(rows.n)
}

async function main(): Promise<void> {
  const small = await setUp(1_000)
  const large = await setUp(50_000)
  const pending = [await pendingRows(small), await pendingRows(large)]
  // Warm-up, then the two alternate, so a busy moment of the machine hits both alike.
  await wakeUp(small)
  await wakeUp(large)
  const runs: [WakeUp[], WakeUp[]] = [[], []]
  for (let i = 0; i < REPEATS; i++) {
    runs[0].push(await wakeUp(small))
    runs[1].push(await wakeUp(large))
  }
  await small.deps.close()
  await large.deps.close()
  const p50 = (r: WakeUp[]) =>
    percentile(
      r.map((x) => x.ms),
      50,
    )
  const [a, b] = runs
  const ratio = p50(b) / p50(a)
  const figures: Figure[] = [
    { name: 'reminder rows pending (100 due + the future)', value: pending.join(', ') },
    { name: 'due at the wake-up', value: `${small.dueIds.length}, ${large.dueIds.length}` },
    {
      name: 'outbound messages queued by one wake-up',
      value: `${a[0]!.messages}, ${b[0]!.messages}`,
    },
    { name: 'SQL statements in one wake-up', value: `${a[0]!.statements}, ${b[0]!.statements}` },
    { name: 'one wake-up, 1,000 future reminders (p50)', value: p50(a), unit: 'ms' },
    { name: 'one wake-up, 50,000 future reminders (p50)', value: p50(b), unit: 'ms' },
    { name: '50,000 ÷ 1,000', value: ratio, unit: '×', target: '≤ 1.2×', met: ratio <= 1.2 },
    { name: 'peak RSS', value: peakRssMb(), unit: 'MB' },
  ]
  printFigures('4 scheduler', figures)
}

await main()
