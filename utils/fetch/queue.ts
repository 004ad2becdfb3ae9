/**
 * The politeness of a run, in one place: at most `concurrency` requests at a time (2), and
 * at least `pauseMs` between the start of one request and the next, whatever the sites are.
 * Government sites are small servers; a checker must never look like a crawler hammering them.
 *
 * A person can pause (requests under way finish, no new one starts), resume, and cancel
 * (requests under way are aborted, waiting ones never start).
 */

export const POLITENESS = { concurrency: 2, pauseMs: 1000 } as const;

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

interface Job {
  start: () => void;
  reject: (e: unknown) => void;
}

export class PoliteQueue {
  private readonly concurrency: number;
  private readonly pauseMs: number;
  private active = 0;
  private pending: Job[] = [];
  private nextStart = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private controller = new AbortController();
  private paused = false;

  constructor(options: { concurrency?: number; pauseMs?: number } = {}) {
    this.concurrency = Math.max(1, options.concurrency ?? POLITENESS.concurrency);
    this.pauseMs = Math.max(0, options.pauseMs ?? POLITENESS.pauseMs);
  }

  /** Runs `task` when its turn comes; the signal aborts when the run is cancelled. */
  run<T>(task: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const signal = this.controller.signal;
      if (signal.aborted) return reject(new CancelledError());
      this.pending.push({
        start: () => {
          task(signal)
            .then(resolve, reject)
            .finally(() => {
              this.active--;
              this.pump();
            });
        },
        reject,
      });
      this.pump();
    });
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** Requests under way, and waiting for their turn. */
  get counts(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.pending.length };
  }

  pause() {
    this.paused = true;
    this.clearTimer();
  }

  resume() {
    this.paused = false;
    this.pump();
  }

  /** Aborts what runs, drops what waits; the queue can be used again afterwards (retry). */
  cancel() {
    this.clearTimer();
    this.controller.abort();
    const dropped = this.pending;
    this.pending = [];
    for (const job of dropped) job.reject(new CancelledError());
    this.controller = new AbortController();
    this.paused = false;
  }

  private clearTimer() {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private pump() {
    if (this.paused) return;
    while (this.active < this.concurrency && this.pending.length > 0) {
      const wait = this.nextStart - Date.now();
      if (wait > 0) {
        if (this.timer === undefined) {
          this.timer = setTimeout(() => {
            this.timer = undefined;
            this.pump();
          }, wait);
        }
        return;
      }
      const job = this.pending.shift()!;
      this.active++;
      this.nextStart = Date.now() + this.pauseMs;
      job.start();
    }
  }
}
