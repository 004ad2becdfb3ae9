/**
 * The only script that runs on every gov.cn page and frame (declared in wxt.config.ts), so it
 * is kept tiny: the cheap report test (title and a bounded slice of the text). On an ordinary
 * page it does nothing else and leaves no trace. When the page looks like a report, now or
 * after a script or a single-page navigation has filled it in, it asks the background to
 * inject the checker (page reading and overlay) into this frame, and stops.
 *
 * Deliberately an unlisted script, without WXT's content-script context and the
 * webextension polyfill: together they cost more than a millisecond on every page (see
 * scripts/bench-browser.ts). The one API it needs, runtime.sendMessage, returns a promise
 * natively in Chrome (MV3) and Firefox.
 */
import type { browser as Browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { debouncedLook } from '../utils/dom/schedule.ts';
import { textSample } from '../utils/dom/textSample.ts';
import type { InjectCheckerMessage } from '../utils/messages.ts';
import { quickCheck } from '../utils/report/quickCheck.ts';

type Runtime = typeof Browser.runtime;
const api = globalThis as unknown as { browser?: { runtime: Runtime }; chrome?: { runtime: Runtime } };

export default defineUnlistedScript(() => {
  const runtime = (api.browser ?? api.chrome)?.runtime;
  if (!runtime) return;
  let done = false;
  const observer = new MutationObserver(() => schedule());
  const look = () => {
    if (done) return;
    // The extension was reloaded or removed: this copy is orphaned and must go quiet.
    if (!runtime.id) {
      done = true;
      observer.disconnect();
      return;
    }
    if (!quickCheck(document.title, textSample(document))) return;
    done = true;
    observer.disconnect();
    const message: InjectCheckerMessage = { type: 'grc:inject' };
    runtime.sendMessage(message).catch(() => {});
  };
  const schedule = debouncedLook(look);

  look();
  // Not a report yet: reports injected later, or reached by single-page navigation (which
  // changes the DOM too, so no location polling is needed here).
  if (!done) observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true, characterData: true });
});
