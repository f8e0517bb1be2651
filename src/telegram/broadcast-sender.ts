import { performance } from 'node:perf_hooks'
import type { I18n } from '@grammyjs/i18n'
import type { Api } from 'grammy'
import { Pacer } from '../domain/broadcasts/pacer.js'
import { createSender, type Sender, type SenderEvent } from '../domain/broadcasts/sender.js'
import type { Deps } from '../domain/deps.js'
import { broadcastKeyboard } from './broadcast-keyboard.js'
import { TelegramChatPort } from './chat-port.js'
import type { LoaContext } from './context.js'
import { tellOfficeGroupLost } from './office-notices.js'

/**
 * The outbox's sender over Telegram: its own ChatPort (no auto-retry), one
 * Pacer for sends and keyboard edits, and the office told when a group drops the bot.
 */
export function createTelegramSender(
  deps: Deps,
  options: { token: string; api: Api; i18n: I18n<LoaContext> },
): Sender {
  const locale = deps.config.defaultLocale
  const port = new TelegramChatPort(
    options.token,
    deps.config.telegramApiRoot,
    options.i18n.t(locale, 'broadcast-album-buttons'),
  )
  return createSender({
    deps,
    port,
    pacer: new Pacer(() => performance.now()),
    keyboardFor: broadcastKeyboard(options.i18n, locale),
    onEvent: (event: SenderEvent) => tellOfficeGroupLost(deps, options.api, options.i18n, event),
  })
}
