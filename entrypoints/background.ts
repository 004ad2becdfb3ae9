/**
 * Injects the checker into a frame when the detector asks (only frames that look like
 * reports ever load the engine). Keeps each tab's latest analyses (one per frame that holds a report) and sets the toolbar
 * badge: the number of failed error-level checks in red, a green ✓ when there are none,
 * nothing on pages that are not reports. Chrome resets per-tab badges on navigation, so the
 * badge is set again whenever a frame reports.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { FrameReport, Message } from '../utils/messages.ts';

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
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const m = message as Message;
    if (m?.type === 'grc:analysis' && sender.tab?.id !== undefined) {
      const tabId = sender.tab.id;
      const frameId = sender.frameId ?? 0;
      return (async () => {
        const frames = (await load(tabId)).filter((f) => f.frameId !== frameId);
        if (m.analysis?.isReport) frames.push({ frameId, url: sender.url ?? '', analysis: m.analysis });
        frames.sort((a, b) => a.frameId - b.frameId);
        await save(tabId, frames);
        await setBadge(tabId, frames);
        return true;
      })();
    }
    if (m?.type === 'grc:inject' && sender.tab?.id !== undefined) {
      return browser.scripting
        .executeScript({ target: { tabId: sender.tab.id, frameIds: [sender.frameId ?? 0] }, files: [CHECKER_FILE] })
        .then(
          () => true,
          // The frame may have gone away meanwhile; nothing else to do.
          () => false,
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
