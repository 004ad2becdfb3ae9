/**
 * The library as a data set and as a page: the CSV (BOM, the command line's columns), a real
 * XLSX workbook with a sheet of reports and a sheet of findings (unzipped and read back), the
 * library table's filters and sort, and the settings' migration.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { BOM, datasetCsv, toSheetData, workbookRows } from '../../utils/library/dataset.ts';
import { applyDismissals, type LibraryEntry } from '../../utils/library/store.ts';
import { dataSetHeader } from '../../utils/report/export.ts';
import { analyze } from '../../utils/report/analyze.ts';
import { filterRows, NO_FILTERS, sortRows, toRow } from '../../entrypoints/options/rows.ts';
import { DEFAULT_SETTINGS, isDisabledOn, migrateSettings, normalizeHost } from '../../utils/settings.ts';
import { PINGTAN_2024_URL, PINGTAN_2025_URL, pingtan2025With, pingtanPage } from '../helpers/pingtan.ts';

function entry(url: string, analysis = analyze(pingtanPage(2024)), over: Partial<LibraryEntry> = {}): LibraryEntry {
  return { url, site: new URL(url).hostname, agencyKey: 'x', year: analysis.year ?? 0, origin: 'page', checkedAt: '2026-11-23T10:00:00.000Z', dismissals: {}, analysis, ...over };
}

const e2024 = () => entry(PINGTAN_2024_URL, analyze(pingtanPage(2024)), { publishedAt: '2025-03-10' });
const e2025 = () => {
  const a = pingtan2025With();
  const d = { 'crossyear.in_force/normative_docs': { reason: '已核实', at: '2026-11-23T11:00:00.000Z' } };
  return entry(PINGTAN_2025_URL, applyDismissals(a, d), { dismissals: d, publishedAt: '2026-03-10', checkedAt: '2026-11-23T12:00:00.000Z' });
};

describe('data set export', () => {
  it('CSV: a BOM, the command line’s header, one row per report', () => {
    const csv = datasetCsv([e2024(), e2025()]);
    expect(csv.startsWith(BOM)).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    // The command line's two header rows: Chinese labels, then the ids.
    expect(lines[1]).toBe(dataSetHeader()[1].join(','));
    expect(lines.slice(2).map((l) => l.split(',')[0])).toEqual([PINGTAN_2024_URL, PINGTAN_2025_URL]);
    expect(lines[3]).toContain(',平潭综合实验区,2025,2021,');
  });

  it('XLSX: a real workbook with a sheet of reports and a sheet of findings, dismissals included', async () => {
    const { reports, findings } = workbookRows([e2024(), e2025()]);
    const buffer = (await writeXlsxFile([
      { data: toSheetData(reports) as never, sheet: '报告' },
      { data: toSheetData(findings) as never, sheet: '问题' },
    ]).toBuffer()) as Buffer;
    const files = unzipSync(new Uint8Array(buffer));
    const workbook = strFromU8(files['xl/workbook.xml']);
    expect(workbook).toContain('name="报告"');
    expect(workbook).toContain('name="问题"');
    const strings = strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array());
    const sheet1 = strFromU8(files['xl/worksheets/sheet1.xml']);
    const all = strings + sheet1 + strFromU8(files['xl/worksheets/sheet2.xml']);
    expect(all).toContain(PINGTAN_2025_URL);
    expect(all).toContain('平潭综合实验区2025年度政府信息公开工作年度报告');
    expect(all).toContain('crossyear.in_force/normative_docs');
    expect(all).toContain('已核实');
    // Numbers stay numbers (a spreadsheet sums them): 154 新收 as a numeric cell.
    expect(sheet1).toMatch(/<c [^>]*><v>154<\/v><\/c>/);
    expect(reports.length).toBe(3);
    expect(findings.length).toBe(1 + e2024().analysis.findings.length + e2025().analysis.findings.length);
  });
});

describe('library table', () => {
  it('filters by text (any width, traditional), year and status, and sorts worst first', () => {
    const rows = [e2024(), e2025()].map(toRow);
    expect(filterRows(rows, { ...NO_FILTERS, text: '平潭綜合' }).length).toBe(2);
    expect(filterRows(rows, { ...NO_FILTERS, year: '2025' }).map((r) => r.url)).toEqual([PINGTAN_2025_URL]);
    expect(filterRows(rows, { ...NO_FILTERS, status: 'ok' }).length).toBe(2); // the one warning of 2025 was dismissed
    expect(filterRows(rows, { ...NO_FILTERS, status: 'warnings' })).toEqual([]);
    expect(sortRows(rows, 'year', -1).map((r) => r.year)).toEqual([2025, 2024]);
    expect(sortRows(rows, 'newReceived', 1).map((r) => r.newReceived)).toEqual([154, 218]);
    // The dismissed in-force finding is out of the 2025 row's warnings.
    const r2025 = rows.find((r) => r.year === 2025)!;
    expect(r2025.dismissed).toBe(1);
    expect(r2025.warnings).toBe(pingtan2025With().summary.warnings - 1);
  });
  it('a thousand rows filter and sort (the page draws only those in view)', () => {
    const base = toRow(e2024());
    const many = Array.from({ length: 1000 }, (_, i) => ({ ...base, url: `${base.url}?${i}`, year: 2000 + (i % 25), newReceived: i }));
    expect(sortRows(filterRows(many, { ...NO_FILTERS, year: '2024' }), 'newReceived', -1)[0].newReceived).toBe(999);
  });
});

describe('settings', () => {
  it('migrates anything stored to valid current settings', () => {
    expect(migrateSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    const s = migrateSettings({ disabledSites: ['https://WWW.Example.gov.cn/a', 'not a host', 42], deadlines: { department: '01-15', government: '13-40' }, language: 'fr', panelOpen: true });
    expect(s.disabledSites).toEqual(['www.example.gov.cn']);
    expect(s.deadlines).toEqual({ department: '01-15', government: '03-31' });
    expect(s.language).toBe('auto');
    expect(s.panelOpen).toBe(true);
    expect(s.version).toBe(1);
  });
  it('a site turned off covers its subdomains only', () => {
    const s = migrateSettings({ disabledSites: ['pingtan.gov.cn'] });
    expect(isDisabledOn(s, 'http://www.pingtan.gov.cn:8080/nb.html')).toBe(true);
    expect(isDisabledOn(s, 'https://notpingtan.gov.cn/')).toBe(false);
    expect(normalizeHost('  example.com ')).toBe('example.com');
  });
});
