/**
 * How the checker's two halves meet. The overlay (overlay.tsx: Preact, the panel, the chips,
 * three quarters of the code) is its own script, entrypoints/overlay.ts, injected by the
 * background into a frame only once the checker has found a report there: the checker's first
 * task then compiles and starts a quarter of the code (compiling the whole took 8 ms of a 15–18
 * ms first task, scripts/bench-browser.ts), and pages that look like reports but are none
 * never load the overlay at all. Both scripts run in the extension's own script world of the
 * frame, so they share its global object, which the page can neither see nor write.
 */
import type { mountOverlay } from './overlay.tsx';

type MountOverlay = typeof mountOverlay;
const SLOT = Symbol.for('grc:overlay');
type WithOverlay = typeof globalThis & { [SLOT]?: MountOverlay };

/** The overlay script hands its entry over (entrypoints/overlay.ts). */
export function provideOverlay(mount: MountOverlay): void {
  (globalThis as WithOverlay)[SLOT] = mount;
}

/** The overlay's entry, once its script has run in this frame. */
export function loadedOverlay(): MountOverlay | undefined {
  return (globalThis as WithOverlay)[SLOT];
}
