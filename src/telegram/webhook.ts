import { createServer, type Server } from 'node:http'
import { webhookCallback, type Bot } from 'grammy'
import type { Deps } from '../domain/deps.js'
import { ALLOWED_UPDATES } from './bot.js'
import type { LoaContext } from './context.js'
import { replayUnhandled } from './polling.js'

/**
 * Webhook mode (PRODUCT §7): Telegram posts updates to WEBHOOK_URL behind a
 * reverse proxy; the secret token header is checked by grammY, 401 otherwise.
 * The answer waits for handling, so Telegram redelivers whatever a crash cut short.
 */
export async function startWebhook(
  bot: Bot<LoaContext>,
  deps: Deps,
  options: {
    url: string
    secret: string | undefined
    port: number
    host?: string
    /**
     * Several instances share the URL (§11): the registration runs alone among
     * the instances starting together, and a webhook already set is left.
     */
    shared?: { exclusive: <T>(work: () => Promise<T>) => Promise<T> }
  },
): Promise<Server> {
  const handle = webhookCallback(bot, 'http', {
    secretToken: options.secret,
    // Past Telegram's patience, answer and finish in the background; the inbox drops the redelivery.
    onTimeout: 'return',
    timeoutMilliseconds: 50_000,
  })
  const path = new URL(options.url).pathname
  const server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== path) {
      res.writeHead(404).end()
      return
    }
    // Handler errors are caught inside the bot; what reaches here is a broken request or a timeout.
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end()
    })
  })
  await new Promise<void>((resolve) =>
    server.listen(options.port, options.host ?? '0.0.0.0', resolve),
  )
  await bot.init()
  // What a crash cut short was answered 200 by the background timeout or never: do it now.
  const replayed = await replayUnhandled(bot, deps)
  if (replayed > 0) deps.logger.info({ replayed }, 'replayed updates received before the last stop')
  const register = () =>
    bot.api.setWebhook(options.url, {
      allowed_updates: [...ALLOWED_UPDATES],
      ...(options.secret === undefined ? {} : { secret_token: options.secret }),
    })
  if (options.shared === undefined) await register()
  else
    await options.shared.exclusive(async () => {
      // The first instance registers the URL; the others find it set, with the
      // same updates, and leave it (a new WEBHOOK_SECRET: see README).
      const info = await bot.api.getWebhookInfo()
      const sameUpdates =
        info.allowed_updates === undefined ||
        [...info.allowed_updates].sort().join() === [...ALLOWED_UPDATES].sort().join()
      if (info.url === options.url && sameUpdates) {
        deps.logger.info('webhook already registered by another instance')
        return
      }
      await register()
    })
  return server
}
