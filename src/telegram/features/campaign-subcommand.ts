import type { LoaContext } from '../context.js'

/**
 * What follows `/chiendich <MÃ> <việc>`: the words after the code and the
 * subcommand (`100% 05/05` of `/chiendich NGAYSACH2024 muctieu 100% 05/05`).
 */
export function subcommandArguments(ctx: LoaContext): string {
  return (typeof ctx.match === 'string' ? ctx.match : '').trim().split(/\s+/).slice(2).join(' ')
}
