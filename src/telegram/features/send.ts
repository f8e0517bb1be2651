import { Composer, InlineKeyboard } from 'grammy'
import { z } from 'zod'
import { albumMessageIds, rememberAlbumItem } from '../../domain/albums.js'
import { formatLocal, takeWhen } from '../../domain/broadcasts/parse-when.js'
import { takeDeadline } from '../../domain/reminders/parse-deadline.js'
import { formatDay } from '../format.js'
import {
  confirmBroadcast,
  previewBroadcast,
  type BroadcastPreview,
  type BroadcastRequest,
} from '../../domain/broadcasts/schedule-broadcast.js'
import {
  readPendingAction,
  savePendingAction,
  takePendingAction,
} from '../../domain/pending-actions.js'
import { callbacks } from '../callback-data/codec.js'
import { commandNames } from '../commands.js'
import type { LoaContext } from '../context.js'
import { escapeHtml } from '../../domain/html.js'
import { allow } from '../middlewares/guards.js'
import { errorMessage, replyError } from '../reply-error.js'
import type { ConfirmationHandlers } from './confirmations.js'

const KIND = 'broadcast'
const URGENT = ['khan', 'khẩn', 'urgent']
const ROTATE = ['khauhieu', 'khẩuhiệu', 'slogans']
const ALL = ['tatca', 'tấtcả', 'all']
const MAX_TIMES_SHOWN = 5
/** Units named in a preview; the rest are counted (Telegram refuses over 4,096 characters). */
const MAX_UNITS_SHOWN = 10

const requestSchema = z.object({
  campaignCode: z.string(),
  when: z.string().nullable(),
  deadline: z.string().nullable().optional(),
  unitCodes: z.array(z.string()),
  allUnits: z.boolean().optional(),
  sourceChatId: z.number(),
  sourceMessageIds: z.array(z.number()),
  rotateSlogans: z.boolean(),
  urgent: z.boolean(),
  createdByMemberId: z.number().nullable(),
  actorTelegramId: z.number().nullable(),
})

/**
 * /gui <MÃ> [khi] [đơn vị…] [khan] [khauhieu], as a reply to the message to
 * broadcast (PRODUCT §3). A preview first; "Xác nhận" writes the broadcast and
 * its outbox rows in one transaction and wakes the sender.
 */
export function sendFeature(onConfirmed: () => void): {
  composer: Composer<LoaContext>
  confirmations: ConfirmationHandlers
} {
  const composer = new Composer<LoaContext>()

  // Albums arrive as separate messages; remember their ids so a reply to one copies all.
  composer.on('message', async (ctx, next) => {
    const groupId = ctx.message.media_group_id
    if (ctx.chat.type === 'private' && groupId !== undefined && ctx.member !== undefined) {
      await rememberAlbumItem(ctx.deps, {
        memberId: ctx.member.id,
        mediaGroupId: groupId,
        messageId: ctx.message.message_id,
      })
    }
    await next()
  })

  composer.command(commandNames('send'), async (ctx) => {
    if (!(await allow(ctx, '/gui', { capability: 'broadcast', where: 'private' }))) return
    const composed = ctx.msg.reply_to_message
    const tokens = ctx.match.trim().split(/\s+/).filter(Boolean)
    const [campaignCode, ...rest] = tokens
    if (composed === undefined || campaignCode === undefined || ctx.member === undefined) {
      await ctx.reply(ctx.t('send-usage'))
      return
    }
    const { deadline, rest: withoutDeadline } = takeDeadline(rest)
    const { when, rest: others } = takeWhen(withoutDeadline)
    const lower = (t: string) => t.toLowerCase()
    const flag = (t: string) =>
      URGENT.includes(lower(t)) || ROTATE.includes(lower(t)) || ALL.includes(lower(t))
    const request: BroadcastRequest = {
      campaignCode,
      when,
      deadline,
      unitCodes: others.filter((t) => !flag(t)),
      allUnits: others.some((t) => ALL.includes(lower(t))),
      sourceChatId: ctx.chat.id,
      sourceMessageIds: await albumMessageIds(ctx.deps, {
        memberId: ctx.member.id,
        mediaGroupId: composed.media_group_id,
        messageId: composed.message_id,
      }),
      rotateSlogans: others.some((t) => ROTATE.includes(lower(t))),
      urgent: others.some((t) => URGENT.includes(lower(t))),
      createdByMemberId: ctx.member.id,
      actorTelegramId: ctx.from?.id ?? null,
    }
    const preview = await previewBroadcast(ctx.deps, request)
    if (!preview.ok) return replyError(ctx, preview.error)
    const id = await savePendingAction(ctx.deps, {
      memberId: ctx.member.id,
      kind: KIND,
      payload: request,
    })
    const keyboard = new InlineKeyboard()
      .text(ctx.t('button-confirm'), callbacks.confirm.pack(id))
      .text(ctx.t('button-cancel'), callbacks.cancel.pack(id))
    await ctx.reply(previewText(ctx, preview.value), { parse_mode: 'HTML', reply_markup: keyboard })
  })

  const confirmations: ConfirmationHandlers = {
    kind: KIND,
    async confirm(ctx, id, memberId) {
      const request = await readPendingAction(ctx.deps, {
        id,
        memberId,
        kind: KIND,
        schema: requestSchema,
      })
      if (request === undefined) return ctx.t('error-stale-button')
      const confirmed = await confirmBroadcast(ctx.deps, request, {
        consume: { id, memberId, kind: KIND },
      })
      if (!confirmed.ok) return escapeHtml(errorMessage(ctx, confirmed.error))
      onConfirmed()
      const first = confirmed.value.preview.sendAts[0]
      return ctx.t(
        confirmed.value.status === 'awaiting_approval'
          ? 'send-awaiting-approval'
          : 'send-scheduled',
        {
          id: confirmed.value.broadcastIds[0] ?? 0,
          count: confirmed.value.preview.deliveryCount,
          when: first === undefined ? '—' : formatLocal(new Date(first), ctx.deps.config.timezone),
        },
      )
    },
    async cancel(ctx, id, memberId) {
      await takePendingAction(ctx.deps, { id, memberId, kind: KIND, schema: requestSchema })
      return ctx.t('send-cancelled')
    },
  }
  return { composer, confirmations }
}

function previewText(ctx: LoaContext, preview: BroadcastPreview): string {
  const zone = ctx.deps.config.timezone
  const times = preview.sendAts
    .slice(0, MAX_TIMES_SHOWN)
    .map((at) => formatLocal(new Date(at), zone))
  const more = preview.sendAts.length - times.length
  const targets = preview.targets.slice(0, MAX_UNITS_SHOWN).map((t) =>
    ctx.t('send-preview-target', {
      code: escapeHtml(t.unit.code),
      name: escapeHtml(t.unit.name),
      groups: t.chats.length,
    }),
  )
  const hiddenTargets = preview.targets.length - targets.length
  if (hiddenTargets > 0) targets.push(ctx.t('send-preview-targets-more', { count: hiddenTargets }))
  const without = preview.unitsWithoutGroup
  const withoutShown = without.slice(0, MAX_UNITS_SHOWN).map((u) => u.code)
  return [
    ctx.t('send-preview', {
      code: escapeHtml(preview.campaign.code),
      title: escapeHtml(preview.campaign.title),
      times: times.join(', ') + (more > 0 ? ctx.t('send-preview-more', { count: more }) : ''),
      occurrences: preview.sendAts.length,
      units: preview.targets.length,
      groups: preview.groupCount,
      copies: preview.deliveryCount,
    }),
    targets.join('\n'),
    without.length === 0
      ? ''
      : ctx.t('send-preview-no-group', {
          count: without.length,
          units:
            escapeHtml(withoutShown.join(', ')) +
            (without.length > withoutShown.length
              ? ctx.t('send-preview-more-units', { count: without.length - withoutShown.length })
              : ''),
        }),
    preview.confirmBy === null
      ? ctx.t('send-preview-no-deadline')
      : ctx.t('send-preview-deadline', { day: formatDay(preview.confirmBy) }),
    preview.requiresApproval ? ctx.t('send-preview-approval') : '',
    ctx.t('send-preview-confirm'),
  ]
    .filter((part) => part !== '')
    .join('\n\n')
}
