import type { Api } from 'grammy'
import type { BotCommand, BotCommandScope } from 'grammy/types'
import type { I18n } from '@grammyjs/i18n'
import { can, type Capability, type Role } from '../domain/units/roles.js'
import type { LoaContext } from './context.js'
import type { ChatKind } from './middlewares/guards.js'
import type { Locale } from './i18n.js'

/**
 * PRODUCT §3: Vietnamese names without diacritics, each with an English alias.
 * This table drives the handlers' names, /trogiup and the menus, so they agree.
 */
export interface CommandSpec {
  name: string
  alias: string
  /** Absent: anyone may use it. */
  capability?: Capability
  where: readonly ChatKind[]
}

export const COMMANDS = {
  start: { name: 'start', alias: 'start', where: ['private'] },
  help: { name: 'trogiup', alias: 'help', where: ['private', 'group'] },
  language: { name: 'ngonngu', alias: 'language', where: ['private'] },
  mine: { name: 'cuatoi', alias: 'mine', where: ['private'] },
  join: { name: 'thamgia', alias: 'join', where: ['private', 'group'] },
  importPlan: {
    name: 'kehoach',
    alias: 'importplan',
    capability: 'manage-campaigns',
    where: ['private'],
  },
  campaigns: {
    name: 'chiendich',
    alias: 'campaigns',
    capability: 'read-own-unit-report',
    where: ['private'],
  },
  send: { name: 'gui', alias: 'send', capability: 'broadcast', where: ['private'] },
  schedule: { name: 'lich', alias: 'schedule', capability: 'broadcast', where: ['private'] },
  remind: {
    name: 'nhacnho',
    alias: 'remind',
    capability: 'read-own-unit-report',
    where: ['private'],
  },
  calendar: {
    name: 'lichnghi',
    alias: 'calendar',
    capability: 'manage-campaigns',
    where: ['private'],
  },
  units: { name: 'donvi', alias: 'units', capability: 'manage-units', where: ['private'] },
  grant: { name: 'phanquyen', alias: 'grant', capability: 'grant-role', where: ['private'] },
  register: { name: 'dangky', alias: 'register', capability: 'register-group', where: ['group'] },
  makeHead: {
    name: 'truongdonvi',
    alias: 'makehead',
    capability: 'register-group',
    where: ['group'],
  },
  report: {
    name: 'baocao',
    alias: 'report',
    capability: 'read-own-unit-report',
    where: ['private', 'group'],
  },
  summary: {
    name: 'tonghop',
    alias: 'summary',
    capability: 'read-all-reports',
    where: ['private'],
  },
  submitReport: {
    name: 'nopbaocao',
    alias: 'submit',
    capability: 'read-own-unit-report',
    where: ['private', 'group'],
  },
  export: { name: 'xuat', alias: 'export', capability: 'read-all-reports', where: ['private'] },
} as const satisfies Record<string, CommandSpec>

export type CommandKey = keyof typeof COMMANDS

export function commandNames(key: CommandKey): [string, string] {
  return [COMMANDS[key].name, COMMANDS[key].alias]
}

/** The commands a role may use in a kind of chat, in table order. */
export function commandsFor(role: Role, where: ChatKind): CommandSpec[] {
  return Object.values(COMMANDS).filter(
    (c: CommandSpec) =>
      c.where.includes(where) && (c.capability === undefined || can(role, c.capability)),
  )
}

/**
 * Command menus per scope and language (PRODUCT §3), so each person sees only
 * what they may use: members' defaults in private chats and groups, group
 * administrators' (who may be Loa admins registering the group), and a personal
 * menu in the private chat of anyone whose role adds commands.
 */
export class CommandMenus {
  constructor(
    private readonly i18n: I18n<LoaContext>,
    private readonly defaultLocale: Locale,
  ) {}

  private toBotCommands(specs: CommandSpec[], locale: Locale): BotCommand[] {
    return specs.map((c) => ({
      command: locale === 'vi' ? c.name : c.alias,
      description: this.i18n.t(locale, `cmd-${c.name}`),
    }))
  }

  /** Sent once at start; Telegram keeps them. */
  async publishDefaults(api: Api): Promise<void> {
    const scopes: { scope: BotCommandScope; role: Role; where: ChatKind }[] = [
      { scope: { type: 'all_private_chats' }, role: 'member', where: 'private' },
      { scope: { type: 'all_group_chats' }, role: 'member', where: 'group' },
      { scope: { type: 'all_chat_administrators' }, role: 'admin', where: 'group' },
    ]
    for (const { scope, role, where } of scopes) {
      for (const locale of ['vi', 'en'] as const) {
        const commands = this.toBotCommands(commandsFor(role, where), locale)
        // The menu without language_code is what every other language sees.
        if (locale === this.defaultLocale) await api.setMyCommands(commands, { scope })
        await api.setMyCommands(commands, { scope, language_code: locale })
      }
    }
  }

  /** The person's own private menu, in their language. */
  async publishPersonal(api: Api, chatId: number, role: Role, locale: Locale): Promise<void> {
    const commands = this.toBotCommands(commandsFor(role, 'private'), locale)
    await api.setMyCommands(commands, { scope: { type: 'chat', chat_id: chatId } })
  }
}
