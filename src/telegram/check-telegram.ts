/** Seconds Loa waits for Telegram to answer getMe at start before giving up. */
export const STARTUP_TIMEOUT_SECONDS = 10

export type TelegramCheck =
  { ok: true } | { ok: false; variable: 'BOT_TOKEN' | 'TELEGRAM_API_ROOT'; problem: string }

/** The one line `npm start` prints before exiting 1, or undefined when Telegram answered. */
export function startupProblem(check: TelegramCheck): string | undefined {
  return check.ok ? undefined : `Loa cannot start: ${check.variable}: ${check.problem}`
}

/**
 * Asks the Bot API who we are, once, before anything else starts (issue 11,
 * point 8): a refused token or an API root that does not answer becomes one
 * line naming the variable, instead of a GrammyError stack or a silent wait.
 * Plain fetch, so the token never reaches a log or an error message.
 */
export async function checkTelegram(
  config: { botToken: string; telegramApiRoot: string },
  timeoutSeconds = STARTUP_TIMEOUT_SECONDS,
): Promise<TelegramCheck> {
  const root = config.telegramApiRoot
  let response: Response
  try {
    response = await fetch(`${root}/bot${config.botToken}/getMe`, {
      signal: AbortSignal.timeout(timeoutSeconds * 1000),
    })
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError'
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined
    // Node's fetch puts the reason in `cause`: a code (ECONNREFUSED, ENOTFOUND) or only a message ("bad port").
    const code =
      cause === undefined
        ? undefined
        : 'code' in cause
          ? String(cause.code)
          : cause.message || undefined
    return {
      ok: false,
      variable: 'TELEGRAM_API_ROOT',
      problem: timedOut
        ? `${root} did not answer in ${timeoutSeconds} s`
        : `${root} cannot be reached${code === undefined ? '' : ` (${code})`}`,
    }
  }
  // Telegram answers 401 to a wrong token and 404 to one that is not even shaped like a token.
  if (response.status === 401 || response.status === 404) {
    return {
      ok: false,
      variable: 'BOT_TOKEN',
      problem: `Telegram refused the token (${response.status} ${response.status === 401 ? 'Unauthorized' : 'Not Found'}); copy it again from @BotFather`,
    }
  }
  if (!response.ok) {
    return {
      ok: false,
      variable: 'TELEGRAM_API_ROOT',
      problem: `${root} answered ${response.status} to getMe`,
    }
  }
  await response.body?.cancel()
  return { ok: true }
}
