/**
 * The library as a data set: CSV (the command line's data-set columns, UTF-8 with a BOM so
 * Excel/WPS read the Chinese), the sheets of an XLSX workbook (reports, and findings), and the
 * JSON backup. Pure: the library page hands the result to a download.
 */
import { dataSetHeader, dataSetRow, toDataSetCSV, type DataSetEntry, type Unreadable } from '../report/export.ts';
import type { LibraryEntry } from './store.ts';
import { toExportJson } from './store.ts';

/** Excel/WPS take a UTF-8 file for the local code page unless it starts with a BOM. */
export const BOM = '\ufeff';

/**
 * A row of the data set: a report the library keeps, or (in a list run's export) a page that
 * could not be read, with its address and why — the command line's error row.
 */
export type DatasetItem = LibraryEntry | (Unreadable & { checkedAt?: string });

/** A report the library keeps, not a page that could not be read. */
export const isEntry = (e: DatasetItem): e is LibraryEntry => 'analysis' in e;
const asDataSetEntry = (e: DatasetItem): DataSetEntry => (isEntry(e) ? { ...e.analysis, checkedAt: e.checkedAt } : e);

export function datasetCsv(entries: DatasetItem[]): string {
  return toDataSetCSV(entries.map(asDataSetEntry), { bom: true });
}

export function datasetJson(entries: LibraryEntry[]): string {
  return JSON.stringify(toExportJson(entries), null, 1);
}

type SheetValue = string | number | boolean | null;

/** What the library knows beside the Analysis, as the last columns of the reports sheet. */
const LIBRARY_COLUMNS = ['status', 'publishedAt', 'checkedAt', 'origin', 'url'];
const FINDING_COLUMNS = ['url', 'agency', 'year', 'rule', 'check', 'severity', 'status', 'message', 'cells', 'expected', 'actual', 'dismissed', 'dismissedReason'];

/** The workbook's two sheets as rows: reports (one row per report), findings (one row per finding). */
export function workbookRows(entries: DatasetItem[]): { reports: SheetValue[][]; findings: SheetValue[][] } {
  const reports: SheetValue[][] = [[...dataSetHeader({ header: 'ids' })[0], ...LIBRARY_COLUMNS]];
  const findings: SheetValue[][] = [FINDING_COLUMNS];
  for (const e of entries) {
    if (!isEntry(e)) {
      reports.push([...dataSetRow(e), 'unreadable', null, e.checkedAt ?? null, null, e.source] as SheetValue[]);
      continue;
    }
    const a = e.analysis;
    reports.push([...dataSetRow({ ...a, checkedAt: e.checkedAt }), a.summary.status, e.publishedAt ?? null, e.checkedAt, e.origin, e.url] as SheetValue[]);
    for (const f of a.findings) {
      findings.push([
        e.url, a.agency ?? '', a.year, f.id, f.check ?? f.id, f.severity, f.status, f.message, f.cells.join(' '),
        f.expected ?? null, f.actual ?? null, Boolean(f.dismissed), f.dismissed?.reason ?? null,
      ]);
    }
  }
  return { reports, findings };
}

/** Sheet rows in write-excel-file's shape: numbers as numbers, blanks as empty cells. */
export function toSheetData(rows: SheetValue[][]): ({ value: string | number | boolean; type?: NumberConstructor } | null)[][] {
  return rows.map((r) => r.map((v) => (v === null || v === undefined || v === '' ? null : { value: v })));
}
