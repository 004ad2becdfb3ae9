import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Quiet time after the last change before the page is looked at again. */
const DEBOUNCE_MS = 400;
/** Floor between two looks, so that a busy page (tickers, carousels) cannot cause a storm. */
const MIN_GAP_MS = 1500;

/**
 * Runs `look` once the page has been quiet for a moment, and never more often than the floor
 * allows. Timers belong to `ctx`, so they stop when the extension is reloaded or removed.
 */
export function debouncedLook(ctx: ContentScriptContext, look: () => void): () => void {
  let timer: number | undefined;
  let lastRun = 0;
  return () => {
    clearTimeout(timer);
    const wait = Math.max(DEBOUNCE_MS, lastRun + MIN_GAP_MS - Date.now());
    timer = ctx.setTimeout(() => {
      lastRun = Date.now();
      look();
    }, wait);
  };
}
