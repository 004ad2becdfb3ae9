/**
 * The checker: reads the page, shows the result. Not declared in the manifest; the background
 * injects it into a frame once the detector (entrypoints/detector.ts) has found that the frame
 * looks like a report, or when a person asks for the page to be checked (the popup's 检查此页),
 * so ordinary pages never load it. It reads the live DOM into a page
 * source, has the background run the engine on it (warm there, and off the page's main
 * thread), and overlays the Analysis on the page's own cells. It keeps watching: a report
 * that changes or goes away (injected content, single-page navigation) is checked again,
 * through one debounced observer.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { detachRefs, readDocument } from '../../utils/dom/page.ts';
import { debouncedLook } from '../../utils/dom/schedule.ts';
import { quickLook } from '../../utils/dom/textSample.ts';
import { notCheckedBecause, type AnalyzeMessage, type AnalyzeResponse, type LoadOverlayMessage, type Message, type NotAReportMessage, type NotCheckedMessage } from '../../utils/messages.ts';
import type { Overlay, OverlayInput } from './overlay.tsx';
import { loadedOverlay } from './overlaySlot.ts';

/** True when every change is inside our own UI (chips, panel): those need no re-check. */
function ownChange(records: MutationRecord[]): boolean {
  return records.every((r) => {
    const target = r.target instanceof Element ? r.target : r.target.parentElement;
    if (target?.closest('[data-grc-ui], grc-overlay')) return true;
    return [...r.addedNodes, ...r.removedNodes].every((n) => n instanceof Element && /^grc-/i.test(n.tagName));
  });
}

/**
 * A message to the background that may find no one there (the extension was reloaded or
 * removed: sending may then throw at once): it never throws, into our code or the page.
 */
function tell(message: Message): Promise<unknown> {
  try {
    return browser.runtime.sendMessage(message).catch(() => undefined);
  } catch {
    return Promise.resolve(undefined);
  }
}

/**
 * The checker's lifetime: a WXT context (its timers, listeners and shadow-root UIs end with
 * it), but one ended only by us, never by the page. WXT's own context ends when the document
 * receives a `<extension id>:checker:wxt:content-script-started` CustomEvent, which it takes
 * as "a newer copy of this script started"; any page can dispatch that event and so switch the
 * checker off for good (issue 11). Ours ignores such events: it ends when the extension is
 * gone (`browser.runtime.id` is undefined: WXT checks it on every timer and `isInvalid`), or
 * when a newer copy of the checker in this same extension world replaces it (`end`).
 */
type CheckerLifetime = ContentScriptContext & {
  end(): void;
  /** Reads the page again now, without the quick look: a person asked (the popup's 检查此页). */
  checkNow?(): void;
};

/**
 * `wxtContext` lends its class: importing WXT's class here would evaluate it when WXT reads
 * this file's options at build time, where it cannot be evaluated.
 */
function checkerLifetime(wxtContext: ContentScriptContext): CheckerLifetime {
  const WxtContext = wxtContext.constructor as typeof ContentScriptContext;
  class Lifetime extends WxtContext {
    override stopOldScripts() {}
    override listenForNewerScripts() {}
    override verifyScriptStartedEvent() {
      return false;
    }
    end() {
      this.notifyInvalidated();
    }
  }
  return new Lifetime('checker', { noScriptStartedPostMessage: true });
}

class PageChecker {
  private current: OverlayInput | null = null;
  private overlay: Overlay | null = null;
  private running = false;
  /** The page changed while a check was running: check again when it ends. */
  private again = false;
  /** The background holds a result for this frame (a report, or one not read). */
  private reported = false;
  /**
   * The next check reads the page without the quick look: it is the first (the detector has
   * just found that the page looks like a report, or a person asked for the page to be
   * checked), or a person asked again (checkNow).
   */
  private firstCheck = true;
  /** This checker has had the overlay's script injected (overlayScript). */
  private overlayLoaded = false;

  private readonly ctx: CheckerLifetime;
  private readonly schedule: () => void;
  constructor(ctx: CheckerLifetime) {
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
      // The overlay goes, so the badge must not keep counting this frame (when the extension
      // itself is gone there is no one left to tell, and nothing left to show).
      this.clear(true);
    });
    this.ctx.addEventListener(window, 'wxt:locationchange', () => this.schedule());
    // The frame goes away (navigated, or its iframe removed): its report leaves the tab's
    // list and badge. Only the browser's own events count (isTrusted): a page can dispatch a
    // 'pagehide' of its own. Back from the back-forward cache, the page is checked again.
    this.ctx.addEventListener(window, 'pagehide', (e) => e.isTrusted && (this.current || this.reported) && this.clear(true));
    this.ctx.addEventListener(window, 'pageshow', (e) => {
      if (e.isTrusted && (e as PageTransitionEvent).persisted) void this.check();
    });
    browser.runtime.onMessage.addListener(this.onMessage);
    this.ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(this.onMessage));
  }

  /** A person asked for the page to be checked (the checker was injected again): read it now, whatever it looks like. */
  checkNow() {
    this.firstCheck = true;
    void this.check();
  }

  private onMessage = (message: unknown) => {
    const m = message as Message;
    if (m?.type === 'grc:locate' && this.overlay) return Promise.resolve(this.overlay.locate(m.cellId));
    if (m?.type === 'grc:next-problem' && this.overlay) return Promise.resolve(this.overlay.next());
    return undefined;
  };

  private async check() {
    if (this.ctx.isInvalid) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    this.again = false;
    try {
      // The first check follows the detector's own quick check of this same page: not again
      // (its first run in this script's code costs a report page about a millisecond).
      const lookedAlready = this.firstCheck;
      this.firstCheck = false;
      if (!lookedAlready && quickLook(document) !== 'report') {
        if (this.current || this.reported) this.clear(true);
        return;
      }
      let result: OverlayInput | null;
      try {
        result = await this.analyze();
        this.reported = true; // the background now holds this frame's result, whatever it is
      } catch (e) {
        if (this.ctx.isInvalid) return;
        // The page could not be read or sent to the engine (a message past the browser's
        // size limit, the engine failing): say so on the badge and in the popup, never
        // leave the frame looking checked or empty.
        console.debug('[年报校验]', e);
        this.clear();
        const message: NotCheckedMessage = { type: 'grc:not-checked', title: document.title, why: notCheckedBecause(e) };
        await tell(message);
        this.reported = true;
        return;
      }
      if (this.ctx.isInvalid) return;
      if (!result?.analysis.isReport) {
        // The background has recorded the frame already (as no report, or as one not read).
        this.clear();
        return;
      }
      if (this.current && JSON.stringify(this.current.analysis) === JSON.stringify(result.analysis)) return;
      const mountOverlay = await this.overlayScript();
      if (this.ctx.isInvalid) return;
      this.clear();
      this.current = result;
      this.overlay = await mountOverlay(this.ctx, result);
    } catch (e) {
      // Our failure must never break the page: log it quietly and leave the page as it is.
      console.debug('[年报校验]', e);
    } finally {
      this.running = false;
      if (this.again) this.schedule();
    }
  }

  /**
   * The overlay's entry: its script is asked for the first time this checker finds a report
   * (overlaySlot.ts). Asked by each checker, not once per frame: the script world outlives an
   * extension update, and the slot may still hold the overlay of the version before it.
   */
  private async overlayScript() {
    if (!this.overlayLoaded) {
      const message: LoadOverlayMessage = { type: 'grc:load-overlay' };
      await browser.runtime.sendMessage(message);
      this.overlayLoaded = true;
    }
    const mount = loadedOverlay();
    if (!mount) throw new Error('the overlay script could not be loaded');
    return mount;
  }

  /** The engine's Analysis of the page as it is now, with its cells mapped back to nodes. */
  private async analyze(): Promise<OverlayInput | null> {
    // Read in slices, so that a large page is never blocked for long (utils/dom/page.ts).
    const { page, nodes } = detachRefs(await readDocument(document, { source: location.href, signal: this.ctx.signal }));
    const message: AnalyzeMessage = { type: 'grc:analyze', page };
    const response = (await browser.runtime.sendMessage(message)) as AnalyzeResponse | undefined;
    if (!response) return null;
    const toNodes = (indices: number[]) => indices.map((i) => nodes[i]);
    return {
      analysis: response.analysis,
      cellRefs: new Map(response.cellRefs.map(([id, i]) => [id, nodes[i]])),
      tableRefs: { t2: toNodes(response.tableRefs.t2), t3: toNodes(response.tableRefs.t3), t4: toNodes(response.tableRefs.t4) },
      cellAt: new Map(response.cellAt.map(([id, start, end]) => [id, { start, end }])),
      rules: response.rules,
    };
  }

  private clear(tellBackground = false) {
    this.overlay?.remove();
    this.overlay = null;
    this.current = null;
    if (tellBackground) {
      this.reported = false;
      const message: NotAReportMessage = { type: 'grc:not-a-report' };
      void tell(message);
    }
  }
}

// One checker per frame, even if it were injected twice; a new one once the old is invalidated
// (extension reloaded). The old one is reached through this world's global, which the page
// cannot see or forge.
const RUNNING = Symbol.for('grc:checker');
/** Set by the background just before it injects the checker because a person asked (askForCheck in background.ts). */
const CHECK_ASKED = Symbol.for('grc:check-asked');
type WithChecker = typeof globalThis & { [RUNNING]?: CheckerLifetime; [CHECK_ASKED]?: boolean };

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  registration: 'runtime',
  // No window.postMessage to the page on start: fewer traces.
  noScriptStartedPostMessage: true,
  // WXT's context is not used: the page can end it (see CheckerLifetime).
  main(wxtContext) {
    const scope = globalThis as WithChecker;
    const running = scope[RUNNING];
    // Injected because a person asked (the background's askForCheck ran just before): a checker
    // already here reads the page again now, without its look. Injected again by the detector:
    // nothing to do, the running checker follows the page.
    const asked = scope[CHECK_ASKED] === true;
    delete scope[CHECK_ASKED];
    if (running && !running.isInvalid) return void (asked && running.checkNow?.());
    running?.end();
    const lifetime = checkerLifetime(wxtContext);
    scope[RUNNING] = lifetime;
    const checker = new PageChecker(lifetime);
    lifetime.checkNow = () => checker.checkNow();
    // Started in a task of its own: the script's compile and set-up (WXT, the polyfill) are
    // one task, the checker's start (its listeners, the extension's event bindings) the next,
    // so that neither holds the page for long (scripts/bench-browser.ts).
    lifetime.setTimeout(() => checker.start(), 0);
  },
});
