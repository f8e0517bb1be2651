import { Composer } from 'grammy'
import { claimNotice } from '../../domain/notices.js'
import type { LoaContext } from '../context.js'
import { chatKind } from '../middlewares/guards.js'
import { COMMANDS } from '../commands.js'

/**
 * PRODUCT §9: a group nobody registered gets one short note and nothing else.
 * Only /dangky passes through, since that is how the group gets registered.
 */
export function unregisteredGroupGate(): Composer<LoaContext> {
  const composer = new Composer<LoaContext>()
  const register: string[] = [COMMANDS.register.name, COMMANDS.register.alias]
  composer.use(async (ctx, next) => {
    if (chatKind(ctx) !== 'group' || ctx.unitChat !== undefined) return next()
    const command = /^\/([a-z_]+)(?:@\w+)?/i.exec(ctx.message?.text ?? '')?.[1]?.toLowerCase()
    if (command !== undefined && register.includes(command)) return next()
    // Only something a person wrote to us or the bot's arrival deserves the note; not every chat line.
    const addressed =
      command !== undefined || ctx.myChatMember !== undefined || ctx.callbackQuery !== undefined
    if (!addressed || ctx.chat === undefined) return
    if (
      ctx.myChatMember !== undefined &&
      ['left', 'kicked'].includes(ctx.myChatMember.new_chat_member.status)
    )
      return
    if (await claimNotice(ctx.deps, ctx.chat.id, 'unregistered')) {
      await ctx.api.sendMessage(ctx.chat.id, ctx.t('unregistered-note'))
    }
    // A tap is marked before it is answered (middlewares/inbox.ts): a redelivery is answered once.
    const answerable = ctx.inbox === undefined || (await ctx.inbox.settleAlone())
    if (ctx.callbackQuery !== undefined && answerable) await ctx.answerCallbackQuery()
  })
  return composer
}
