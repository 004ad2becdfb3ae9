/** Quiet time after the last change before the page is looked at again. */
const DEBOUNCE_MS = 400;
/** Floor between two looks, so that a busy page (tickers, carousels) cannot cause a storm. */
const MIN_GAP_MS = 1500;

type SetTimer = (run: () => void, ms: number) => unknown;

/**
 * Runs `look` once the page has been quiet for a moment, and never more often than the floor
 * allows. `setTimer` lets a content script pass timers that stop when the extension is
 * reloaded (WXT's ctx.setTimeout).
 */
export function debouncedLook(look: () => void, setTimer: SetTimer = (run, ms) => setTimeout(run, ms)): () => void {
  let pending = false;
  let due = 0;
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
    due = Math.max(Date.now() + DEBOUNCE_MS, lastRun + MIN_GAP_MS);
    if (!pending) {
      pending = true;
      setTimer(fire, due - Date.now());
    }
  };
}
