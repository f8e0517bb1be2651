import { Composer, InlineKeyboard } from 'grammy'
import {
  answerCampaignDraft,
  CAMPAIGN_DRAFT_KIND,
  campaignDraftId,
  createCampaignFromDraft,
  dropCampaignDraft,
  findCampaignDraft,
  startCampaignDraft,
  type CampaignDraft,
} from '../../domain/campaigns/campaign-draft.js'
import { escapeHtml } from '../../domain/html.js'
import { can } from '../../domain/units/roles.js'
import { callbacks } from '../callback-data/codec.js'
import type { LoaContext } from '../context.js'
import { formatDay } from '../format.js'
import { errorMessage } from '../reply-error.js'
import type { ConfirmationHandlers } from './confirmations.js'

/** `/chiendich moi` starts it (see campaigns.ts); this asks each step and takes the answers. */
export async function askNextStep(ctx: LoaContext, draft: CampaignDraft): Promise<void> {
  if (draft.step !== 'preview') {
    await ctx.reply(ctx.t(`campaign-new-ask-${draft.step}`), {
      reply_markup: { force_reply: true },
    })
    return
  }
  const id = ctx.member === undefined ? undefined : await campaignDraftId(ctx.deps, ctx.member.id)
  if (id === undefined) return
  const keyboard = new InlineKeyboard()
    .text(ctx.t('button-confirm'), callbacks.confirm.pack(id))
    .text(ctx.t('button-cancel'), callbacks.cancel.pack(id))
  await ctx.reply(
    ctx.t('campaign-new-preview', {
      title: draft.title ?? '—',
      period:
        draft.period === null
          ? '—'
          : `${formatDay(draft.period.start)} – ${formatDay(draft.period.end)}`,
      slogans: draft.slogans.length === 0 ? '—' : draft.slogans.map((s) => `“${s}”`).join('; '),
    }),
    { parse_mode: 'HTML', reply_markup: keyboard },
  )
}

export async function startNewCampaign(ctx: LoaContext): Promise<void> {
  if (ctx.member === undefined) return
  await askNextStep(ctx, await startCampaignDraft(ctx.deps, ctx.member.id))
}

/** Plain text in private from someone with a draft open is the answer to its current step. */
export function newCampaignFeature(): {
  composer: Composer<LoaContext>
  confirmations: ConfirmationHandlers
} {
  const composer = new Composer<LoaContext>()
  composer.on('message:text', async (ctx, next) => {
    const member = ctx.member
    if (
      ctx.chat.type !== 'private' ||
      member === undefined ||
      ctx.message.text.startsWith('/') ||
      !can(ctx.role, 'manage-campaigns')
    ) {
      return next()
    }
    const draft = await findCampaignDraft(ctx.deps, member.id)
    if (draft === undefined || draft.step === 'preview') return next()
    const answered = await answerCampaignDraft(ctx.deps, member.id, ctx.message.text)
    if (!answered.ok) {
      const { field, period } = answered.error
      if (period !== undefined) {
        // The example is their own dates the right way round.
        const [start, end] = [formatDay(period.start), formatDay(period.end)]
        await ctx.reply(ctx.t('campaign-new-period-reversed', { start, end }))
        return
      }
      await ctx.reply(ctx.t(`campaign-new-bad-${field === 'period' ? 'period' : 'title'}`))
      return
    }
    await askNextStep(ctx, answered.value)
  })

  const confirmations: ConfirmationHandlers = {
    kind: CAMPAIGN_DRAFT_KIND,
    async confirm(ctx, _id, memberId) {
      const created = await createCampaignFromDraft(ctx.deps, {
        memberId,
        actorTelegramId: ctx.from?.id ?? null,
      })
      if (created === undefined) return ctx.t('error-stale-button')
      if (!created.ok) return escapeHtml(errorMessage(ctx, created.error))
      return ctx.t('campaign-new-created', {
        code: created.value.code,
        title: created.value.title,
      })
    },
    async cancel(ctx, _id, memberId) {
      await dropCampaignDraft(ctx.deps, memberId)
      return ctx.t('campaign-new-cancelled')
    },
  }
  return { composer, confirmations }
}
