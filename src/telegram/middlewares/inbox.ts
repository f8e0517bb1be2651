import type { MiddlewareFn } from 'grammy'
import {
  claimUpdate,
  finishUpdate,
  UpdateHandledElsewhere,
  UpdateTicket,
} from '../../domain/updates/inbox.js'
import type { LoaContext } from '../context.js'

/**
 * Each update_id is handled once, by one process: the claim is a statement on
 * the inbox row (src/domain/updates/inbox.ts), so a redelivery (webhook retry,
 * replay after a crash, a second instance) is dropped. An update whose handler
 * threw is still marked handled, so one poisonous update cannot loop forever;
 * the error is logged where it is caught.
 *
 * Two ways through. Most updates: claim (autocommit), handle, mark handled
 * (autocommit). The kinds `settledInHandler` names (taps and reactions, the
 * bulk of the traffic) skip all three: their handler's one write transaction
 * claims and marks the update as its first statement (ctx.inbox, UpdateTicket),
 * and the toast is answered after the commit — one commit per tap instead of
 * three (issue 14, scenario 2). A redelivery of a handled one is dropped by
 * that statement, or, on a path that answers without writing (a refusal), by
 * marking it alone before answering (UpdateTicket.settleAlone); whatever runs
 * before either (remembering the member) is idempotent. No read ahead of it:
 * that was a statement per tap for the rare redelivery.
 */
export function handleOnce(
  workerId: string,
  onHandled?: (updateId: number) => void,
  settledInHandler: (ctx: LoaContext) => boolean = () => false,
): MiddlewareFn<LoaContext> {
  return async (ctx, next) => {
    const id = ctx.update.update_id
    if (settledInHandler(ctx)) {
      const ticket = new UpdateTicket(ctx.deps, ctx.update, workerId)
      ctx.inbox = ticket
      try {
        await next()
      } catch (error) {
        if (error instanceof UpdateHandledElsewhere) {
          ctx.log.debug('update handled elsewhere: dropped')
          return
        }
        // The failure rolled the transaction's mark back with its effect: mark it alone.
        // Not markable: handled already (a redelivery that failed before any mark), dropped.
        const mine = ticket.settled || (await ticket.settleAlone())
        onHandled?.(id)
        if (!mine) {
          ctx.log.debug('update handled elsewhere: dropped')
          return
        }
        throw error
      }
      if (!ticket.settled) await ticket.settleAlone()
      onHandled?.(id)
      return
    }
    if (!(await claimUpdate(ctx.deps, ctx.update, workerId))) {
      ctx.log.debug('update handled elsewhere or already: dropped')
      return
    }
    try {
      await next()
    } finally {
      await finishUpdate(ctx.deps, id, workerId)
      onHandled?.(id)
    }
  }
}
