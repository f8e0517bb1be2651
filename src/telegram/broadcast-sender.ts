import type { I18n } from '@grammyjs/i18n'
import type { Pacer } from '../domain/broadcasts/pacer.js'
import { createSender, type Sender } from '../domain/broadcasts/sender.js'
import type { Deps } from '../domain/deps.js'
import { broadcastKeyboard } from './broadcast-keyboard.js'
import { TelegramChatPort } from './chat-port.js'
import type { LoaContext } from './context.js'
import { noticeTranslator } from './office-notices.js'

/**
 * The queue's sender over Telegram: its own ChatPort (no auto-retry: the queue
 * decides when to retry), the app's one Pacer, and the texts of the notices it queues.
 */
export function createTelegramSender(
  deps: Deps,
  options: {
    token: string
    i18n: I18n<LoaContext>
    pacer: Pacer
    workerId: string
    sleep?: (ms: number) => Promise<void>
  },
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
    pacer: options.pacer,
    workerId: options.workerId,
    keyboardFor: broadcastKeyboard(options.i18n, locale),
    translate: noticeTranslator(options.i18n, locale),
    ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
  })
}
