import { performance } from 'node:perf_hooks'
import type { I18n } from '@grammyjs/i18n'
import type { Api } from 'grammy'
import { Pacer } from '../domain/broadcasts/pacer.js'
import { createSender, type Sender, type SenderEvent } from '../domain/broadcasts/sender.js'
import type { Deps } from '../domain/deps.js'
import { findUnitById } from '../domain/units/unit-repository.js'
import { officeContacts } from '../domain/units/members.js'
import { broadcastKeyboard } from './broadcast-keyboard.js'
import { TelegramChatPort } from './chat-port.js'
import type { LoaContext } from './context.js'
import { toLocale } from './i18n.js'

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
  const notifyOffice = async (event: SenderEvent) => {
    const unit = await findUnitById(deps.db, event.unitId)
    for (const contact of await officeContacts(deps)) {
      const text = options.i18n.t(toLocale(contact.language) ?? locale, 'broadcast-group-lost', {
        unit: unit?.name ?? String(event.unitId),
        reason: event.reason,
      })
      await options.api.sendMessage(contact.chatId, text).catch((error: unknown) => {
        deps.logger.warn(
          { err: error, chatId: contact.chatId },
          'could not tell the office about a lost group',
        )
      })
    }
  }
  return createSender({
    deps,
    port,
    pacer: new Pacer(() => performance.now()),
    keyboardFor: broadcastKeyboard(options.i18n, locale),
    onEvent: notifyOffice,
  })
}
