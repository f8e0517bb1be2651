import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { extractPlanText, MAX_PLAN_BYTES } from '../../domain/plans/extract-text.js'
import { parsePlan, looksLikePlan } from '../../domain/plans/parse-plan.js'
import {
  confirmPlanImport,
  previewPlanImport,
  type PlanPreview,
} from '../../domain/plans/plan-import.js'
import { UsageError, withDatabase, type CliIo } from '../cli-context.js'

const USAGE = 'plan import <file.txt|.md|.docx|.pdf> [--dry-run] [--json]'

/**
 * `plan import`: parse a plan; `--json` prints exactly the parsed plan (PRODUCT §6)
 * on stdout and everything else on stderr; without `--dry-run` the campaign is created.
 */
export async function planImportCommand(io: CliIo, args: string[]): Promise<number> {
  const flags = new Set(args.filter((a) => a.startsWith('--')))
  const [file, ...extra] = args.filter((a) => !a.startsWith('--'))
  const unknown = [...flags].filter((f) => f !== '--dry-run' && f !== '--json')
  if (file === undefined || extra.length > 0 || unknown.length > 0) throw new UsageError(USAGE)
  const json = flags.has('--json')
  const dryRun = flags.has('--dry-run')

  const size = (await stat(file)).size
  if (size > MAX_PLAN_BYTES) {
    io.err(`${file}: ${size} bytes; a plan file may be at most ${MAX_PLAN_BYTES} bytes (2 MB).`)
    return 1
  }
  const extracted = await extractPlanText({ fileName: basename(file), bytes: await readFile(file) })
  if (!extracted.ok) {
    const { error } = extracted
    io.err(
      error.code === 'plan-unsupported-type'
        ? `${file}: use a .txt, .md, .docx or .pdf file.`
        : error.code === 'plan-too-large'
          ? `${file}: a plan file may be at most ${error.maxBytes} bytes.`
          : error.code === 'plan-no-text-layer'
            ? `${file}: this PDF is a scan with no text layer; use the .docx or a PDF exported from Word.`
            : `${file}: this is not readable text (binary or not UTF-8).`,
    )
    return 1
  }
  if (!looksLikePlan(extracted.text)) {
    io.err(
      `${file}: this does not read as a Kế hoạch or a công văn (no "KẾ HOẠCH" heading, "V/v" subject or "Số:" line).`,
    )
    return 1
  }
  if (json) io.out(JSON.stringify(parsePlan(extracted.text), null, 2))
  if (dryRun && json) return 0

  return withDatabase(io, async (deps) => {
    const preview = await previewPlanImport(deps, extracted.text)
    if (!preview.ok) return 1
    const say = json ? io.err : io.out
    if (!json) say(describePreview(preview.value))
    if (preview.value.duplicateOf !== undefined) {
      io.err(`Already imported as campaign ${preview.value.duplicateOf.code}; nothing created.`)
      return dryRun ? 0 : 1
    }
    if (dryRun) return 0
    const created = await confirmPlanImport(
      deps,
      {
        plan: preview.value.plan,
        fingerprint: preview.value.fingerprint,
        year: preview.value.year,
      },
      null,
    )
    if (!created.ok) {
      io.err(`Not created: ${created.error.code}`)
      return 1
    }
    say(`Campaign ${created.value.code} created (draft): ${created.value.title}`)
    return 0
  })
}

function describePreview({ plan, units, reportDue }: PlanPreview): string {
  const lines = [
    `Title:      ${plan.title ?? '—'}`,
    `Number:     ${plan.number ?? '—'}   Issuer: ${plan.issuer ?? '—'}   Place: ${plan.place ?? '—'}   Issued: ${plan.issuedOn ?? '—'}`,
    `Period:     ${plan.period === null ? '—' : `${plan.period.start ?? '?'} → ${plan.period.end ?? '?'}`}`,
    `Slogans:    ${plan.slogans.length === 0 ? '—' : plan.slogans.map((s) => `“${s}”`).join(', ')}`,
    `Report due: ${reportDue ?? '—'}`,
    `Activities (${plan.activities.length}):`,
    ...plan.activities.map(
      (a, i) =>
        `  ${i + 1}. [${a.kind}] ${a.title}\n     lead: ${a.lead ?? '—'}; due: ${a.due ?? '—'}${a.dueText === null ? '' : ` (${a.dueText})`}`,
    ),
    `Units named in the plan:`,
    ...units.map(
      (u) =>
        `  ${u.name} → ${u.unit !== null ? `${u.unit.code} ${u.unit.name}` : u.allUnits ? 'all units' : 'not in the list of units'}`,
    ),
  ]
  return lines.join('\n')
}
