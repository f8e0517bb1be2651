import { Composer, InlineKeyboard } from 'grammy'
import { z } from 'zod'
import type { AmendActor } from '../../domain/broadcasts/amend-access.js'
import {
  correctBroadcast,
  askCorrection,
  CORRECTION_TEXT,
  openCorrection,
  previewCorrection,
} from '../../domain/broadcasts/correct-broadcast.js'
import { previewRecall, recallBroadcast } from '../../domain/broadcasts/recall-broadcast.js'
import { escapeHtml } from '../../domain/html.js'
import {
  readPendingAction,
  savePendingAction,
  takePendingAction,
} from '../../domain/pending-actions.js'
import type { Translate } from '../../domain/ports.js'
import { callbacks } from '../callback-data/codec.js'
import type { LoaContext } from '../context.js'
import { errorMessage, replyError } from '../reply-error.js'
import { shorten, toastText } from '../shorten.js'
import type { ConfirmationHandlers } from './confirmations.js'

const CORRECT = 'correction'
const RECALL = 'recall'
const correctionSchema = z.object({ broadcastId: z.number(), text: z.string() })
const recallSchema = z.object({ broadcastId: z.number() })
/** The new text quoted in the preview; a longer one is shown cut (the whole text is kept). */
const MAX_QUOTED = 3000

function actorOf(ctx: LoaContext): AmendActor | undefined {
  return ctx.member === undefined || ctx.from === undefined
    ? undefined
    : { memberId: ctx.member.id, role: ctx.role, telegramId: ctx.from.id }
}

/**
 * Issue 12, «Sửa nội dung» and «Thu hồi» under /lich <số>: the new text in the
 * next message (a conversation that survives a restart), then a preview with
 * «Xác nhận» / «Huỷ» (confirmed through the shared confirmations feature).
 */
export function recallFeature(translate: Translate): {
  composer: Composer<LoaContext>
  confirmations: ConfirmationHandlers[]
} {
  const composer = new Composer<LoaContext>()

  composer.callbackQuery(callbacks.correct.filter, async (ctx) => {
    const id = callbacks.correct.unpack(ctx.callbackQuery.data)
    const actor = actorOf(ctx)
    if (id === undefined || actor === undefined || ctx.chat?.type !== 'private') {
      await ctx.answerCallbackQuery({ text: ctx.t('error-stale-button'), show_alert: true })
      return
    }
    const preview = await previewCorrection(ctx.deps, { broadcastId: id, actor })
    if (!preview.ok) {
      await ctx.answerCallbackQuery({
        text: toastText(errorMessage(ctx, preview.error)),
        show_alert: true,
      })
      return
    }
    await askCorrection(ctx.deps, { broadcastId: id, memberId: actor.memberId })
    await ctx.answerCallbackQuery()
    await ctx.reply(ctx.t('recall-edit-ask', { id, copies: preview.value.copies }))
  })

  // The next private text of someone who pressed «Sửa nội dung» is the new text.
  composer.on('message:text', async (ctx, next) => {
    const text = ctx.message.text.trim()
    const actor = actorOf(ctx)
    if (ctx.chat.type !== 'private' || text.startsWith('/') || actor === undefined) return next()
    const open = await openCorrection(ctx.deps, actor.memberId)
    if (open === undefined) return next()
    const preview = await previewCorrection(ctx.deps, {
      broadcastId: open.broadcastId,
      actor,
      text,
    })
    // Too long: the conversation stays open for a shorter text; any other refusal closes it.
    if (!preview.ok) {
      if (preview.error.code !== 'correction-too-long')
        await takePendingAction(ctx.deps, {
          id: open.id,
          memberId: actor.memberId,
          kind: CORRECTION_TEXT,
          schema: recallSchema,
        })
      return replyError(ctx, preview.error)
    }
    await takePendingAction(ctx.deps, {
      id: open.id,
      memberId: actor.memberId,
      kind: CORRECTION_TEXT,
      schema: recallSchema,
    })
    const pendingId = await savePendingAction(ctx.deps, {
      memberId: actor.memberId,
      kind: CORRECT,
      payload: { broadcastId: open.broadcastId, text },
    })
    const quoted = text.length > MAX_QUOTED ? shorten(text, MAX_QUOTED) : text
    await ctx.reply(
      ctx.t('recall-edit-preview', {
        id: open.broadcastId,
        copies: preview.value.copies,
        // The translation escapes it; what counts against Telegram's limit is the escaped length.
        text: escapeHtml(quoted).length > 4000 - 300 ? shorten(text, 500) : quoted,
      }),
      { parse_mode: 'HTML', reply_markup: confirmKeyboard(ctx, pendingId) },
    )
  })

  composer.callbackQuery(callbacks.recall.filter, async (ctx) => {
    const id = callbacks.recall.unpack(ctx.callbackQuery.data)
    const actor = actorOf(ctx)
    if (id === undefined || actor === undefined || ctx.chat?.type !== 'private') {
      await ctx.answerCallbackQuery({ text: ctx.t('error-stale-button'), show_alert: true })
      return
    }
    const preview = await previewRecall(ctx.deps, { broadcastId: id, actor })
    if (!preview.ok) {
      await ctx.answerCallbackQuery({
        text: toastText(errorMessage(ctx, preview.error)),
        show_alert: true,
      })
      return
    }
    const pendingId = await savePendingAction(ctx.deps, {
      memberId: actor.memberId,
      kind: RECALL,
      payload: { broadcastId: id },
    })
    await ctx.answerCallbackQuery()
    const { copies, groups, tooOld } = preview.value
    await ctx.reply(
      // Every copy over 48 hours: nothing to delete, but recalling still stops the reminders.
      (copies === 0
        ? [ctx.t('recall-preview-none', { id, count: tooOld })]
        : [
            ctx.t('recall-preview', { id, copies, groups }),
            tooOld > 0 ? ctx.t('recall-preview-too-old', { count: tooOld }) : '',
          ]
      )
        .filter((line) => line !== '')
        .join('\n'),
      { parse_mode: 'HTML', reply_markup: confirmKeyboard(ctx, pendingId) },
    )
  })

  const correction: ConfirmationHandlers = {
    kind: CORRECT,
    async confirm(ctx, id, memberId) {
      const stored = await readPendingAction(ctx.deps, {
        id,
        memberId,
        kind: CORRECT,
        schema: correctionSchema,
      })
      const actor = actorOf(ctx)
      if (stored === undefined || actor === undefined) return ctx.t('error-stale-button')
      const done = await correctBroadcast(ctx.deps, {
        broadcastId: stored.broadcastId,
        text: stored.text,
        actor,
        consume: { id, memberId, kind: CORRECT },
      })
      if (!done.ok) return escapeHtml(errorMessage(ctx, done.error))
      if (done.value.stale) return ctx.t('error-stale-button')
      ctx.deps.wake?.()
      return ctx.t('recall-edit-queued', { id: stored.broadcastId, copies: done.value.copies })
    },
    async cancel(ctx, id, memberId) {
      await takePendingAction(ctx.deps, { id, memberId, kind: CORRECT, schema: correctionSchema })
      return ctx.t('recall-edit-cancelled')
    },
  }

  const recall: ConfirmationHandlers = {
    kind: RECALL,
    async confirm(ctx, id, memberId) {
      const stored = await readPendingAction(ctx.deps, {
        id,
        memberId,
        kind: RECALL,
        schema: recallSchema,
      })
      const actor = actorOf(ctx)
      if (stored === undefined || actor === undefined) return ctx.t('error-stale-button')
      const done = await recallBroadcast(ctx.deps, {
        broadcastId: stored.broadcastId,
        actor,
        consume: { id, memberId, kind: RECALL },
        translate,
      })
      if (!done.ok) return escapeHtml(errorMessage(ctx, done.error))
      if (done.value.stale) return ctx.t('error-stale-button')
      ctx.deps.wake?.()
      if (done.value.copies === 0) return ctx.t('recall-queued-none', { id: stored.broadcastId })
      return ctx.t('recall-queued', {
        id: stored.broadcastId,
        copies: done.value.copies,
        cancelled: done.value.cancelled,
      })
    },
    async cancel(ctx, id, memberId) {
      await takePendingAction(ctx.deps, { id, memberId, kind: RECALL, schema: recallSchema })
      return ctx.t('recall-cancelled')
    },
  }
  return { composer, confirmations: [correction, recall] }
}

function confirmKeyboard(ctx: LoaContext, pendingId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t('button-confirm'), callbacks.confirm.pack(pendingId))
    .text(ctx.t('button-cancel'), callbacks.cancel.pack(pendingId))
}
