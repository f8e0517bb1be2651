/**
 * The only place that reads the wall clock. Everything else takes a Clock, so
 * tests can hold time still and move it forward on purpose.
 */
export interface Clock {
  /** The current instant. */
  now(): Date
}

export const systemClock: Clock = {
  now: () => new Date(),
}

/** A clock that only moves when told to: for tests and the sandbox. */
export class ManualClock implements Clock {
  private current: number

  constructor(start: Date | string) {
    this.current = new Date(start).getTime()
  }

  now(): Date {
    return new Date(this.current)
  }

  set(instant: Date | string): void {
    this.current = new Date(instant).getTime()
  }

  advance(milliseconds: number): void {
    this.current += milliseconds
  }
}
