import { can, rolesWith, type Capability } from '../../domain/units/roles.js'
import type { LoaContext } from '../context.js'

export type ChatKind = 'private' | 'group'

export function chatKind(ctx: LoaContext): ChatKind | undefined {
  const type = ctx.chat?.type
  if (type === 'private') return 'private'
  if (type === 'group' || type === 'supergroup') return 'group'
  return undefined
}

/** The roles that may, joined for a sentence: "Văn phòng, quản trị viên". */
export function rolesPhrase(ctx: LoaContext, capability: Capability): string {
  return rolesWith(capability)
    .filter((role) => role !== 'member')
    .map((role) => ctx.t(`role-${role}`))
    .join(', ')
}

/**
 * PRODUCT §3: a command used by someone without the role, or in the wrong kind
 * of chat, gets one line saying who may use it and where. Returns true when the
 * handler may go on.
 */
export async function allow(
  ctx: LoaContext,
  command: string,
  rule: { capability?: Capability; where?: ChatKind },
): Promise<boolean> {
  const where = rule.where
  const roles =
    rule.capability === undefined ? ctx.t('role-everyone') : rolesPhrase(ctx, rule.capability)
  const place = where === undefined ? ctx.t('place-anywhere') : ctx.t(`place-${where}`)
  if (rule.capability !== undefined && !can(ctx.role, rule.capability)) {
    await ctx.reply(ctx.t('refuse-role', { command, roles, place }))
    return false
  }
  if (where !== undefined && chatKind(ctx) !== where) {
    await ctx.reply(ctx.t('refuse-place', { command, roles, place }))
    return false
  }
  return true
}
