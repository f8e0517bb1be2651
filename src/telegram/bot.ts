import { performance } from 'node:perf_hooks'
import { Bot, type BotConfig } from 'grammy'
import { sequentialize } from '@grammyjs/runner'
import type { UserFromGetMe } from 'grammy/types'
import type { I18n } from '@grammyjs/i18n'
import { Pacer } from '../domain/broadcasts/pacer.js'
import type { Deps } from '../domain/deps.js'
import { CommandMenus } from './commands.js'
import type { LoaContext } from './context.js'
import { acknowledgeFeature, settlesItsUpdate } from './features/acknowledge.js'
import { joinFeature } from './features/join.js'
import { mineFeature } from './features/mine.js'
import { scheduleFeature } from './features/schedule.js'
import { campaignsFeature } from './features/campaigns.js'
import { calendarFeature } from './features/calendar.js'
import { remindFeature } from './features/remind.js'
import { confirmationsFeature } from './features/confirmations.js'
import { groupEventsFeature } from './features/group-events.js'
import { importPlanFeature, planImportConfirmations } from './features/import-plan.js'
import { grantRoleFeature } from './features/grant-role.js'
import { fallbackFeature } from './features/fallback.js'
import { helpFeature } from './features/help.js'
import { languageFeature } from './features/language.js'
import { makeHeadFeature } from './features/make-head.js'
import { registerGroupFeature } from './features/register-group.js'
import { newCampaignFeature } from './features/new-campaign.js'
import { approvalsFeature } from './features/approvals.js'
import { recallFeature } from './features/recall.js'
import { awayFeature } from './features/away.js'
import { sendFeature } from './features/send.js'
import { startFeature } from './features/start.js'
import { unitsFeature } from './features/units.js'
import { unregisteredGroupGate } from './features/unregistered-group.js'
import { exportFeature } from './features/export.js'
import { reportFeature } from './features/report.js'
import { submitReportFeature } from './features/submit-report.js'
import { summaryFeature } from './features/summary.js'
import { createI18n } from './i18n.js'
import { InFlightUpdates } from './in-flight.js'
import { noticeTranslator } from './office-notices.js'
import { plainTextUnescaped } from './plain-text.js'
import { pacedApi, tagCallsOf } from './paced-api.js'
import { handleOnce } from './middlewares/inbox.js'
import { trackMember } from './middlewares/track-member.js'

export interface CreateBotOptions {
  token: string
  /** Known bot identity, to skip getMe (tests, webhook cold starts). */
  botInfo?: UserFromGetMe
  /** This process's worker id, on the inbox claims (src/db/claim.ts newWorkerId). */
  workerId: string
  /** Called when this process has handled an update. */
  onUpdateHandled?: (updateId: number) => void
  /** A broadcast was confirmed or approved: the sender should look at the outbox now. */
  onBroadcastConfirmed?: () => void
  /** The app's one Pacer, shared with the queue's sender (a Pacer of its own without). */
  pacer?: Pacer
  /** Monotonic time for reply pacing and retry waits. */
  time?: { now: () => number; sleep: (ms: number) => Promise<void> }
}

/**
 * Telegram withholds reactions and member changes unless asked (PRODUCT §3);
 * polling and the webhook both ask for these, and only these: a kind nothing
 * handles (edited_message, message_reaction_count) would cost an inbox write each.
 */
export const ALLOWED_UPDATES = [
  'message',
  'callback_query',
  'message_reaction',
  'chat_member',
  'my_chat_member',
] as const

export interface LoaBot {
  bot: Bot<LoaContext>
  menus: CommandMenus
  inFlight: InFlightUpdates
  i18n: I18n<LoaContext>
}

/** Builds the bot: API transformers, middleware in order, one composer per feature. */
export function createBot(deps: Deps, options: CreateBotOptions): LoaBot {
  const config: BotConfig<LoaContext> = {
    client: { apiRoot: deps.config.telegramApiRoot },
    ...(options.botInfo === undefined ? {} : { botInfo: options.botInfo }),
  }
  const bot = new Bot<LoaContext>(options.token, config)
  // Replies, edits and menus count against the one budget, before the queue's
  // sends; a few bounded retries (src/telegram/paced-api.ts).
  bot.api.config.use(
    pacedApi({
      pacer: options.pacer ?? new Pacer(() => performance.now()),
      logger: deps.logger,
      ...(options.time === undefined ? {} : { now: options.time.now, sleep: options.time.sleep }),
    }),
  )

  // Translations escape their arguments for HTML; plain texts get them back as typed.
  bot.api.config.use(plainTextUnescaped())

  const i18n = createI18n(deps.config.defaultLocale)
  const menus = new CommandMenus(i18n, deps.config.defaultLocale)

  const inFlight = new InFlightUpdates()
  bot.use((ctx, next) => {
    ctx.api.config.use(tagCallsOf(ctx.update.update_id))
    return inFlight.track(next)
  })
  // One error path for polling, webhook and replay alike (bot.catch only covers polling).
  bot.use(async (ctx, next) => {
    try {
      await next()
    } catch (error) {
      await apologise(ctx, error)
    }
  })
  bot.use(async (ctx, next) => {
    ctx.deps = deps
    // Made on first use: most taps log nothing, and a child logger per update was garbage.
    let log: LoaContext['log'] | undefined
    Object.defineProperty(ctx, 'log', {
      get: () => (log ??= deps.logger.child({ update_id: ctx.update.update_id })),
      configurable: true,
    })
    ctx.member = undefined
    ctx.role = 'member'
    ctx.unitChat = undefined
    await next()
  })
  // Updates of one chat and one person are handled in order; different chats in parallel.
  // Taps and reactions only in the person's order: a group's hundred members pressing
  // at once need not queue behind each other's toasts (each waits a round trip to
  // Telegram), and their count is a counter, not an order (issue 14, scenario 2).
  bot.use(
    sequentialize((ctx) =>
      (settlesItsUpdate(ctx) ? [ctx.from?.id] : [ctx.chat?.id, ctx.from?.id])
        .filter((id) => id !== undefined)
        .map(String),
    ),
  )
  bot.use(handleOnce(options.workerId, options.onUpdateHandled, settlesItsUpdate))
  bot.use(trackMember)
  bot.use(i18n)
  bot.use(unregisteredGroupGate())
  // Taps and reactions first (the bulk of the traffic, issue 14): no feature before
  // them handles their data, and each composer passed costs every tap.
  const acknowledge = acknowledgeFeature(noticeTranslator(i18n, deps.config.defaultLocale))
  bot.use(acknowledge.taps)

  // Before every feature that reads private text: an open approval conversation takes the next message.
  bot.use(approvalsFeature(i18n))
  // Issue 12: before any other private-text handler, since the next message may be a correction.
  const recall = recallFeature(noticeTranslator(i18n, deps.config.defaultLocale))
  bot.use(recall.composer)
  bot.use(startFeature(menus))
  bot.use(helpFeature())
  bot.use(languageFeature())
  bot.use(registerGroupFeature())
  bot.use(makeHeadFeature())
  bot.use(unitsFeature())
  bot.use(grantRoleFeature(menus))
  bot.use(groupEventsFeature(i18n))
  bot.use(importPlanFeature())
  bot.use(campaignsFeature())
  bot.use(remindFeature(i18n))
  bot.use(calendarFeature())
  bot.use(acknowledge.replies)
  bot.use(joinFeature())
  bot.use(mineFeature())
  bot.use(reportFeature())
  bot.use(summaryFeature())
  bot.use(submitReportFeature(i18n))
  bot.use(exportFeature())
  bot.use(awayFeature())
  bot.use(scheduleFeature(() => options.onBroadcastConfirmed?.()))
  const send = sendFeature(() => options.onBroadcastConfirmed?.(), i18n)
  bot.use(send.composer)
  const newCampaign = newCampaignFeature()
  bot.use(newCampaign.composer)
  bot.use(
    confirmationsFeature([
      planImportConfirmations,
      send.confirmations,
      newCampaign.confirmations,
      ...recall.confirmations,
    ]),
  )
  // Last: a press no feature recognised (junk, empty, foreign, an old version) is
  // still answered, or the person's client spins until it times out (PRODUCT §9).
  bot.on('callback_query', (ctx) =>
    ctx.answerCallbackQuery({ text: ctx.t('error-stale-button'), show_alert: true }),
  )
  // Last: whatever nothing above handled (issue 11, point 4).
  bot.use(fallbackFeature())

  return { bot, menus, inFlight, i18n }
}

/** Logs a failed update with its id and apologises; never throws, so one bad update cannot stop the bot. */
async function apologise(ctx: LoaContext, error: unknown): Promise<void> {
  const log = ctx.log ?? ctx.deps?.logger
  log?.error({ err: error, update_id: ctx.update.update_id }, 'update failed')
  try {
    // ctx.t exists only once i18n has run; an error before that is only logged.
    if (typeof ctx.t !== 'function') return
    const apology = ctx.t('error-internal')
    if (ctx.callbackQuery !== undefined) await ctx.answerCallbackQuery({ text: apology })
    else if (ctx.message !== undefined) await ctx.reply(apology)
  } catch (apologyError) {
    log?.warn({ err: apologyError }, 'could not apologise')
  }
}
