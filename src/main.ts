import './dotenv.js'
import { createApp } from './app.js'
import { ConfigError, loadConfig, requireBotToken } from './config.js'
import { checkTelegram } from './telegram/check-telegram.js'

/** Composition root for `npm start`: configuration, the app, and signals. */
async function main(): Promise<void> {
  let config
  let token
  try {
    config = loadConfig(process.env)
    token = requireBotToken(config)
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Loa cannot start: ${error.message}`)
      process.exit(1)
    }
    throw error
  }
  // Before the database or the bot: a wrong token or a silent API root is one line, not a stack.
  const telegram = await checkTelegram({ botToken: token, telegramApiRoot: config.telegramApiRoot })
  if (!telegram.ok) {
    console.error(`Loa cannot start: ${telegram.variable}: ${telegram.problem}`)
    process.exit(1)
  }
  const app = createApp(config)
  let exiting = false
  const shutdown = (signal: string) => {
    if (exiting) return
    exiting = true
    app.deps.logger.info({ signal }, 'stopping: finishing updates in flight')
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        app.deps.logger.error({ err: error }, 'unclean stop')
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => shutdown('SIGINT'))
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  await app.start()
}

await main()
