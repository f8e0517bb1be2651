import { Composer } from 'grammy'
import { can } from '../../domain/units/roles.js'
import type { LoaContext } from '../context.js'
import { shorten } from '../shorten.js'

/**
 * Commands PRODUCT §3 and §10 name that this version does not answer yet: they
 * get "not available yet" rather than "no such command". A command that is
 * built is handled before this composer and never reaches it.
 */
const PLANNED_COMMANDS = new Set(['vangmat', 'away'])

const COMMAND = /^\/([A-Za-z0-9_]+)(?:@(\w+))?/

/** The longest piece of what was typed echoed back; enough to recognise it. */
const ECHO_LIMIT = 60

/**
 * Registered last (issue 11, point 4): whatever no feature handled. In private a
 * person always gets a short answer pointing to /trogiup; in groups Loa stays
 * silent, since commands there may belong to other bots and talk is not for Loa.
 * Office staff compose broadcasts and paste plans in private before replying to
 * them with /gui or /kehoach, so their plain messages are material, not questions.
 */
export function fallbackFeature(): Composer<LoaContext> {
  const composer = new Composer<LoaContext>()
  composer.chatType('private').on('message', async (ctx) => {
    const text = ctx.message.text ?? ctx.message.caption ?? ''
    const command = COMMAND.exec(text)
    if (command !== null) {
      const name = command[1]?.toLowerCase() ?? ''
      const key = PLANNED_COMMANDS.has(name) ? 'fallback-not-yet' : 'fallback-command'
      await ctx.reply(ctx.t(key, { command: `/${name}` }))
      return
    }
    if (ctx.message.text === undefined) return
    if (can(ctx.role, 'broadcast') || can(ctx.role, 'manage-campaigns')) return
    await ctx.reply(ctx.t('fallback-private', { text: shorten(ctx.message.text, ECHO_LIMIT) }))
  })
  return composer
}
