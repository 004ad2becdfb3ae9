/** The one debounce the detector and the checker share: no re-work storms on busy pages. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debouncedLook, MAX_WAIT_MS } from '../../utils/dom/schedule.ts';

describe('debouncedLook', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('looks once after a burst of changes, when the page has been quiet for 400 ms', () => {
    const look = vi.fn();
    const schedule = debouncedLook(look);
    for (let i = 0; i < 25; i++) {
      schedule();
      vi.advanceTimersByTime(100);
    }
    expect(look).not.toHaveBeenCalled();
    vi.advanceTimersByTime(300);
    expect(look).toHaveBeenCalledTimes(1);
  });

  it('keeps 1.5 s between looks on a page that changes all the time', () => {
    const look = vi.fn();
    const schedule = debouncedLook(look);
    // A ticker: a change every 500 ms for 10 s.
    for (let t = 0; t < 10_000; t += 500) {
      schedule();
      vi.advanceTimersByTime(500);
    }
    vi.advanceTimersByTime(2000);
    expect(look.mock.calls.length).toBeGreaterThan(0);
    expect(look.mock.calls.length).toBeLessThanOrEqual(Math.ceil(12_000 / 1500));
  });

  it('still looks, within a few seconds, at a page that never stays quiet for 400 ms', () => {
    const look = vi.fn();
    const schedule = debouncedLook(look);
    // A clock beside the report: a change every 200 ms, for a minute.
    const lookedAt: number[] = [];
    look.mockImplementation(() => lookedAt.push(Date.now()));
    const start = Date.now();
    for (let t = 0; t < 60_000; t += 200) {
      schedule();
      vi.advanceTimersByTime(200);
    }
    expect(lookedAt[0] - start).toBeLessThanOrEqual(MAX_WAIT_MS);
    // Looked at again and again while it keeps changing, never more often than every 1.5 s.
    expect(lookedAt.length).toBeGreaterThanOrEqual(60_000 / (MAX_WAIT_MS + 1500));
    for (let i = 1; i < lookedAt.length; i++) {
      expect(lookedAt[i] - lookedAt[i - 1]).toBeGreaterThanOrEqual(1500);
      expect(lookedAt[i] - lookedAt[i - 1]).toBeLessThanOrEqual(MAX_WAIT_MS + 200);
    }
  });

  it('uses the timers it is given (WXT ctx timers stop when the extension reloads)', () => {
    const look = vi.fn();
    const timers: (() => void)[] = [];
    const schedule = debouncedLook(look, (run) => timers.push(run));
    schedule();
    expect(timers).toHaveLength(1);
    expect(look).not.toHaveBeenCalled();
  });
});
