import { Composer } from 'grammy'
import { linkPrivateChat } from '../../domain/units/members.js'
import { findUnitById } from '../../domain/units/unit-repository.js'
import { commandNames, type CommandMenus } from '../commands.js'
import type { LoaContext } from '../context.js'
import { currentLocale } from '../i18n.js'
import { escapeHtml } from '../../domain/html.js'
import { allow } from '../middlewares/guards.js'
import { helpText } from './help.js'

/** /start: greets by role and links the private chat, so personal reminders can reach them. */
export function startFeature(menus: CommandMenus): Composer<LoaContext> {
  const composer = new Composer<LoaContext>()
  composer.command(commandNames('start'), async (ctx) => {
    if (!(await allow(ctx, '/start', { where: 'private' }))) return
    const member = ctx.member
    if (member === undefined || ctx.chat === undefined) return
    await linkPrivateChat(ctx.deps, member.id, ctx.chat.id)
    const unit = member.unitId === null ? undefined : await findUnitById(ctx.deps.db, member.unitId)
    const greeting = ctx.t(`start-greeting-${ctx.role}`, {
      name: escapeHtml(member.fullName),
      unit: escapeHtml(unit?.name ?? ctx.t('start-no-unit')),
    })
    await ctx.reply(`${greeting}\n\n${helpText(ctx)}`, { parse_mode: 'HTML' })
    await menus.publishPersonal(ctx.api, ctx.chat.id, ctx.role, await currentLocale(ctx))
  })
  return composer
}
