import { ConfigError, loadConfig, requireBotToken, type Config } from './config.js'

/**
 * What `npm start` needs from the environment, checked before anything opens:
 * the config, or the one line that names the bad variable (PRODUCT §7). Pure,
 * so the refusals are tested in-process; main.ts prints the line and exits 1.
 */
export function startupConfig(
  env: Record<string, string | undefined>,
): { ok: true; config: Config } | { ok: false; message: string } {
  try {
    const config = loadConfig(env)
    requireBotToken(config)
    return { ok: true, config }
  } catch (error) {
    if (error instanceof ConfigError)
      return { ok: false, message: `Loa cannot start: ${error.message}` }
    throw error
  }
}
