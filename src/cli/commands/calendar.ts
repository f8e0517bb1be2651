import { setCalendarDay, listCalendarDays } from '../../domain/calendar/agency-calendar.js'
import { isIsoDate } from '../../domain/calendar/working-days.js'
import { UsageError, withDatabase, type CliIo } from '../cli-context.js'

const USAGE = 'calendar add-holiday|add-workday <YYYY-MM-DD> [note]   |   calendar list'

/**
 * `calendar add-holiday|add-workday <YYYY-MM-DD> [note]` (PRODUCT §10): the
 * agency's own days off and make-up working days; every campaign's reminders
 * are re-planned with it. `calendar list` shows them.
 */
export async function calendarCommand(
  io: CliIo,
  sub: string | undefined,
  args: string[],
): Promise<number> {
  if (sub === 'list') {
    return withDatabase(io, async (deps) => {
      const days = await listCalendarDays(deps, '0000-01-01')
      if (days.length === 0) io.out('No agency calendar days.')
      for (const d of days) io.out(`${d.day}  ${d.kind}${d.note === null ? '' : `  ${d.note}`}`)
      return 0
    })
  }
  const kind = sub === 'add-holiday' ? 'holiday' : sub === 'add-workday' ? 'workday' : undefined
  const [day, ...note] = args
  if (kind === undefined || day === undefined) throw new UsageError(USAGE)
  if (!isIsoDate(day)) {
    io.err(`"${day}" is not a date. Example: loa calendar ${sub} 2026-05-04 Nghỉ bù`)
    return 1
  }
  return withDatabase(io, async (deps) => {
    const result = await setCalendarDay(deps, {
      day,
      kind,
      note: note.length === 0 ? null : note.join(' '),
      actorTelegramId: null,
      example: `loa calendar ${sub} 2026-05-04`,
    })
    if (!result.ok) return 1
    io.out(
      `${day}: ${kind === 'holiday' ? 'day off' : 'make-up working day'} added; reminders re-planned.`,
    )
    return 0
  })
}
