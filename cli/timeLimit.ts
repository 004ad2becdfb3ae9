/**
 * A bound on the time one file may take, synchronous work included: decoding, parsing and
 * analysing a page run in one call that Node's vm watchdog interrupts past the limit (V8
 * terminates whatever JavaScript is running, the engine's own functions too). The next file
 * goes on: the engine's only state between pages is tables it builds in the first page's first
 * milliseconds (hence the command line's floor of 0.1 s on the limit), and its global regular
 * expressions are reset before each use.
 */
import vm from 'node:vm';

/** What a file that took longer than `ms` is reported with (here and in the worker pool, cli/pool.ts). */
export const timeLimitMessage = (ms: number) => `检查超时（超过 ${ms / 1000} 秒），未能完成 (took over ${ms / 1000} s)`;

/** One file took longer than the limit; the message says so in a person's words. */
export class TimeLimitError extends Error {}

const context = vm.createContext({ job: null as null | (() => unknown), result: undefined as unknown });
const script = new vm.Script('result = job()');

export function runWithin<T>(ms: number, job: () => T): T {
  context.job = job;
  try {
    script.runInContext(context, { timeout: Math.max(1, Math.round(ms)) });
    return context.result as T;
  } catch (e) {
    if ((e as NodeJS.ErrnoException)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      throw new TimeLimitError(timeLimitMessage(ms));
    }
    throw e;
  } finally {
    context.job = null;
    context.result = undefined;
  }
}
