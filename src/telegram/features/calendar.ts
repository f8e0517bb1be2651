import { Composer } from 'grammy'
import { localDate } from '../../domain/broadcasts/parse-when.js'
import { listCalendarDays, setCalendarDay } from '../../domain/calendar/agency-calendar.js'
import { exampleDay, parseDay } from '../../domain/calendar/parse-day.js'
import { stripDiacritics } from '../../domain/campaigns/campaign-code.js'
import { commandNames } from '../commands.js'
import type { LoaContext } from '../context.js'
import { formatDay } from '../format.js'
import { allow } from '../middlewares/guards.js'
import { replyError } from '../reply-error.js'

const ADD = ['them', 'add']
const WORKDAY = ['lam bu', 'lambu', 'lam', 'workday']
const HOLIDAY = ['nghi', 'holiday', 'off']
/** A long list is summarised: the next days matter, older ones are history. */
const MAX_LISTED = 40

/**
 * `/lichnghi` (`/calendar`, PRODUCT §10): the agency's own days off and
 * make-up working days from today on; `/lichnghi them <ngày> [nghỉ|làm bù]
 * [ghi chú]` adds one (office). Reminders move with it at once.
 */
export function calendarFeature(): Composer<LoaContext> {
  const composer = new Composer<LoaContext>()
  composer.command(commandNames('calendar'), async (ctx) => {
    if (!(await allow(ctx, '/lichnghi', { capability: 'manage-campaigns', where: 'private' })))
      return
    const today = localDate(ctx.deps.clock.now(), ctx.deps.config.timezone)
    const words = ctx.match.trim().split(/\s+/).filter(Boolean)
    const verb = stripDiacritics(words[0] ?? '').toLowerCase()
    if (verb === '') return listDays(ctx, today)
    const example = `/lichnghi them ${exampleDay(today)} nghỉ Nghỉ bù ngày thành lập ngành`
    if (!ADD.includes(verb) || words[1] === undefined) {
      await ctx.reply(ctx.t('calendar-usage', { example }))
      return
    }
    const day = parseDay(words[1], today)
    if (day === null)
      return replyError(ctx, { code: 'invalid-calendar-day', given: words[1], example })
    let rest = words.slice(2)
    let kind: 'holiday' | 'workday' = 'holiday'
    const first = stripDiacritics(rest[0] ?? '').toLowerCase()
    const two = stripDiacritics(rest.slice(0, 2).join(' ')).toLowerCase()
    if (WORKDAY.includes(two)) {
      kind = 'workday'
      rest = rest.slice(2)
    } else if (WORKDAY.includes(first)) {
      kind = 'workday'
      rest = rest.slice(1)
    } else if (HOLIDAY.includes(first)) {
      rest = rest.slice(1)
    }
    const result = await setCalendarDay(ctx.deps, {
      day,
      kind,
      note: rest.length === 0 ? null : rest.join(' '),
      actorTelegramId: ctx.from?.id ?? null,
      example,
    })
    if (!result.ok) return replyError(ctx, result.error)
    await ctx.reply(
      ctx.t(kind === 'workday' ? 'calendar-added-workday' : 'calendar-added-holiday', {
        day: formatDay(day),
      }),
    )
  })
  return composer
}

async function listDays(ctx: LoaContext, today: string): Promise<void> {
  const days = await listCalendarDays(ctx.deps, today)
  if (days.length === 0) {
    await ctx.reply(ctx.t('calendar-empty'))
    return
  }
  const lines = days.slice(0, MAX_LISTED).map((d) =>
    ctx.t(d.kind === 'workday' ? 'calendar-item-workday' : 'calendar-item-holiday', {
      day: formatDay(d.day),
      note: d.note === null ? '' : ` — ${d.note}`,
    }),
  )
  if (days.length > MAX_LISTED)
    lines.push(ctx.t('calendar-more', { count: days.length - MAX_LISTED }))
  await ctx.reply([ctx.t('calendar-header', { count: days.length }), ...lines].join('\n'), {
    parse_mode: 'HTML',
  })
}
