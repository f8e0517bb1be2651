import { Composer, InlineKeyboard } from 'grammy'
import { deadlineSuffix } from '../deadline-text.js'
import { broadcastDeliveryReport } from '../../domain/broadcasts/delivery-report.js'
import { listSchedule, type ScheduleEntry } from '../../domain/broadcasts/schedule-view.js'
import { formatLocal, localDate } from '../../domain/broadcasts/parse-when.js'
import { groupSeries, type ScheduleLine } from '../../domain/broadcasts/schedule-series.js'
import { formatDay } from '../format.js'
import { retryFailedDeliveries } from '../../domain/broadcasts/retry-failed.js'
import { cancelBroadcast } from '../../domain/broadcasts/cancel-broadcast.js'
import { can } from '../../domain/units/roles.js'
import { callbacks, type CallbackCodec } from '../callback-data/codec.js'
import { ok, type Result } from '../../domain/errors.js'
import { commandNames } from '../commands.js'
import type { LoaContext } from '../context.js'
import { escapeHtml, html } from '../../domain/html.js'
import { allow } from '../middlewares/guards.js'
import { errorMessage, replyError } from '../reply-error.js'
import { firstOf, replyInParts } from '../reply-parts.js'

/** Buttons per message: Telegram allows 100, a long list stays readable with fewer. */
const MAX_CANCEL_BUTTONS = 10
/** Groups listed per state in /lich <số>; the rest are counted. Failed ones come first. */
const MAX_GROUPS_PER_STATE = 30
const STATE_ORDER = ['failed', 'sending', 'pending', 'sent'] as const

/**
 * /lich [MÃ]: scheduled and recent broadcasts with delivered / failed /
 * acknowledged counts and a "Huỷ" button for those not yet sent; /lich <số>:
 * each target group with its state and Telegram's reason when it failed.
 */
export function scheduleFeature(onRetry: () => void): Composer<LoaContext> {
  const composer = new Composer<LoaContext>()
  composer.command(commandNames('schedule'), async (ctx) => {
    const argument = ctx.match.trim()
    // Issue 12: a head opens their own broadcast (to correct or recall it); the list is the office's.
    if (/^\d+$/.test(argument)) {
      if (!(await allow(ctx, '/lich', { capability: 'broadcast-own-unit', where: 'private' })))
        return
      return showOne(ctx, Number(argument))
    }
    if (!(await allow(ctx, '/lich', { capability: 'broadcast', where: 'private' }))) return
    const result = await listSchedule(ctx.deps, { campaignCode: argument === '' ? null : argument })
    if (!result.ok) return replyError(ctx, result.error)
    if (result.value.length === 0) {
      await ctx.reply(ctx.t('schedule-empty'))
      return
    }
    // Issue 11, point 12: a hằng ngày series is one line with one cancel, not one per morning.
    const scheduleLines = groupSeries(result.value)
    const keyboard = new InlineKeyboard()
    const cancels = scheduleLines.flatMap((line) =>
      line.kind === 'single'
        ? line.entry.cancellable
          ? [
              {
                text: ctx.t('schedule-cancel-button', { id: line.entry.broadcast.id }),
                data: callbacks.cancelBroadcast.pack(line.entry.broadcast.id),
              },
            ]
          : []
        : line.cancellable > 0
          ? [
              {
                text: ctx.t('schedule-cancel-series-button', {
                  id: line.seriesId,
                  count: line.cancellable,
                }),
                data: callbacks.cancelSeries.pack(line.seriesId),
              },
            ]
          : [],
    )
    for (const cancel of cancels.slice(0, MAX_CANCEL_BUTTONS))
      keyboard.text(cancel.text, cancel.data).row()
    const lines = scheduleLines.map((line) =>
      line.kind === 'single' ? entryLine(ctx, line.entry) : seriesLine(ctx, line),
    )
    // The example is a real number from this list (issue 11, point 7), not a made-up 12.
    const exampleId = result.value[0]?.broadcast.id ?? 1
    await replyInParts(
      ctx,
      [
        ctx.t('schedule-header'),
        ...lines,
        escapeHtml(ctx.t('schedule-hint', { example: exampleId })),
      ],
      { separator: '\n\n', keyboard },
    )
  })

  onBroadcastButton(composer, callbacks.cancelBroadcast, async (ctx, id) => {
    const result = await cancelBroadcast(ctx.deps, {
      broadcastId: id,
      actorTelegramId: ctx.from?.id ?? null,
    })
    return result.ok ? ok(ctx.t('schedule-cancelled', { id })) : result
  })
  onBroadcastButton(composer, callbacks.cancelSeries, async (ctx, id) => {
    const result = await cancelBroadcast(ctx.deps, {
      broadcastId: id,
      actorTelegramId: ctx.from?.id ?? null,
      wholeSeries: true,
    })
    return result.ok
      ? ok(ctx.t('schedule-series-cancelled', { id, count: result.value.cancelled.length }))
      : result
  })
  onBroadcastButton(composer, callbacks.retryFailed, async (ctx, id) => {
    const result = await retryFailedDeliveries(ctx.deps, {
      broadcastId: id,
      actorTelegramId: ctx.from?.id ?? null,
    })
    if (!result.ok) return result
    onRetry()
    return ok(ctx.t('schedule-retried', { count: result.value.retried, id }))
  })
  return composer
}

function entryLine(ctx: LoaContext, entry: ScheduleEntry): string {
  const { broadcast, counts } = entry
  // Nothing was or will be sent: «Đã huỷ», not «Đã gửi 0/0 nhóm».
  if (broadcast.status === 'cancelled' || broadcast.status === 'rejected')
    return ctx.t('schedule-item-closed', {
      id: broadcast.id,
      code: entry.campaignCode,
      when: formatLocal(new Date(broadcast.sendAt), ctx.deps.config.timezone),
      state: broadcast.status,
    })
  return ctx.t('schedule-item', {
    id: broadcast.id,
    code: entry.campaignCode,
    when: html(
      escapeHtml(formatLocal(new Date(broadcast.sendAt), ctx.deps.config.timezone)) +
        deadlineSuffix(ctx, broadcast.confirmBy),
    ),
    status: html(statusText(ctx, broadcast)),
    sent: counts.sent,
    total: counts.total,
    failed: counts.failed,
    acknowledged: counts.acknowledged,
  })
}

/** «đã thu hồi» for a recalled broadcast (issue 12), else its status. */
function statusText(ctx: LoaContext, broadcast: { status: string; recalledAt: string | null }) {
  return broadcast.recalledAt === null
    ? ctx.t(`broadcast-status-${broadcast.status}`)
    : ctx.t('recall-status')
}

function seriesLine(
  ctx: LoaContext,
  line: Extract<ScheduleLine<ScheduleEntry>, { kind: 'series' }>,
): string {
  const zone = ctx.deps.config.timezone
  const first = line.entries[0]!
  const time = formatLocal(new Date(first.broadcast.sendAt), zone).slice(-5)
  const next = line.next
  const allCancelled = line.entries.every((e) => e.broadcast.status === 'cancelled')
  const status = allCancelled ? 'cancelled' : (next ?? line.entries.at(-1)!).broadcast.status
  return ctx.t(allCancelled ? 'schedule-series-closed' : 'schedule-series-item', {
    id: line.seriesId,
    code: line.campaignCode,
    time,
    count: line.entries.length,
    hasNext: next === undefined ? 'no' : 'yes',
    next:
      next === undefined
        ? ''
        : formatDay(localDate(new Date(next.broadcast.sendAt), zone)).slice(0, 5),
    status: html(ctx.t(`broadcast-status-${status}`)),
    sent: line.counts.sent,
    total: line.counts.total,
    failed: line.counts.failed,
    acknowledged: line.counts.acknowledged,
  })
}

async function showOne(ctx: LoaContext, id: number): Promise<void> {
  const result = await broadcastDeliveryReport(ctx.deps, id)
  if (!result.ok) return replyError(ctx, result.error)
  const { broadcast, campaign, counts, groups, unitsWithoutDelivery, occurrences } = result.value
  // Issue 12: a head sees only their own broadcasts; the office sees all.
  if (!can(ctx.role, 'broadcast') && broadcast.createdBy !== ctx.member?.id)
    return replyError(ctx, { code: 'broadcast-not-own', broadcastId: id })
  // PRODUCT §10 delivery report: failed groups with Telegram's reason first; each state
  // names at most MAX_GROUPS_PER_STATE groups and counts the rest, so 200 groups fit.
  const lines = STATE_ORDER.flatMap((state) => {
    const { shown, hidden } = firstOf(
      groups.filter((g) => g.state === state),
      MAX_GROUPS_PER_STATE,
    )
    const stateLines = shown.map((g) =>
      ctx.t(`schedule-group-${g.state}`, {
        unit: g.unitCode,
        title: g.chatTitle,
        acknowledged: g.acknowledged,
        reason: g.failureReason ?? '—',
        attempts: g.attempts,
      }),
    )
    if (hidden > 0) stateLines.push(ctx.t(`schedule-group-more-${state}`, { count: hidden }))
    return stateLines
  })
  const without = firstOf(unitsWithoutDelivery, 10)
  const blocks = [
    ctx.t('schedule-detail', {
      id: broadcast.id,
      code: campaign.code,
      when: html(
        escapeHtml(formatLocal(new Date(broadcast.sendAt), ctx.deps.config.timezone)) +
          deadlineSuffix(ctx, broadcast.confirmBy),
      ),
      status: html(statusText(ctx, broadcast)),
      sent: counts.sent,
      total: counts.total,
      failed: counts.failed,
      acknowledged: counts.acknowledged,
    }),
    ...lines,
    ...occurrenceLines(ctx, broadcast.id, occurrences),
    without.shown.length === 0
      ? ''
      : ctx.t('send-preview-no-group', {
          count: unitsWithoutDelivery.length,
          units: html(
            escapeHtml(without.shown.map((u) => u.code).join(', ')) +
              (without.hidden > 0
                ? ctx.t('send-preview-more-units', { count: without.hidden })
                : ''),
          ),
        }),
  ]
  const keyboard = new InlineKeyboard()
  const live = broadcast.recalledAt === null
  if (counts.failed > 0 && live && can(ctx.role, 'broadcast'))
    keyboard
      .text(
        ctx.t('schedule-retry-button', { count: counts.failed }),
        callbacks.retryFailed.pack(broadcast.id),
      )
      .row()
  // Issue 12: a broadcast with copies out may be corrected or recalled.
  if (counts.sent > 0 && live)
    keyboard
      .text(ctx.t('recall-edit-button'), callbacks.correct.pack(broadcast.id))
      .text(ctx.t('recall-button'), callbacks.recall.pack(broadcast.id))
  await replyInParts(ctx, blocks, keyboard.inline_keyboard.length === 0 ? {} : { keyboard })
}

/**
 * A /lich button acting on one broadcast: office only, forged ids refused
 * politely; the toast says what happened (Telegram caps toasts at 200 characters).
 */
function onBroadcastButton(
  composer: Composer<LoaContext>,
  codec: CallbackCodec,
  act: (ctx: LoaContext, broadcastId: number) => Promise<Result<string>>,
): void {
  composer.callbackQuery(codec.filter, async (ctx) => {
    const id = codec.unpack(ctx.callbackQuery.data)
    if (id === undefined || !can(ctx.role, 'broadcast')) {
      await ctx.answerCallbackQuery({ text: ctx.t('error-stale-button'), show_alert: true })
      return
    }
    const result = await act(ctx, id)
    // The pressed button is taken off the message: pressing it again could only fail (issue 11, point 12).
    if (result.ok) await removePressedButton(ctx)
    await ctx.answerCallbackQuery(
      result.ok
        ? { text: result.value.slice(0, 200) }
        : { text: errorMessage(ctx, result.error).slice(0, 200), show_alert: true },
    )
  })
}

async function removePressedButton(ctx: LoaContext): Promise<void> {
  const message = ctx.callbackQuery?.message
  const pressed = ctx.callbackQuery?.data
  const rows = message?.reply_markup?.inline_keyboard
  if (rows === undefined || pressed === undefined) return
  const kept = rows
    .map((row) =>
      row.filter((button) => !('callback_data' in button) || button.callback_data !== pressed),
    )
    .filter((row) => row.length > 0)
  await ctx
    .editMessageReplyMarkup({ reply_markup: { inline_keyboard: kept } })
    .catch((error: unknown) => {
      ctx.log.warn({ err: error }, 'could not remove a pressed button')
    })
}

/** The occurrences of a hằng ngày series, this one marked, the first 30 listed. */
function occurrenceLines(
  ctx: LoaContext,
  currentId: number,
  occurrences: readonly { id: number; sendAt: string; status: string }[],
): string[] {
  if (occurrences.length < 2) return []
  const { shown, hidden } = firstOf(occurrences, 30)
  return [
    ctx.t('schedule-occurrences-header', { count: occurrences.length }),
    ...shown.map((o) =>
      ctx.t(o.id === currentId ? 'schedule-occurrence-current' : 'schedule-occurrence', {
        id: o.id,
        when: formatLocal(new Date(o.sendAt), ctx.deps.config.timezone),
        status: html(ctx.t(`broadcast-status-${o.status}`)),
      }),
    ),
    ...(hidden > 0 ? [ctx.t('schedule-occurrences-more', { count: hidden })] : []),
  ]
}
