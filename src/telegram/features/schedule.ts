import { Composer, InlineKeyboard } from 'grammy'
import { deadlineSuffix } from '../deadline-text.js'
import { broadcastDeliveryReport } from '../../domain/broadcasts/delivery-report.js'
import { listSchedule, type ScheduleEntry } from '../../domain/broadcasts/schedule-view.js'
import { formatLocal } from '../../domain/broadcasts/parse-when.js'
import { retryFailedDeliveries } from '../../domain/broadcasts/retry-failed.js'
import { cancelBroadcast } from '../../domain/broadcasts/cancel-broadcast.js'
import { can } from '../../domain/units/roles.js'
import { callbacks, type CallbackCodec } from '../callback-data/codec.js'
import { ok, type Result } from '../../domain/errors.js'
import { commandNames } from '../commands.js'
import type { LoaContext } from '../context.js'
import { escapeHtml } from '../../domain/html.js'
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
    if (!(await allow(ctx, '/lich', { capability: 'broadcast', where: 'private' }))) return
    const argument = ctx.match.trim()
    if (/^\d+$/.test(argument)) return showOne(ctx, Number(argument))
    const result = await listSchedule(ctx.deps, { campaignCode: argument === '' ? null : argument })
    if (!result.ok) return replyError(ctx, result.error)
    if (result.value.length === 0) {
      await ctx.reply(ctx.t('schedule-empty'))
      return
    }
    const keyboard = new InlineKeyboard()
    for (const entry of result.value.filter((e) => e.cancellable).slice(0, MAX_CANCEL_BUTTONS)) {
      keyboard
        .text(
          ctx.t('schedule-cancel-button', { id: entry.broadcast.id }),
          callbacks.cancelBroadcast.pack(entry.broadcast.id),
        )
        .row()
    }
    const lines = result.value.map((entry) => entryLine(ctx, entry))
    await replyInParts(
      ctx,
      [ctx.t('schedule-header'), ...lines, escapeHtml(ctx.t('schedule-hint'))],
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
  return ctx.t('schedule-item', {
    id: broadcast.id,
    code: escapeHtml(entry.campaignCode),
    when:
      formatLocal(new Date(broadcast.sendAt), ctx.deps.config.timezone) +
      deadlineSuffix(ctx, broadcast.confirmBy),
    status: ctx.t(`broadcast-status-${broadcast.status}`),
    sent: counts.sent,
    total: counts.total,
    failed: counts.failed,
    acknowledged: counts.acknowledged,
  })
}

async function showOne(ctx: LoaContext, id: number): Promise<void> {
  const result = await broadcastDeliveryReport(ctx.deps, id)
  if (!result.ok) return replyError(ctx, result.error)
  const { broadcast, campaign, counts, groups, unitsWithoutDelivery } = result.value
  // PRODUCT §10 delivery report: failed groups with Telegram's reason first; each state
  // names at most MAX_GROUPS_PER_STATE groups and counts the rest, so 200 groups fit.
  const lines = STATE_ORDER.flatMap((state) => {
    const { shown, hidden } = firstOf(
      groups.filter((g) => g.state === state),
      MAX_GROUPS_PER_STATE,
    )
    const stateLines = shown.map((g) =>
      ctx.t(`schedule-group-${g.state}`, {
        unit: escapeHtml(g.unitCode),
        title: escapeHtml(g.chatTitle),
        acknowledged: g.acknowledged,
        reason: escapeHtml(g.failureReason ?? '—'),
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
      code: escapeHtml(campaign.code),
      when:
        formatLocal(new Date(broadcast.sendAt), ctx.deps.config.timezone) +
        deadlineSuffix(ctx, broadcast.confirmBy),
      status: ctx.t(`broadcast-status-${broadcast.status}`),
      sent: counts.sent,
      total: counts.total,
      failed: counts.failed,
      acknowledged: counts.acknowledged,
    }),
    ...lines,
    without.shown.length === 0
      ? ''
      : ctx.t('send-preview-no-group', {
          count: unitsWithoutDelivery.length,
          units:
            escapeHtml(without.shown.map((u) => u.code).join(', ')) +
            (without.hidden > 0 ? ctx.t('send-preview-more-units', { count: without.hidden }) : ''),
        }),
  ]
  const keyboard =
    counts.failed > 0
      ? new InlineKeyboard().text(
          ctx.t('schedule-retry-button', { count: counts.failed }),
          callbacks.retryFailed.pack(broadcast.id),
        )
      : undefined
  await replyInParts(ctx, blocks, keyboard === undefined ? {} : { keyboard })
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
    await ctx.answerCallbackQuery(
      result.ok
        ? { text: result.value.slice(0, 200) }
        : { text: errorMessage(ctx, result.error).slice(0, 200), show_alert: true },
    )
  })
}
