/**
 * The extension's one long-lived place:
 * - injects the checker into a frame when the detector finds a report there;
 * - runs the engine (analyze) on the page the checker read from the frame's DOM. Here the
 *   engine stays compiled and warm from page to page, and its work stays off the page's main
 *   thread; the checker only reads the page and draws the overlay (see bench-browser.ts);
 * - keeps each tab's latest analyses (one per frame that holds a report) and sets the toolbar
 *   badge: the number of failed error-level checks in red, a green ✓ when there are none,
 *   nothing on pages that are not reports. Chrome resets per-tab badges on navigation, so the
 *   badge is set again whenever a frame reports.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { AnalyzeResponse, FrameReport, Message } from '../utils/messages.ts';
import type { Analysis } from '../utils/report/types.ts';
// The report library (issue 9): keeps each report, runs the cross-year checks, dismissals,
// sites turned off. Its three calls below are marked "library".
import { checkPageWithLibrary, handleLibraryMessage, turnedOffOn } from '../utils/library/background.ts';

/** Where WXT puts entrypoints/checker.content (registration: 'runtime'). */
const CHECKER_FILE = '/content-scripts/checker.js';
const RED = '#d93025';
const GREEN = '#188038';
const key = (tabId: number) => `tab:${tabId}`;

// storage.session survives the service worker being stopped; Firefox MV2 falls back to memory.
const memory = new Map<string, FrameReport[]>();
const session = (browser.storage as { session?: typeof browser.storage.local }).session;

async function load(tabId: number): Promise<FrameReport[]> {
  if (session) return ((await session.get(key(tabId)))[key(tabId)] as FrameReport[] | undefined) ?? [];
  return memory.get(key(tabId)) ?? [];
}
async function save(tabId: number, frames: FrameReport[]) {
  if (session) {
    if (frames.length) await session.set({ [key(tabId)]: frames });
    else await session.remove(key(tabId));
  } else if (frames.length) memory.set(key(tabId), frames);
  else memory.delete(key(tabId));
}

async function setBadge(tabId: number, frames: FrameReport[]) {
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  if (frames.length === 0) {
    await action.setBadgeText({ tabId, text: '' });
    return;
  }
  const errors = frames.reduce((n, f) => n + f.analysis.summary.errors, 0);
  await action.setBadgeText({ tabId, text: errors > 0 ? String(errors) : '✓' });
  await action.setBadgeBackgroundColor({ tabId, color: errors > 0 ? RED : GREEN });
}

export default defineBackground(() => {
  /** The frame's report is now `analysis` (null: none): keep it, and set the badge again. */
  async function record(tabId: number, frameId: number, url: string, analysis: Analysis | null) {
    const frames = (await load(tabId)).filter((f) => f.frameId !== frameId);
    if (analysis?.isReport) frames.push({ frameId, url, analysis });
    frames.sort((a, b) => a.frameId - b.frameId);
    await save(tabId, frames);
    await setBadge(tabId, frames);
  }

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const m = message as Message;
    const tabId = sender.tab?.id;
    const frameId = sender.frameId ?? 0;
    const forLibrary = handleLibraryMessage(message); // library: grc:dismiss
    if (forLibrary) return forLibrary;
    if (m?.type === 'grc:analyze' && tabId !== undefined) {
      return (async (): Promise<AnalyzeResponse> => {
        const { analysis, cellRefs, tableRefs } = await checkPageWithLibrary(m.page, sender.url ?? ''); // library
        await record(tabId, frameId, sender.url ?? '', analysis);
        return { analysis, cellRefs: [...cellRefs], tableRefs };
      })();
    }
    if (m?.type === 'grc:not-a-report' && tabId !== undefined) return record(tabId, frameId, sender.url ?? '', null).then(() => true);
    if (m?.type === 'grc:inject' && tabId !== undefined) {
      return turnedOffOn(sender.url).then((off) => // library: the person turned the extension off on this site
        off
          ? false
          : browser.scripting
              .executeScript({ target: { tabId, frameIds: [frameId] }, files: [CHECKER_FILE] })
              .then(
                () => true,
                // The frame may have gone away meanwhile; nothing else to do.
                () => false,
              ),
      );
    }
    if (m?.type === 'grc:get') return load(m.tabId);
    return undefined;
  });

  // A new page in the tab: forget the old one (its content script reports again).
  browser.tabs.onUpdated.addListener((tabId, info) => {
    if (info.status === 'loading' && info.url) void save(tabId, []).then(() => setBadge(tabId, []));
  });
  browser.tabs.onRemoved.addListener((tabId) => void save(tabId, []));
});
