/**
 * The only script that runs on every gov.cn page and frame (declared in wxt.config.ts), so it
 * is kept tiny. It first reads the page's names (mayBeNamedReport: the title, and the article's
 * title and column a page declares in its metadata); a page whose names hold no 报 is read no
 * further and not watched (a person checks it from the popup; the background has this script
 * look again if the tab is retitled). Otherwise the cheap report test (quickLook: the names and
 * a bounded slice of the text). On an ordinary page it does nothing else and leaves no trace.
 * When the page looks like a report, now or after a script has filled it in, it asks the background to
 * inject the checker (page reading; the overlay follows where a report is found) into this
 * frame, and stops.
 *
 * Deliberately an unlisted script, without WXT's content-script context and the
 * webextension polyfill: together they cost more than a millisecond on every page (see
 * scripts/bench-browser.ts). The one API it needs, runtime.sendMessage, returns a promise
 * natively in Chrome (MV3) and Firefox.
 */
import type { browser as Browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { debouncedLook } from '../utils/dom/schedule.ts';
import { mayBeNamedReport, quickLook } from '../utils/dom/textSample.ts';
import type { InjectCheckerMessage } from '../utils/messages.ts';

type Runtime = typeof Browser.runtime;
const api = globalThis as unknown as { browser?: { runtime: Runtime }; chrome?: { runtime: Runtime } };

export default defineUnlistedScript(() => {
  // The extension API is reached only when it is needed: the first touch makes its bindings in
  // this script world, which on an ordinary page would cost more than the check itself.
  let runtime: Runtime | undefined;
  const extension = () => (runtime ??= (api.browser ?? api.chrome)?.runtime);
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
    // A page whose names hold no 报 is neither read (mayBeNamedReport) nor watched: when its
    // title changes to one with 报 after it has loaded (a single-page portal navigating to a
    // report), the background has this script look again (entrypoints/background.ts).
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
