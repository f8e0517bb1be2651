import type { LoaContext } from './context.js'
import { formatDay } from './format.js'

/** « · hạn 11/03/2027» after a broadcast's time in /lich, or nothing without a deadline. */
export function deadlineSuffix(ctx: LoaContext, confirmBy: string | null): string {
  return confirmBy === null ? '' : ctx.t('schedule-deadline', { day: formatDay(confirmBy) })
}
