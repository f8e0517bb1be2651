import type { Db } from '../../db/database.js'
import { localDate } from '../broadcasts/parse-when.js'
import { html, type TrustedHtml } from '../html.js'
import type { Deps } from '../deps.js'
import type { OutboundItem } from '../outbound/outbound.js'
import { listActiveChatsOfUnits, type UnitChat } from '../units/unit-repository.js'
import { nudgeItems } from './nudges.js'
import type { DueKind } from './due-items.js'
import {
  hasSubmitted,
  isTaskDone,
  participantCount,
  pendingMembers,
  reachableHeads,
  reachableOffice,
  type Reachable,
} from './reminder-audience.js'
import type { ReminderRenderer } from './reminder-renderer.js'
import { splitIntoMessages } from './split-message.js'
import { copyLink, formatDueDay, mention } from './reminder-format.js'
import { missingByUnit } from './overdue-lines.js'

/** One reminder to expand: an item, the unit it addresses (null: the office), which slot. */
export interface ReminderTarget {
  kind: DueKind
  itemId: number
  unitId: number | null
  slot: string
  dueOn: string
}

export interface ExpandedReminder {
  items: OutboundItem[]
  /** Distinct people reached in private or by a nudge, and groups: what /nhacnho reports. */
  people: Set<number>
  groups: Set<number>
}

interface ItemInfo {
  /** An activity's title as typed, or a broadcast's, already rendered as HTML. */
  title: string | TrustedHtml
  unitName: string | null
}

async function describeItem(
  db: Db,
  renderer: ReminderRenderer,
  deps: Deps,
  target: ReminderTarget,
  locale: string,
): Promise<ItemInfo> {
  const unitName =
    target.unitId === null
      ? null
      : ((
          await db
            .selectFrom('unit')
            .select('name')
            .where('id', '=', target.unitId)
            .executeTakeFirst()
        )?.name ?? null)
  if (target.kind === 'broadcast') {
    const row = await db
      .selectFrom('broadcast')
      .innerJoin('campaign', 'campaign.id', 'broadcast.campaign_id')
      .select(['broadcast.id', 'broadcast.send_at', 'campaign.title'])
      .where('broadcast.id', '=', target.itemId)
      .executeTakeFirst()
    if (row === undefined) return { title: String(target.itemId), unitName }
    const sent = formatDueDay(localDate(new Date(row.send_at), deps.config.timezone))
    return {
      title: html(
        renderer.t(locale, 'remind-broadcast-title', {
          id: row.id,
          date: sent,
          campaign: row.title,
        }),
      ),
      unitName,
    }
  }
  const activity = await db
    .selectFrom('activity')
    .select('title')
    .where('id', '=', target.itemId)
    .executeTakeFirst()
  return { title: activity?.title ?? String(target.itemId), unitName }
}

/**
 * What one reminder becomes, computed now (PRODUCT §4): who is still pending,
 * and the messages owed to the group, the pending members and the heads, or
 * for the overdue notice to the heads and the office. Reads only; the caller
 * enqueues the items in the transaction that marks the reminder sent. Keys
 * start with `keyPrefix`, so each reminder's messages are queued once.
 */
export async function expandReminder(
  deps: Deps,
  db: Db,
  renderer: ReminderRenderer,
  target: ReminderTarget,
  keyPrefix: string,
): Promise<ExpandedReminder> {
  const now = deps.clock.now()
  const notBefore = now.toISOString()
  const today = localDate(now, deps.config.timezone)
  const out: ExpandedReminder = { items: [], people: new Set(), groups: new Set() }
  const group = renderer.defaultLocale
  const info = await describeItem(db, renderer, deps, target, group)
  const due = formatDueDay(target.dueOn)
  // Fluent fills plain text into HTML messages: the translator escapes what came from people.
  const base = { title: info.title, due, unit: info.unitName ?? '' }
  const overdue = target.slot === 'overdue'

  const toGroups = async (
    texts: string[],
    buttons?: OutboundItem['payload']['buttons'],
    only: (chat: UnitChat) => boolean = () => true,
  ) => {
    if (target.unitId === null) return
    for (const chat of (await listActiveChatsOfUnits(db, [target.unitId])).filter(only)) {
      texts.forEach((html, part) =>
        out.items.push({
          key: `${keyPrefix}:g${chat.chatId}:${part}`,
          kind: 'reminder',
          chatId: chat.chatId,
          threadId: chat.threadId,
          payload: { html, ...(buttons === undefined ? {} : { buttons }) },
          notBefore,
        }),
      )
      out.groups.add(chat.chatId)
    }
  }
  const toPerson = (
    person: Reachable,
    tag: string,
    render: (locale: string) => { texts: string[]; buttons?: OutboundItem['payload']['buttons'] },
  ) => {
    if (person.privateChatId === null) return
    const { texts, buttons } = render(renderer.localeOf(person.language))
    texts.forEach((html, part) =>
      out.items.push({
        key: `${keyPrefix}:${tag}${person.memberId}:${part}`,
        kind: 'reminder',
        chatId: person.privateChatId ?? 0,
        payload: {
          html,
          // The button goes under the last part, where the reader ends.
          ...(buttons === undefined || part < texts.length - 1 ? {} : { buttons }),
        },
        notBefore,
      }),
    )
    out.people.add(person.memberId)
  }

  if (target.unitId === null) {
    // The office's overdue notice: what is still missing, unit by unit.
    const lines = await missingByUnit(db, renderer, target, today)
    if (lines.length === 0) return out
    for (const person of await reachableOffice(db, deps.config.adminIds)) {
      toPerson(person, 'o', (locale) => ({
        texts: splitIntoMessages(
          renderer.t(locale, 'remind-overdue-office', { ...base }) + '\n',
          lines.map((l) => l(locale)),
          '\n',
        ),
      }))
    }
    return out
  }
  const unitId = target.unitId
  const heads = await reachableHeads(db, unitId)

  switch (target.kind) {
    case 'broadcast': {
      // Not out yet in this unit (awaiting approval, or its groups failed): nothing to confirm.
      const copy = await db
        .selectFrom('delivery')
        .select(['id', 'chat_id', 'message_id'])
        .where('broadcast_id', '=', target.itemId)
        .where('unit_id', '=', unitId)
        .where('state', '=', 'sent')
        .where('recall_state', 'is', null)
        .executeTakeFirst()
      if (copy === undefined) return out
      const link = copyLink(copy.chat_id, copy.message_id)
      const withLink = (locale: string, html: string) =>
        link === null ? html : `${html}\n${renderer.t(locale, 'remind-open-copy', { link })}`
      const pending = await pendingMembers(db, target.itemId, unitId, today)
      if (pending.length === 0) return out
      const names = pending.map(mention)
      const ack = (locale: string) => [[renderer.acknowledgeButton(locale, target.itemId)]]
      const headKey = overdue ? 'remind-overdue-head-broadcast' : 'remind-head-broadcast'
      for (const head of heads) {
        toPerson(head, 'h', (locale) => ({
          texts: splitIntoMessages(
            renderer.t(locale, headKey, { ...base, count: pending.length }) + '\n',
            names,
          ),
          ...(pending.some((p) => p.memberId === head.memberId) ? { buttons: ack(locale) } : {}),
        }))
      }
      if (overdue) return out
      // Issue 12: where Loa is an administrator, members it cannot write to in private get a
      // nudge only they see, and the group names only those reached neither way.
      const nudges = await nudgeItems(db, renderer, {
        unitId,
        broadcastId: target.itemId,
        pending,
        keyPrefix,
        notBefore,
        groupHeader: renderer.t(group, 'nudge-group-fallback', base) + '\n',
        text: (locale) => withLink(locale, renderer.t(locale, 'nudge-member-broadcast', base)),
        buttons: ack,
        groupButtons: ack(group),
      })
      out.items.push(...nudges.items)
      // /nhacnho counts them among the people reached.
      for (const memberId of nudges.nudged) out.people.add(memberId)
      const groupList = (people: Reachable[]) =>
        splitIntoMessages(
          renderer.t(group, 'remind-group-broadcast', { ...base, count: people.length }) + '\n',
          people.map(mention),
        )
      await toGroups(groupList(pending), ack(group), (chat) => !chat.botIsAdmin)
      const unreached = pending.filter(
        (p) => p.privateChatId === null && !nudges.nudged.has(p.memberId),
      )
      if (unreached.length > 0)
        await toGroups(groupList(unreached), ack(group), (chat) => chat.botIsAdmin)
      const headIds = new Set(heads.map((h) => h.memberId))
      for (const person of pending) {
        // A head reached above has the list, with the button when they are pending themselves.
        if (headIds.has(person.memberId)) continue
        toPerson(person, 'm', (locale) => ({
          texts: [withLink(locale, renderer.t(locale, 'remind-member-broadcast', base))],
          buttons: ack(locale),
        }))
      }
      return out
    }
    case 'report': {
      if (await hasSubmitted(db, target.itemId, unitId)) return out
      const key = overdue ? 'remind-overdue-head-report' : 'remind-head-report'
      for (const head of heads)
        toPerson(head, 'h', (locale) => ({ texts: [renderer.t(locale, key, base)] }))
      // PRODUCT §4: on the due day also one line in the unit's group.
      if (target.slot === 'd0') await toGroups([renderer.t(group, 'remind-group-report', base)])
      return out
    }
    case 'task': {
      if (await isTaskDone(db, target.itemId, unitId)) return out
      const key = overdue ? 'remind-overdue-head-task' : 'remind-head-task'
      for (const head of heads) {
        toPerson(head, 'h', (locale) => ({
          texts: [renderer.t(locale, key, base)],
          buttons: [[renderer.taskDoneButton(locale, target.itemId)]],
        }))
      }
      return out
    }
    case 'participation': {
      if (overdue) return out
      const count = await participantCount(db, target.itemId, unitId)
      await toGroups(
        [renderer.t(group, 'remind-group-participation', { ...base, count })],
        [[renderer.participateButton(group, target.itemId, count)]],
      )
      return out
    }
  }
}
