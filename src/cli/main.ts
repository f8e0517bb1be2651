import '../dotenv.js'
import { ConfigError, loadConfig } from '../config.js'
import { createLogger } from '../logger.js'
import { runCli } from './run-cli.js'

try {
  const config = loadConfig(process.env)
  const logger = createLogger(process.env['LOG_LEVEL'] ?? 'warn', process.stderr)
  process.exitCode = await runCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    config,
    logger,
  })
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`loa: ${error.message}\n`)
    process.exitCode = 1
  } else throw error
}
