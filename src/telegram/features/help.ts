import { Composer } from 'grammy'
import { commandNames, commandsFor } from '../commands.js'
import type { LoaContext } from '../context.js'
import { escapeHtml } from '../../domain/html.js'
import { chatKind } from '../middlewares/guards.js'

/** The commands this person may use in this chat, one line each. */
export function helpText(ctx: LoaContext): string {
  const where = chatKind(ctx) ?? 'private'
  const lines = commandsFor(ctx.role, where).map(
    (c) => `/${c.name} (/${c.alias}) — ${ctx.t(`cmd-${c.name}`)}`,
  )
  const intro = ctx.t(where === 'private' ? 'help-intro-private' : 'help-intro-group', {
    role: ctx.t(`role-${ctx.role}`),
  })
  const outro = where === 'group' ? ctx.t('help-outro-group') : ctx.t('help-outro-private')
  // Sent as HTML (the /start greeting is bold), so every line is escaped.
  return escapeHtml([intro, '', ...lines, '', outro].join('\n'))
}

/** /trogiup: help for this person's role and this chat (PRODUCT §3). */
export function helpFeature(): Composer<LoaContext> {
  const composer = new Composer<LoaContext>()
  composer.command(commandNames('help'), async (ctx) => {
    await ctx.reply(helpText(ctx), { parse_mode: 'HTML' })
  })
  return composer
}
