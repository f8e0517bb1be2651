import { Composer } from 'grammy'
import { grantRole } from '../../domain/units/members.js'
import { commandNames, type CommandMenus } from '../commands.js'
import type { LoaContext } from '../context.js'
import { toLocale } from '../i18n.js'
import { allow } from '../middlewares/guards.js'
import { replyError } from '../reply-error.js'

/** /phanquyen <id|@username> <member|head|leader|office>: an administrator grants a role. */
export function grantRoleFeature(menus: CommandMenus): Composer<LoaContext> {
  const composer = new Composer<LoaContext>()
  composer.command(commandNames('grant'), async (ctx) => {
    if (!(await allow(ctx, '/phanquyen', { capability: 'grant-role', where: 'private' }))) return
    const [reference = '', role = ''] = ctx.match.trim().split(/\s+/)
    if (reference === '' || role === '') {
      await ctx.reply(ctx.t('grant-usage'))
      return
    }
    const result = await grantRole(ctx.deps, {
      actorTelegramId: ctx.from?.id ?? 0,
      reference,
      role,
    })
    if (!result.ok) return replyError(ctx, result.error)
    const { member } = result.value
    await ctx.reply(
      ctx.t('grant-done', { name: member.fullName, role: ctx.t(`role-${result.value.role}`) }),
    )
    // Their menu changes with their role; only reachable if they have started the bot.
    if (member.privateChatId !== null) {
      const locale = toLocale(member.language) ?? ctx.deps.config.defaultLocale
      await menus.publishPersonal(ctx.api, member.privateChatId, result.value.role, locale)
    }
  })
  return composer
}
