import { writeAudit } from '../audit.js'
import { nowIso, type Deps } from '../deps.js'
import { err, ok, type Result } from '../errors.js'
import {
  findUnitByCode,
  findUnitById,
  findUnitChat,
  listUnitCodes,
  type Unit,
} from './unit-repository.js'

export interface RegisterGroupInput {
  chatId: number
  threadId: number | null
  title: string
  unitCode: string
  actorTelegramId: number
  botIsAdmin: boolean
  memberCount: number | null
}

export interface RegisterGroupOutcome {
  unit: Unit
  /** Set when the group was linked to another unit before and has now moved. */
  previousUnit: Unit | undefined
}

/**
 * Links a group (or one forum topic of it) to a unit. Registering again moves it:
 * a group belongs to one unit. Reactivates a group marked inactive earlier.
 */
export async function registerGroup(
  deps: Deps,
  input: RegisterGroupInput,
): Promise<Result<RegisterGroupOutcome>> {
  const unit = await findUnitByCode(deps.db, input.unitCode)
  if (unit === undefined) {
    return err({
      code: 'unknown-unit',
      unitCode: input.unitCode,
      knownCodes: await listUnitCodes(deps.db),
    })
  }
  const at = nowIso(deps)
  return deps.db.transaction().execute(async (trx) => {
    const existing = await findUnitChat(trx, input.chatId)
    const previousUnit =
      existing !== undefined && existing.unitId !== unit.id
        ? await findUnitById(trx, existing.unitId)
        : undefined
    const values = {
      unit_id: unit.id,
      thread_id: input.threadId,
      title: input.title,
      is_active: 1,
      inactive_reason: null,
      bot_is_admin: input.botIsAdmin ? 1 : 0,
      member_count: input.memberCount,
      registered_by: input.actorTelegramId,
      updated_at: at,
    }
    await trx
      .insertInto('unit_chat')
      .values({ chat_id: input.chatId, ...values })
      .onConflict((oc) => oc.column('chat_id').doUpdateSet(values))
      .execute()
    await writeAudit(trx, {
      at,
      actorTelegramId: input.actorTelegramId,
      action: 'group.register',
      subject: `chat:${input.chatId}`,
      details: {
        unit: unit.code,
        previousUnit: previousUnit?.code ?? null,
        botIsAdmin: input.botIsAdmin,
      },
    })
    return ok({ unit, previousUnit })
  })
}

/** Records what the bot learned about a group's rights and size (my_chat_member, /dangky). */
export async function updateGroupFacts(
  deps: Deps,
  chatId: number,
  facts: { botIsAdmin?: boolean; memberCount?: number; title?: string },
): Promise<void> {
  await deps.db
    .updateTable('unit_chat')
    .set({
      ...(facts.botIsAdmin === undefined ? {} : { bot_is_admin: facts.botIsAdmin ? 1 : 0 }),
      ...(facts.memberCount === undefined ? {} : { member_count: facts.memberCount }),
      ...(facts.title === undefined ? {} : { title: facts.title }),
      updated_at: nowIso(deps),
    })
    .where('chat_id', '=', chatId)
    .execute()
}

/** The bot was removed from a group: stop sending there until someone registers it again. */
export async function deactivateGroup(
  deps: Deps,
  chatId: number,
  reason: string,
): Promise<boolean> {
  const result = await deps.db
    .updateTable('unit_chat')
    .set({ is_active: 0, inactive_reason: reason, updated_at: nowIso(deps) })
    .where('chat_id', '=', chatId)
    .where('is_active', '=', 1)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** A group upgraded to a supergroup gets a new id; everything that pointed at the old one follows. */
export async function followMigratedGroup(
  deps: Deps,
  fromChatId: number,
  toChatId: number,
): Promise<void> {
  const at = nowIso(deps)
  await deps.db.transaction().execute(async (trx) => {
    const taken = await findUnitChat(trx, toChatId)
    if (taken !== undefined) return
    await trx
      .updateTable('unit_chat')
      .set({ chat_id: toChatId, updated_at: at })
      .where('chat_id', '=', fromChatId)
      .execute()
    await trx
      .updateTable('chat_membership')
      .set({ chat_id: toChatId })
      .where('chat_id', '=', fromChatId)
      .execute()
    await writeAudit(trx, {
      at,
      actorTelegramId: null,
      action: 'group.migrate',
      subject: `chat:${fromChatId}`,
      details: { to: toChatId },
    })
  })
}
