import { Composer } from 'grammy'
import {
  cancelOwnAbsences,
  listAbsences,
  recordAbsence,
  type AbsenceRow,
} from '../../domain/absences/absences.js'
import { rememberMember } from '../../domain/units/members.js'
import { commandNames } from '../commands.js'
import type { LoaContext } from '../context.js'
import { formatDay } from '../format.js'
import { toSighting } from '../middlewares/track-member.js'
import { replyError } from '../reply-error.js'
import { replyInParts } from '../reply-parts.js'

const CANCEL = ['huy', 'huỷ', 'hủy', 'cancel']

/**
 * /vangmat (/away), issue 12: a member excuses themselves in private; a head
 * excuses a member of their unit by replying to that member's message in the
 * unit group. Alone it lists the current and coming absences (the unit's for a
 * head); `huy` ends one's own.
 */
export function awayFeature(): Composer<LoaContext> {
  const composer = new Composer<LoaContext>()
  composer.command(commandNames('away'), async (ctx) => {
    const member = ctx.member
    if (member === undefined || ctx.from === undefined) return
    const text = ctx.match.trim()
    const isPrivate = ctx.chat.type === 'private'
    const isHeadHere =
      ctx.role === 'head' && ctx.unitChat !== undefined && member.unitId === ctx.unitChat.unitId
    if (!isPrivate && !isHeadHere) {
      await ctx.reply(ctx.t('away-group-heads-only'))
      return
    }
    if (text === '') {
      const headUnit = ctx.role === 'head' && member.unitId !== null ? member.unitId : null
      const list = await listAbsences(
        ctx.deps,
        headUnit === null ? { memberId: member.id } : { unitId: headUnit },
      )
      if (list.rows.length === 0) {
        await ctx.reply(ctx.t('away-none'))
        return
      }
      await replyInParts(ctx, [
        ctx.t(headUnit === null ? 'away-list-own' : 'away-list-unit'),
        ...list.rows.map((row) => absenceLine(ctx, row)),
        ...(list.more > 0 ? [ctx.t('away-list-more', { count: list.more })] : []),
      ])
      return
    }
    if (CANCEL.includes(text.toLowerCase())) {
      const result = await cancelOwnAbsences(ctx.deps, {
        memberId: member.id,
        actorTelegramId: ctx.from.id,
      })
      if (!result.ok) return replyError(ctx, result.error)
      await ctx.reply(ctx.t('away-cancelled', { count: result.value.cancelled }))
      return
    }
    let subject = member
    if (!isPrivate) {
      const target = ctx.msg.reply_to_message?.from
      if (target === undefined || target.is_bot) {
        await ctx.reply(ctx.t('away-head-usage'))
        return
      }
      subject = await rememberMember(ctx.deps, toSighting(target), {
        chatId: ctx.chat.id,
        isGroup: true,
      })
      if (subject.unitId !== member.unitId) {
        await ctx.reply(ctx.t('away-other-unit', { name: subject.fullName }))
        return
      }
    }
    const result = await recordAbsence(ctx.deps, {
      memberId: subject.id,
      text,
      createdBy: member.id,
      actorTelegramId: ctx.from.id,
    })
    if (!result.ok) return replyError(ctx, result.error)
    const { from, to, reason } = result.value
    const args = { name: subject.fullName, from: formatDay(from), to: formatDay(to) }
    await ctx.reply(
      subject.id === member.id
        ? reason === null
          ? ctx.t('away-recorded-own', args)
          : ctx.t('away-recorded-own-reason', { ...args, reason })
        : reason === null
          ? ctx.t('away-recorded-member', args)
          : ctx.t('away-recorded-member-reason', { ...args, reason }),
    )
  })
  return composer
}

/** One line of the list, as HTML (the list goes out in parts); the translator escapes the names. */
function absenceLine(ctx: LoaContext, row: AbsenceRow): string {
  const args = {
    name: row.memberName,
    from: formatDay(row.from),
    to: formatDay(row.to),
  }
  return row.reason === null
    ? ctx.t('away-line', args)
    : ctx.t('away-line-reason', { ...args, reason: row.reason })
}
