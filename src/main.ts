import './dotenv.js'
import { createApp } from './app.js'
import { startupConfig } from './startup.js'
import { requireBotToken } from './config.js'
import { checkTelegram, startupProblem } from './telegram/check-telegram.js'

/** Composition root for `npm start`: configuration, the app, and signals. */
async function main(): Promise<void> {
  const startup = startupConfig(process.env)
  if (!startup.ok) {
    console.error(startup.message)
    if (!process.env['BOT_TOKEN']) console.error('To try Loa without Telegram: npm run sandbox')
    process.exit(1)
  }
  // Before the database or the bot: a wrong token or a silent API root is one line, not a stack.
  const { config } = startup
  const telegram = await checkTelegram({
    botToken: requireBotToken(config),
    telegramApiRoot: config.telegramApiRoot,
  })
  const problem = startupProblem(telegram)
  if (problem !== undefined) {
    console.error(problem)
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
