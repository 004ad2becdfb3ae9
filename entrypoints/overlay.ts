/**
 * The checker's second half: what the page shows on a report (entrypoints/checker.content/
 * overlay.tsx). The background injects it into a frame when that frame's checker has found a
 * report and asks for it (grc:load-overlay); it only hands its entry to the checker, which
 * mounts it. Why it is a script of its own: entrypoints/checker.content/overlaySlot.ts.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mountOverlay } from './checker.content/overlay.tsx';
import { provideOverlay } from './checker.content/overlaySlot.ts';

export default defineUnlistedScript(() => provideOverlay(mountOverlay));
