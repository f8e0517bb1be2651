import type { Context } from 'grammy'
import type { I18nFlavor } from '@grammyjs/i18n'
import type { Deps } from '../domain/deps.js'
import type { UpdateTicket } from '../domain/updates/inbox.js'
import type { Member } from '../domain/units/member.js'
import type { Role } from '../domain/units/roles.js'
import type { UnitChat } from '../domain/units/unit-repository.js'
import type { Logger } from '../logger.js'

/** What every handler sees: grammY's context, translations, and Loa's view of the sender. */
export type LoaContext = Context &
  I18nFlavor & {
    deps: Deps
    /** A child logger carrying the update id. */
    log: Logger
    /** The sender, once remembered; undefined for updates without a person. */
    member: Member | undefined
    /** The sender's effective role (admins from ADMIN_IDS). */
    role: Role
    /** The unit group this update happened in, if the chat is registered. */
    unitChat: UnitChat | undefined
    /**
     * Set for the kinds whose handler marks the update handled in its own
     * transaction (taps, reactions): pass it to the domain (middlewares/inbox.ts).
     */
    inbox?: UpdateTicket
  }
