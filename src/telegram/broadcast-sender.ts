import type { I18n } from '@grammyjs/i18n'
import type { Pacer } from '../domain/broadcasts/pacer.js'
import {
  DEFAULT_REFRESH_INTERVAL_MS,
  nextKeyboardRefreshAt,
  refreshDueKeyboards,
} from '../domain/broadcasts/keyboard-refresh.js'
import { createSender, type Sender } from '../domain/broadcasts/sender.js'
import type { ScheduledJob } from '../scheduler.js'
import type { Deps } from '../domain/deps.js'
import { broadcastKeyboard } from './broadcast-keyboard.js'
import { TelegramChatPort } from './chat-port.js'
import type { LoaContext } from './context.js'
import { noticeTranslator } from './office-notices.js'

/**
 * The queue's sender over Telegram, and the keyboard count refresh as a job of
 * its own: one ChatPort (no retry plugin: the queue decides when to retry), the
 * app's one Pacer, and the texts of the notices the sender queues.
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
): { sender: Sender; keyboards: ScheduledJob } {
  const locale = deps.config.defaultLocale
  const port = new TelegramChatPort(
    options.token,
    deps.config.telegramApiRoot,
    options.i18n.t(locale, 'broadcast-album-buttons'),
  )
  const keyboardFor = broadcastKeyboard(options.i18n, locale)
  const sender = createSender({
    deps,
    port,
    pacer: options.pacer,
    workerId: options.workerId,
    keyboardFor,
    // Count refreshes are their own job below, paced by the same Pacer.
    keyboardRefresh: false,
    translate: noticeTranslator(options.i18n, locale),
    ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
  })
  const keyboards: ScheduledJob = {
    nextDueAt: (d) => nextKeyboardRefreshAt(d, DEFAULT_REFRESH_INTERVAL_MS),
    run: async (d) => {
      const stats = await refreshDueKeyboards(d, {
        port,
        pacer: options.pacer,
        keyboardFor,
        translate: noticeTranslator(options.i18n, locale),
      })
      return stats.edited > 0
    },
  }
  return { sender, keyboards }
}
