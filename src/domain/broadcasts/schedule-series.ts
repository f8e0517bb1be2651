import type { BroadcastStatus } from '../../db/schema.js'

/** What grouping needs of a /lich entry; ScheduleEntry has it. */
export interface SeriesInput {
  broadcast: { id: number; seriesId: number | null; sendAt: string; status: BroadcastStatus }
  campaignCode: string
  counts: { total: number; sent: number; failed: number; waiting: number; acknowledged: number }
  cancellable: boolean
}

export type ScheduleLine<T extends SeriesInput> =
  | { kind: 'single'; entry: T }
  | {
      kind: 'series'
      seriesId: number
      campaignCode: string
      /** Every occurrence listed, in send order. */
      entries: T[]
      /** The first occurrence not yet sent or cancelled; undefined when all are done. */
      next: T | undefined
      /** Occurrences that may still be cancelled: one «Huỷ» takes them all. */
      cancellable: number
      /** Figures over the whole series. */
      counts: SeriesInput['counts']
    }

const DONE: readonly BroadcastStatus[] = ['sent', 'cancelled', 'rejected']

/**
 * Issue 11, point 12: a `hằng ngày` series is one line in /lich (with one
 * cancel for what has not been sent), not 22; one-off broadcasts stay as they
 * are. Lines keep the order of their first entry. Pure.
 */
export function groupSeries<T extends SeriesInput>(entries: readonly T[]): ScheduleLine<T>[] {
  const lines: ScheduleLine<T>[] = []
  const bySeries = new Map<number, T[]>()
  for (const entry of entries) {
    const seriesId = entry.broadcast.seriesId
    if (seriesId === null) {
      lines.push({ kind: 'single', entry })
      continue
    }
    const members = bySeries.get(seriesId)
    if (members !== undefined) {
      members.push(entry)
      continue
    }
    const started: T[] = [entry]
    bySeries.set(seriesId, started)
    lines.push({
      kind: 'series',
      seriesId,
      campaignCode: entry.campaignCode,
      entries: started,
      next: undefined,
      cancellable: 0,
      counts: { total: 0, sent: 0, failed: 0, waiting: 0, acknowledged: 0 },
    })
  }
  return lines.map((line) => {
    if (line.kind === 'single') return line
    const ordered = [...line.entries].sort((a, b) =>
      a.broadcast.sendAt === b.broadcast.sendAt
        ? a.broadcast.id - b.broadcast.id
        : a.broadcast.sendAt < b.broadcast.sendAt
          ? -1
          : 1,
    )
    // A series of one is still a series: the reader knows it as «hằng ngày».
    const counts = { total: 0, sent: 0, failed: 0, waiting: 0, acknowledged: 0 }
    for (const entry of ordered) {
      counts.total += entry.counts.total
      counts.sent += entry.counts.sent
      counts.failed += entry.counts.failed
      counts.waiting += entry.counts.waiting
      counts.acknowledged += entry.counts.acknowledged
    }
    return {
      ...line,
      entries: ordered,
      next: ordered.find((e) => !DONE.includes(e.broadcast.status)),
      cancellable: ordered.filter((e) => e.cancellable).length,
      counts,
    }
  })
}
