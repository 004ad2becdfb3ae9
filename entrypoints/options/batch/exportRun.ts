/**
 * The run's table as a file, in the library's data-set columns (utils/report/export.ts, the
 * command line's CSV): one row per report read, and for a page that could not be read a row
 * with its address and the reason in the `error` column. CSV starts with a BOM so Excel/WPS
 * read the Chinese.
 */
import { toDatasetCSV, toJSON } from '../../../utils/report/export.ts';
import type { Analysis } from '../../../utils/report/types.ts';
import type { BatchItem } from '../../../utils/fetch/batch.ts';
import { outcomeLine } from '../../../utils/fetch/reasons.ts';

const BOM = '\ufeff';

function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const stamp = () => new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');

/** A report row, or the page and why it was not read. */
export function runRows(items: BatchItem[]): (Analysis | { source: string; error: string })[] {
  return items
    .filter((i) => i.outcome)
    .map((i) => (i.outcome!.kind === 'report' ? i.outcome!.analysis : { source: i.url, error: outcomeLine(i.outcome!, 'zh') }));
}

export async function exportRun(items: BatchItem[], kind: 'csv' | 'json' | 'xlsx') {
  const rows = runRows(items);
  const name = `批量核对-${stamp()}.${kind}`;
  if (kind === 'csv') download(name, new Blob([BOM + toDatasetCSV(rows)], { type: 'text/csv;charset=utf-8' }));
  if (kind === 'json') download(name, new Blob([toJSON(rows.filter((r): r is Analysis => !('error' in r)))], { type: 'application/json' }));
  if (kind === 'xlsx') {
    const { datasetHeader, datasetRow } = await import('../../../utils/report/export.ts');
    const { default: writeXlsxFile } = await import('write-excel-file/browser');
    const data = [datasetHeader(), ...rows.map(datasetRow)].map((r) => r.map((v) => (v === null || v === '' ? null : { value: v })));
    download(name, await writeXlsxFile(data as never, { sheet: '批量核对' }).toBlob());
  }
}
