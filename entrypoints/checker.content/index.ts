/**
 * The checker: reads the page, shows the result. Not declared in the manifest; the background
 * injects it into a frame once the detector (entrypoints/detector.ts) has found that the frame
 * looks like a report, so ordinary pages never load it. It reads the live DOM into a page
 * source, has the background run the engine on it (warm there, and off the page's main
 * thread), and overlays the Analysis on the page's own cells. It keeps watching: a report
 * that changes or goes away (injected content, single-page navigation) is checked again,
 * through one debounced observer.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { detachRefs, pageFromDocument } from '../../utils/dom/page.ts';
import { debouncedLook } from '../../utils/dom/schedule.ts';
import { textSample } from '../../utils/dom/textSample.ts';
import { messages } from '../../utils/i18n.ts';
import type { AnalyzeMessage, AnalyzeResponse, Message, NotAReportMessage } from '../../utils/messages.ts';
import { quickCheck } from '../../utils/report/detect.ts';
import { mountOverlay, type Overlay, type OverlayInput } from './overlay.tsx';

/** True when every change is inside our own UI (chips, panel): those need no re-check. */
function ownChange(records: MutationRecord[]): boolean {
  return records.every((r) => {
    const target = r.target instanceof Element ? r.target : r.target.parentElement;
    if (target?.closest('[data-grc-ui], grc-chip, grc-panel')) return true;
    return [...r.addedNodes, ...r.removedNodes].every((n) => n instanceof Element && /^grc-/i.test(n.tagName));
  });
}

class PageChecker {
  private current: OverlayInput | null = null;
  private overlay: Overlay | null = null;
  private running = false;
  private readonly t = messages();

  private readonly ctx: ContentScriptContext;
  private readonly schedule: () => void;
  constructor(ctx: ContentScriptContext) {
    this.ctx = ctx;
    this.schedule = debouncedLook(() => void this.check(), (run, ms) => ctx.setTimeout(run, ms));
  }

  start() {
    void this.check();
    const observer = new MutationObserver((records) => {
      if (!ownChange(records)) this.schedule();
    });
    observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true, characterData: true });
    this.ctx.onInvalidated(() => {
      observer.disconnect();
      this.clear();
    });
    this.ctx.addEventListener(window, 'wxt:locationchange', () => this.schedule());
    browser.runtime.onMessage.addListener(this.onMessage);
    this.ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(this.onMessage));
  }

  private onMessage = (message: unknown) => {
    const m = message as Message;
    if (m?.type === 'grc:locate' && this.overlay) return Promise.resolve(this.overlay.locate(m.cellId));
    if (m?.type === 'grc:next-problem' && this.overlay) return Promise.resolve(this.overlay.next());
    return undefined;
  };

  private async check() {
    if (this.running || this.ctx.isInvalid) return;
    this.running = true;
    try {
      if (!quickCheck(document.title, textSample(document))) {
        if (this.current) this.clear(true);
        return;
      }
      const result = await this.analyze();
      if (!result?.analysis.isReport) {
        // The background has recorded the frame as no report already.
        this.clear();
        return;
      }
      if (this.current && JSON.stringify(this.current.analysis) === JSON.stringify(result.analysis)) return;
      this.clear();
      this.current = result;
      this.overlay = await mountOverlay(this.ctx, result, this.t);
    } catch (e) {
      // Our failure must never break the page: log it quietly and leave the page as it is.
      console.debug('[年报校验]', e);
    } finally {
      this.running = false;
    }
  }

  /** The engine's Analysis of the page as it is now, with its cells mapped back to nodes. */
  private async analyze(): Promise<OverlayInput | null> {
    const { page, nodes } = detachRefs(pageFromDocument(document, location.href));
    const message: AnalyzeMessage = { type: 'grc:analyze', page };
    const response = (await browser.runtime.sendMessage(message)) as AnalyzeResponse | undefined;
    if (!response) return null;
    const toNodes = (indices: number[]) => indices.map((i) => nodes[i]);
    return {
      analysis: response.analysis,
      cellRefs: new Map(response.cellRefs.map(([id, i]) => [id, nodes[i]])),
      tableRefs: { t2: toNodes(response.tableRefs.t2), t3: toNodes(response.tableRefs.t3), t4: toNodes(response.tableRefs.t4) },
      cellAt: new Map((response.cellAt ?? []).map(([id, start, end]) => [id, { start, end }])),
      rules: response.rules ?? {},
    };
  }

  private clear(tellBackground = false) {
    this.overlay?.remove();
    this.overlay = null;
    this.current = null;
    if (tellBackground) {
      const message: NotAReportMessage = { type: 'grc:not-a-report' };
      void browser.runtime.sendMessage(message).catch(() => {});
    }
  }
}

// One checker per frame, even if it were injected twice; a new one once the old is invalidated
// (extension reloaded).
const RUNNING = Symbol.for('grc:checker');
type WithChecker = typeof globalThis & { [RUNNING]?: ContentScriptContext };

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  registration: 'runtime',
  // No window.postMessage to the page on start (WXT's custom event is enough): fewer traces.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const scope = globalThis as WithChecker;
    if (scope[RUNNING] && !scope[RUNNING].isInvalid) return;
    scope[RUNNING] = ctx;
    new PageChecker(ctx).start();
  },
});
