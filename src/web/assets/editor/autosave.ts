// When to autosave: once the author has been idle for a moment after a change, one request at a
// time, again later after a network failure, never again after a conflict. The saving itself and
// the clock are handed in, so this runs (and is tested) without a browser.

/** How a save ended. 'rejected': the server refused the data (it waits for the next change). */
export type SaveOutcome = 'saved' | 'conflict' | 'rejected' | 'retry';

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface AutosaveOptions {
  /** Idle time after the last change before saving. */
  idleMs: number;
  /** The wait before the n-th retry after failures (n from 1). */
  retryMs(attempt: number): number;
  timers: Timers;
}

export const browserTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class AutosaveScheduler {
  private edits = 0;
  private savedEdits = 0;
  private timer: unknown = null;
  private inFlight: Promise<void> | null = null;
  private stopped = false;
  private failures = 0;

  /** save is null where there is nowhere to autosave yet (a new article): changes are only tracked. */
  constructor(
    private readonly save: (() => Promise<SaveOutcome>) | null,
    private readonly options: AutosaveOptions,
  ) {}

  /** Something in the form changed. */
  changed(): void {
    this.edits += 1;
    if (this.save && !this.stopped) this.arm(this.options.idleMs);
  }

  /** Changes not yet saved by autosave. */
  get dirty(): boolean {
    return this.edits !== this.savedEdits;
  }

  get busy(): boolean {
    return this.inFlight !== null;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** No more autosaves (a conflict, or the form is being submitted). */
  stop(): void {
    this.stopped = true;
    this.disarm();
  }

  /** Resolves when no save is in flight. */
  async settled(): Promise<void> {
    while (this.inFlight) await this.inFlight;
  }

  private arm(ms: number): void {
    this.disarm();
    this.timer = this.options.timers.set(() => {
      this.timer = null;
      this.fire();
    }, ms);
  }

  private disarm(): void {
    if (this.timer !== null) this.options.timers.clear(this.timer);
    this.timer = null;
  }

  private fire(): void {
    if (this.stopped || !this.dirty || !this.save) return;
    // One request at a time: a save due meanwhile starts when the current one ends (see run).
    if (this.inFlight) return;
    this.inFlight = this.run(this.save).finally(() => {
      this.inFlight = null;
    });
  }

  private async run(save: () => Promise<SaveOutcome>): Promise<void> {
    const upTo = this.edits;
    let outcome: SaveOutcome;
    try {
      outcome = await save();
    } catch {
      outcome = 'retry';
    }
    if (this.stopped) return;
    if (outcome === 'saved') {
      this.failures = 0;
      this.savedEdits = Math.max(this.savedEdits, upTo);
      // Changes made while saving: their idle time may already have passed.
      if (this.dirty && this.timer === null) this.timer = this.options.timers.set(() => this.retryNow(), 0);
    } else if (outcome === 'conflict') {
      this.stop();
    } else if (outcome === 'retry') {
      this.failures += 1;
      this.arm(this.options.retryMs(this.failures));
    }
  }

  private retryNow(): void {
    this.timer = null;
    // Runs after inFlight is cleared (the finally above has run by the time a timer fires).
    this.fire();
  }
}
