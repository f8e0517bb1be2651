import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'

/**
 * Loa as a separate process, started as `npm start` starts it, talking to a
 * stand-in over HTTP: for signals, kill -9 and restart tests.
 */
export class BotProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly output: { stdout: string; stderr: string },
  ) {}

  static start(env: Record<string, string>, cwd: string): BotProcess {
    const main = new URL('../../src/main.ts', import.meta.url).pathname
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), main], {
      env: { PATH: process.env['PATH'] ?? '', HOME: cwd, ...env },
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const output = { stdout: '', stderr: '' }
    child.stdout?.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()))
    child.stderr?.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()))
    return new BotProcess(child, output)
  }

  get pid(): number | undefined {
    return this.child.pid
  }

  /** Sends a signal and resolves with the exit code (null when killed by the signal). */
  async stop(signal: NodeJS.Signals): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.child.exitCode
    const exited = once(this.child, 'exit') as Promise<[number | null, string | null]>
    this.child.kill(signal)
    const [code] = await exited
    return code
  }
}
