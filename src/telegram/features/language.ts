import { Composer } from 'grammy'
import { chooseLanguage } from '../../domain/units/members.js'
import { commandNames } from '../commands.js'
import type { LoaContext } from '../context.js'
import { toLocale } from '../i18n.js'
import { allow } from '../middlewares/guards.js'

/** /ngonngu vi|en: the member's choice, remembered over their Telegram client's language. */
export function languageFeature(): Composer<LoaContext> {
  const composer = new Composer<LoaContext>()
  composer.command(commandNames('language'), async (ctx) => {
    if (!(await allow(ctx, '/ngonngu', { where: 'private' }))) return
    const locale = toLocale(ctx.match.trim())
    if (locale === undefined || ctx.member === undefined) {
      await ctx.reply(ctx.t('language-usage'))
      return
    }
    await chooseLanguage(ctx.deps, ctx.member.id, locale)
    ctx.i18n.useLocale(locale)
    await ctx.reply(ctx.t('language-set'))
  })
  return composer
}
