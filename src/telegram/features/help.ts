import { Composer } from 'grammy'
import { commandNames, commandsFor, type CommandSpec } from '../commands.js'
import type { LoaContext } from '../context.js'
import { escapeHtml, html } from '../../domain/html.js'
import { currentLocale, type Locale } from '../i18n.js'
import { chatKind } from '../middlewares/guards.js'

/**
 * One help line: the reader's own command name first, the other language's in
 * brackets, and no brackets when both are the same word (/start).
 */
export function commandLabel(command: CommandSpec, locale: Locale): string {
  const [own, other] =
    locale === 'vi' ? [command.name, command.alias] : [command.alias, command.name]
  return own === other ? `/${own}` : `/${own} (/${other})`
}

/** The commands this person may use in this chat, one line each. */
export async function helpText(ctx: LoaContext): Promise<string> {
  const where = chatKind(ctx) ?? 'private'
  const locale = await currentLocale(ctx)
  const lines = commandsFor(ctx.role, where).map(
    (c) => `${commandLabel(c, locale)} — ${ctx.t(`cmd-${c.name}`)}`,
  )
  const intro = ctx.t(where === 'private' ? 'help-intro-private' : 'help-intro-group', {
    role: html(ctx.t(`role-${ctx.role}`)),
  })
  const outro = where === 'group' ? ctx.t('help-outro-group') : ctx.t('help-outro-private')
  // Sent as HTML (the /start greeting is bold), so every line is escaped.
  return escapeHtml([intro, '', ...lines, '', outro].join('\n'))
}

/** /trogiup: help for this person's role and this chat (PRODUCT §3). */
export function helpFeature(): Composer<LoaContext> {
  const composer = new Composer<LoaContext>()
  composer.command(commandNames('help'), async (ctx) => {
    await ctx.reply(await helpText(ctx), { parse_mode: 'HTML' })
  })
  return composer
}
