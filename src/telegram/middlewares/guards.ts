import { can, rolesWith, type Capability } from '../../domain/units/roles.js'
import type { LoaContext } from '../context.js'

export type ChatKind = 'private' | 'group'

export function chatKind(ctx: LoaContext): ChatKind | undefined {
  const type = ctx.chat?.type
  if (type === 'private') return 'private'
  if (type === 'group' || type === 'supergroup') return 'group'
  return undefined
}

/** The roles that may, joined for a sentence: "Văn phòng Sở và quản trị viên". */
export function rolesPhrase(ctx: LoaContext, capability: Capability): string {
  const names = rolesWith(capability)
    .filter((role) => role !== 'member')
    .map((role) => ctx.t(`role-plural-${role}`))
  const last = names.pop()
  if (last === undefined) return ''
  return names.length === 0 ? last : `${names.join(', ')} ${ctx.t('roles-and')} ${last}`
}

/**
 * The command as the person typed it (`/importplan`, not `/kehoach`), so a
 * refusal speaks their words; the handler's name when there is no command text.
 */
export function typedCommand(ctx: LoaContext, fallback: string): string {
  const text = ctx.msg?.text ?? ctx.msg?.caption ?? ''
  const typed = /^\/([A-Za-z0-9_]+)/.exec(text)?.[1]
  return typed === undefined ? fallback : `/${typed.toLowerCase()}`
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
  command = typedCommand(ctx, command)
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
