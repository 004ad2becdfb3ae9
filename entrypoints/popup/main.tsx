/**
 * The popup: every report found in the current tab (or tab N with popup.html?tabId=N), the
 * top frame's first, each with its frame's address (an iframe from another site says so):
 * the verdict from its summary, what was not checked, the findings with 定位, the key
 * figures, and copy (per table, the data row, JSON, Markdown). On other pages, one line, and
 * an offer to check the page anyway (CheckOffer) or the reports it lists (ListOffer).
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CopyButtons } from '../../components/CopyButtons.tsx';
import { CheckOffer } from './CheckOffer.tsx';
import { ListOffer } from './ListOffer.tsx';
import { COMPONENT_CSS } from '../../components/styles.ts';
import { FigureList } from '../../components/FigureList.tsx';
import { FindingList } from '../../components/FindingList.tsx';
import { locateCell } from '../../components/marks.ts';
import { ruleTexts } from '../../utils/report/rules/index.ts';
import { StatusBlock } from '../../components/StatusBlock.tsx';
import { copyToClipboard } from '../../utils/dom/clipboard.ts';
import { messages } from '../../utils/i18n.ts';
import type { FrameReport, GetTabMessage, LocateMessage } from '../../utils/messages.ts';
import { identityLine } from '../../utils/report/labels.ts';
import type { Analysis } from '../../utils/report/types.ts';

/** The interface's words: the settings' language (utils/settings.ts: 'auto' | 'zh' | 'en'), else the browser's (set before the first render). */
let t = messages();

async function currentTabId(): Promise<number | undefined> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** What the frame is: the page itself, a frame of its own site, or another site's (the background decides, utils/tabReports.ts). */
function frameKind(frame: FrameReport): 'top' | 'inner' | 'other-site' {
  return frame.isTop ? 'top' : frame.sameSite ? 'inner' : 'other-site';
}
const FRAME_LABEL = { top: 'frameTop', inner: 'frameInner', 'other-site': 'frameOtherSite' } as const;

function Report({ tabId, frame, all }: { tabId: number; frame: FrameReport; all: Analysis[] }) {
  const a = frame.analysis;
  const locate = (cellId: string) => {
    const message: LocateMessage = { type: 'grc:locate', cellId };
    void browser.tabs.sendMessage(tabId, message, { frameId: frame.frameId }).catch(() => {});
  };
  const kind = frameKind(frame);
  return (
    <article data-frame={frame.frameId} data-frame-kind={kind}>
      <p class="frame">
        <span class="frame-kind">{t[FRAME_LABEL[kind]]}</span> <span class="frame-url">{frame.url}</span>
      </p>
      <h1>{a.title || t.title}</h1>
      <p class="identity">{identityLine(a, t.lang)}</p>
      <StatusBlock summary={a.summary} t={t} />
      <FindingList
        findings={a.findings}
        suspects={a.suspects}
        format={a.format}
        t={t}
        rules={ruleTexts(a.findings)}
        onLocate={(f) => {
          const id = locateCell(a, f);
          if (id) locate(id);
        }}
      />
      <h2>{t.figures}</h2>
      <FigureList figures={a.figures} lang={t.lang} />
      <CopyButtons analysis={a} t={t} copy={(p) => copyToClipboard(p)} perTable rows={all} />
    </article>
  );
}

/** Library (issue 9): opens the report library (the options page). */
function LibraryLink() {
  return (
    <p class="library-link">
      <button type="button" data-open-library onClick={() => void browser.runtime.openOptionsPage()}>{t.openLibrary}</button>
    </p>
  );
}

function Popup() {
  const [state, setState] = useState<{ tabId?: number; frames?: FrameReport[] }>({});
  useEffect(() => {
    void (async () => {
      const tabId = await currentTabId();
      if (tabId === undefined) return setState({ frames: [] });
      const message: GetTabMessage = { type: 'grc:get', tabId };
      const frames = ((await browser.runtime.sendMessage(message).catch(() => [])) as FrameReport[] | undefined) ?? [];
      // Already in order: the page's own report first (orderFrames in utils/tabReports.ts).
      setState({ tabId, frames });
    })();
  }, []);
  if (!state.frames) return null;
  if (state.frames.length === 0) {
    return (
      <main class="empty" data-empty>
        <p>{t.notReport}</p>
        <CheckOffer tabId={state.tabId} t={t} onReports={(frames) => setState({ tabId: state.tabId, frames })} />
        <p>{t.howTo}</p>
        <ListOffer tabId={state.tabId} lang={t.lang} />
        <LibraryLink />
      </main>
    );
  }
  const all = state.frames.map((f) => f.analysis);
  return (
    <main>
      {state.frames.length > 1 && <p class="reports" data-reports={state.frames.length}>{t.reportsInTab(state.frames.length)}</p>}
      {state.frames.map((f) => (
        <Report key={f.frameId} tabId={state.tabId!} frame={f} all={all} />
      ))}
      <LibraryLink />
    </main>
  );
}

const style = document.createElement('style');
style.textContent = COMPONENT_CSS;
document.head.append(style);
void (async () => {
  const { 'grc:settings': settings } = (await browser.storage.local.get('grc:settings').catch(() => ({}))) as { 'grc:settings'?: { language?: string } };
  if (settings?.language === 'zh' || settings?.language === 'en') t = messages(settings.language);
  document.documentElement.lang = t.lang === 'zh' ? 'zh-CN' : 'en';
  render(<Popup />, document.getElementById('app')!);
})();
