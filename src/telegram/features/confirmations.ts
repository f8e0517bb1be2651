import { Composer } from 'grammy'
import { peekPendingAction } from '../../domain/pending-actions.js'
import { callbacks } from '../callback-data/codec.js'
import type { LoaContext } from '../context.js'

/** What one kind of preview does on "Xác nhận" and "Huỷ"; each returns the text that replaces the preview. */
export interface ConfirmationHandlers {
  kind: string
  confirm(ctx: LoaContext, pendingId: number, memberId: number): Promise<string>
  cancel(ctx: LoaContext, pendingId: number, memberId: number): Promise<string>
}

/**
 * The "Xác nhận" / "Huỷ" buttons under every preview (plan import, broadcast,
 * new campaign). The pending action names its kind; only the person who asked
 * for the preview can answer it, and only once.
 */
export function confirmationsFeature(
  handlers: readonly ConfirmationHandlers[],
): Composer<LoaContext> {
  const composer = new Composer<LoaContext>()
  for (const [codec, action] of [
    [callbacks.confirm, 'confirm'],
    [callbacks.cancel, 'cancel'],
  ] as const) {
    composer.callbackQuery(codec.filter, async (ctx) => {
      const id = codec.unpack(ctx.callbackQuery.data)
      const pending = id === undefined ? undefined : await peekPendingAction(ctx.deps, id)
      const handler = handlers.find((h) => h.kind === pending?.kind)
      if (
        id === undefined ||
        pending === undefined ||
        handler === undefined ||
        pending.memberId !== ctx.member?.id
      ) {
        await ctx.answerCallbackQuery({ text: ctx.t('error-stale-button'), show_alert: true })
        return
      }
      // Answer at once: the work below may take a moment and Telegram shows a spinner until
      // then. Not awaited first: the work does not wait out the answer's round trip (a
      // confirmed broadcast's first copies leave that much sooner: issue 14, scenario 1).
      // The outcome's edit still leaves as soon as the work is done, before whatever the
      // work queued (a recall's deletions and its report) can overtake it.
      const answered = ctx.answerCallbackQuery()
      answered.catch(() => undefined)
      const outcome = await handler[action](ctx, id, pending.memberId)
      await Promise.all([answered, ctx.editMessageText(outcome, { parse_mode: 'HTML' })])
    })
  }
  return composer
}
