import type { I18n } from '@grammyjs/i18n'
import { Composer, InlineKeyboard } from 'grammy'
import { telegramApprovalMessages } from '../approval-messages.js'
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
  peekPendingAction,
  readPendingAction,
  savePendingAction,
  takePendingAction,
} from '../../domain/pending-actions.js'
import { QUIET_FROM, QUIET_UNTIL, quietHoursAt } from '../../domain/calendar/quiet-hours.js'
import { callbacks } from '../callback-data/codec.js'
import { commandNames } from '../commands.js'
import type { LoaContext } from '../context.js'
import { escapeHtml, html } from '../../domain/html.js'
import { can } from '../../domain/units/roles.js'
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
  ownUnitIds: z.array(z.number()).optional(),
  createdByMemberId: z.number().nullable(),
  actorTelegramId: z.number().nullable(),
})

/**
 * /gui <MÃ> [khi] [đơn vị…] [khan] [khauhieu], as a reply to the message to
 * broadcast (PRODUCT §3). A preview first; "Xác nhận" writes the broadcast and
 * its outbox rows in one transaction and wakes the sender.
 */
export function sendFeature(
  onConfirmed: () => void,
  i18n: I18n<LoaContext>,
): {
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
    if (!(await allow(ctx, '/gui', { capability: 'broadcast-own-unit', where: 'private' }))) return
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
      // Issue 12: a head sends to the groups of their own unit only.
      ...(can(ctx.role, 'broadcast')
        ? {}
        : { ownUnitIds: ctx.member.unitId === null ? [] : [ctx.member.unitId] }),
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
    // PRODUCT §4 quiet hours (issue 11, point 13): «ngay» at night is said aloud, with 07:00 offered.
    const quiet =
      preview.value.when.kind === 'now'
        ? quietHoursAt(ctx.deps.clock.now(), ctx.deps.config.timezone)
        : undefined
    const keyboard =
      quiet?.quiet === true
        ? new InlineKeyboard()
            .text(
              ctx.t('send-quiet-morning-button', { time: QUIET_UNTIL }),
              callbacks.sendMorning.pack(id),
            )
            .text(ctx.t('send-quiet-now-button'), callbacks.confirm.pack(id))
            .row()
            .text(ctx.t('button-cancel'), callbacks.cancel.pack(id))
        : new InlineKeyboard()
            .text(ctx.t('button-confirm'), callbacks.confirm.pack(id))
            .text(ctx.t('button-cancel'), callbacks.cancel.pack(id))
    const text = previewText(ctx, preview.value)
    await ctx.reply(
      quiet?.quiet === true
        ? `${text}\n\n${ctx.t('send-quiet-warning', { from: QUIET_FROM, until: QUIET_UNTIL })}`
        : text,
      { parse_mode: 'HTML', reply_markup: keyboard },
    )
  })

  // «Gửi lúc 07:00»: the same preview, sent at the end of the quiet hours instead of now. It spends
  // the same pending action as «Gửi ngay», so only the first of the two presses takes effect.
  composer.callbackQuery(callbacks.sendMorning.filter, async (ctx) => {
    const id = callbacks.sendMorning.unpack(ctx.callbackQuery.data)
    const pending = id === undefined ? undefined : await peekPendingAction(ctx.deps, id)
    if (id === undefined || pending?.kind !== KIND || pending.memberId !== ctx.member?.id) {
      await ctx.answerCallbackQuery({ text: ctx.t('error-stale-button'), show_alert: true })
      return
    }
    await ctx.answerCallbackQuery()
    const morning = quietHoursAt(ctx.deps.clock.now(), ctx.deps.config.timezone).nextMorning
    const outcome = await confirmRequest(ctx, id, pending.memberId, {
      when: formatLocal(morning, ctx.deps.config.timezone),
    })
    await ctx.editMessageText(outcome, { parse_mode: 'HTML' })
  })

  /** Writes the previewed broadcast (with `override`, e.g. another time) and says what was scheduled. */
  async function confirmRequest(
    ctx: LoaContext,
    id: number,
    memberId: number,
    override: Partial<BroadcastRequest> = {},
  ): Promise<string> {
    const stored = await readPendingAction(ctx.deps, {
      id,
      memberId,
      kind: KIND,
      schema: requestSchema,
    })
    if (stored === undefined) return ctx.t('error-stale-button')
    const request = { ...stored, ...override }
    const confirmed = await confirmBroadcast(ctx.deps, request, {
      consume: { id, memberId, kind: KIND },
      approvalMessages: telegramApprovalMessages(
        i18n,
        ctx.deps.config.defaultLocale,
        ctx.deps.config.timezone,
      ),
    })
    if (!confirmed.ok) return escapeHtml(errorMessage(ctx, confirmed.error))
    onConfirmed()
    const first = confirmed.value.preview.sendAts[0]
    return ctx.t(
      confirmed.value.status === 'awaiting_approval' ? 'send-awaiting-approval' : 'send-scheduled',
      {
        id: confirmed.value.broadcastIds[0] ?? 0,
        groups: confirmed.value.preview.groupCount,
        occurrences: confirmed.value.preview.sendAts.length,
        ...localDayAndTime(first, ctx.deps.config.timezone),
      },
    )
  }

  const confirmations: ConfirmationHandlers = {
    kind: KIND,
    confirm: (ctx, id, memberId) => confirmRequest(ctx, id, memberId),
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
      code: t.unit.code,
      name: t.unit.name,
      groups: t.chats.length,
    }),
  )
  const hiddenTargets = preview.targets.length - targets.length
  if (hiddenTargets > 0) targets.push(ctx.t('send-preview-targets-more', { count: hiddenTargets }))
  const without = preview.unitsWithoutGroup
  const withoutShown = without.slice(0, MAX_UNITS_SHOWN).map((u) => u.code)
  return [
    ctx.t('send-preview', {
      code: preview.campaign.code,
      title: preview.campaign.title,
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
          units: html(
            escapeHtml(withoutShown.join(', ')) +
              (without.length > withoutShown.length
                ? ctx.t('send-preview-more-units', { count: without.length - withoutShown.length })
                : ''),
          ),
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

/** `{ day: '15/04/2024', time: '08:00' }` of a stored instant, for "lúc 08:00 ngày 15/04/2024". */
function localDayAndTime(
  instant: string | undefined,
  timeZone: string,
): { day: string; time: string } {
  if (instant === undefined) return { day: '—', time: '—' }
  const [day = '—', time = '—'] = formatLocal(new Date(instant), timeZone).split(' ')
  return { day, time }
}
