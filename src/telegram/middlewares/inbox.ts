import type { MiddlewareFn } from 'grammy'
import { beginUpdate, finishUpdate } from '../../domain/updates/inbox.js'
import type { LoaContext } from '../context.js'

/**
 * Each update_id is handled once: a redelivery (webhook retry, replay after a
 * crash that had already handled it) is dropped. An update whose handler threw
 * is still marked handled, so one poisonous update cannot loop forever; the
 * error is logged by bot.catch.
 */
export function handleOnce(onHandled?: (updateId: number) => void): MiddlewareFn<LoaContext> {
  const inFlight = new Set<number>()
  return async (ctx, next) => {
    const id = ctx.update.update_id
    if (inFlight.has(id) || !(await beginUpdate(ctx.deps, ctx.update))) {
      ctx.log.debug('duplicate update dropped')
      onHandled?.(id)
      return
    }
    inFlight.add(id)
    try {
      await next()
    } finally {
      inFlight.delete(id)
      await finishUpdate(ctx.deps, id)
      onHandled?.(id)
    }
  }
}
