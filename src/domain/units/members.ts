import { writeAudit } from '../audit.js'
import { nowIso, type Deps } from '../deps.js'
import { err, ok, type Result } from '../errors.js'
import type { Selectable } from 'kysely'
import type { Db } from '../../db/database.js'
import { prepared } from '../../db/prepared.js'
import type { MemberTable } from '../../db/schema.js'
import { rowToMember, type Member } from './member.js'
import { vietnameseOrder } from './vietnamese-name.js'
import { parseGrantableRole, type Role } from './roles.js'
import { findUnitChat, findUnitById, type Unit } from './unit-repository.js'

/** A Telegram user as the domain sees one: ids and names, nothing of grammY. */
export interface PersonSighting {
  telegramId: number
  firstName: string
  lastName?: string | undefined
  username?: string | undefined
  languageCode?: string | undefined
}

/** The name Loa shows for a Telegram profile, family name first where it can tell. */
export function displayName(person: Pick<PersonSighting, 'firstName' | 'lastName'>): string {
  return vietnameseOrder(person.firstName, person.lastName)
}

export async function findMemberByTelegramId(
  db: Db,
  telegramId: number,
): Promise<Member | undefined> {
  const row = await db
    .selectFrom('member')
    .selectAll()
    .where('telegram_id', '=', telegramId)
    .executeTakeFirst()
  return row && rowToMember(row)
}

/**
 * Whether a sighting in a group may place someone in that group's unit: only an
 * ordinary member. An administrator registering the group, or office staff and
 * leaders acting in it, work for the whole Sở and belong to a unit only when the
 * roster (or /truongdonvi) says so (issue 11, point 3).
 */
function learnsUnitFromGroup(deps: Deps, telegramId: number, role: Role | undefined): boolean {
  if (deps.config.adminIds.includes(telegramId)) return false
  return role === undefined || role === 'member'
}

/**
 * Remembers someone the bot has just seen. A roster row waiting under their
 * username is claimed by their id. Seen in a unit's group, an ordinary member
 * belongs to that unit unless the roster says otherwise, and anyone seen there
 * is present in that group.
 * Idempotent: seeing the same person twice changes nothing but last_seen_at.
 */
export async function rememberMember(
  deps: Deps,
  person: PersonSighting,
  where: { chatId: number; isGroup: boolean } | undefined,
): Promise<Member> {
  const at = nowIso(deps)
  // The hot path (a tap, a reaction): someone already known, nothing new about
  // them, seen within the hour, present in this group. Read only; no write.
  const known = (
    await sightedMember(deps.db, {
      telegramId: person.telegramId,
      chatId: where?.isGroup === true ? where.chatId : null,
    })
  ).rows[0]
  if (known !== undefined && isUnchanged(deps, known, person, where, at)) return rowToMember(known)
  let firstSighting = false
  const member = await deps.db.transaction().execute(async (trx) => {
    let row = await trx
      .selectFrom('member')
      .selectAll()
      .where('telegram_id', '=', person.telegramId)
      .executeTakeFirst()
    const username = person.username?.toLowerCase() ?? null
    if (row === undefined && username !== null) {
      row = await trx
        .selectFrom('member')
        .selectAll()
        .where('username', '=', username)
        .where('telegram_id', 'is', null)
        .executeTakeFirst()
      // A roster row claimed by username: the first time Loa sees this person's id.
      firstSighting = row !== undefined
    }
    const unitChat = where?.isGroup === true ? await findUnitChat(trx, where.chatId) : undefined
    const groupUnitId = learnsUnitFromGroup(deps, person.telegramId, row?.role)
      ? (unitChat?.unitId ?? null)
      : null
    if (row === undefined) {
      firstSighting = true
      row = await trx
        .insertInto('member')
        .values({
          telegram_id: person.telegramId,
          username,
          full_name: displayName(person),
          unit_id: groupUnitId,
          telegram_language: person.languageCode ?? null,
          chosen_language: null,
          private_chat_id: null,
          last_seen_at: at,
          created_at: at,
          updated_at: at,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
    } else {
      row = await trx
        .updateTable('member')
        .set({
          telegram_id: person.telegramId,
          username: username ?? row.username,
          // The roster's full name is the official one; Telegram's is only a fallback.
          full_name: row.in_roster === 1 ? row.full_name : displayName(person),
          unit_id: row.unit_id ?? groupUnitId,
          telegram_language: person.languageCode ?? row.telegram_language,
          last_seen_at: at,
          updated_at: at,
        })
        .where('id', '=', row.id)
        .returningAll()
        .executeTakeFirstOrThrow()
    }
    if (unitChat !== undefined) {
      await setPresence(trx, row.id, unitChat.chatId, 'present', at)
    }
    return rowToMember(row)
  })
  // README: an administrator finds a person's Telegram id in the log of their first message.
  if (firstSighting)
    deps.logger.info(
      { telegramId: person.telegramId, name: member.fullName, username: person.username },
      'first message from a new person',
    )
  return member
}

/**
 * The hot path's one read, compiled once (src/db/prepared.ts): the member and,
 * in a unit's group (`chatId`), their presence there (null elsewhere).
 */
const sightedMember = prepared((db, p: { telegramId: number; chatId: number | null }) =>
  db
    .selectFrom('member')
    .selectAll('member')
    .select((eb) =>
      eb
        .selectFrom('chat_membership')
        .innerJoin('unit_chat', 'unit_chat.chat_id', 'chat_membership.chat_id')
        .select('chat_membership.status')
        .whereRef('chat_membership.member_id', '=', 'member.id')
        .where('chat_membership.chat_id', '=', p.chatId)
        .as('presence'),
    )
    .where('member.telegram_id', '=', p.telegramId),
)

/** last_seen_at is kept to the hour: finer would cost a write per tap. */
const SEEN_GRANULARITY_MS = 3600_000

function isUnchanged(
  deps: Deps,
  row: Selectable<MemberTable> & { presence: string | null },
  person: PersonSighting,
  where: { chatId: number; isGroup: boolean } | undefined,
  at: string,
): boolean {
  const username = person.username?.toLowerCase() ?? null
  if ((username ?? row.username) !== row.username) return false
  if (row.in_roster !== 1 && displayName(person) !== row.full_name) return false
  if ((person.languageCode ?? row.telegram_language) !== row.telegram_language) return false
  if (
    row.last_seen_at === null ||
    new Date(at).getTime() - new Date(row.last_seen_at).getTime() >= SEEN_GRANULARITY_MS
  )
    return false
  if (where?.isGroup !== true) return true
  // In a group: the unit and the presence must already be what this sighting would write.
  // Someone who does not learn a unit from groups (admin, office, leader) is complete without one.
  const unitSettled =
    row.unit_id !== null || !learnsUnitFromGroup(deps, row.telegram_id ?? 0, row.role)
  return row.presence === 'present' && unitSettled
}

async function setPresence(
  db: Db,
  memberId: number,
  chatId: number,
  status: 'present' | 'left',
  at: string,
) {
  await db
    .insertInto('chat_membership')
    .values({ member_id: memberId, chat_id: chatId, status, updated_at: at })
    .onConflict((oc) =>
      oc.columns(['member_id', 'chat_id']).doUpdateSet({ status, updated_at: at }),
    )
    .execute()
}

/** chat_member said they left or were removed: they no longer count in that group. */
export async function recordMemberLeft(
  deps: Deps,
  person: PersonSighting,
  chatId: number,
): Promise<void> {
  const member = await findMemberByTelegramId(deps.db, person.telegramId)
  if (member === undefined) return
  await setPresence(deps.db, member.id, chatId, 'left', nowIso(deps))
}

/** /start in private: personal reminders can reach them from now on. */
export async function linkPrivateChat(deps: Deps, memberId: number, chatId: number): Promise<void> {
  await deps.db
    .updateTable('member')
    .set({ private_chat_id: chatId, updated_at: nowIso(deps) })
    .where('id', '=', memberId)
    .execute()
}

export async function chooseLanguage(
  deps: Deps,
  memberId: number,
  language: 'vi' | 'en',
): Promise<void> {
  await deps.db
    .updateTable('member')
    .set({ chosen_language: language, updated_at: nowIso(deps) })
    .where('id', '=', memberId)
    .execute()
}

/** /truongdonvi: the person replied to becomes head of this group's unit. */
export async function makeHead(
  deps: Deps,
  input: { actorTelegramId: number; chatId: number; person: PersonSighting },
): Promise<Result<{ member: Member; unit: Unit }>> {
  const unitChat = await findUnitChat(deps.db, input.chatId)
  if (unitChat === undefined) return err({ code: 'group-not-registered' })
  const unit = await findUnitById(deps.db, unitChat.unitId)
  if (unit === undefined) return err({ code: 'group-not-registered' })
  const seen = await rememberMember(deps, input.person, { chatId: input.chatId, isGroup: true })
  const at = nowIso(deps)
  const member = await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('member')
      .set({ role: 'head', unit_id: unit.id, updated_at: at })
      .where('id', '=', seen.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await writeAudit(trx, {
      at,
      actorTelegramId: input.actorTelegramId,
      action: 'role.grant',
      subject: `member:${seen.id}`,
      details: { role: 'head', unit: unit.code, previousRole: seen.role },
    })
    return rowToMember(row)
  })
  return ok({ member, unit })
}

/**
 * An administrator grants a role. `reference` is a Telegram id or @username of
 * someone the bot knows. `admin` is never granted here: it comes from ADMIN_IDS.
 */
export async function grantRole(
  deps: Deps,
  input: { actorTelegramId: number; reference: string; role: string },
): Promise<Result<{ member: Member; role: Role }>> {
  const role = parseGrantableRole(input.role)
  if (role === undefined) return err({ code: 'invalid-role', given: input.role })
  const reference = input.reference.trim()
  const query = deps.db.selectFrom('member').selectAll()
  const row = /^\d+$/.test(reference)
    ? await query.where('telegram_id', '=', Number(reference)).executeTakeFirst()
    : await query
        .where('username', '=', reference.replace(/^@/, '').toLowerCase())
        .executeTakeFirst()
  if (row === undefined) return err({ code: 'unknown-member', reference })
  if (row.telegram_id !== null && deps.config.adminIds.includes(row.telegram_id)) {
    return err({ code: 'cannot-change-admin' })
  }
  const at = nowIso(deps)
  const member = await deps.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('member')
      .set({ role, updated_at: at })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await writeAudit(trx, {
      at,
      actorTelegramId: input.actorTelegramId,
      action: 'role.grant',
      subject: `member:${row.id}`,
      details: { role, previousRole: row.role },
    })
    return rowToMember(updated)
  })
  return ok({ member, role })
}

/**
 * Where the office hears about trouble (a group that removed the bot): office
 * staff and administrators who have started the bot in private.
 */
export async function officeContacts(
  deps: Deps,
): Promise<{ chatId: number; language: string | null }[]> {
  const rows = await deps.db
    .selectFrom('member')
    .select(['private_chat_id', 'chosen_language', 'telegram_language', 'telegram_id', 'role'])
    .where('private_chat_id', 'is not', null)
    .execute()
  return rows
    .filter(
      (r) =>
        r.role === 'office' ||
        (r.telegram_id !== null && deps.config.adminIds.includes(r.telegram_id)),
    )
    .map((r) => ({
      chatId: r.private_chat_id ?? 0,
      language: r.chosen_language ?? r.telegram_language,
    }))
}
