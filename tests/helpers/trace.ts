/**
 * What our content scripts cost a page's main thread, from a Chromium trace: used by the
 * browser benchmark (scripts/bench-browser.ts) and by the end-to-end test of a huge page
 * (tests/e2e/security.e2e.ts).
 */
import type { Page } from 'playwright-core';

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: unknown;
}

/** Our scripts (the checker's second half, the overlay, is its own script) and the floor's. */
export type Script = 'detector' | 'checker' | 'overlay' | 'baseline';
const SCRIPTS: Script[] = ['detector', 'checker', 'overlay', 'baseline'];

export interface OurTask {
  script: Script;
  /** The whole task. */
  ms: number;
  /**
   * Of which the browser drawing a frame (style, layout, pre-paint, paint) outside any script
   * call: the task that runs a requestAnimationFrame callback also draws the frame, and pays
   * there for every change made to the page since the last one. Layout our own calls force
   * happens inside them, so it is not counted here.
   */
  frameMs: number;
}

const FRAME_WORK = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit']);
const SCRIPT_CALL = new Set(['FunctionCall', 'EvaluateScript', 'v8.callFunction', 'RunMicrotasks', 'FireAnimationFrame', 'TimerFire']);

/**
 * The main-thread tasks that ran our scripts on the page loaded from `url`, each with its
 * length in ms. Chromium's trace marks every script evaluation and callback with its script's
 * URL; a top-level task (one not inside another) counts as ours when it holds such a mark, and
 * counts whole: the compile, the run, the microtasks after it, and any layout our calls forced.
 * A task that ran the checker is the checker's, even if the detector ran in it too.
 *
 * Only tasks from the start of the navigation to `url` on count. A trace can also hold the page
 * loaded before it in the same tab (the same-site blank page the benchmark loads first, so that
 * the measured page stays in its renderer): its content scripts run at idle, often after the
 * navigation that loaded it has returned, and were counted as the measured page's until
 * navigation starts were read.
 */
export function ourTasks(events: TraceEvent[], url: string): OurTask[] {
  const ours = (e: TraceEvent): Script | null => {
    const args = JSON.stringify(e.args ?? {});
    // The detector's second half (look.js) counts as the detector's.
    if (args.includes('/look.js')) return 'detector';
    return SCRIPTS.find((name) => args.includes(`/${name}.js`)) ?? null;
  };
  const since = navigationStart(events, url);
  const first = events.find((e) => e.ts >= since && ours(e) && e.name === 'EvaluateScript');
  if (!first) return [];
  // The renderer's main thread is the one that evaluated the first content script.
  const main = events.filter((e) => e.pid === first.pid && e.tid === first.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const tasks: OurTask[] = [];
  let top: TraceEvent | null = null;
  let owner: Script | null = null;
  let inside: TraceEvent[] = [];
  const close = () => {
    // A task that began before the navigation is the page before's, whatever it ran.
    if (!top || !owner || top.ts < since) return;
    const calls = inside.filter((e) => SCRIPT_CALL.has(e.name));
    const drawing = inside.filter((e) => FRAME_WORK.has(e.name) && !calls.some((c) => holds(c, e)));
    // Frame steps can nest (a layout inside a style update): count the outermost only.
    // Of two with the same span, the first counts.
    const inner = (e: TraceEvent, i: number) => drawing.some((d, j) => j !== i && holds(d, e) && (!holds(e, d) || j < i));
    const frame = drawing.filter((e, i) => !inner(e, i)).reduce((n, e) => n + e.dur!, 0);
    tasks.push({ script: owner, ms: top.dur! / 1000, frameMs: frame / 1000 });
  };
  for (const e of main) {
    if (!top || e.ts >= top.ts + top.dur!) {
      close();
      top = e;
      owner = null;
      inside = [];
    }
    inside.push(e);
    const who = ours(e);
    if (who && (owner === null || owner === 'detector')) owner = who;
  }
  close();
  return tasks;
}

/** `outer` spans `inner` (trace events of one thread). */
const holds = (outer: TraceEvent, inner: TraceEvent) => inner.ts >= outer.ts && inner.ts + inner.dur! <= outer.ts + outer.dur!;

/** When the tab's last navigation to `url` started (trace time, µs). */
function navigationStart(events: TraceEvent[], url: string): number {
  const starts = events.filter((e) => {
    if (e.name !== 'navigationStart') return false;
    const data = (e.args as { data?: { documentLoaderURL?: string; isOutermostMainFrame?: boolean } } | undefined)?.data;
    return data?.isOutermostMainFrame === true && data.documentLoaderURL === url;
  });
  if (!starts.length) throw new Error(`the trace holds no navigation to ${url}`);
  return Math.max(...starts.map((e) => e.ts));
}

/** Milliseconds of main-thread time in `tasks` (ourTasks), per script. */
export function ourTime(tasks: OurTask[]): Record<Script, number> {
  const total: Record<Script, number> = { detector: 0, checker: 0, overlay: 0, baseline: 0 };
  for (const { script, ms } of tasks) total[script] += ms;
  return total;
}

/** Chromium's trace of the page while `run` runs (a navigation, and waiting for our work). */
export async function traced(page: Page, run: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    // blink.user_timing: the navigation starts (see ourTasks).
    traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] },
    transferMode: 'ReportEvents',
  });
  try {
    await run();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  return events;
}
