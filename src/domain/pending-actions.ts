import { addHours } from 'date-fns'
import type { z } from 'zod'
import { nowIso, type Deps } from './deps.js'

/**
 * A preview waiting for "Xác nhận" or "Huỷ", kept in the database so a restart
 * between the two loses nothing and a button cannot be replayed: taking the
 * action deletes it, so a double tap confirms once.
 */
export async function savePendingAction(
  deps: Deps,
  input: { memberId: number; kind: string; payload: unknown; ttlHours?: number },
): Promise<number> {
  const now = deps.clock.now()
  const row = await deps.db
    .insertInto('pending_action')
    .values({
      member_id: input.memberId,
      kind: input.kind,
      payload: JSON.stringify(input.payload),
      created_at: now.toISOString(),
      expires_at: addHours(now, input.ttlHours ?? 24).toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/**
 * Removes and returns the action if it belongs to this member, is of this kind
 * and has not expired; undefined otherwise (stale, forged, or already taken).
 */
export async function takePendingAction<S extends z.ZodType>(
  deps: Deps,
  input: { id: number; memberId: number; kind: string; schema: S },
): Promise<z.output<S> | undefined> {
  const row = await deps.db
    .deleteFrom('pending_action')
    .where('id', '=', input.id)
    .where('member_id', '=', input.memberId)
    .where('kind', '=', input.kind)
    .where('expires_at', '>', nowIso(deps))
    .returning('payload')
    .executeTakeFirst()
  if (row === undefined) return undefined
  const parsed = input.schema.safeParse(JSON.parse(row.payload))
  return parsed.success ? parsed.data : undefined
}

/**
 * Reads the action without taking it: a confirmation that writes something
 * reads here, then consumes it with {@link consumePendingAction} inside the
 * transaction that writes, so a crash between the two neither loses the press
 * nor applies it twice.
 */
export async function readPendingAction<S extends z.ZodType>(
  deps: Deps,
  input: { id: number; memberId: number; kind: string; schema: S },
): Promise<z.output<S> | undefined> {
  const row = await deps.db
    .selectFrom('pending_action')
    .select('payload')
    .where('id', '=', input.id)
    .where('member_id', '=', input.memberId)
    .where('kind', '=', input.kind)
    .where('expires_at', '>', nowIso(deps))
    .executeTakeFirst()
  if (row === undefined) return undefined
  const parsed = input.schema.safeParse(JSON.parse(row.payload))
  return parsed.success ? parsed.data : undefined
}

/** Which pending action a confirmation spends. */
export interface PendingActionKey {
  id: number
  memberId: number
  kind: string
}

/** Deletes the action on the caller's transaction; false when it was taken already. */
export async function consumePendingAction(
  db: Deps['db'],
  input: PendingActionKey,
): Promise<boolean> {
  const result = await db
    .deleteFrom('pending_action')
    .where('id', '=', input.id)
    .where('member_id', '=', input.memberId)
    .where('kind', '=', input.kind)
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

/** Reads without taking, for showing a preview again. */
export async function peekPendingAction(
  deps: Deps,
  id: number,
): Promise<{ memberId: number; kind: string } | undefined> {
  const row = await deps.db
    .selectFrom('pending_action')
    .select(['member_id', 'kind'])
    .where('id', '=', id)
    .where('expires_at', '>', nowIso(deps))
    .executeTakeFirst()
  return row && { memberId: row.member_id, kind: row.kind }
}
