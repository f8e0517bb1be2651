import type { Db } from '../../db/database.js'
import { writeAudit } from '../audit.js'
import { nowIso, type Deps } from '../deps.js'
import { err, ok, type Result } from '../errors.js'
import { escapeHtml } from '../html.js'
import { enqueueOutbound, type OutboundItem } from '../outbound/outbound.js'
import {
  consumePendingAction,
  savePendingAction,
  type PendingActionKey,
} from '../pending-actions.js'
import {
  loadAmendable,
  standingCopies,
  type AmendActor,
  type StandingCopy,
} from './amend-access.js'

/** The conversation «Sửa nội dung» opens: the new text comes in the next private message. */
export const CORRECTION_TEXT = 'correction-text'
const CONVERSATION_TTL_HOURS = 72

/**
 * Opens the conversation: a pending_action row, so a restart between the
 * button and the answer loses nothing. A newer one replaces an older one.
 */
export async function askCorrection(
  deps: Deps,
  input: { broadcastId: number; memberId: number },
): Promise<void> {
  await deps.db
    .deleteFrom('pending_action')
    .where('member_id', '=', input.memberId)
    .where('kind', '=', CORRECTION_TEXT)
    .execute()
  await savePendingAction(deps, {
    memberId: input.memberId,
    kind: CORRECTION_TEXT,
    payload: { broadcastId: input.broadcastId },
    ttlHours: CONVERSATION_TTL_HOURS,
  })
}

/** The member's open «Sửa nội dung» conversation, if any. */
export async function openCorrection(
  deps: Deps,
  memberId: number,
): Promise<{ id: number; broadcastId: number } | undefined> {
  const row = await deps.db
    .selectFrom('pending_action')
    .select(['id', 'payload'])
    .where('member_id', '=', memberId)
    .where('kind', '=', CORRECTION_TEXT)
    .where('expires_at', '>', nowIso(deps))
    .orderBy('id', 'desc')
    .executeTakeFirst()
  if (row === undefined) return undefined
  const payload = JSON.parse(row.payload) as { broadcastId?: unknown }
  return typeof payload.broadcastId === 'number'
    ? { id: row.id, broadcastId: payload.broadcastId }
    : undefined
}

/** Telegram's limit on a message text; a caption allows 1,024 and refuses more. */
export const MAX_CORRECTION_LENGTH = 4096
export const MAX_CAPTION_LENGTH = 1024

export interface CorrectionPreview {
  broadcastId: number
  copies: number
}

/**
 * «Sửa nội dung» (issue 12): what the preview says. Refused for a broadcast of
 * someone else (unless office or admin), a recalled one, or one with no copy out.
 */
export async function previewCorrection(
  deps: Deps,
  input: { broadcastId: number; actor: AmendActor; text?: string },
): Promise<Result<CorrectionPreview>> {
  const broadcast = await loadAmendable(deps.db, input.broadcastId, input.actor)
  if (!broadcast.ok) return broadcast
  // An album's text is a caption; a single copy may be either, which only Telegram knows.
  const max =
    broadcast.value.sourceMessageIds.length > 1 ? MAX_CAPTION_LENGTH : MAX_CORRECTION_LENGTH
  if (input.text !== undefined && input.text.length > max)
    return err({ code: 'correction-too-long', length: input.text.length, max })
  const copies = await standingCopies(deps.db, input.broadcastId)
  if (copies.length === 0)
    return err({ code: 'broadcast-not-delivered', broadcastId: input.broadcastId })
  return ok({ broadcastId: input.broadcastId, copies: copies.length })
}

/**
 * Confirms a correction: in one transaction the preview is spent, the new text
 * becomes the broadcast's content and one edit per standing copy is queued
 * (paced as edits by the sender, which re-sends each copy's current keyboard).
 * A second press finds the preview gone: `stale` and nothing queued twice.
 */
export async function correctBroadcast(
  deps: Deps,
  input: { broadcastId: number; text: string; actor: AmendActor; consume: PendingActionKey },
): Promise<Result<{ copies: number; stale: boolean }>> {
  const at = nowIso(deps)
  const html = escapeHtml(input.text)
  return deps.db.transaction().execute(async (trx) => {
    if (!(await consumePendingAction(trx, input.consume))) return ok({ copies: 0, stale: true })
    const broadcast = await loadAmendable(trx, input.broadcastId, input.actor)
    if (!broadcast.ok) return broadcast
    const isAlbum = broadcast.value.sourceMessageIds.length > 1
    const copies = await standingCopies(trx, input.broadcastId)
    await enqueueOutbound(
      trx,
      copies.map((copy) => editItem(copy, { html, isAlbum, editId: input.consume.id, at })),
      at,
    )
    await trx
      .updateTable('broadcast')
      .set({ content_html: html, edited_at: at, updated_at: at })
      .where('id', '=', input.broadcastId)
      .execute()
    await writeAudit(trx, {
      at,
      actorTelegramId: input.actor.telegramId,
      action: 'broadcast.correct',
      subject: `broadcast:${input.broadcastId}`,
      details: { copies: copies.length, text: input.text },
    })
    return ok({ copies: copies.length, stale: false })
  })
}

/**
 * One copy's edit. A single message carries its own buttons, so they ride with
 * the edit; an album's caption is on its first message, and its buttons live on
 * the separate button message, which the edit leaves alone.
 */
function editItem(
  copy: StandingCopy,
  options: { html: string; isAlbum: boolean; editId: number; at: string },
): OutboundItem {
  const first = copy.messageIds[0] ?? copy.messageId
  return {
    key: `broadcast-edit:${options.editId}:${copy.deliveryId}`,
    kind: 'broadcast-edit',
    chatId: copy.chatId,
    payload: {
      html: options.html,
      edit: options.isAlbum
        ? { messageId: first, asCaption: true }
        : { messageId: copy.messageId, deliveryId: copy.deliveryId },
    },
    notBefore: options.at,
  }
}

/**
 * A copy that reaches its group after a correction (a retry of a failed group,
 * a delivery still pending at the correction) is a copy of the original
 * message: its edit to the corrected text is queued in the transaction that
 * records the send, so no group keeps the old text. One statement when the
 * broadcast was never corrected.
 */
export async function queueCorrectionOfLateCopy(
  trx: Db,
  copy: { broadcastId: number; deliveryId: number; chatId: number; messageIds: number[] },
  at: string,
): Promise<void> {
  const broadcast = await trx
    .selectFrom('broadcast')
    .select(['content_html', 'edited_at', 'source_message_ids'])
    .where('id', '=', copy.broadcastId)
    .executeTakeFirst()
  if (broadcast?.content_html == null || broadcast.edited_at === null) return
  const sourceIds = JSON.parse(broadcast.source_message_ids) as unknown[]
  const item = editItem(
    {
      deliveryId: copy.deliveryId,
      chatId: copy.chatId,
      chatTitle: '',
      messageId: copy.messageIds.at(-1) ?? 0,
      messageIds: copy.messageIds,
      sentAt: at,
    },
    { html: broadcast.content_html, isAlbum: sourceIds.length > 1, editId: 0, at },
  )
  // Keyed by the correction's instant: a later correction edits the copy again.
  await enqueueOutbound(
    trx,
    [{ ...item, key: `broadcast-edit:late:${broadcast.edited_at}:${copy.deliveryId}` }],
    at,
  )
}
