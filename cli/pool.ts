/**
 * Many files at once: pages are read and checked in worker threads (cli/main.ts says how many)
 * while the main thread reads the next files from disk; the caller keeps the input order.
 *
 * The time limit per file is kept by ending the worker that passes it (and starting another):
 * no watchdog per file, which the in-process limit (timeLimit.ts) costs on every page, and a
 * page that exhausts a worker's memory takes down that worker only.
 */
import { Worker } from 'node:worker_threads';
import { failure, type Entry } from './entries.ts';
import type { Loaded } from './inputs.ts';
import { timeLimitMessage } from './timeLimit.ts';
import type { Answer, Job } from './worker.ts';

/** The worker's script beside this module: the TypeScript as it is, or the bundle the bin built beside its own (cli/bin.mjs). */
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.mjs', import.meta.url);

interface Waiting {
  loaded: Loaded;
  resolve(entry: Entry): void;
}

export class WorkerPool {
  private readonly size: number;
  private readonly timeoutMs: number;
  /** Workers started and ready for a page. */
  private readonly idle: Worker[] = [];
  /** Every worker started (ready, starting or busy). */
  private readonly all = new Set<Worker>();
  private readonly waiting: Waiting[] = [];

  constructor(size: number, timeoutMs: number) {
    this.size = size;
    this.timeoutMs = timeoutMs;
  }

  /** The page's Analysis, or why it could not be read or checked in time (never rejects). */
  check(loaded: Loaded): Promise<Entry> {
    return new Promise((resolve) => {
      this.waiting.push({ loaded, resolve });
      this.dispatch();
    });
  }

  /** Ends every worker (when the batch is done). */
  async close(): Promise<void> {
    const all = [...this.all];
    this.all.clear();
    this.idle.length = 0;
    await Promise.all(all.map((w) => w.terminate()));
  }

  private dispatch() {
    while (this.waiting.length > 0) {
      const worker = this.idle.pop();
      if (!worker) {
        if (this.all.size < this.size) this.start();
        return;
      }
      void this.ask(worker, this.waiting.shift()!);
    }
  }

  /**
   * A new worker, idle once it has loaded the engine (it says 'ready'): the time limit counts
   * from a page's arrival at a ready worker, so start-up never counts against a page.
   */
  private start() {
    const worker = new Worker(WORKER_URL);
    this.all.add(worker);
    const failed = (error: Error) => {
      worker.off('message', ready);
      this.all.delete(worker);
      void worker.terminate();
      // A worker that cannot start: the page waiting for it says why (never a silent hang).
      const job = this.waiting.shift();
      if (job) job.resolve(failure(job.loaded.source, error));
      this.dispatch();
    };
    const ready = () => {
      worker.off('error', failed);
      if (!this.all.has(worker)) return; // closed meanwhile
      this.idle.push(worker);
      this.dispatch();
    };
    worker.once('message', ready);
    worker.once('error', failed);
    // A worker failing while idle (never seen): it is not used again. While it checks a page,
    // ask() reports the failure as that page's entry.
    worker.on('error', () => {
      this.all.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
    });
  }

  private async ask(worker: Worker, { loaded, resolve }: Waiting) {
    const reply = await ask(worker, { loaded }, this.timeoutMs);
    if (reply.kind === 'entry') {
      this.idle.push(worker);
      resolve(reply.entry);
    } else {
      // Too slow, or failed: this worker goes; the next page gets a new one.
      this.all.delete(worker);
      void worker.terminate();
      resolve(failure(loaded.source, reply.error));
    }
    this.dispatch();
  }
}

type Reply = { kind: 'entry'; entry: Entry } | { kind: 'failed'; error: Error };

/** Sends one page to `worker` and waits for its answer, the time limit, or the worker's failure. */
function ask(worker: Worker, job: Job, timeoutMs: number): Promise<Reply> {
  return new Promise((resolve) => {
    const settle = (reply: Reply) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve(reply);
    };
    const onMessage = (answer: Answer) => settle({ kind: 'entry', entry: answer.entry });
    // An error outside the engine's own catch: out of memory, a worker that could not start.
    const onError = (e: Error) => settle({ kind: 'failed', error: e });
    const onExit = (code: number) => settle({ kind: 'failed', error: new Error(`检查线程意外退出 (worker exited with code ${code})`) });
    const timer = setTimeout(() => settle({ kind: 'failed', error: new Error(timeLimitMessage(timeoutMs)) }), timeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(job);
  });
}
