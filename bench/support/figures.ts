import { performance } from 'node:perf_hooks'
import { benchEngine, engineLabel } from './engine.js'

/** Absolute milliseconds, comparable with the stand-in process's. */
export const at = (): number => performance.timeOrigin + performance.now()

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, index)]!
}

export const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024

export interface Figure {
  name: string
  value: number | string
  unit?: string
  /** The target, as text (`≤ 1.05×`), and whether it is met. */
  target?: string
  met?: boolean
}

const show = (v: number | string): string =>
  typeof v === 'string' ? v : Number.isInteger(v) ? String(v) : v.toFixed(v < 10 ? 3 : 1)

/** Prints a scenario's figures as a table, and one JSON line the runner collects. */
export function printFigures(scenario: string, figures: Figure[]): void {
  console.log(`\n── ${scenario}${benchEngine === 'postgres' ? ` on ${engineLabel()}` : ''} ──`)
  for (const f of figures) {
    const target =
      f.target === undefined ? '' : `   target ${f.target} ${f.met === true ? 'MET' : 'MISSED'}`
    console.log(`  ${f.name.padEnd(58)} ${show(f.value).padStart(10)} ${f.unit ?? ''}${target}`)
  }
  console.log(`BENCH-JSON ${JSON.stringify({ scenario, engine: benchEngine, figures })}`)
}
