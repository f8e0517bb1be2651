import './dotenv.js'
import { createApp } from './app.js'
import { ConfigError, loadConfig, requireBotToken } from './config.js'

/** Composition root for `npm start`: configuration, the app, and signals. */
async function main(): Promise<void> {
  let config
  try {
    config = loadConfig(process.env)
    requireBotToken(config)
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Loa cannot start: ${error.message}`)
      if (error.variable === 'BOT_TOKEN')
        console.error('To try Loa without Telegram: npm run sandbox')
      process.exit(1)
    }
    throw error
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
