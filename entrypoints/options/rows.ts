/**
 * The library page's table as data: one row per report with the columns people sort by,
 * the filters, and the sort. Pure, so the unit tests hold it to what the page shows.
 */
import type { LibraryEntry } from '../../utils/library/store.ts';
import { TABLE_IDS } from '../../utils/report/formats.ts';
import { normalize } from '../../utils/report/normalize.ts';
import type { Analysis, VerdictStatus } from '../../utils/report/types.ts';

export interface Row {
  url: string;
  title: string;
  agency: string;
  year: number | null;
  format: string;
  status: VerdictStatus;
  errors: number;
  warnings: number;
  /** Checks left unfinished (blank cells) and parts not read: the 未能核对 count. */
  unchecked: number;
  dismissed: number;
  newReceived: number | null;
  grantedShare: number | null;
  reviewTotal: number | null;
  litigationTotal: number | null;
  publishedAt: string;
  checkedAt: string;
  site: string;
  origin: LibraryEntry['origin'];
  /** Search text in matching form. */
  search: string;
}

export type SortKey = keyof Omit<Row, 'search' | 'url'>;

/** 未能核对: checks left open by blank cells, parts not read, tables not found. */
export const uncheckedOf = (a: Analysis): number => a.summary.incomplete + a.summary.notChecked.length + TABLE_IDS.filter((t) => !a.tables[t].found).length;

export function toRow(e: LibraryEntry): Row {
  const a = e.analysis;
  const s = a.summary;
  return {
    url: e.url,
    title: a.title,
    agency: a.agency ?? '',
    year: a.year,
    format: a.format,
    status: s.status,
    errors: s.errors,
    warnings: s.warnings,
    unchecked: uncheckedOf(a),
    dismissed: a.findings.filter((f) => f.dismissed).length,
    newReceived: a.figures.newReceived,
    grantedShare: a.figures.grantedShare,
    reviewTotal: a.figures.reviewTotal,
    litigationTotal: a.figures.litigationTotal,
    publishedAt: e.publishedAt ?? '',
    checkedAt: e.checkedAt,
    site: e.site,
    origin: e.origin,
    search: normalize(`${a.agency ?? ''} ${a.title} ${e.url}`).toLowerCase(),
  };
}

export interface Filters {
  text: string;
  year: string;
  status: string;
  site: string;
}

export const NO_FILTERS: Filters = { text: '', year: '', status: '', site: '' };

export function filterRows(rows: Row[], f: Filters): Row[] {
  const text = f.text.trim() ? normalize(f.text).toLowerCase() : '';
  return rows.filter(
    (r) =>
      (!text || r.search.includes(text)) &&
      (!f.year || String(r.year ?? '') === f.year) &&
      (!f.status || r.status === f.status) &&
      (!f.site || r.site === f.site),
  );
}

/** Worst first when sorting by status. */
const STATUS_ORDER: Record<VerdictStatus, number> = { errors: 0, warnings: 1, incomplete: 2, ok: 3 };
const collator = new Intl.Collator('zh-CN', { numeric: true });

export function sortRows(rows: Row[], key: SortKey, dir: 1 | -1): Row[] {
  const value = (r: Row) => (key === 'status' ? STATUS_ORDER[r.status] : r[key]);
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    // Unknown values last, whatever the direction.
    if (x === null || x === '') return y === null || y === '' ? 0 : 1;
    if (y === null || y === '') return -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return c * dir;
  });
}

/** The choices of the year and site filters: what the library holds. */
export function choices(rows: Row[]): { years: number[]; sites: string[] } {
  const years = [...new Set(rows.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => b - a);
  const sites = [...new Set(rows.map((r) => r.site).filter(Boolean))].sort();
  return { years, sites };
}
