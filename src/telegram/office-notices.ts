import type { I18n } from '@grammyjs/i18n'
import type { Api } from 'grammy'
import type { Deps } from '../domain/deps.js'
import { officeContacts } from '../domain/units/members.js'
import { findUnitById } from '../domain/units/unit-repository.js'
import type { LoaContext } from './context.js'
import { toLocale } from './i18n.js'

/**
 * PRODUCT §9: when the bot is removed from a unit's group, the office hears it
 * once (the caller has claimed the 'bot-removed' notice), in each person's language.
 */
export async function tellOfficeGroupLost(
  deps: Deps,
  api: Api,
  i18n: I18n<LoaContext>,
  event: { unitId: number; reason: string },
): Promise<void> {
  const unit = await findUnitById(deps.db, event.unitId)
  for (const contact of await officeContacts(deps)) {
    const text = i18n.t(
      toLocale(contact.language) ?? deps.config.defaultLocale,
      'broadcast-group-lost',
      {
        unit: unit?.name ?? String(event.unitId),
        reason: event.reason,
      },
    )
    await api.sendMessage(contact.chatId, text).catch((error: unknown) => {
      deps.logger.warn(
        { err: error, chatId: contact.chatId },
        'could not tell the office about a lost group',
      )
    })
  }
}
