/** Quiet time after the last change before the page is looked at again. */
export const DEBOUNCE_MS = 400;
/** Floor between two looks, so that a busy page (tickers, carousels) cannot cause a storm. */
export const MIN_GAP_MS = 1500;
/**
 * Ceiling on the wait after the first change: a page that never stays quiet for DEBOUNCE_MS
 * (a clock, a ticker, a carousel beside the report) is still looked at again this soon, instead
 * of keeping its first result for ever.
 */
export const MAX_WAIT_MS = 3000;

type SetTimer = (run: () => void, ms: number) => unknown;

/**
 * Runs `look` once the page has been quiet for a moment, or MAX_WAIT_MS after the first change
 * at the latest, and never more often than the floor allows. `setTimer` lets a content script
 * pass timers that stop when the checker is torn down.
 */
export function debouncedLook(look: () => void, setTimer: SetTimer = (run, ms) => setTimeout(run, ms)): () => void {
  let pending = false;
  let due = 0;
  let firstChange = 0;
  let lastRun = 0;
  const fire = () => {
    // A later change moved the time on: wait for the rest of it.
    const wait = due - Date.now();
    if (wait > 0) return void setTimer(fire, wait);
    pending = false;
    lastRun = Date.now();
    look();
  };
  return () => {
    const now = Date.now();
    if (!pending) firstChange = now;
    due = Math.max(Math.min(now + DEBOUNCE_MS, firstChange + MAX_WAIT_MS), lastRun + MIN_GAP_MS);
    if (!pending) {
      pending = true;
      setTimer(fire, due - now);
    }
  };
}
