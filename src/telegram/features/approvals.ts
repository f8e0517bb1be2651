import type { I18n } from '@grammyjs/i18n'
import { Composer } from 'grammy'
import {
  CONVERSATION_TTL_HOURS,
  NEW_TIME,
  REJECT_REASON,
  openConversation,
} from '../../domain/approvals/conversations.js'
import { answerNewTime } from '../../domain/approvals/new-time.js'
import {
  approveBroadcast,
  checkReviewable,
  rejectBroadcast,
} from '../../domain/broadcasts/review-broadcast.js'
import { formatLocal } from '../../domain/broadcasts/parse-when.js'
import { savePendingAction } from '../../domain/pending-actions.js'
import { telegramApprovalMessages } from '../approval-messages.js'
import { callbacks } from '../callback-data/codec.js'
import type { LoaContext } from '../context.js'
import { toLocale } from '../i18n.js'
import { errorMessage, replyError } from '../reply-error.js'
import type { DomainError } from '../../domain/errors.js'

/**
 * Another leader decided first (or the broadcast left the queue): the buttons
 * under this leader's request are moot, so they go with the answer that says
 * who decided. A failed edit changes nothing that matters: the answer is out.
 */
async function dropDecidedButtons(ctx: LoaContext, error: DomainError): Promise<void> {
  if (
    error.code !== 'broadcast-already-reviewed' &&
    error.code !== 'broadcast-not-awaiting-approval'
  )
    return
  try {
    await ctx.editMessageReplyMarkup()
  } catch (failure) {
    ctx.log.warn({ err: failure }, 'could not remove decided approval buttons')
  }
}

/**
 * Issue 12, approval before sending: a leader's «Duyệt» / «Trả lại» under the
 * request in private, the reason typed in the next message, and the sender's
 * new time when the approval came too late. Both answers are pending_action
 * rows, so they survive a restart.
 */
export function approvalsFeature(i18n: I18n<LoaContext>): Composer<LoaContext> {
  const composer = new Composer<LoaContext>()
  const messagesFor = (ctx: LoaContext) =>
    telegramApprovalMessages(
      i18n,
      toLocale(ctx.deps.config.defaultLocale) ?? 'vi',
      ctx.deps.config.timezone,
    )
  const leader = (ctx: LoaContext) => ctx.role === 'leader' && ctx.chat?.type === 'private'

  composer.callbackQuery(callbacks.approve.filter, async (ctx) => {
    const id = callbacks.approve.unpack(ctx.callbackQuery.data)
    if (id === undefined || !leader(ctx) || ctx.member === undefined) {
      await ctx.answerCallbackQuery({ text: ctx.t('approval-leaders-only'), show_alert: true })
      return
    }
    const result = await approveBroadcast(ctx.deps, {
      broadcastId: id,
      reviewerMemberId: ctx.member.id,
      actorTelegramId: ctx.from.id,
      messages: messagesFor(ctx),
    })
    if (!result.ok) {
      await ctx.answerCallbackQuery({ text: errorMessage(ctx, result.error), show_alert: true })
      await dropDecidedButtons(ctx, result.error)
      return
    }
    ctx.deps.wake?.()
    await ctx.answerCallbackQuery()
    await ctx.editMessageReplyMarkup()
    await ctx.reply(
      ctx.t(result.value.needsNewTime ? 'approval-done-late' : 'approval-done', { id }),
    )
  })

  composer.callbackQuery(callbacks.reject.filter, async (ctx) => {
    const id = callbacks.reject.unpack(ctx.callbackQuery.data)
    if (id === undefined || !leader(ctx) || ctx.member === undefined) {
      await ctx.answerCallbackQuery({ text: ctx.t('approval-leaders-only'), show_alert: true })
      return
    }
    const input = { broadcastId: id, reviewerMemberId: ctx.member.id, actorTelegramId: ctx.from.id }
    const check = await checkReviewable(ctx.deps, input)
    if (!check.ok) {
      await ctx.answerCallbackQuery({ text: errorMessage(ctx, check.error), show_alert: true })
      await dropDecidedButtons(ctx, check.error)
      return
    }
    await savePendingAction(ctx.deps, {
      memberId: ctx.member.id,
      kind: REJECT_REASON,
      payload: { broadcastId: id },
      ttlHours: CONVERSATION_TTL_HOURS,
    })
    await ctx.answerCallbackQuery()
    await ctx.reply(ctx.t('approval-ask-reason', { id }))
  })

  // The next private text of someone with an open conversation answers it.
  composer.on('message:text', async (ctx, next) => {
    const text = ctx.message.text.trim()
    if (ctx.chat.type !== 'private' || text.startsWith('/') || ctx.member === undefined)
      return next()
    const open = await openConversation(ctx.deps, ctx.member.id)
    if (open === undefined) return next()
    const consume = { id: open.id, memberId: ctx.member.id, kind: open.kind }
    if (open.kind === REJECT_REASON) {
      const result = await rejectBroadcast(ctx.deps, {
        broadcastId: open.broadcastId,
        reviewerMemberId: ctx.member.id,
        actorTelegramId: ctx.from.id,
        note: text,
        messages: messagesFor(ctx),
        consume,
      })
      if (!result.ok) return replyError(ctx, result.error)
      ctx.deps.wake?.()
      await ctx.reply(ctx.t('approval-rejected', { id: open.broadcastId }))
      return
    }
    if (open.kind === NEW_TIME) {
      const result = await answerNewTime(ctx.deps, {
        broadcastId: open.broadcastId,
        memberId: ctx.member.id,
        text,
        actorTelegramId: ctx.from.id,
        consume,
      })
      if (!result.ok) return replyError(ctx, result.error)
      await ctx.reply(
        ctx.t('approval-rescheduled', {
          id: open.broadcastId,
          when: formatLocal(new Date(result.value.sendAt), ctx.deps.config.timezone),
        }),
      )
      return
    }
    return next()
  })
  return composer
}
