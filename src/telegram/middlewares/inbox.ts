import type { MiddlewareFn } from 'grammy'
import { claimUpdate, finishUpdate } from '../../domain/updates/inbox.js'
import type { LoaContext } from '../context.js'

/**
 * Each update_id is handled once, by one process: the claim is a statement on
 * the inbox row (src/domain/updates/inbox.ts), so a redelivery (webhook retry,
 * replay after a crash, a second instance) is dropped. An update whose handler
 * threw is still marked handled, so one poisonous update cannot loop forever;
 * the error is logged where it is caught.
 */
export function handleOnce(
  workerId: string,
  onHandled?: (updateId: number) => void,
): MiddlewareFn<LoaContext> {
  return async (ctx, next) => {
    const id = ctx.update.update_id
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
