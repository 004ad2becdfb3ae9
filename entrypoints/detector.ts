/**
 * The only script that runs on every gov.cn page and frame (declared in wxt.config.ts), so it
 * is as small as a script can be: it reads the page's names (mayBeNamedReport: the title, and
 * under a bare title the article title and column the page declares in its metadata). A page
 * whose names hold no 报 is read no further and not watched: on it, this script costs about
 * what any content script costs (issue 7's budget, scripts/bench-browser.ts). A person checks
 * such a page from the popup (检查此页); if the tab is retitled with 报 after it has loaded,
 * the background looks again. A frame whose names may be a report's has the background inject
 * the detector's second half (entrypoints/look.ts: the text, the watch, the checker); one whose
 * title names the report outright (namesReportOutright) has it inject the checker itself.
 *
 * Nothing else is imported: evaluating the quick look's code (its patterns and tables) cost an
 * ordinary page more than the look itself when it was part of this script. The extension's
 * API is touched only on a page named like a report: the first touch makes its bindings in this
 * script world. The API is the browser's own (utils/nativeApi.ts), not the polyfill.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mayBeNamedReport, namesReportOutright } from '../utils/dom/names.ts';
import type { InjectCheckerMessage, LookMessage } from '../utils/messages.ts';
import { nativeApi } from '../utils/nativeApi.ts';

export default defineUnlistedScript(() => {
  if (!mayBeNamedReport(document)) return;
  // A title that names the report outright has the checker injected at once: it reads the
  // page whole and watches it, so the quick look would only be one more script to run.
  const message: LookMessage | InjectCheckerMessage = { type: namesReportOutright(document.title) ? 'grc:inject' : 'grc:look' };
  nativeApi()?.runtime.sendMessage(message).catch(() => {});
});
