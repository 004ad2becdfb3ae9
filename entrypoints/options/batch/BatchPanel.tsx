/**
 * 批量核对: many reports in one go, from a list page (`options.html?list=<URL>`, opened by the
 * popup's "检查本页列出的 N 份年报" or pasted here), pasted URLs, or a roster (CSV/XLSX).
 *
 * The run lives in this page: it fetches (utils/fetch, politely), parses with DOMParser right
 * here — an extension page with the host permission for gov.cn, so no offscreen document and
 * no extra permission are needed, and a parsed document never runs scripts or loads anything —
 * analyzes with the same engine and keeps each report in the library. Closing the page stops
 * the run; what was checked stays in the library.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { checkAndKeep } from '../../../utils/library/check.ts';
import { library } from '../../../utils/library/store.ts';
import { getSettings } from '../../../utils/settings.ts';
import { allowedSites } from '../../../utils/fetch/allowed.ts';
import { BatchRun, DEFAULT_MAX_LIST_PAGES, type BatchItem } from '../../../utils/fetch/batch.ts';
import { outcomeLine, rowStatus, runSummary, STATUS_LABELS, type RowStatus } from '../../../utils/fetch/reasons.ts';
import { parseCsv, parsePasted, parseXlsx, type RosterEntry } from '../../../utils/fetch/roster.ts';
import type { FrameReport, GetTabMessage } from '../../../utils/messages.ts';
import type { Analysis, PageSource } from '../../../utils/report/types.ts';
import { exportRun } from './exportRun.ts';
import { uncheckedOf } from '../rows.ts';
import { batchWords, type Lang } from './words.ts';
import './batch.css';


const hasPermission = (origin: string) => browser.permissions.contains({ origins: [origin] });
const allowed = allowedSites(hasPermission);

/**
 * A report read from the list is checked and kept by the library's one entry point (as a page
 * the person opened is): last year's report of the same agency, the deadlines in the settings.
 */
async function keepInLibrary(page: PageSource<Node>, url: string): Promise<Analysis> {
  const settings = await getSettings();
  return (await checkAndKeep(page, { url, origin: 'list', deadlines: { ...settings.deadlines } })).analysis;
}

function newRun(maxListPages: number): BatchRun {
  return new BatchRun({ allowed, keep: ({ page }, url) => keepInLibrary(page, url), maxListPages });
}

/** Redraw on every change of the run, at most once a frame. */
function useRun(run: BatchRun): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let frame = 0;
    const off = run.onChange(() => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), setTick((t) => t + 1)));
    });
    return () => (off(), cancelAnimationFrame(frame));
  }, [run]);
  return tick;
}

const unitOf = (i: BatchItem) => (i.outcome?.kind === 'report' ? (i.outcome.analysis.agency ?? i.unit) : i.unit) ?? '';
const yearOf = (i: BatchItem) => (i.outcome?.kind === 'report' ? i.outcome.analysis.year : i.linkYear) ?? null;

/**
 * "在标签页中打开核对": the page in a background tab, where its scripts fill it in and the
 * content script reads it; the background keeps that result in the library (as for any page a
 * person opens). The row shows the library's entry: one way into the library, not two.
 */
async function checkInTab(run: BatchRun, item: BatchItem, onState: (s: 'waiting' | 'none') => void) {
  const tab = await browser.tabs.create({ url: item.url, active: false });
  onState('waiting');
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && tab.id !== undefined) {
    await new Promise((r) => setTimeout(r, 1000));
    const message: GetTabMessage = { type: 'grc:get', tabId: tab.id };
    const frames = ((await browser.runtime.sendMessage(message).catch(() => [])) as FrameReport[] | undefined) ?? [];
    const found = frames.find((f) => f.analysis.isReport);
    if (found) {
      // The tab's address after any redirect is the library's key; the analysis the tab
      // reported stands if the library could not be reached.
      const entry = (await library.getEntry(found.url).catch(() => undefined)) ?? (await library.getEntry(item.url).catch(() => undefined));
      run.settle(item.url, entry?.analysis ?? found.analysis);
      return;
    }
  }
  onState('none');
}

function Row({ run, item, lang }: { run: BatchRun; item: BatchItem; lang: Lang }) {
  const w = batchWords(lang);
  const [tabState, setTabState] = useState<'idle' | 'waiting' | 'none'>('idle');
  const status = rowStatus(item);
  const o = item.outcome;
  const a = o?.kind === 'report' ? o.analysis : null;
  return (
    <tr data-url={item.url} data-status={status} data-kind={o?.kind ?? ''}>
      <td>{unitOf(item)}</td>
      <td>{yearOf(item) ?? ''}</td>
      <td class={`st st-${status}`}>{STATUS_LABELS[status][lang]}</td>
      <td class="n">{a ? a.summary.errors : ''}</td>
      <td class="n">{a ? a.summary.warnings : ''}</td>
      <td class="n">{a ? uncheckedOf(a) : ''}</td>
      <td class="note" data-note>
        {o && outcomeLine(o, lang)}
        {item.readInTab && w.readInTab}
        {item.storeError && w.storeFailed(item.storeError)}
        {o?.kind === 'attachment' && (
          <>
            {' '}
            <a href={o.url} target="_blank" rel="noreferrer noopener">{w.openFile}</a>
          </>
        )}
        {o?.kind === 'shell' && tabState === 'idle' && (
          <button type="button" data-open-in-tab onClick={() => void checkInTab(run, item, setTabState)}>{w.openInTab}</button>
        )}
        {o?.kind === 'shell' && tabState === 'waiting' && <span> {w.openedInTab}</span>}
        {o?.kind === 'shell' && tabState === 'none' && <span> {w.tabNoReport}</span>}
      </td>
      <td>
        <a href={item.url} target="_blank" rel="noreferrer noopener" title={item.linkTitle ?? item.url}>{w.open}</a>
      </td>
    </tr>
  );
}

/** `lang`: the library page's language (the settings' choice, else the browser's). */
export function BatchPanel({ lang }: { lang: Lang }) {
  const w = batchWords(lang);
  const listParam = useMemo(() => new URLSearchParams(location.search).get('list'), []);
  const [maxPages, setMaxPages] = useState(DEFAULT_MAX_LIST_PAGES);
  const [run, setRun] = useState(() => newRun(DEFAULT_MAX_LIST_PAGES));
  const [text, setText] = useState(listParam ?? '');
  const [notes, setNotes] = useState<string[]>([]);
  const [filter, setFilter] = useState<RowStatus | ''>('');
  useRun(run);
  const started = useRef(false);

  /** Lines of URLs (or roster entries): a list page expands into its reports; others are reports. */
  const begin = async (entries: RosterEntry[], skipped: number[] = []) => {
    const problems: string[] = [];
    if (skipped.length) problems.push(w.skippedLines(skipped));
    if (entries.length === 0) problems.push(w.noUrls);
    const okEntries: RosterEntry[] = [];
    for (const e of entries) {
      if (await allowed(e.url)) okEntries.push(e);
      else problems.push(w.notAllowed(e.url));
    }
    setNotes(problems);
    if (okEntries.length === 0) return;
    const fresh = run.items.length && run.finished ? newRun(maxPages) : run;
    if (fresh !== run) setRun(fresh);
    // One URL given: it may be a list page; the run finds out and expands it (a report page
    // stays a report). Several: each is read as it comes, list pages expanded too.
    for (const e of okEntries) {
      if (e.unit) fresh.addReports([e]);
      else fresh.addList(e.url);
    }
  };

  // options.html?list=<URL>: the person asked from the popup; check at once.
  useEffect(() => {
    if (!listParam || started.current) return;
    started.current = true;
    void begin([{ url: listParam }]);
  }, []);

  const openRoster = async (file: File) => {
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const roster = /\.xlsx$/i.test(file.name) ? await parseXlsx(bytes) : parseCsv(bytes);
      await begin(roster.entries, roster.skipped);
    } catch (e) {
      setNotes([w.rosterFailed((e as Error).message)]);
    }
  };

  const reports = run.items.filter((i) => i.kind === 'report');
  const lists = run.items.filter((i) => i.kind === 'list');
  const shown = filter ? reports.filter((i) => rowStatus(i) === filter) : reports;
  const { done, total, running } = run.progress;
  const failed = run.items.some((i) => i.state === 'cancelled' || i.outcome?.kind === 'failed' || i.stored === false);

  return (
    <section class="grc-batch" data-panel="batch">
      <h2>{w.batchTitle}</h2>
      <p class="intro">{w.batchIntro}</p>
      <form
        class="inputs"
        onSubmit={(e) => {
          e.preventDefault();
          const pasted = parsePasted(text);
          void begin(pasted.entries, pasted.skipped);
        }}
      >
        <label>
          {w.urlsLabel}
          <textarea rows={4} value={text} placeholder={w.urlsPlaceholder} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} data-urls />
        </label>
        <div class="row">
          <button type="submit" data-start>{w.start}</button>
          <label class="file">
            {w.roster}
            <input type="file" accept=".csv,.xlsx,.txt" data-roster onChange={(e) => {
              const f = (e.target as HTMLInputElement).files?.[0];
              if (f) void openRoster(f);
            }} />
          </label>
          <label>
            {w.maxPages}
            <input type="number" min={1} max={100} value={maxPages} data-max-pages onInput={(e) => {
              const n = Math.max(1, Math.min(100, Number((e.target as HTMLInputElement).value) || 1));
              setMaxPages(n);
              run.setMaxListPages(n);
            }} />
          </label>
        </div>
        <p class="network">{w.network}</p>
      </form>
      {notes.length > 0 && (
        <ul class="notes" role="status">
          {notes.map((n) => <li key={n}>{n}</li>)}
        </ul>
      )}

      {run.items.length > 0 && (
        <div class="run" data-run-finished={String(run.finished)}>
          {lists.map((l) => (
            <p class="list-line" key={l.id} data-list={l.url}>
              {w.listFrom(l.url)}
              {l.outcome?.kind === 'list' ? ` — ${w.linksFound(l.outcome.reading.reports.length)}` : l.outcome ? ` — ${outcomeLine(l.outcome, lang)}` : ''}
              {run.scriptPagedLists.includes(l.url) && <span class="warn"> {w.scriptPaging}</span>}
            </p>
          ))}
          {run.pagesOverLimit.length > 0 && <p class="warn">{w.overLimit(run.pagesOverLimit.length)}</p>}
          <div class="progress">
            <progress max={total} value={done} data-progress />
            <span data-progress-text>{run.paused ? `${w.paused} · ` : ''}{w.progress(done, total, running)}</span>
            {!run.finished && (run.paused ? <button type="button" onClick={() => run.resume()} data-resume>{w.resume}</button> : <button type="button" onClick={() => run.pause()} data-pause>{w.pause}</button>)}
            {!run.finished && <button type="button" onClick={() => run.cancel()} data-cancel>{w.cancel}</button>}
            {run.finished && failed && <button type="button" onClick={() => run.retryFailed()} data-retry>{w.retry}</button>}
          </div>
          <p class="summary" data-summary>{runSummary(run.items, lang)}</p>
          <div class="tools">
            <select value={filter} onChange={(e) => setFilter((e.target as HTMLSelectElement).value as RowStatus | '')} data-filter>
              <option value="">{w.filterAll}</option>
              {(['ok', 'errors', 'warnings', 'incomplete', 'unreadable', 'not-report', 'pending'] as RowStatus[]).map((s) => (
                <option key={s} value={s}>{STATUS_LABELS[s][lang]}</option>
              ))}
            </select>
            <button type="button" data-export="csv" onClick={() => void exportRun(shown, 'csv')}>{w.exportCsv}</button>
            <button type="button" data-export="xlsx" onClick={() => void exportRun(shown, 'xlsx')}>{w.exportXlsx}</button>
            <button type="button" data-export="json" onClick={() => void exportRun(shown, 'json')}>{w.exportJson}</button>
          </div>
          <table class="results" data-results>
            <thead>
              <tr>
                {Object.values(w.columns).map((c) => <th key={c}>{c}</th>)}
              </tr>
            </thead>
            <tbody>
              {shown.map((i) => <Row key={i.id} run={run} item={i} lang={lang} />)}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
