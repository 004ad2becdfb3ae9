/**
 * The extension's one long-lived place:
 * - injects the detector's second half (look.js) into a frame whose names may be a report's,
 *   the checker into a frame when that finds a report there, and into a tab's
 *   page when a person asks for it to be checked (the popup's 检查此页);
 * - runs the engine (analyze) on the page the checker read from the frame's DOM. Here the
 *   engine stays compiled and warm from page to page, and its work stays off the page's main
 *   thread; the checker only reads the page and draws the overlay (see bench-browser.ts);
 * - keeps each tab's reports (one per frame that holds one, with the frame's address) and sets
 *   the toolbar badge from them (utils/tabReports.ts). Chrome resets per-tab badges on
 *   navigation, so the badge is set again whenever a frame reports.
 *
 * Every change to a tab's reports goes through that tab's queue: frames finish at the same
 * time (a portal with several report iframes), and a read-change-write of storage that
 * interleaves with another loses one of them.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { asNotChecked, mayChange, mayRead, type AnalyzeResponse, type FrameReport, type Message, type NextProblemMessage } from '../utils/messages.ts';
import { analyzePage } from '../utils/report/analyze.ts';
import { ruleTexts } from '../utils/report/rules/index.ts';
import type { Analysis, NotChecked } from '../utils/report/types.ts';
import { badgeOf, orderFrames, sameSite } from '../utils/tabReports.ts';
import { holdsBao } from '../utils/dom/names.ts';
// The report library (issue 9): keeps each report, runs the cross-year checks, dismissals,
// sites turned off. Its three calls below are marked "library".
import { checkPageWithLibrary, handleLibraryMessage, turnedOffOn } from '../utils/library/background.ts';

/** Where WXT puts entrypoints/checker.content (registration: 'runtime'). */
const CHECKER_FILE = '/content-scripts/checker.js';
/** Where WXT puts entrypoints/look.ts (an unlisted script): the detector's second half. */
const LOOK_FILE = '/look.js';
/** Where WXT puts entrypoints/overlay.ts (an unlisted script): the checker's second half. */
const OVERLAY_FILE = '/overlay.js';
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
  const badge = badgeOf(frames, navigator.language);
  await action.setBadgeText({ tabId, text: badge.text });
  await action.setTitle({ tabId, title: badge.title });
  if (badge.text) await action.setBadgeBackgroundColor({ tabId, color: badge.colour });
}

/** The tail of each tab's queue of reads and changes. */
const queues = new Map<number, Promise<unknown>>();

/** Runs `job` after every earlier job of the tab has finished. */
function queued<T>(tabId: number, job: () => Promise<T>): Promise<T> {
  const run = (queues.get(tabId) ?? Promise.resolve()).then(job);
  const tail = run.catch(() => {});
  queues.set(tabId, tail);
  void tail.then(() => queues.get(tabId) === tail && queues.delete(tabId));
  return run;
}

/** Changes the tab's reports, stores them and sets the badge, in turn with every other change. */
function update(tabId: number, change: (frames: FrameReport[]) => FrameReport[]): Promise<void> {
  return queued(tabId, async () => {
    const frames = orderFrames(change(await load(tabId)));
    await save(tabId, frames);
    await setBadge(tabId, frames).catch(() => {}); // the tab may have closed meanwhile
  });
}

interface FrameSender {
  tabId: number;
  frameId: number;
  url: string;
  /** The tab's address, when it is a page we may see (gov.cn). */
  tabUrl?: string;
}

/**
 * The frame's report is now `analysis` (null: none). Kept when it is a report, or when the
 * frame looked like one but could not be read (`unread`): the badge and the popup then say so.
 */
function record({ tabId, frameId, url, tabUrl }: FrameSender, analysis: Analysis | null, unread?: NotChecked): Promise<void> {
  return update(tabId, (frames) => {
    const others = frames.filter((f) => f.frameId !== frameId);
    if (!analysis || (!analysis.isReport && !unread)) return others;
    const isTop = frameId === 0;
    return [...others, { frameId, url, isTop, sameSite: isTop || sameSite(url, tabUrl), analysis, ...(unread ? { unread } : {}) }];
  });
}

/** Runs one of our scripts in the frame that asked, and only there; false if the frame went away meanwhile. */
function injectInto({ tabId, frameId }: FrameSender, file: typeof LOOK_FILE | typeof CHECKER_FILE | typeof OVERLAY_FILE): Promise<boolean> {
  return browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [file] }).then(
    () => true,
    () => false,
  );
}

/** How long a check a person asked for may take before the popup is answered with what is known. */
const CHECK_ON_REQUEST_MS = 10_000;
/** Tabs checked because a person asked (checkOnRequest): each waiting answer, called when the page itself has been checked. */
const checkedOnRequest = new Map<number, Set<() => void>>();

/**
 * Checks the tab's page and its frames because a person asked (the popup's 检查此页), whatever
 * their titles say: the checker reads them without the detector's look. Answers with the tab's
 * reports once the page itself (frame 0) has been checked, or after CHECK_ON_REQUEST_MS; null
 * when the page cannot be read (a site the extension has no permission for).
 */
async function checkOnRequest(tabId: number): Promise<FrameReport[] | null> {
  let answer = () => {};
  const checked = new Promise<void>((resolve) => {
    answer = resolve;
    setTimeout(resolve, CHECK_ON_REQUEST_MS);
  });
  const waiting = checkedOnRequest.get(tabId) ?? new Set();
  checkedOnRequest.set(tabId, waiting.add(answer));
  // A checker already in a frame (a page that looked like a report and was none) is asked to
  // read its page again now, without its look (CHECK_ASKED); a new one does so anyway.
  const inject = async (target: { tabId: number; allFrames?: boolean }) => {
    await browser.scripting.executeScript({ target, func: askForCheck });
    await browser.scripting.executeScript({ target, files: [CHECKER_FILE] });
  };
  try {
    // Frames of sites the extension may not read are left out; the page's own frame is enough.
    await inject({ tabId, allFrames: true }).catch(() => inject({ tabId }));
    await checked;
  } catch {
    return null;
  } finally {
    waiting.delete(answer);
    if (!waiting.size && checkedOnRequest.get(tabId) === waiting) checkedOnRequest.delete(tabId);
  }
  return queued(tabId, () => load(tabId));
}

/**
 * Run in the frames' content-script world before the checker is injected on request: the
 * checker takes it as "a person asked" (entrypoints/checker.content). Serialized by the
 * browser, so it names the symbol itself.
 */
function askForCheck() {
  (globalThis as Record<symbol, unknown>)[Symbol.for('grc:check-asked')] = true;
}

/** The page itself (not a frame in it) has been checked: a person waiting for it is answered. */
function pageChecked({ tabId, frameId }: FrameSender) {
  if (frameId === 0) checkedOnRequest.get(tabId)?.forEach((answer) => answer());
}

/**
 * The tab's page, loaded, took a title that may name a report (a single-page portal navigated
 * to one, or a script filled it in): the detector looked at the title the page had then and
 * does not watch a page whose names hold no 报 (mayBeNamedReport), so the detector's second
 * half looks now. Not when the page already holds a report: its checker follows its changes.
 */
async function retitled(tabId: number, title: string, url: string) {
  if (!holdsBao(title)) return;
  if ((await queued(tabId, () => load(tabId))).some((f) => f.frameId === 0)) return;
  await injectUnlessTurnedOff({ tabId, frameId: 0, url }, LOOK_FILE);
}

/** The detector's second half or the checker into the frame, unless the person turned the extension off on its site (library). */
function injectUnlessTurnedOff(frame: FrameSender, file: typeof LOOK_FILE | typeof CHECKER_FILE): Promise<boolean> {
  return turnedOffOn(frame.url).then((off) => (off ? false : injectInto(frame, file)));
}

/** Why a page that is no report by the engine still counts as one not checked: it was not read whole. */
function unreadBecause(analysis: Analysis): NotChecked | undefined {
  if (analysis.isReport) return undefined;
  return analysis.summary.notChecked.find((n) => n.reason === 'too-deep' || n.reason === 'too-large');
}

export default defineBackground(() => {
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const m = message as Message;
    const tabId = sender.tab?.id;
    // library: grc:dismiss, taken only from our own pages or from the checker about its own page
    const forLibrary = handleLibraryMessage(message, (url) => mayChange(sender, url, extensionOrigin));
    if (forLibrary) return forLibrary;
    const frame: FrameSender | undefined =
      tabId === undefined ? undefined : { tabId, frameId: sender.frameId ?? 0, url: sender.url ?? '', tabUrl: sender.tab?.url };
    if (m?.type === 'grc:analyze' && frame) {
      return (async (): Promise<AnalyzeResponse> => {
        const { analysis, cellRefs, tableRefs, cellAt } = await checkPageWithLibrary(m.page, frame.url); // library
        await record(frame, analysis, unreadBecause(analysis));
        pageChecked(frame);
        return {
          analysis,
          cellRefs: [...cellRefs],
          tableRefs,
          cellAt: [...cellAt].map(([id, at]) => [id, at.start, at.end]),
          rules: ruleTexts(analysis.findings),
        };
      })();
    }
    if (m?.type === 'grc:not-a-report' && frame) return record(frame, null).then(() => true);
    if (m?.type === 'grc:not-checked' && frame) {
      // What the engine makes of nothing read: no tables, so nothing is called correct.
      const why = asNotChecked(m.why);
      const { analysis } = analyzePage({ source: frame.url, title: String(m.title ?? '').slice(0, 500), blocks: [], notes: [why] });
      return record(frame, analysis, why).then(() => {
        pageChecked(frame);
        return true;
      });
    }
    // The detector's second half, into a frame whose names may be a report's.
    if (m?.type === 'grc:look' && frame) return injectUnlessTurnedOff(frame, LOOK_FILE);
    if (m?.type === 'grc:inject' && frame) return injectUnlessTurnedOff(frame, CHECKER_FILE);
    // The checker found a report: the overlay into its frame, where it reads it from its world's global.
    if (m?.type === 'grc:load-overlay' && frame) return injectInto(frame, OVERLAY_FILE);
    if (m?.type === 'grc:check-tab') {
      if (!Number.isInteger(m.tabId) || !mayRead(sender, m.tabId, extensionOrigin)) return Promise.resolve(null);
      return checkOnRequest(m.tabId);
    }
    if (m?.type === 'grc:get') {
      if (!Number.isInteger(m.tabId) || !mayRead(sender, m.tabId, extensionOrigin)) return Promise.resolve([]);
      return queued(m.tabId, () => load(m.tabId));
    }
    return undefined;
  });

  // The "next problem" keyboard command (manifest `commands`): the checkers of the tab move on.
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== 'next-problem' || tab?.id === undefined) return;
    const message: NextProblemMessage = { type: 'grc:next-problem' };
    void browser.tabs.sendMessage(tab.id, message).catch(() => {});
  });

  // A new page in the tab: forget the old one (its content script reports again).
  browser.tabs.onUpdated.addListener((tabId, info, tab) => {
    if (info.status === 'loading' && info.url) void update(tabId, () => []);
    if (info.title !== undefined && tab.status === 'complete') void retitled(tabId, info.title, tab.url ?? '');
  });
  browser.tabs.onRemoved.addListener((tabId) => void queued(tabId, () => save(tabId, [])));
});
