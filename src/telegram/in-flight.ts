/**
 * Counts updates being handled. @grammyjs/runner's stop() ends fetching but does
 * not wait for middleware already running, so graceful shutdown drains this first.
 */
export class InFlightUpdates {
  private readonly running = new Set<Promise<unknown>>()

  async track<T>(work: () => Promise<T>): Promise<T> {
    const promise = work()
    this.running.add(promise)
    try {
      return await promise
    } finally {
      this.running.delete(promise)
    }
  }

  get size(): number {
    return this.running.size
  }

  /** Resolves once every update that had started is done, successfully or not. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running])
  }
}
