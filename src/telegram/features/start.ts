import { Composer } from 'grammy'
import { linkPrivateChat } from '../../domain/units/members.js'
import { findUnitById } from '../../domain/units/unit-repository.js'
import { commandNames, type CommandMenus } from '../commands.js'
import type { LoaContext } from '../context.js'
import { currentLocale } from '../i18n.js'
import { html } from '../../domain/html.js'
import { allow } from '../middlewares/guards.js'
import { helpText } from './help.js'

/**
 * How a head is addressed depends on the unit: «Trưởng phòng Tổ chức cán bộ»,
 * «Trưởng ban …», «Chánh Văn phòng Sở», otherwise «Thủ trưởng <unit>».
 * The words live in the locale; this only says which form fits.
 */
export function headTitleOf(unitName: string): { kind: string; unit: string; rest: string } {
  const match = /^(\S+)\s+(.*)$/u.exec(unitName.trim())
  const first = match?.[1]?.toLocaleLowerCase('vi') ?? ''
  const rest = match?.[2] ?? ''
  const kind =
    first === 'phòng'
      ? 'phong'
      : first === 'ban'
        ? 'ban'
        : first === 'văn' && /^phòng\b/iu.test(rest)
          ? 'vanphong'
          : 'other'
  return { kind, unit: unitName, rest }
}

/** /start: greets by role and links the private chat, so personal reminders can reach them. */
export function startFeature(menus: CommandMenus): Composer<LoaContext> {
  const composer = new Composer<LoaContext>()
  composer.command(commandNames('start'), async (ctx) => {
    if (!(await allow(ctx, '/start', { where: 'private' }))) return
    const member = ctx.member
    if (member === undefined || ctx.chat === undefined) return
    await linkPrivateChat(ctx.deps, member.id, ctx.chat.id)
    const unit = member.unitId === null ? undefined : await findUnitById(ctx.deps.db, member.unitId)
    const unitName = unit?.name ?? ctx.t('start-no-unit')
    const greeting = ctx.t(`start-greeting-${ctx.role}`, {
      name: member.fullName,
      unit: unitName,
      headTitle: html(ctx.t('start-head-title', headTitleOf(unitName))),
    })
    // Each person learns their own Telegram id here: the office needs it for the roster and /phanquyen.
    const ownId = ctx.t('start-your-id', { id: String(ctx.from?.id ?? member.telegramId ?? '') })
    await ctx.reply(`${greeting}\n\n${ownId}\n\n${await helpText(ctx)}`, { parse_mode: 'HTML' })
    await menus.publishPersonal(ctx.api, ctx.chat.id, ctx.role, await currentLocale(ctx))
  })
  return composer
}
