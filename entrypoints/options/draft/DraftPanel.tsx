/**
 * 检查草稿: a report before it is published. Open a .docx, .html/.htm or .txt file, or paste
 * from Word (its HTML flavour); the draft is shown as it reads, with the same marks as on a
 * page (a chip before each table, wrong cells outlined with the value they should have), and
 * the same findings, key figures and copy buttons as the popup. Nothing is kept unless the
 * person presses "存入报告库"; nothing leaves the browser.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { CopyButtons } from '../../../components/CopyButtons.tsx';
import { FigureList } from '../../../components/FigureList.tsx';
import { FindingList, findingMessage } from '../../../components/FindingList.tsx';
import { cellMarks, locateCell } from '../../../components/marks.ts';
import { StatusBlock } from '../../../components/StatusBlock.tsx';
import { markedCellCss } from '../../checker.content/style.ts';
import { ruleTexts } from '../../../utils/report/rules/index.ts';
import { COMPONENT_CSS } from '../../../components/styles.ts';
import { copyToClipboard } from '../../../utils/dom/clipboard.ts';
import { messages, type Messages } from '../../../utils/i18n.ts';
import { checkAndKeep } from '../../../utils/library/check.ts';
import { getSettings } from '../../../utils/settings.ts';
import { TABLE_IDS } from '../../../utils/report/formats.ts';
import { identityLine, TABLE_NAMES } from '../../../utils/report/labels.ts';
import type { Analysis, Finding } from '../../../utils/report/types.ts';
import { batchWords, type Lang } from '../batch/words.ts';
import { DraftError, readDraftFile, readDraftHtml, readDraftText, type Draft } from './readDraft.ts';
import '../batch/batch.css';


const WORDS = {
  zh: {
    title: '检查草稿',
    intro: '在发布之前核对年报：打开 Word（.docx）、网页（.html/.htm）或文本（.txt）文件，或在下方粘贴从 Word 复制的内容。文件只在本机读取。',
    open: '打开文件',
    paste: '在此处粘贴（Ctrl+V）从 Word 或 WPS 复制的年报',
    reading: '正在读取…',
    save: '存入报告库',
    saved: '已存入报告库',
    saveFailed: (why: string) => `未能存入报告库：${why}`,
    notReport: '未识别为政府信息公开工作年度报告：请确认内容包含“收到和处理政府信息公开申请情况”等表格。',
    notes: 'Word 文件中未能转换的内容：',
  },
  en: {
    title: 'Check a draft',
    intro: 'Check a report before publishing it: open a Word (.docx), web page (.html/.htm) or text (.txt) file, or paste what you copied from Word below. Files are read on this computer only.',
    open: 'Open a file',
    paste: 'Paste (Ctrl+V) the report copied from Word or WPS here',
    reading: 'Reading…',
    save: 'Keep in the library',
    saved: 'Kept in the library',
    saveFailed: (why: string) => `Could not keep it in the library: ${why}`,
    notReport: 'Not recognised as an information-disclosure annual report: does it contain the tables (收到和处理政府信息公开申请情况…)?',
    notes: 'Parts of the Word file that could not be converted:',
  },
};

/** The draft's own look; its marks look as on a page (markedCellCss, the overlay's). */
const viewCss = (t: Messages) => markedCellCss(t) + `
:host { display: block; }
.draft { font: 14px/1.7 "Noto Serif CJK SC", "SimSun", serif; color: #202124; padding: 12px 16px; border: 1px solid #dadce0; border-radius: 8px; background: #fff; }
table { border-collapse: collapse; margin: 4px 0 12px; font-size: 12px; line-height: 1.4; }
td, th { border: 1px solid #9aa0a6; padding: 2px 4px; }
td p, th p { margin: 0; }
.grc-chip { display: inline-block; margin: 8px 0 2px; padding: 1px 10px; border-radius: 12px; border: 1px solid; font: 13px system-ui, sans-serif; }
.grc-chip.ok { color: #137333; background: #e6f4ea; } .grc-chip.errors { color: #c5221f; background: #fce8e6; }
.grc-chip.warnings, .grc-chip.incomplete { color: #b06000; background: #fef7e0; }
pre { white-space: pre-wrap; font: 13px/1.6 ui-monospace, monospace; }
`;

/** What markDraft adds, taken off again before the draft is marked anew (after it was kept). */
function unmarkDraft(view: Element) {
  for (const el of Array.from(view.querySelectorAll('.grc-chip'))) el.remove();
  for (const el of Array.from(view.querySelectorAll('[data-grc-status]'))) {
    for (const name of ['data-grc-status', 'data-grc-expected', 'title']) el.removeAttribute(name);
  }
}

/**
 * Marks the shown draft as the overlay marks a page: an id on every cell read, the marks of
 * cellMarks (the suspect with the value it should have, the related cells, cells of failed
 * checks no suspect explains), a tooltip in a person's words, a chip before each table.
 */
function markDraft(draft: Draft, t: Messages) {
  const { analysis, cellRefs, tableRefs } = draft.result;
  for (const [id, node] of cellRefs) (node as Element).setAttribute('data-grc-cell', id);
  for (const [id, mark] of cellMarks(analysis)) {
    const el = cellRefs.get(id) as Element | undefined;
    if (!el) continue;
    el.setAttribute('data-grc-status', mark.status);
    if (mark.suspect) el.setAttribute('data-grc-expected', String(mark.suspect.expected));
    if (mark.findings.length) el.setAttribute('title', mark.findings.map((f) => findingMessage(f, t)).join('\n'));
  }
  for (const table of TABLE_IDS) {
    const anchor = tableRefs[table][0] as Element | undefined;
    if (!anchor || !analysis.tables[table].found) continue;
    const verdict = analysis.summary.tables[table];
    const chip = anchor.ownerDocument.createElement('div');
    chip.className = `grc-chip ${verdict.read ? verdict.status : 'incomplete'}`;
    chip.setAttribute('data-grc-chip', table);
    chip.title = t.chipDetail(verdict);
    chip.textContent = `${TABLE_NAMES[table][t.lang]} ${t.chip(verdict)}`;
    anchor.before(chip);
  }
}

function DraftView({ draft, t }: { draft: Draft; t: Messages }) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<HTMLDivElement | null>(null);
  // A new draft: its cleaned nodes move into the view (the engine's cell refs point at them).
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    root.replaceChildren();
    const style = document.createElement('style');
    style.textContent = viewCss(t);
    view.current = document.createElement('div');
    view.current.className = 'draft';
    if (draft.body) {
      view.current.append(...Array.from(draft.body.childNodes).map((n) => document.adoptNode(n)));
    } else {
      const pre = document.createElement('pre');
      pre.textContent = draft.text ?? '';
      view.current.append(pre);
    }
    root.append(style, view.current);
  }, [draft.body, draft.text, t]);
  // Its result (again once the library checked it with last year's report): the marks.
  useEffect(() => {
    if (!view.current || !draft.body) return;
    unmarkDraft(view.current);
    markDraft(draft, t);
  }, [draft.body, draft.result, t]);
  return <div ref={host} class="draft-view" data-draft-view />;
}

function Verdict({ analysis, t }: { analysis: Analysis; t: Messages }) {
  return (
    <div class="verdict" data-draft-status={analysis.summary.status}>
      <p class="identity">{identityLine(analysis, t.lang)}</p>
      <StatusBlock summary={analysis.summary} t={t} />
    </div>
  );
}

/** 定位: the finding's cell in the shown draft (its suspect, else its first cell), scrolled to and flashed. */
function locate(draft: Draft, f: Finding) {
  const id = locateCell(draft.result.analysis, f);
  const el = id ? (draft.result.cellRefs.get(id) as HTMLElement | undefined) : undefined;
  if (!el?.isConnected) return;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el.animate?.([{ backgroundColor: '#fde293' }, { backgroundColor: 'transparent' }], { duration: 1200 });
}

/** `lang`: the library page's language (the settings' choice, else the browser's). */
export function DraftPanel({ lang }: { lang: Lang }) {
  const t = messages(lang);
  const w = batchWords(lang);
  const words = WORDS[lang];
  const [draft, setDraft] = useState<Draft | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);

  const show = (d: Draft) => {
    setDraft(d);
    setSaved(false);
    setError('');
  };
  const open = async (file: File) => {
    setBusy(true);
    try {
      show(await readDraftFile(file));
    } catch (e) {
      setDraft(null);
      setError(e instanceof DraftError ? e.message : String((e as Error).message ?? e));
    } finally {
      setBusy(false);
    }
  };
  const paste = (e: ClipboardEvent) => {
    e.preventDefault();
    const html = e.clipboardData?.getData('text/html') ?? '';
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (html.trim()) show(readDraftHtml(html, lang === 'zh' ? '粘贴的内容' : 'pasted', 'draft:clipboard'));
    else if (text.trim()) show(readDraftText(text, 'clipboard'));
  };
  /**
   * Kept through the library's one entry point: with last year's report of the same agency
   * when the library holds it, so the draft shows what the library keeps (cross-year findings).
   */
  const keep = async () => {
    if (!draft) return;
    try {
      const settings = await getSettings();
      const kept = await checkAndKeep(draft.page, { url: draft.source, origin: 'draft', deadlines: { ...settings.deadlines } });
      if (!kept.analysis.title) kept.analysis.title = draft.result.analysis.title;
      setDraft({ ...draft, result: kept });
      setSaved(true);
    } catch (e) {
      setError(words.saveFailed((e as Error).message || String(e)));
    }
  };

  const a = draft?.result.analysis;
  return (
    <section class="grc-draft" data-panel="draft">
      <style>{COMPONENT_CSS}</style>
      <h2>{words.title}</h2>
      <p class="intro">{words.intro}</p>
      <div class="row">
        <label class="file">
          {words.open}{' '}
          <input type="file" accept=".docx,.html,.htm,.txt" data-draft-file onChange={(e) => {
            const f = (e.target as HTMLInputElement).files?.[0];
            if (f) void open(f);
          }} />
        </label>
      </div>
      <div class="paste-zone" contentEditable tabIndex={0} role="textbox" aria-label={words.paste} data-paste onPaste={paste} onInput={(e) => ((e.target as HTMLElement).textContent = '')}>
        {words.paste}
      </div>
      <p class="network">{w.network}</p>
      {busy && <p role="status">{words.reading}</p>}
      {error && <p class="error" role="alert" data-draft-error>{error}</p>}
      {draft && a && (
        <div class="draft-result" data-draft-result data-source={draft.source}>
          {!a.isReport && <p class="warn">{words.notReport}</p>}
          <Verdict analysis={a} t={t} />
          {draft.notes.length > 0 && (
            <details class="notes">
              <summary>{words.notes} {draft.notes.length}</summary>
              <ul>{draft.notes.slice(0, 50).map((n, i) => <li key={i}>{n}</li>)}</ul>
            </details>
          )}
          <div class="row">
            <button type="button" onClick={() => void keep()} disabled={saved || !a.isReport} data-draft-save>{saved ? words.saved : words.save}</button>
          </div>
          <FindingList findings={a.findings} suspects={a.suspects} format={a.format} t={t} rules={ruleTexts(a.findings)} onLocate={(f) => locate(draft, f)} />
          <h3>{t.figures}</h3>
          <FigureList figures={a.figures} lang={t.lang} />
          <CopyButtons analysis={a} t={t} copy={(p) => copyToClipboard(p)} perTable />
          <DraftView draft={draft} t={t} />
        </div>
      )}
    </section>
  );
}
