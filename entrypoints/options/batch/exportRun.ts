/**
 * The run's table as a file, exactly as the library exports (utils/library/dataset.ts: the
 * command line's data-set columns, CSV with a BOM, the XLSX workbook's two sheets, the JSON
 * backup): each report as the library keeps it (dismissals applied), and for a page that could
 * not be read a row with its address and the reason in the `error` column (not in the JSON
 * backup, which holds reports only).
 */
import { datasetCsv, datasetJson, isEntry, toSheetData, workbookRows, type DatasetItem } from '../../../utils/library/dataset.ts';
import { library, siteOf, type LibraryEntry } from '../../../utils/library/store.ts';
import type { BatchItem } from '../../../utils/fetch/batch.ts';
import { outcomeLine } from '../../../utils/fetch/reasons.ts';

function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const stamp = () => new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');

/** The run's rows in the table's order: the library's entry of each report, or why a page was not read. */
export async function runRows(items: BatchItem[]): Promise<DatasetItem[]> {
  const rows: DatasetItem[] = [];
  for (const i of items) {
    const o = i.outcome;
    if (!o) continue;
    if (o.kind !== 'report') {
      rows.push({ source: i.url, isReport: false, error: outcomeLine(o, 'zh') });
      continue;
    }
    // Not in the library (keeping it failed): the report as read, so the row is not lost.
    const kept = await library.getEntry(i.url).catch(() => undefined);
    const a = o.analysis;
    const asRead: LibraryEntry = { url: i.url, site: siteOf(i.url), agencyKey: '', year: a.year ?? 0, origin: 'list', checkedAt: new Date().toISOString(), dismissals: {}, analysis: a };
    rows.push(kept ?? asRead);
  }
  return rows;
}

export async function exportRun(items: BatchItem[], kind: 'csv' | 'json' | 'xlsx') {
  const rows = await runRows(items);
  const name = `批量核对-${stamp()}.${kind}`;
  if (kind === 'csv') download(name, new Blob([datasetCsv(rows)], { type: 'text/csv;charset=utf-8' }));
  if (kind === 'json') download(name, new Blob([datasetJson(rows.filter(isEntry))], { type: 'application/json' }));
  if (kind === 'xlsx') {
    // Loaded only when asked, as on the library tab.
    const { default: writeXlsxFile } = await import('write-excel-file/browser');
    const { reports, findings } = workbookRows(rows);
    const blob = await writeXlsxFile([
      { data: toSheetData(reports) as never, sheet: '报告' },
      { data: toSheetData(findings) as never, sheet: '问题' },
    ]).toBlob();
    download(name, blob);
  }
}
