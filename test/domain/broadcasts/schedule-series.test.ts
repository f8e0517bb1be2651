import { describe, expect, it } from 'vitest'
import { groupSeries, type SeriesInput } from '../../../src/domain/broadcasts/schedule-series.js'

function entry(
  id: number,
  seriesId: number | null,
  sendAt: string,
  status: SeriesInput['broadcast']['status'] = 'scheduled',
  sent = 0,
): SeriesInput {
  return {
    broadcast: { id, seriesId, sendAt, status },
    campaignCode: 'NGAYSACH2024',
    counts: { total: 3, sent, failed: 0, waiting: 3 - sent, acknowledged: sent },
    cancellable: status === 'scheduled' && sent === 0,
  }
}

describe('groupSeries (issue 11, point 12)', () => {
  it('folds a daily series into one line with its next occurrence and one cancel', () => {
    const entries = [
      entry(1, 1, '2024-04-15T01:00:00Z', 'sent', 3),
      entry(9, null, '2024-04-15T05:00:00Z'),
      entry(2, 1, '2024-04-16T01:00:00Z'),
      entry(3, 1, '2024-04-17T01:00:00Z'),
    ]
    const lines = groupSeries(entries)
    expect(lines.map((l) => l.kind)).toEqual(['series', 'single'])
    const series = lines[0]!
    if (series.kind !== 'series') throw new Error('expected a series')
    expect(series.entries.map((e) => e.broadcast.id)).toEqual([1, 2, 3])
    expect(series.next?.broadcast.id).toBe(2)
    expect(series.cancellable).toBe(2)
    expect(series.counts).toEqual({ total: 9, sent: 3, failed: 0, waiting: 6, acknowledged: 3 })
  })

  it('a finished series has no next occurrence and nothing to cancel', () => {
    const [series] = groupSeries([
      entry(1, 1, '2024-04-15T01:00:00Z', 'sent', 3),
      entry(2, 1, '2024-04-16T01:00:00Z', 'cancelled'),
    ])
    expect(series).toMatchObject({ kind: 'series', next: undefined, cancellable: 0 })
  })

  it('leaves one-off broadcasts alone, in order', () => {
    const lines = groupSeries([
      entry(4, null, '2024-04-15T01:00:00Z'),
      entry(5, null, '2024-04-16T01:00:00Z'),
    ])
    expect(lines.map((l) => (l.kind === 'single' ? l.entry.broadcast.id : null))).toEqual([4, 5])
  })
})
