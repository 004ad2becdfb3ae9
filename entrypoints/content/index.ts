/**
 * The content script, on every gov.cn page and frame. A cheap test first (title and a bounded
 * slice of the text): on ordinary pages nothing else happens and nothing is left behind. On a
 * report: analyze the live DOM with the engine, overlay the result, tell the background.
 * Reports that appear later (injected content, single-page navigation) are checked when they
 * appear: one observer, debounced, with a floor between full analyses.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { pageFromDocument } from '../../utils/dom/page.ts';
import { messages } from '../../utils/i18n.ts';
import type { AnalysisMessage, Message } from '../../utils/messages.ts';
import { analyzePage, type AnalysisWithRefs } from '../../utils/report/analyze.ts';
import { quickCheck } from '../../utils/report/detect.ts';
import { flashCell, mountOverlay } from './overlay.tsx';

const SAMPLE_CHARS = 6000;
const DEBOUNCE_MS = 400;
const MIN_GAP_MS = 1500;

/** The first few thousand characters of the page's text, without building all of it. */
function textSample(doc: Document): string {
  if (!doc.body) return '';
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  let out = '';
  for (let n = walker.nextNode(); n && out.length < SAMPLE_CHARS; n = walker.nextNode()) out += n.nodeValue;
  return out;
}

/** True when every change is inside our own UI (chips, panel): those need no re-check. */
function ownChange(records: MutationRecord[]): boolean {
  return records.every((r) => {
    const target = r.target instanceof Element ? r.target : r.target.parentElement;
    if (target?.closest('[data-grc-ui], grc-chip, grc-panel')) return true;
    return [...r.addedNodes, ...r.removedNodes].every((n) => n instanceof Element && /^grc-/i.test(n.tagName));
  });
}

class PageChecker {
  private current: AnalysisWithRefs<Node> | null = null;
  private teardown: (() => void) | null = null;
  private timer: number | undefined;
  private lastRun = 0;
  private running = false;
  private readonly t = messages();

  private readonly ctx: ContentScriptContext;
  constructor(ctx: ContentScriptContext) {
    this.ctx = ctx;
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
    if (m?.type === 'grc:locate' && this.current) return Promise.resolve(flashCell(this.current.cellRefs, m.cellId));
    return undefined;
  };

  private schedule() {
    clearTimeout(this.timer);
    const wait = Math.max(DEBOUNCE_MS, this.lastRun + MIN_GAP_MS - Date.now());
    this.timer = this.ctx.setTimeout(() => void this.check(), wait);
  }

  private async check() {
    if (this.running || this.ctx.isInvalid) return;
    this.running = true;
    this.lastRun = Date.now();
    try {
      if (!quickCheck(document.title, textSample(document))) {
        if (this.current) this.clear(true);
        return;
      }
      const result = analyzePage(pageFromDocument(document, location.href));
      if (!result.analysis.isReport) {
        if (this.current) this.clear(true);
        return;
      }
      if (this.current && JSON.stringify(this.current.analysis) === JSON.stringify(result.analysis)) return;
      this.clear();
      this.current = result;
      this.teardown = await mountOverlay(this.ctx, result, this.t);
      await this.report(result.analysis);
    } catch (e) {
      // Our failure must never break the page: log it quietly and leave the page as it is.
      console.debug('[年报校验]', e);
    } finally {
      this.running = false;
    }
  }

  private clear(tellBackground = false) {
    this.teardown?.();
    this.teardown = null;
    this.current = null;
    if (tellBackground) void this.report(null);
  }

  private async report(analysis: AnalysisMessage['analysis']) {
    const message: AnalysisMessage = { type: 'grc:analysis', analysis };
    await browser.runtime.sendMessage(message).catch(() => {});
  }
}

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    new PageChecker(ctx).start();
  },
});
