import { nowIso, type Deps } from '../deps.js'
import { claimNotice } from '../notices.js'
import type { Translate } from '../ports.js'
import { officeContacts } from '../units/members.js'
import { findUnitById } from '../units/unit-repository.js'
import { deactivateGroup } from '../units/register-group.js'
import { enqueueOutbound } from './outbound.js'

/**
 * PRODUCT §9 "the bot removed from a group: mark the group inactive, tell the
 * office, stop sending". Run it inside the transaction that records the loss
 * (`deps.db` is that transaction): the group goes inactive and one notice per
 * office contact is queued in `outbound_message`, so a crash neither loses nor
 * repeats them, and they are paced like every other send. Said once per group
 * (chat_notice 'bot-removed'), whether a send or Telegram's my_chat_member found
 * out first. Returns the number of notices queued.
 *
 * @param cause what found out ("delivery:17", "update:903"): part of the keys.
 */
export async function loseGroup(
  deps: Deps,
  event: { chatId: number; unitId: number; reason: string; cause: string },
  translate: Translate | undefined,
): Promise<number> {
  await deactivateGroup(deps, event.chatId, event.reason)
  if (translate === undefined) return 0
  if (!(await claimNotice(deps, event.chatId, 'bot-removed'))) return 0
  const unit = await findUnitById(deps.db, event.unitId)
  const at = nowIso(deps)
  const contacts = await officeContacts(deps)
  return enqueueOutbound(
    deps.db,
    contacts.map((contact) => ({
      key: `group-lost:${event.chatId}:${event.cause}:${contact.chatId}`,
      kind: 'office-notice',
      chatId: contact.chatId,
      payload: {
        html: translate(contact.language ?? deps.config.defaultLocale, 'broadcast-group-lost', {
          unit: unit?.name ?? String(event.unitId),
          reason: event.reason,
        }),
      },
      notBefore: at,
    })),
    at,
  )
}

/** {@link loseGroup} in a transaction of its own, then a wake() for the sender. */
export async function recordGroupLost(
  deps: Deps,
  event: { chatId: number; unitId: number; reason: string; cause: string },
  translate: Translate,
): Promise<number> {
  const queued = await deps.db
    .transaction()
    .execute((trx) => loseGroup({ ...deps, db: trx }, event, translate))
  if (queued > 0) deps.wake?.()
  return queued
}
