/**
 * The only script that runs on every gov.cn page and frame (declared in wxt.config.ts), so it
 * is as small as a script can be: it reads the page's names (mayBeNamedReport: the title, and
 * under a bare title the article title and column the page declares in its metadata). A page
 * whose names hold no 报 is read no further and not watched: on it, this script costs about
 * what any content script costs (issue 7's budget, scripts/bench-browser.ts). A person checks
 * such a page from the popup (检查此页); if the tab is retitled with 报 after it has loaded,
 * the background looks again. A frame whose names may be a report's has the background inject
 * the detector's second half (entrypoints/look.ts: the text, the watch, the checker).
 *
 * Nothing else is imported: evaluating the quick look's code (its patterns and tables) cost an
 * ordinary page more than the look itself when it was part of this script. The extension's
 * API is touched only on a page named like a report: the first touch makes its bindings in this
 * script world. runtime.sendMessage returns a promise natively in Chrome (MV3) and Firefox.
 */
import type { browser as Browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mayBeNamedReport } from '../utils/dom/names.ts';
import type { LookMessage } from '../utils/messages.ts';

type Runtime = typeof Browser.runtime;
const api = globalThis as unknown as { browser?: { runtime: Runtime }; chrome?: { runtime: Runtime } };

export default defineUnlistedScript(() => {
  if (!mayBeNamedReport(document)) return;
  const message: LookMessage = { type: 'grc:look' };
  (api.browser ?? api.chrome)?.runtime.sendMessage(message).catch(() => {});
});
