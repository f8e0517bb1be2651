import { Composer, InlineKeyboard } from 'grammy'
import { recordParticipation } from '../../domain/acknowledgements/record-participation.js'
import { callbacks } from '../callback-data/codec.js'
import { findCampaignByCode } from '../../domain/campaigns/campaign-queries.js'
import { commandAnywhere } from '../command-anywhere.js'
import { commandNames } from '../commands.js'
import type { LoaContext } from '../context.js'
import { shorten, toastText } from '../shorten.js'
import { allow } from '../middlewares/guards.js'
import { errorMessage, replyError } from '../reply-error.js'
import type { ParticipationRecorded } from '../../domain/acknowledgements/record-participation.js'

/** What /thamgia answers; the member's own note is echoed back, so they see what was kept (issue 11, point 14). */
function joinedText(
  ctx: LoaContext,
  value: ParticipationRecorded,
  note: string | null = null,
): string {
  const { created, updated, activity, campaign } = value
  const text = ctx.t(created ? 'join-recorded' : updated ? 'join-updated' : 'join-already', {
    activity: shorten(activity.title, 160),
    code: campaign.code,
  })
  return note === null || (!created && !updated)
    ? text
    : `${text}\n${ctx.t('join-note', { note: shorten(note, 300) })}`
}

/**
 * /thamgia [MÃ] [ghi chú], in a group or in private, optionally replying to a
 * broadcast or carrying a photo as evidence (PRODUCT §3). Without a code the
 * open activity of the member's campaigns is used, or offered as buttons.
 */
export function joinFeature(): Composer<LoaContext> {
  const composer = new Composer<LoaContext>()
  commandAnywhere(composer, commandNames('join'), async (ctx, args) => {
    if (!(await allow(ctx, '/thamgia', {})) || ctx.member === undefined || ctx.chat === undefined)
      return
    const [first = '', ...rest] = args.trim().split(/\s+/)
    // The first word is a campaign code when a campaign has it (any case), or when it
    // looks like one (capitals and digits), so a mistyped code is answered, not taken as the note.
    const isCode =
      first !== '' &&
      ((await findCampaignByCode(ctx.deps.db, first)) !== undefined ||
        (/^[A-Z0-9-]{2,20}$/.test(first) && /\d|[A-Z]{3,}/.test(first)))
    const note = (isCode ? rest.join(' ') : args.trim()) || null
    const replied = ctx.msg?.reply_to_message
    const photo = ctx.msg?.photo?.at(-1) ?? replied?.photo?.at(-1)
    const result = await recordParticipation(ctx.deps, {
      ...(isCode ? { campaignCode: first } : {}),
      memberId: ctx.member.id,
      note,
      photoFileId: photo?.file_id ?? null,
      source: 'command',
      ...(replied === undefined
        ? {}
        : { onMessage: { chatId: ctx.chat.id, messageId: replied.message_id } }),
    })
    if (!result.ok) {
      if (result.error.code === 'choose-activity') {
        const keyboard = new InlineKeyboard()
        for (const option of result.error.options.slice(0, 10)) {
          keyboard
            .text(
              shorten(`${option.campaignCode}: ${option.title}`, 60),
              callbacks.chooseActivity.pack(option.activityId),
            )
            .row()
        }
        await ctx.reply(ctx.t('error-choose-activity'), { reply_markup: keyboard })
        return
      }
      return replyError(ctx, result.error)
    }
    await ctx.reply(joinedText(ctx, result.value, note))
  })

  // The choice a bare /thamgia offered: the same as /thamgia with that activity.
  composer.callbackQuery(callbacks.chooseActivity.filter, async (ctx) => {
    const activityId = callbacks.chooseActivity.unpack(ctx.callbackQuery.data)
    if (activityId === undefined || ctx.member === undefined) {
      await ctx.answerCallbackQuery({ text: ctx.t('error-stale-button'), show_alert: true })
      return
    }
    const result = await recordParticipation(ctx.deps, {
      activityId,
      memberId: ctx.member.id,
      source: 'command',
      fromChoice: true,
    })
    if (!result.ok) {
      await ctx.answerCallbackQuery({
        text: toastText(errorMessage(ctx, result.error)),
        show_alert: true,
      })
      return
    }
    await ctx.answerCallbackQuery({ text: toastText(joinedText(ctx, result.value)) })
  })
  return composer
}
