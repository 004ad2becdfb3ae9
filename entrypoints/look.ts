/**
 * The detector's second half: injected by the background into a frame whose names may be a
 * report's (entrypoints/detector.ts: a 报 in its title or declared titles, or no title), never
 * into other pages. The cheap report test (quickLook: the names and a bounded slice of the
 * text). When the frame looks like a report, now or after a script has filled it in, it asks
 * the background to inject the checker (page reading; the overlay follows where a report is
 * found) into this frame, and stops. A frame declared to be another article, or retitled
 * without 报, it stops watching.
 *
 * Deliberately an unlisted script, without WXT's content-script context and the
 * webextension polyfill: together they cost more than a millisecond (see
 * scripts/bench-browser.ts). The one API it needs, runtime.sendMessage, is the browser's own
 * (utils/nativeApi.ts).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { debouncedLook } from '../utils/dom/schedule.ts';
import { mayBeNamedReport } from '../utils/dom/names.ts';
import { quickLook } from '../utils/dom/textSample.ts';
import type { InjectCheckerMessage } from '../utils/messages.ts';
import { nativeApi, type NativeApi } from '../utils/nativeApi.ts';

export default defineUnlistedScript(() => {
  // The extension API is reached only when it is needed: the first touch makes its bindings in
  // this script world, which on an ordinary page would cost more than the check itself.
  let runtime: NativeApi['runtime'] | undefined;
  const extension = () => (runtime ??= nativeApi()?.runtime);
  let done = false;
  let first = true;
  // The debounce is made at the first change: most pages never change after the first look.
  let schedule: (() => void) | undefined;
  // Made only for a page that must be watched, not for one decided at the first look.
  let observer: MutationObserver | undefined;
  const stop = () => {
    done = true;
    observer?.disconnect();
  };
  const look = () => {
    if (done) return;
    // The extension was reloaded or removed since the last look: this copy is orphaned and
    // must go quiet. (On the first look it has just been injected.)
    if (!first && !extension()?.id) return stop();
    first = false;
    // Retitled without 报 since the detector's look (mayBeNamedReport): no longer read nor
    // watched. If it is retitled with 报 again, the background injects this script again.
    if (!mayBeNamedReport(document)) return stop();
    const look = quickLook(document);
    if (look === 'other') return stop();
    if (look === 'none') return;
    stop();
    const message: InjectCheckerMessage = { type: 'grc:inject' };
    extension()?.sendMessage(message).catch(() => {});
  };

  look();
  // Named like a report, but not one yet, nor declared to be another article: its report may
  // be filled in later by a script. The document itself is observed, not its body, for the
  // reason textSample gives.
  if (done) return;
  observer = new MutationObserver(() => (schedule ??= debouncedLook(look))());
  observer.observe(document, { childList: true, subtree: true, characterData: true });
});
