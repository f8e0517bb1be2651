import type { Composer } from 'grammy'
import type { LoaContext } from './context.js'

const COMMAND = /^\/([a-z_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/i

/**
 * Registers a command that also works as the caption of a file or photo: grammY
 * matches commands in message text only, while "/kehoach" on a plan file or
 * "/thamgia" on a photo is how people naturally use them here.
 */
export function commandAnywhere(
  composer: Composer<LoaContext>,
  names: readonly string[],
  handle: (ctx: LoaContext, args: string) => Promise<void>,
): void {
  composer.command([...names], (ctx) => handle(ctx, ctx.match))
  composer
    .on(':caption_entities:bot_command')
    .filter((ctx) => names.includes(COMMAND.exec(ctx.msg.caption ?? '')?.[1]?.toLowerCase() ?? ''))
    .use((ctx) => handle(ctx, COMMAND.exec(ctx.msg.caption ?? '')?.[2]?.trim() ?? ''))
}
