import { spawn } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import { cpus, totalmem } from 'node:os'
import type { Figure } from './support/figures.js'

/**
 * `npm run bench [-- <scenario>…]`: the four scenarios of issue 14, each in a
 * fresh Node process (so its peak RSS is its own) that starts the stand-in in
 * another. With no argument all four run in order; name one (`broadcast`,
 * `taps`, `reports`, `scheduler`, or 1–4) to run it alone. Prints each
 * scenario's table, then a summary of every figure that has a target.
 */
const SCENARIOS = ['broadcast', 'taps', 'reports', 'scheduler'] as const

function pick(args: string[]): string[] {
  if (args.length === 0) return [...SCENARIOS]
  return args.map((a) => {
    const named = /^\d$/.test(a) ? SCENARIOS[Number(a) - 1] : SCENARIOS.find((s) => s === a)
    if (named === undefined)
      throw new Error(`unknown scenario "${a}": one of ${SCENARIOS.join(', ')} or 1–4`)
    return named
  })
}

function runScenario(name: string): Promise<{ code: number; figures: Figure[]; scenario: string }> {
  const script = new URL(`./scenarios/${name}.ts`, import.meta.url).pathname
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let result: { scenario: string; figures: Figure[] } = { scenario: name, figures: [] }
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
const results = []
for (const name of chosen) results.push(await runScenario(name))
const minutes = (performance.now() - started) / 60_000

console.log('\n══ targets ══')
for (const r of results) {
  if (r.code !== 0) console.log(`  ${r.scenario}: FAILED (exit ${r.code})`)
  for (const f of r.figures.filter((x) => x.target !== undefined)) {
    const value = typeof f.value === 'number' ? f.value.toFixed(f.value < 10 ? 3 : 1) : f.value
    console.log(
      `  ${`${r.scenario}: ${f.name}`.padEnd(70)} ${value.padStart(9)} ${f.unit ?? ''}  ${f.target ?? ''} ${f.met === true ? 'MET' : 'MISSED'}`,
    )
  }
}
console.log(`\nall done in ${minutes.toFixed(1)} min`)
process.exitCode = results.some((r) => r.code !== 0) ? 1 : 0
