import { describe, expect, it } from 'vitest'
import {
  CHART_MAX_UNITS,
  chartSvg,
  chartsDrawn,
  renderChart,
  renderSvgPng,
} from '../../../src/domain/reports/report-chart.js'
import type { UnitFigures } from '../../../src/domain/reports/report-figures.js'

function unit(i: number, rate: number | null): UnitFigures {
  return {
    unit: { id: i, code: `DV${i}`, name: `Phòng Đào tạo và Quản lý số ${i}` },
    headcount: 10,
    known: 10,
    unidentified: 0,
    groupMemberCount: 10,
    excused: [],
    broadcasts: [],
    acknowledged: rate === null ? 0 : Math.round(rate * 10),
    expected: 10,
    rate,
    participation: [],
    participants: 0,
    submissions: [],
    reportSubmittedAt: null,
    pending: [],
    pendingCount: 0,
    nextDeadline: null,
  }
}

/** A line of text alone on a small canvas, as pixels. */
function textPixels(text: string): Uint8Array {
  return renderSvgPng(
    `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="100%" height="100%" fill="#fff"/><text x="10" y="30" font-size="28" font-family="DejaVu Sans">${text}</text></svg>`,
  ).pixels
}

const same = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && a.every((v, i) => v === b[i])

describe('chart', () => {
  it('is a valid PNG of at most 30 bars, worst first, with the goal line', () => {
    const units = Array.from({ length: 400 }, (_, i) => unit(i + 1, (i % 100) / 100))
    const svg = chartSvg(
      units,
      {
        title: 'Tỷ lệ xác nhận đã đọc',
        subtitle: '30 đơn vị thấp nhất trên 400',
        goal: 'Mục tiêu 100%',
      },
      { locale: 'vi', goalRate: 1 },
    )
    expect(svg.match(/<rect x="360"/g)).toHaveLength(CHART_MAX_UNITS * 2)
    expect(svg).toContain('DV1 — Phòng Đào tạo và Quản lý số 1')
    expect(svg).toContain('stroke-dasharray')
    const png = renderChart(
      units,
      { title: 'T', subtitle: null, goal: null },
      { locale: 'vi', goalRate: null },
    )
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    const view = new DataView(png.buffer, png.byteOffset)
    expect(view.getUint32(16)).toBe(920)
    expect(view.getUint32(20)).toBe(56 + 30 * 26 + 30)
  })

  it('draws Vietnamese letters with the shipped font, not blank and not the missing-glyph box', () => {
    const blank = textPixels('')
    const missing = textPixels('\uE000')
    for (const letters of ['Đ', 'ệ', 'ử', 'Ờ', 'ạ']) {
      const drawn = textPixels(letters)
      expect(same(drawn, blank), `${letters} is blank`).toBe(false)
      expect(same(drawn, missing), `${letters} is the missing-glyph box`).toBe(false)
    }
    // Different letters, different pixels: a font with no Vietnamese would draw one box for all.
    expect(same(textPixels('ệ'), textPixels('ử'))).toBe(false)
  })

  it('draws a chart asked for again only once, the same bytes as a fresh drawing', () => {
    const labels = { title: 'Tỷ lệ xác nhận — KH-01', subtitle: null, goal: null }
    const options = { locale: 'vi', goalRate: null }
    const units = Array.from({ length: 5 }, (_, i) => unit(i + 1, i / 10))
    const before = chartsDrawn()
    const first = renderChart(units, labels, options)
    const again = renderChart(units, labels, options)
    expect(chartsDrawn() - before).toBe(1)
    expect(same(again, first)).toBe(true)
    expect(same(first, renderSvgPng(chartSvg(units, labels, options)).png)).toBe(true)
    // A caller changing its copy does not change the next one.
    again.fill(0)
    expect(same(renderChart(units, labels, options), first)).toBe(true)

    // One more confirmation in one unit: a new drawing, a different picture.
    const changed = units.map((u, i) => (i === 0 ? unit(1, 0.1) : u))
    const redrawn = renderChart(changed, labels, options)
    expect(chartsDrawn() - before).toBe(3)
    expect(same(redrawn, first)).toBe(false)
    // Another label (locale, title, goal) is another picture too.
    renderChart(units, { ...labels, title: 'Confirmation rate — KH-01' }, options)
    expect(chartsDrawn() - before).toBe(4)
  })
})
