import { run, type RunnerHandle } from '@grammyjs/runner'
import type { Bot } from 'grammy'
import type { Deps } from '../domain/deps.js'
import {
  releaseDeadClaims,
  storeFetchedUpdates,
  unhandledUpdates,
} from '../domain/updates/inbox.js'
import { ALLOWED_UPDATES } from './bot.js'
import type { LoaContext } from './context.js'

/**
 * The runner confirms a batch to Telegram (by asking for the next offset) before
 * its updates are handled. Writing each fetched batch to the inbox before the
 * runner sees it closes that gap: a kill -9 after confirmation loses nothing.
 */
export function persistFetchedUpdates(bot: Bot<LoaContext>, deps: Deps): void {
  bot.api.config.use(async (prev, method, payload, signal) => {
    const response = await prev(method, payload, signal)
    if (method === 'getUpdates' && response.ok) {
      await storeFetchedUpdates(deps, response.result as { update_id: number }[])
    }
    return response
  })
}

/**
 * Handles what was received before a crash and never handled, oldest first:
 * in polling and webhook mode alike. Updates a live process holds are left to it.
 */
export async function replayUnhandled(bot: Bot<LoaContext>, deps: Deps): Promise<number> {
  await releaseDeadClaims(deps)
  const updates = await unhandledUpdates(deps)
  for (const update of updates) {
    await bot.handleUpdate(update as Parameters<typeof bot.handleUpdate>[0])
  }
  return updates.length
}

export interface PollingOptions {
  /** Long-poll timeout in seconds (Telegram allows up to 50). */
  timeoutSeconds?: number
}

/** Long polling through @grammyjs/runner: updates of different chats are handled concurrently. */
export async function startPolling(
  bot: Bot<LoaContext>,
  deps: Deps,
  options: PollingOptions = {},
): Promise<RunnerHandle> {
  persistFetchedUpdates(bot, deps)
  await bot.init()
  // A webhook left set from an earlier deployment would make getUpdates fail with 409.
  await bot.api.deleteWebhook()
  const replayed = await replayUnhandled(bot, deps)
  if (replayed > 0) deps.logger.info({ replayed }, 'replayed updates fetched before the last stop')
  return run(bot, {
    // At most 200 updates in flight (the runner's default is 500). On SQLite their database
    // work is one at a time anyway; more in flight only held more memory for the garbage
    // collector to walk and more sockets open: a burst of taps cost ≈ 0.84 ms of CPU each at
    // 500, ≈ 0.70 ms at 200 (issue 14, scenario 2). 200 still covers 1,000 taps/s answered
    // over round trips of up to 200 ms.
    sink: { concurrency: 200 },
    runner: {
      fetch: { allowed_updates: [...ALLOWED_UPDATES], timeout: options.timeoutSeconds ?? 30 },
      // Stop quickly instead of retrying forever when Telegram is unreachable at shutdown.
      silent: true,
    },
  })
}
