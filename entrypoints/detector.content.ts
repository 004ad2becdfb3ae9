/**
 * The only script that runs on every gov.cn page and frame, so it is kept tiny: the cheap
 * report test (title and a bounded slice of the text). On an ordinary page it does nothing
 * else and leaves no trace. When the page looks like a report, now or after a script or a
 * single-page navigation has filled it in, it asks the background to inject the checker
 * (engine and overlay) into this frame, and stops.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { debouncedLook } from '../utils/dom/schedule.ts';
import { textSample } from '../utils/dom/textSample.ts';
import type { InjectCheckerMessage } from '../utils/messages.ts';
import { quickCheck } from '../utils/report/detect.ts';

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  allFrames: true,
  runAt: 'document_idle',
  // No window.postMessage to the page on start (WXT's custom event is enough): fewer traces.
  noScriptStartedPostMessage: true,
  main(ctx) {
    let asked = false;
    const observer = new MutationObserver(() => schedule());
    const look = () => {
      if (asked || ctx.isInvalid || !quickCheck(document.title, textSample(document))) return;
      asked = true;
      observer.disconnect();
      const message: InjectCheckerMessage = { type: 'grc:inject' };
      browser.runtime.sendMessage(message).catch(() => {});
    };
    const schedule = debouncedLook(ctx, look);

    look();
    if (asked) return;
    // Not a report yet: reports injected later, or reached by single-page navigation (which
    // changes the DOM too, so no location polling is needed here).
    observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true, characterData: true });
    ctx.onInvalidated(() => observer.disconnect());
  },
});
