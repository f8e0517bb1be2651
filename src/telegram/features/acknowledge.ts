import { Composer } from 'grammy'
import { recordAcknowledgement } from '../../domain/acknowledgements/record-acknowledgement.js'
import { handleBroadcastReply } from '../../domain/acknowledgements/reply-to-broadcast.js'
import type { Translate } from '../../domain/ports.js'
import { recordParticipation } from '../../domain/acknowledgements/record-participation.js'
import { callbacks } from '../callback-data/codec.js'
import type { LoaContext } from '../context.js'
import { errorMessage } from '../reply-error.js'
import { toastText } from '../shorten.js'

/**
 * The updates this feature marks handled inside its own transaction (one
 * commit per tap or reaction, src/telegram/middlewares/inbox.ts): every write
 * they lead to goes through recordAcknowledgement or recordParticipation with
 * ctx.inbox.
 */
export function settlesItsUpdate(ctx: LoaContext): boolean {
  if (ctx.update.message_reaction !== undefined) return true
  const data = ctx.update.callback_query?.data
  return (
    data !== undefined &&
    (callbacks.acknowledge.filter.test(data) || callbacks.participate.filter.test(data))
  )
}

/**
 * A press this feature cannot take, refused before any write: the update is
 * marked first, so that a redelivery of it is not refused a second time
 * (src/telegram/middlewares/inbox.ts).
 */
async function refuseStale(ctx: LoaContext): Promise<void> {
  if (ctx.inbox !== undefined && !(await ctx.inbox.settleAlone())) return
  await ctx.answerCallbackQuery({ text: ctx.t('error-stale-button'), show_alert: true })
}

/**
 * "Đã đọc" three ways (PRODUCT §2, §3, §10): the ✅ button, any emoji reaction
 * on a delivered copy, and a text reply to it in the group; and "🙋 Tham gia".
 * The button is answered at once with a toast; the counts on it are refreshed
 * later by the sender, coalesced per message.
 */
export function acknowledgeFeature(translate: Translate): {
  /** The ✅ and 🙋 buttons and reactions: early in the chain, nothing before them claims these. */
  taps: Composer<LoaContext>
  /** Text replies to a copy: in the order of the other text handlers. */
  replies: Composer<LoaContext>
} {
  const composer = new Composer<LoaContext>()
  const replies = new Composer<LoaContext>()

  /**
   * A new count is owed to a copy's buttons: the scheduler may be asleep for up to a
   * minute with nothing due, so it is woken — at most once a second, not per tap: each
   * wake costs a pass over every job, and the refresh coalesces per message anyway.
   */
  let wokenAt = -Infinity
  const countsChanged = (ctx: LoaContext) => {
    const now = ctx.deps.clock.now().getTime()
    if (now - wokenAt < 1_000) return
    wokenAt = now
    ctx.deps.wake?.()
  }

  composer.callbackQuery(callbacks.acknowledge.filter, async (ctx) => {
    const broadcastId = callbacks.acknowledge.unpack(ctx.callbackQuery.data)
    const message = ctx.callbackQuery.message
    if (broadcastId === undefined || message === undefined || ctx.member === undefined) {
      await refuseStale(ctx)
      return
    }
    const result = await recordAcknowledgement(
      ctx.deps,
      {
        chatId: message.chat.id,
        messageId: message.message_id,
        broadcastId,
        memberId: ctx.member.id,
        source: 'button',
        inPrivate: message.chat.type === 'private',
      },
      ctx.inbox,
    )
    if (!result.ok) {
      await ctx.answerCallbackQuery({
        text: toastText(errorMessage(ctx, result.error)),
        show_alert: true,
      })
      return
    }
    await ctx.answerCallbackQuery({
      text: ctx.t(result.value.created ? 'ack-done' : 'ack-already'),
    })
    if (result.value.created) countsChanged(ctx)
  })

  composer.callbackQuery(callbacks.participate.filter, async (ctx) => {
    const activityId = callbacks.participate.unpack(ctx.callbackQuery.data)
    const message = ctx.callbackQuery.message
    if (activityId === undefined || message === undefined || ctx.member === undefined) {
      await refuseStale(ctx)
      return
    }
    const result = await recordParticipation(
      ctx.deps,
      {
        activityId,
        memberId: ctx.member.id,
        source: 'button',
        onMessage: { chatId: message.chat.id, messageId: message.message_id },
      },
      ctx.inbox,
    )
    if (!result.ok) {
      await ctx.answerCallbackQuery({
        text: toastText(errorMessage(ctx, result.error)),
        show_alert: true,
      })
      return
    }
    await ctx.answerCallbackQuery({
      // Cut at a word, with «…»: a toast shows 200 characters and "…người lao" reads as a typo.
      text: toastText(
        ctx.t(result.value.created ? 'join-done' : 'join-already', {
          activity: result.value.activity.title,
        }),
      ),
    })
    if (result.value.created) countsChanged(ctx)
  })

  // Any emoji counts; removing one undoes nothing, so only added reactions matter.
  composer.on('message_reaction', async (ctx) => {
    const { new_reaction, old_reaction } = ctx.messageReaction
    if (ctx.member === undefined || new_reaction.length <= old_reaction.length) return
    const result = await recordAcknowledgement(
      ctx.deps,
      {
        chatId: ctx.messageReaction.chat.id,
        messageId: ctx.messageReaction.message_id,
        memberId: ctx.member.id,
        source: 'reaction',
      },
      ctx.inbox,
    )
    if (result.ok && result.value.created) countsChanged(ctx)
  })

  // A text reply to a delivered copy (PRODUCT §10, issue 11 point 1): «Đã nắm», «Ok ạ» or only
  // emoji count; a question goes to the sender in private instead; other talk is left alone.
  replies.on('message:text').filter(
    (ctx) => ctx.unitChat !== undefined && ctx.message.reply_to_message?.from?.id === ctx.me.id,
    async (ctx, next) => {
      const repliedTo = ctx.message.reply_to_message
      if (ctx.member !== undefined && repliedTo !== undefined) {
        const handled = await handleBroadcastReply(
          ctx.deps,
          {
            chatId: ctx.chat.id,
            repliedToMessageId: repliedTo.message_id,
            replyMessageId: ctx.message.message_id,
            memberId: ctx.member.id,
            text: ctx.message.text,
          },
          translate,
        )
        if (handled.forwarded > 0) ctx.deps.wake?.()
      }
      await next()
    },
  )
  return { taps: composer, replies }
}
