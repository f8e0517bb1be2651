import type { DomainError } from '../domain/errors.js'
import type { LoaContext } from './context.js'

/** Maps each expected refusal to its message; exhaustive, so a new error code cannot go unexplained. */
export function errorMessage(ctx: LoaContext, error: DomainError): string {
  switch (error.code) {
    case 'unknown-unit':
      return ctx.t('error-unknown-unit', {
        code: error.unitCode,
        known: error.knownCodes.length > 0 ? error.knownCodes.join(', ') : '—',
        example: error.knownCodes[0] ?? 'VP',
      })
    case 'not-allowed':
      return ctx.t('error-not-allowed', { needed: error.needed })
    case 'wrong-chat':
      return ctx.t(`error-wrong-chat-${error.expected}`)
    case 'group-not-registered':
      return ctx.t('error-group-not-registered')
    case 'invalid-unit-code':
      return ctx.t('error-invalid-unit-code', { given: error.given })
    case 'duplicate-unit':
      return ctx.t('error-duplicate-unit', { code: error.unitCode })
    case 'unknown-member':
      return ctx.t('error-unknown-member', { reference: error.reference })
    case 'invalid-role':
      return ctx.t('error-invalid-role', { given: error.given })
    case 'cannot-change-admin':
      return ctx.t('error-cannot-change-admin')
    case 'csv-invalid':
      return ctx.t('error-csv-invalid', {
        problems: error.problems
          .slice(0, 20)
          .map((p) => ctx.t('error-csv-problem', { line: p.line, column: p.column ?? '—', message: p.message }))
          .join('\n'),
      })
  }
}

export async function replyError(ctx: LoaContext, error: DomainError): Promise<void> {
  await ctx.reply(errorMessage(ctx, error))
}
