/**
 * The popup: the current tab's report (or tab N with popup.html?tabId=N), its findings with
 * 定位, the key figures, and copy actions. On other pages, one line saying so.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CopyButtons } from '../../components/CopyButtons.tsx';
import { ListOffer } from './ListOffer.tsx';
import { COMPONENT_CSS } from '../../components/styles.ts';
import { FigureList } from '../../components/FigureList.tsx';
import { FindingList } from '../../components/FindingList.tsx';
import { copyToClipboard } from '../../utils/dom/clipboard.ts';
import { messages } from '../../utils/i18n.ts';
import type { FrameReport, GetTabMessage, LocateMessage } from '../../utils/messages.ts';

const t = messages();

async function currentTabId(): Promise<number | undefined> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function Report({ tabId, frame }: { tabId: number; frame: FrameReport }) {
  const a = frame.analysis;
  const { errors, warnings, passed } = a.summary;
  const locate = (cellId: string) => {
    const message: LocateMessage = { type: 'grc:locate', cellId };
    void browser.tabs.sendMessage(tabId, message, { frameId: frame.frameId }).catch(() => {});
  };
  return (
    <article data-frame={frame.frameId}>
      <h1>{a.title || t.title}</h1>
      <p class="identity">
        {t.agency}：{a.agency ?? '—'}　{t.year}：{a.year ?? '—'}　{t.format}：{a.format}
      </p>
      <p class={`status ${errors ? 'fail' : 'pass'}`} data-status>
        {errors ? t.errorCount(errors) : t.allGood}，{t.warnings(warnings)}，{t.passed(passed)}
      </p>
      <FindingList findings={a.findings} t={t} onLocate={(f) => locate(f.cells[0])} />
      <h2>{t.figures}</h2>
      <FigureList figures={a.figures} english={t !== messages('zh')} />
      <CopyButtons analysis={a} t={t} copy={(p) => copyToClipboard(p)} />
    </article>
  );
}

/** Library (issue 9): opens the report library (the options page). */
function LibraryLink() {
  return (
    <p class="library-link">
      <button type="button" data-open-library onClick={() => void browser.runtime.openOptionsPage()}>报告库 · Library</button>
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
      const frames = ((await browser.runtime.sendMessage(message).catch(() => [])) as FrameReport[]) ?? [];
      setState({ tabId, frames });
    })();
  }, []);
  if (!state.frames) return null;
  if (state.frames.length === 0) {
    return (
      <main class="empty" data-empty>
        <p>{t.notReport}</p>
        <p>{t.howTo}</p>
        <ListOffer tabId={state.tabId} />
        <LibraryLink />
      </main>
    );
  }
  return <main>{state.frames.map((f) => <Report key={f.frameId} tabId={state.tabId!} frame={f} />)}<LibraryLink /></main>;
}

const style = document.createElement('style');
style.textContent = COMPONENT_CSS;
document.head.append(style);
render(<Popup />, document.getElementById('app')!);
