/**
 * The library tab: every report checked, filtered, sorted, selected, deleted, exported and
 * imported. The table renders only the rows in view (a thousand rows scroll like ten).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { library, importInto, type LibraryEntry } from '../../utils/library/store.ts';
import { datasetCsv, datasetJson, toSheetData, workbookRows } from '../../utils/library/dataset.ts';
import { formatFigure } from '../../utils/report/figures.ts';
import { choices, filterRows, NO_FILTERS, sortRows, toRow, type Filters, type Row, type SortKey } from './rows.ts';
import type { Words } from './words.ts';

const ROW_HEIGHT = 34;
/** Rows drawn above and below the visible ones, so a quick scroll shows no gap. */
const OVERSCAN = 12;

const COLUMNS: { key: SortKey; num?: boolean }[] = [
  { key: 'agency' }, { key: 'year', num: true }, { key: 'format' }, { key: 'status' }, { key: 'errors', num: true },
  { key: 'warnings', num: true }, { key: 'unchecked', num: true }, { key: 'newReceived', num: true }, { key: 'grantedShare', num: true },
  { key: 'reviewTotal', num: true }, { key: 'litigationTotal', num: true }, { key: 'publishedAt' }, { key: 'checkedAt' }, { key: 'title' },
];

function download(name: string, blob: Blob) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}

/** A link only to a web page: an imported library may hold any string as a URL (never javascript:). */
function webLink(url: string, text: string) {
  return /^https?:\/\//i.test(url) ? <a href={url} target="_blank" rel="noopener noreferrer">{text}</a> : <span>{text}</span>;
}

const stamp = () => new Date().toISOString().slice(0, 10).replace(/-/g, '');
const shortTime = (iso: string) => iso.slice(0, 16).replace('T', ' ');

export function LibraryTab({ w }: { w: Words }) {
  const [entries, setEntries] = useState<LibraryEntry[] | null>(null);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'checkedAt', dir: -1 });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(600);
  const scroller = useRef<HTMLDivElement>(null);

  const reload = async () => setEntries(await library.listEntries());
  useEffect(() => {
    void reload();
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The background keeps adding reports while the page is open: show them (batched).
    const stop = library.onChanged(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), 250);
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, []);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewHeight(el.clientHeight || 600);
    measure();
    addEventListener('resize', measure);
    return () => removeEventListener('resize', measure);
  }, [entries !== null]);

  const allRows = useMemo(() => (entries ?? []).map(toRow), [entries]);
  const rows = useMemo(() => sortRows(filterRows(allRows, filters), sort.key, sort.dir), [allRows, filters, sort]);
  const { years, sites } = useMemo(() => choices(allRows), [allRows]);
  const byUrl = useMemo(() => new Map((entries ?? []).map((e) => [e.url, e])), [entries]);

  if (entries === null) return null;

  const visibleSelected = rows.filter((r) => selected.has(r.url));
  const chosen = () => (visibleSelected.length ? visibleSelected.map((r) => byUrl.get(r.url)!) : rows.map((r) => byUrl.get(r.url)!));

  const exportAs = async (kind: 'csv' | 'xlsx' | 'json') => {
    // Export what the table shows (the selection, or every filtered row), in its order.
    const list = chosen();
    setNote(w.exporting(0, list.length));
    const name = `年报库-${stamp()}.${kind}`;
    if (kind === 'csv') download(name, new Blob([datasetCsv(list)], { type: 'text/csv;charset=utf-8' }));
    if (kind === 'json') download(name, new Blob([datasetJson(list)], { type: 'application/json' }));
    if (kind === 'xlsx') {
      // Loaded only here, only when asked: the workbook writer stays out of every other bundle.
      const { default: writeXlsxFile } = await import('write-excel-file/browser');
      const { reports, findings } = workbookRows(list);
      setNote(w.exporting(Math.round(list.length / 2), list.length));
      const blob = await writeXlsxFile([
        { data: toSheetData(reports) as never, sheet: '报告' },
        { data: toSheetData(findings) as never, sheet: '问题' },
      ]).toBlob();
      download(name, blob);
    }
    setNote(w.exported(list.length, name));
  };

  const importFile = async (file: File) => {
    try {
      const r = await importInto(library, await file.text());
      setNote(w.imported(r.imported, r.rejected.length));
    } catch (e) {
      setNote(w.importFailed((e as Error).message));
    }
    await reload();
  };

  const remove = async () => {
    if (!visibleSelected.length || !confirm(w.confirmDelete(visibleSelected.length))) return;
    await library.deleteEntries(visibleSelected.map((r) => r.url));
    setSelected(new Set());
    await reload();
  };
  const clear = async () => {
    if (!entries.length || !confirm(w.confirmClear(entries.length))) return;
    await library.clearAll();
    setSelected(new Set());
    await reload();
  };
  const toggle = (url: string) => {
    const next = new Set(selected);
    if (next.has(url)) next.delete(url);
    else next.add(url);
    setSelected(next);
  };
  const sortBy = (key: SortKey) => setSort((s) => ({ key, dir: s.key === key ? (-s.dir as 1 | -1) : key === 'checkedAt' || key === 'publishedAt' || key === 'year' ? -1 : 1 }));
  const filter = (change: Partial<Filters>) => {
    setFilters({ ...filters, ...change });
    scroller.current?.scrollTo(0, 0);
  };

  if (entries.length === 0) {
    return (
      <section class="library empty" data-empty>
        <h2>{w.empty}</h2>
        <ul>{w.emptyHow.map((s) => <li key={s}>{s}</li>)}</ul>
        <label class="button">
          {w.importJson}
          <input type="file" accept=".json,application/json" hidden data-import onChange={(e) => { const f = e.currentTarget.files?.[0]; if (f) void importFile(f); }} />
        </label>
        {note && <p class="note" role="status">{note}</p>}
      </section>
    );
  }

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewHeight) / ROW_HEIGHT) + OVERSCAN);
  const openEntry = open ? byUrl.get(open) : undefined;

  return (
    <section class={openEntry ? 'library with-detail' : 'library'}>
      <div class="toolbar">
        <input type="search" placeholder={w.search} value={filters.text} onInput={(e) => filter({ text: e.currentTarget.value })} data-filter="text" />
        <select value={filters.year} onChange={(e) => filter({ year: e.currentTarget.value })} data-filter="year">
          <option value="">{w.allYears}</option>
          {years.map((y) => <option key={y} value={String(y)}>{y}</option>)}
        </select>
        <select value={filters.status} onChange={(e) => filter({ status: e.currentTarget.value })} data-filter="status">
          <option value="">{w.allStatus}</option>
          {(Object.keys(w.status) as (keyof Words['status'])[]).map((s) => <option key={s} value={s}>{w.status[s]}</option>)}
        </select>
        <select value={filters.site} onChange={(e) => filter({ site: e.currentTarget.value })} data-filter="site">
          <option value="">{w.allSites}</option>
          {sites.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
        <span class="count" data-count>{w.count(rows.length, entries.length)}</span>
      </div>
      <div class="toolbar">
        <button type="button" onClick={() => void exportAs('csv')} data-export="csv">{w.exportCsv}</button>
        <button type="button" onClick={() => void exportAs('xlsx')} data-export="xlsx">{w.exportXlsx}</button>
        <button type="button" onClick={() => void exportAs('json')} data-export="json">{w.exportJson}</button>
        <label class="button">
          {w.importJson}
          <input type="file" accept=".json,application/json" hidden data-import onChange={(e) => { const f = e.currentTarget.files?.[0]; if (f) void importFile(f); e.currentTarget.value = ''; }} />
        </label>
        <button type="button" disabled={!visibleSelected.length} onClick={() => void remove()} data-delete>{w.deleteSelected(visibleSelected.length)}</button>
        <button type="button" class="danger" onClick={() => void clear()} data-clear>{w.clearAll}</button>
        {note && <span class="note" role="status" data-note>{note}</span>}
      </div>
      <div class="scroller" ref={scroller} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <table class="reports">
          <thead>
            <tr>
              <th class="check">
                <input type="checkbox" title={w.selectAll} checked={rows.length > 0 && visibleSelected.length === rows.length}
                  onChange={(e) => setSelected(e.currentTarget.checked ? new Set(rows.map((r) => r.url)) : new Set())} data-select-all />
              </th>
              {COLUMNS.map((c) => (
                <th key={c.key} class={c.num ? 'num' : ''} aria-sort={sort.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : undefined}>
                  <button type="button" onClick={() => sortBy(c.key)} data-sort={c.key}>
                    {w.cols[c.key as keyof Words['cols']]}
                    {sort.key === c.key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && <tr><td colSpan={COLUMNS.length + 1} class="none">{w.noMatch}</td></tr>}
            {first > 0 && <tr style={{ height: `${first * ROW_HEIGHT}px` }} aria-hidden="true" />}
            {rows.slice(first, last).map((r) => (
              <ReportRow key={r.url} r={r} w={w} selected={selected.has(r.url)} onToggle={() => toggle(r.url)} onOpen={() => setOpen(open === r.url ? null : r.url)} />
            ))}
            {last < rows.length && <tr style={{ height: `${(rows.length - last) * ROW_HEIGHT}px` }} aria-hidden="true" />}
          </tbody>
        </table>
      </div>
      {openEntry && <Detail entry={openEntry} previous={openEntry.previousUrl ? byUrl.get(openEntry.previousUrl) : undefined} w={w} onClose={() => setOpen(null)} onChanged={reload} />}
    </section>
  );
}

function ReportRow({ r, w, selected, onToggle, onOpen }: { r: Row; w: Words; selected: boolean; onToggle: () => void; onOpen: () => void }) {
  const n = (v: number | null) => (v === null ? '—' : String(v));
  return (
    <tr data-url={r.url} data-status={r.status} class={selected ? 'selected' : ''} style={{ height: `${ROW_HEIGHT}px` }}>
      <td class="check"><input type="checkbox" checked={selected} onChange={onToggle} aria-label={r.title} /></td>
      <td class="agency" title={r.agency}>{r.agency || '—'}</td>
      <td class="num">{n(r.year)}</td>
      <td>{w.format(r.format)}</td>
      <td><span class={`status ${r.status}`}>{w.status[r.status]}</span></td>
      <td class="num">{r.errors}</td>
      <td class="num">{r.warnings}</td>
      <td class="num">{r.unchecked}</td>
      <td class="num">{n(r.newReceived)}</td>
      <td class="num">{formatFigure('grantedShare', r.grantedShare)}</td>
      <td class="num">{n(r.reviewTotal)}</td>
      <td class="num">{n(r.litigationTotal)}</td>
      <td>{r.publishedAt || '—'}</td>
      <td>{shortTime(r.checkedAt)}</td>
      <td class="title">
        <button type="button" class="link" onClick={onOpen} title={w.detail}>{r.title || r.url}</button>
        {' '}
        {/^https?:\/\//i.test(r.url) && <a href={r.url} target="_blank" rel="noopener noreferrer" title={r.url}>↗</a>}
      </td>
    </tr>
  );
}

function Detail({ entry, previous, w, onClose, onChanged }: { entry: LibraryEntry; previous?: LibraryEntry; w: Words; onClose: () => void; onChanged: () => Promise<void> }) {
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const a = entry.analysis;
  const failed = a.findings.filter((f) => f.status === 'fail');
  const dismiss = async (check: string, reason: string | null) => {
    await library.setDismissal(entry.url, check, reason);
    await onChanged();
  };
  return (
    <section class="detail" data-detail={entry.url}>
      <header>
        <h2>{a.title || entry.url}</h2>
        <button type="button" onClick={onClose}>{w.close}</button>
      </header>
      <p>
        {webLink(entry.url, `${w.open}：${entry.url}`)}
      </p>
      <p data-previous>
        {entry.previousUrl
          ? <>{w.previous}{webLink(entry.previousUrl, previous?.analysis.title || entry.previousUrl)}</>
          : w.noPrevious}
      </p>
      <h3>{w.findings}</h3>
      {failed.length === 0 && <p>{w.noFindings}</p>}
      <ul class="findings">
        {failed.map((f) => {
          const check = f.check ?? f.id;
          return (
            <li key={check} class={`${f.severity}${f.dismissed ? ' dismissed' : ''}`} data-check={check}>
              <span class="message">{f.message}</span> <span class="rule">{f.id}</span>
              {f.dismissed ? (
                <>
                  <span class="reason">{w.dismissedBecause(f.dismissed.reason)}</span>
                  <button type="button" onClick={() => void dismiss(check, null)} data-undismiss>{w.undismiss}</button>
                </>
              ) : (
                <form onSubmit={(e) => { e.preventDefault(); void dismiss(check, reasons[check] ?? ''); }}>
                  <input type="text" placeholder={w.reason} value={reasons[check] ?? ''} onInput={(e) => setReasons({ ...reasons, [check]: e.currentTarget.value })} data-reason />
                  <button type="submit" data-dismiss>{w.dismiss}</button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
