import { spawn } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import { cpus, totalmem } from 'node:os'
import type { Figure } from './support/figures.js'
import { engineLabel, type BenchEngine } from './support/engine.js'

/**
 * `npm run bench [-- <scenario>…]`: the four scenarios of issue 14, each in a
 * fresh Node process (so its peak RSS is its own) that starts the stand-in in
 * another. With no argument all four run in order; name one (`broadcast`,
 * `taps`, `reports`, `scheduler`, or 1–4) to run it alone. Prints each
 * scenario's table, then a summary of every figure that has a target.
 *
 * Issue 15: with LOA_BENCH_PG_URL naming a PostgreSQL server's maintenance
 * database (`postgres://postgres@127.0.0.1:5433/postgres`), the broadcast and
 * tap scenarios run a second time with Loa on PostgreSQL, and their ratios are
 * printed side by side with SQLite's.
 */
const SCENARIOS = ['broadcast', 'taps', 'reports', 'scheduler'] as const
/** The scenarios whose Loa can run on PostgreSQL (the others read the SQLite file directly). */
const ON_POSTGRES = new Set<string>(['broadcast', 'taps'])
const pgUrl = process.env['LOA_BENCH_PG_URL'] || undefined

function pick(args: string[]): string[] {
  if (args.length === 0) return [...SCENARIOS]
  return args.map((a) => {
    const named = /^\d$/.test(a) ? SCENARIOS[Number(a) - 1] : SCENARIOS.find((s) => s === a)
    if (named === undefined)
      throw new Error(`unknown scenario "${a}": one of ${SCENARIOS.join(', ')} or 1–4`)
    return named
  })
}

interface Result {
  code: number
  scenario: string
  engine: BenchEngine
  figures: Figure[]
}

function runScenario(name: string, engine: BenchEngine): Promise<Result> {
  const script = new URL(`./scenarios/${name}.ts`, import.meta.url).pathname
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), script], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, LOA_BENCH_ENGINE: engine },
  })
  let result: Omit<Result, 'code'> = { scenario: name, engine, figures: [] }
  let buffered = ''
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString()
    const lines = buffered.split('\n')
    buffered = lines.pop() ?? ''
    for (const line of lines) {
      if (line.startsWith('BENCH-JSON ')) result = JSON.parse(line.slice(11)) as typeof result
      else console.log(line)
    }
  })
  return new Promise((resolve) => {
    child.on('exit', (code) => resolve({ code: code ?? 1, ...result }))
  })
}

const started = performance.now()
const chosen = pick(process.argv.slice(2))
console.log(
  `Loa benchmarks (issue 14): ${chosen.join(', ')} on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ` +
    `${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`,
)
const results: Result[] = []
for (const name of chosen) results.push(await runScenario(name, 'sqlite'))
if (pgUrl !== undefined)
  for (const name of chosen.filter((n) => ON_POSTGRES.has(n)))
    results.push(await runScenario(name, 'postgres'))
else if (chosen.some((n) => ON_POSTGRES.has(n)))
  console.log(
    '\n(PostgreSQL runs skipped: set LOA_BENCH_PG_URL to run broadcast and taps on it too)',
  )
const minutes = (performance.now() - started) / 60_000

function show(v: number | string): string {
  return typeof v === 'number' ? v.toFixed(v < 10 ? 3 : 1) : v
}

console.log('\n══ targets ══')
for (const r of results) {
  const scenario = r.engine === 'postgres' ? `${r.scenario} (${engineLabel(r.engine)})` : r.scenario
  if (r.code !== 0) console.log(`  ${scenario}: FAILED (exit ${r.code})`)
  for (const f of r.figures.filter((x) => x.target !== undefined)) {
    console.log(
      `  ${`${scenario}: ${f.name}`.padEnd(70)} ${show(f.value).padStart(9)} ${f.unit ?? ''}  ${f.target ?? ''} ${f.met === true ? 'MET' : 'MISSED'}`,
    )
  }
}

// Issue 15: each ratio (unit ×) of the scenarios that ran on both engines, side by side.
const onPostgres = results.filter((r) => r.engine === 'postgres')
if (onPostgres.length > 0) {
  console.log(`\n══ ratios: SQLite | PostgreSQL ══`)
  for (const pgResult of onPostgres) {
    const sqlite = results.find((r) => r.engine === 'sqlite' && r.scenario === pgResult.scenario)
    for (const f of pgResult.figures.filter((x) => x.unit === '×')) {
      const before = sqlite?.figures.find((x) => x.name === f.name)
      console.log(
        `  ${`${pgResult.scenario}: ${f.name}`.padEnd(60)} ${(before === undefined ? '—' : show(before.value)).padStart(9)} | ${show(f.value).padStart(9)} ×  ${f.target ?? ''}`,
      )
    }
  }
}
console.log(`\nall done in ${minutes.toFixed(1)} min`)
process.exitCode = results.some((r) => r.code !== 0) ? 1 : 0
