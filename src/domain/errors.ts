/**
 * Expected refusals are values, not exceptions: the edge (bot, CLI) maps each
 * `code` to a Fluent key `error-<code>` in an exhaustive switch.
 */
export type DomainError =
  | { code: 'unknown-unit'; unitCode: string; knownCodes: string[] }
  | { code: 'not-allowed'; needed: string }
  | { code: 'wrong-chat'; expected: 'private' | 'group' | 'reply' }
  | { code: 'group-not-registered' }
  | { code: 'invalid-unit-code'; given: string }
  | { code: 'duplicate-unit'; unitCode: string }
  | { code: 'unknown-member'; reference: string }
  | { code: 'invalid-role'; given: string }
  | { code: 'cannot-change-admin' }
  | { code: 'csv-invalid'; problems: CsvProblem[] }

export interface CsvProblem {
  line: number
  column: string | null
  message: string
}

export type Result<T, E = DomainError> = { ok: true; value: T } | { ok: false; error: E }

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value }
}

export function err<E>(error: E): { ok: false; error: E } {
  return { ok: false, error }
}
