import { Composer, InlineKeyboard } from 'grammy'
import {
  readPendingAction,
  savePendingAction,
  takePendingAction,
} from '../../domain/pending-actions.js'
import { extractPlanText, MAX_PLAN_BYTES } from '../../domain/plans/extract-text.js'
import {
  confirmPlanImport,
  planImportDraftSchema,
  previewPlanImport,
} from '../../domain/plans/plan-import.js'
import { callbacks } from '../callback-data/codec.js'
import { commandAnywhere } from '../command-anywhere.js'
import { commandNames } from '../commands.js'
import type { LoaContext } from '../context.js'
import { downloadFile } from '../download.js'
import { allow } from '../middlewares/guards.js'
import { replyError } from '../reply-error.js'
import { previewText } from './plan-preview.js'
import { pastedTextFrom, rememberPastedText } from '../../domain/plans/plan-paste.js'
import { can } from '../../domain/units/roles.js'
import type { ConfirmationHandlers } from './confirmations.js'

const KIND = 'plan-import'

/**
 * /kehoach: as the caption of a plan file, as a reply to a file or to pasted
 * text, or with the text after the command. Shows what the campaign would be;
 * "Xác nhận" creates it in one transaction, "Huỷ" creates nothing.
 */
export function importPlanFeature(): Composer<LoaContext> {
  const composer = new Composer<LoaContext>()
  commandAnywhere(composer, commandNames('importPlan'), importPlan)
  // Issue 11, point 5: the parts of a long paste, so /kehoach on the first reads them all.
  composer.chatType('private').on('message:text', async (ctx, next) => {
    const member = ctx.member
    if (
      member !== undefined &&
      can(ctx.role, 'manage-campaigns') &&
      !ctx.msg.text.startsWith('/')
    ) {
      await rememberPastedText(ctx.deps, {
        memberId: member.id,
        chatId: ctx.chat.id,
        messageId: ctx.msg.message_id,
        sentAt: ctx.msg.date,
        text: ctx.msg.text,
      })
    }
    await next()
  })
  return composer
}

async function importPlan(ctx: LoaContext, args: string): Promise<void> {
  if (!(await allow(ctx, '/kehoach', { capability: 'manage-campaigns', where: 'private' }))) return
  const member = ctx.member
  if (member === undefined) return
  const text = await planTextOf(ctx, args)
  if (text === undefined) return
  const preview = await previewPlanImport(ctx.deps, text)
  if (!preview.ok) return replyError(ctx, preview.error)
  if (preview.value.duplicateOf !== undefined) {
    // PRODUCT: the same plan twice warns instead of duplicating; nothing to confirm.
    await ctx.reply(previewText(ctx, preview.value), { parse_mode: 'HTML' })
    return
  }
  const id = await savePendingAction(ctx.deps, {
    memberId: member.id,
    kind: KIND,
    payload: {
      plan: preview.value.plan,
      fingerprint: preview.value.fingerprint,
      year: preview.value.year,
    },
  })
  const keyboard = new InlineKeyboard()
    .text(ctx.t('button-confirm'), callbacks.confirm.pack(id))
    .text(ctx.t('button-cancel'), callbacks.cancel.pack(id))
  await ctx.reply(previewText(ctx, preview.value), { parse_mode: 'HTML', reply_markup: keyboard })
}

/** The plan's text from whichever place it came in, or undefined after explaining what went wrong. */
async function planTextOf(ctx: LoaContext, args: string): Promise<string | undefined> {
  const message = ctx.msg
  const document = message?.document ?? message?.reply_to_message?.document
  if (document !== undefined) {
    if ((document.file_size ?? 0) > MAX_PLAN_BYTES) {
      await replyError(ctx, { code: 'plan-too-large', maxBytes: MAX_PLAN_BYTES })
      return undefined
    }
    const bytes = await downloadFile(ctx, document.file_id)
    const extracted = await extractPlanText({ fileName: document.file_name ?? 'plan.txt', bytes })
    if (!extracted.ok) {
      await replyError(ctx, extracted.error)
      return undefined
    }
    return extracted.text
  }
  if (args.trim() !== '') return args
  const replied = message?.reply_to_message
  const member = ctx.member
  if (replied?.text === undefined || replied.text.trim() === '' || member === undefined) {
    await ctx.reply(ctx.t('plan-usage'))
    return undefined
  }
  const pasted = await pastedTextFrom(ctx.deps, {
    memberId: member.id,
    chatId: replied.chat.id,
    messageId: replied.message_id,
    text: replied.text,
  })
  return pasted.text
}

/** What "Xác nhận" and "Huỷ" do for a plan preview. */
export const planImportConfirmations: ConfirmationHandlers = {
  kind: KIND,
  async confirm(ctx, id, memberId) {
    const draft = await readPendingAction(ctx.deps, {
      id,
      memberId,
      kind: KIND,
      schema: planImportDraftSchema,
    })
    if (draft === undefined) return ctx.t('error-stale-button')
    const created = await confirmPlanImport(ctx.deps, draft, memberId, ctx.from?.id ?? null, {
      id,
      memberId,
      kind: KIND,
    })
    if (!created.ok)
      return ctx.t(
        created.error.code === 'stale-button' ? 'error-stale-button' : 'plan-not-created',
      )
    const done = ctx.t('plan-created', {
      code: created.value.code,
      title: created.value.title,
      count: created.value.activities.length,
    })
    return created.value.activities.length > 0
      ? done
      : `${done}\n${ctx.t('plan-created-add-hint', { code: created.value.code })}`
  },
  async cancel(ctx, id, memberId) {
    await takePendingAction(ctx.deps, { id, memberId, kind: KIND, schema: planImportDraftSchema })
    return ctx.t('plan-cancelled')
  },
}
