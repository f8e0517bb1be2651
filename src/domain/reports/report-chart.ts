import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Resvg as ResvgClass } from '@resvg/resvg-js'
import { escapeHtml } from '../html.js'
import { formatPercent } from './report-format.js'
import type { UnitFigures } from './report-figures.js'

/** A phone shows about this many bars legibly; /tonghop says when the chart is cut. */
export const CHART_MAX_UNITS = 30

const FONT_DIR = fileURLToPath(new URL('../../../assets/fonts/', import.meta.url))

/**
 * The project's own fonts, never the system's, so Vietnamese labels render the
 * same on any machine (a server without fonts would draw empty boxes): DejaVu
 * Sans and Sans Bold cut to Latin and Vietnamese (assets/fonts/README.md).
 * resvg's Node binding cannot keep fonts loaded between renders (no
 * fontBuffers there) and its text cost grows with the font files' size: the
 * cut files, 70 KB instead of 750 KB, draw the labels about 3× faster (issue 14).
 */
export const CHART_FONTS = [
  join(FONT_DIR, 'DejaVuSans-vi.ttf'),
  join(FONT_DIR, 'DejaVuSans-Bold-vi.ttf'),
]

export interface ChartLabels {
  title: string
  /** e.g. "30 đơn vị thấp nhất trên 400"; null when every unit is shown. */
  subtitle: string | null
  /** The campaign goal's legend, e.g. "Mục tiêu 100%"; shown when a goal is given. */
  goal: string | null
}

const WIDTH = 920
const ROW = 26
const LABEL_WIDTH = 350
const BAR_LEFT = LABEL_WIDTH + 10
const BAR_WIDTH = WIDTH - BAR_LEFT - 80

/** Bars of the confirmation rate per unit, worst first, as SVG text. */
export function chartSvg(
  units: readonly UnitFigures[],
  labels: ChartLabels,
  options: { locale: string; goalRate: number | null },
): string {
  const shown = units.slice(0, CHART_MAX_UNITS)
  const top = labels.subtitle === null ? 56 : 80
  const height = top + shown.length * ROW + 30
  const e = escapeSvg
  const rows = shown.map((u, i) => {
    const y = top + i * ROW
    const rate = u.rate ?? 0
    const width = Math.max(rate > 0 ? 2 : 0, Math.round(rate * BAR_WIDTH))
    const colour = rate >= 0.8 ? '#2e7d32' : rate >= 0.5 ? '#f9a825' : '#c62828'
    const label = truncate(`${u.unit.code} — ${u.unit.name}`, 38)
    const value = u.rate === null ? '—' : formatPercent(u.rate, options.locale)
    return [
      `<text x="${LABEL_WIDTH}" y="${y + 17}" text-anchor="end" font-size="14">${e(label)}</text>`,
      `<rect x="${BAR_LEFT}" y="${y + 4}" width="${BAR_WIDTH}" height="${ROW - 8}" fill="#eeeeee"/>`,
      `<rect x="${BAR_LEFT}" y="${y + 4}" width="${width}" height="${ROW - 8}" fill="${colour}"/>`,
      `<text x="${BAR_LEFT + BAR_WIDTH + 10}" y="${y + 17}" font-size="14">${e(value)}</text>`,
    ].join('')
  })
  const goal =
    options.goalRate === null || labels.goal === null
      ? ''
      : (() => {
          const x = BAR_LEFT + Math.round(Math.min(1, options.goalRate) * BAR_WIDTH)
          return `<line x1="${x}" y1="${top - 4}" x2="${x}" y2="${top + shown.length * ROW}" stroke="#1565c0" stroke-width="2" stroke-dasharray="6 4"/><text x="${x}" y="${top + shown.length * ROW + 20}" text-anchor="middle" font-size="13" fill="#1565c0">${e(labels.goal)}</text>`
        })()
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="DejaVu Sans">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="20" y="32" font-size="20" font-weight="bold">${e(labels.title)}</text>`,
    labels.subtitle === null
      ? ''
      : `<text x="20" y="58" font-size="15" fill="#555555">${e(labels.subtitle)}</text>`,
    ...rows,
    goal,
    `</svg>`,
  ].join('')
}

/**
 * The renderer, loaded on the first chart: a native module that most runs
 * (and most tests) never need. `require` keeps renderChart synchronous.
 */
let loadedResvg: typeof ResvgClass | undefined
function resvg(): typeof ResvgClass {
  loadedResvg ??= (
    createRequire(import.meta.url)('@resvg/resvg-js') as { Resvg: typeof ResvgClass }
  ).Resvg
  return loadedResvg
}

let drawn = 0

/** The SVG as PNG, with only the shipped DejaVu fonts. */
export function renderSvgPng(svg: string): {
  png: Uint8Array
  width: number
  height: number
  pixels: Uint8Array
} {
  drawn++
  const rendered = new (resvg())(svg, {
    font: { fontFiles: CHART_FONTS, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
  }).render()
  return {
    png: new Uint8Array(rendered.asPng()),
    width: rendered.width,
    height: rendered.height,
    pixels: new Uint8Array(rendered.pixels),
  }
}

/** Charts kept, newest last: a few campaigns asked about again and again. */
const CHART_CACHE_SIZE = 8
const chartCache = new Map<string, Uint8Array>()

/**
 * The chart as PNG. The SVG text is the whole input of the drawing (figures,
 * labels, locale, goal), so an unchanged SVG is the same picture: the office
 * asking /tonghop again before any new confirmation gets the PNG drawn last
 * time instead of ≈ 35 ms of resvg (issue 14). Exact by construction; a copy
 * is handed out, so no caller can spoil the kept one.
 */
export function renderChart(
  units: readonly UnitFigures[],
  labels: ChartLabels,
  options: { locale: string; goalRate: number | null },
): Uint8Array {
  const svg = chartSvg(units, labels, options)
  let png = chartCache.get(svg)
  if (png === undefined) {
    png = renderSvgPng(svg).png
    if (chartCache.size >= CHART_CACHE_SIZE) {
      const oldest = chartCache.keys().next()
      if (oldest.done !== true) chartCache.delete(oldest.value)
    }
  } else chartCache.delete(svg)
  chartCache.set(svg, png)
  return png.slice()
}

/** How many charts resvg drew in this process (tests: a chart asked for twice is drawn once). */
export function chartsDrawn(): number {
  return drawn
}

/** escapeHtml covers XML text and attributes alike (it escapes `"` too). */
function escapeSvg(text: string): string {
  return escapeHtml(text)
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}
