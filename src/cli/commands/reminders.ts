import { TZDate } from '@date-fns/tz'
import { formatISO } from 'date-fns'
import { findCampaignByCode, listCampaignCodes } from '../../domain/campaigns/campaign-queries.js'
import { listReminders } from '../../domain/reminders/list-reminders.js'
import { UsageError, withDatabase, type CliIo } from '../cli-context.js'

const USAGE = 'reminders <CAMPAIGN_CODE> [--json]'

/** UTC text as stored → ISO-8601 with the TIMEZONE offset: 2024-04-16T08:00:00+07:00. */
function withOffset(instant: string | null, timeZone: string): string | null {
  return instant === null ? null : formatISO(new TZDate(new Date(instant).getTime(), timeZone))
}

/**
 * `reminders <MÃ> [--json]` (PRODUCT §6): the planned and sent reminders of a
 * campaign. `--json` prints an array of objects (kind, item, audience,
 * plannedAt, state, sentAt, …), times in ISO-8601 with offset.
 */
export async function remindersCommand(io: CliIo, args: string[]): Promise<number> {
  const json = args.includes('--json')
  const rest = args.filter((a) => a !== '--json')
  const [code, ...extra] = rest
  if (code === undefined || extra.length > 0 || rest.some((a) => a.startsWith('--')))
    throw new UsageError(USAGE)
  return withDatabase(io, async (deps) => {
    const campaign = await findCampaignByCode(deps.db, code)
    if (campaign === undefined) {
      const known = await listCampaignCodes(deps.db)
      io.err(
        `No campaign ${code}. Known: ${known.join(', ') || '—'}. Example: loa reminders ${known[0] ?? 'NGAYSACH2024'}`,
      )
      return 1
    }
    const zone = deps.config.timezone
    const rows = (await listReminders(deps.db, campaign.id)).map((r) => ({
      ...r,
      plannedAt: withOffset(r.plannedAt, zone),
      sentAt: withOffset(r.sentAt, zone),
    }))
    if (json) {
      io.out(JSON.stringify(rows, null, 2))
      return 0
    }
    if (rows.length === 0) {
      io.out(`${campaign.code}: no reminders planned.`)
      return 0
    }
    io.out(`${campaign.code}: ${rows.length} reminders`)
    for (const r of rows) {
      const title = r.itemTitle === null ? '' : ` "${r.itemTitle}"`
      const sent = r.sentAt === null ? '' : ` at ${r.sentAt} (${r.messages ?? 0} messages)`
      io.out(
        `${r.plannedAt}  ${r.kind}/${r.slot}  ${r.item}${title} → ${r.audience}  ${r.state}${sent}`,
      )
    }
    return 0
  })
}
