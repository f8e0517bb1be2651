import { Composer } from 'grammy'
import { addUnit, listUnitOverviews, renameUnit } from '../../domain/units/manage-units.js'
import { commandNames } from '../commands.js'
import type { LoaContext } from '../context.js'
import { escapeHtml, html } from '../../domain/html.js'
import { allow } from '../middlewares/guards.js'
import { replyError } from '../reply-error.js'
import { replyInParts } from '../reply-parts.js'

/** /donvi lists units; `/donvi them MÃ Tên` adds one; `/donvi doiten MÃ Tên mới` renames. */
export function unitsFeature(): Composer<LoaContext> {
  const composer = new Composer<LoaContext>()
  composer.command(commandNames('units'), async (ctx) => {
    if (!(await allow(ctx, '/donvi', { capability: 'manage-units', where: 'private' }))) return
    const [action = '', code = '', ...nameWords] = ctx.match.trim().split(/\s+/)
    const name = nameWords.join(' ')
    const actorTelegramId = ctx.from?.id ?? 0
    if (action === '') return listUnits(ctx)
    if (
      !['them', 'add', 'doiten', 'rename'].includes(action.toLowerCase()) ||
      code === '' ||
      name === ''
    ) {
      await ctx.reply(ctx.t('units-usage'))
      return
    }
    const adding = ['them', 'add'].includes(action.toLowerCase())
    const result = adding
      ? await addUnit(ctx.deps, { code, name, actorTelegramId })
      : await renameUnit(ctx.deps, { code, name, actorTelegramId })
    if (!result.ok) return replyError(ctx, result.error)
    await ctx.reply(
      ctx.t(adding ? 'units-added' : 'units-renamed', {
        code: result.value.code,
        name: result.value.name,
      }),
    )
  })
  return composer
}

async function listUnits(ctx: LoaContext): Promise<void> {
  const overviews = await listUnitOverviews(ctx.deps)
  if (overviews.length === 0) {
    await ctx.reply(ctx.t('units-empty'))
    return
  }
  const blocks = overviews.map(({ unit, chats, heads, knownMembers }) => {
    const groups =
      chats.length === 0
        ? ctx.t('units-no-group')
        : chats
            .map(
              (c) =>
                escapeHtml(c.title) +
                (c.isActive ? '' : ` (${ctx.t('units-group-inactive')})`) +
                (c.botIsAdmin ? '' : ` ⚠️ ${ctx.t('units-bot-not-admin')}`),
            )
            .join('; ')
    return ctx.t('units-item', {
      code: unit.code,
      name: unit.name,
      groups: html(groups),
      heads: heads.length === 0 ? '—' : heads.join(', '),
      known: knownMembers,
    })
  })
  // A province's hundreds of units take several messages, each within Telegram's limit.
  await replyInParts(
    ctx,
    [
      ctx.t('units-header', { count: overviews.length }),
      ...blocks,
      escapeHtml(ctx.t('units-usage')),
    ],
    { separator: '\n\n' },
  )
}
