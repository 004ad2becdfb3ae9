/// <reference types="vite/client" />
/**
 * The options page: the library (every report checked), checking a list of reports or a
 * draft (entrypoints/options/batch and draft, from the list-checking work), and the settings.
 * `options.html?list=<url>` opens the list tab; `#settings` etc. choose a tab.
 */
import { render, type ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { getSettings, type Language } from '../../utils/settings.ts';
import { LibraryTab } from './LibraryTab.tsx';
import { SettingsTab } from './SettingsTab.tsx';
import type { Lang } from '../../utils/report/labels.ts';
import { wordsFor, type Words } from './words.ts';

type TabId = keyof Words['tabs'];
const TAB_IDS: TabId[] = ['library', 'batch', 'draft', 'settings'];

// The list and draft panels live in their own folders; found at build time, loaded only when
// their tab opens (the .docx reader and the fetcher stay out of the library's bundle). Until
// those files exist the tab says the feature is not ready.
type Panel = ComponentType<{ lang: Lang }>;
const PANELS: Partial<Record<TabId, () => Promise<Panel>>> = {};
for (const [path, load] of Object.entries(import.meta.glob('./batch/BatchPanel.tsx'))) {
  if (path) PANELS.batch = () => load().then((m) => (m as { BatchPanel: Panel }).BatchPanel);
}
for (const [path, load] of Object.entries(import.meta.glob('./draft/DraftPanel.tsx'))) {
  if (path) PANELS.draft = () => load().then((m) => (m as { DraftPanel: Panel }).DraftPanel);
}

function initialTab(): TabId {
  if (new URLSearchParams(location.search).has('list')) return 'batch';
  const hash = location.hash.slice(1) as TabId;
  return TAB_IDS.includes(hash) ? hash : 'library';
}

function LazyPanel({ tab, w }: { tab: TabId; w: Words }) {
  const [Shown, setShown] = useState<Panel | null>(null);
  useEffect(() => {
    setShown(null);
    void PANELS[tab]?.().then((P) => setShown(() => P));
  }, [tab]);
  if (!PANELS[tab]) return <p class="placeholder" data-placeholder={tab}>{w.notYet(w.tabs[tab])}</p>;
  // The panels speak the page's language (the settings' choice, else the browser's).
  return Shown ? <Shown lang={w.lang} /> : null;
}

function App({ language }: { language: Language }) {
  const [lang, setLang] = useState(language);
  const [tab, setTab] = useState<TabId>(initialTab);
  const w = wordsFor(lang);
  useEffect(() => {
    document.title = w.pageTitle;
    document.documentElement.lang = w.lang === 'zh' ? 'zh-CN' : 'en';
  }, [w]);
  const choose = (t: TabId) => {
    setTab(t);
    history.replaceState(null, '', `${location.pathname}${t === 'batch' ? location.search : ''}#${t}`);
  };
  return (
    <>
      <nav class="tabs" role="tablist">
        <strong class="brand">年报校验</strong>
        {TAB_IDS.map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} class={tab === t ? 'active' : ''} onClick={() => choose(t)} data-tab={t}>
            {w.tabs[t]}
          </button>
        ))}
      </nav>
      <main>
        {tab === 'library' && <LibraryTab w={w} />}
        {tab === 'settings' && <SettingsTab w={w} onLanguage={setLang} />}
        {(tab === 'batch' || tab === 'draft') && <LazyPanel tab={tab} w={w} />}
      </main>
    </>
  );
}

void getSettings()
  .catch(() => ({ language: 'auto' as Language }))
  .then((s) => render(<App language={s.language} />, document.getElementById('app')!));
