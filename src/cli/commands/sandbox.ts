import { runSandbox } from '../../sandbox/scenario/run-sandbox.js'
import { UsageError, type CliIo } from '../cli-context.js'

const USAGE = 'sandbox [--lang vi|en] [--out DIR] [--keep]   e.g. sandbox --lang en --out /tmp/loa'

/**
 * `loa sandbox` (and `npm run sandbox`): a whole campaign against the Bot API
 * stand-in, printed as a transcript, its files written to a folder (PRODUCT §8).
 */
export async function sandboxCommand(io: CliIo, args: string[]): Promise<number> {
  let lang: 'vi' | 'en' = 'vi'
  let out: string | undefined
  let keep = false
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? ''
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split('=', 2) : [arg]
    const value = () => inline ?? args[++i]
    if (name === '--lang') {
      const given = value()
      if (given !== 'vi' && given !== 'en')
        throw new UsageError(`--lang must be vi or en\n  ${USAGE}`)
      lang = given
    } else if (name === '--out') {
      out = value()
      if (out === undefined || out === '') throw new UsageError(`--out needs a folder\n  ${USAGE}`)
    } else if (name === '--keep') keep = true
    else throw new UsageError(`unexpected "${arg}"\n  ${USAGE}`)
  }
  const run = await runSandbox({ lang, keep, print: io.out, ...(out === undefined ? {} : { out }) })
  if (run.kept !== undefined) {
    // --keep: serve until Ctrl+C or a stop signal, then close Loa and the stand-in cleanly.
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve())
      process.once('SIGTERM', () => resolve())
    })
    await run.kept.stop()
  }
  return 0
}
