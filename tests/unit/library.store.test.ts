/**
 * The library's store on a real IndexedDB implementation (fake-indexeddb): entries replaced by
 * URL with their dismissals kept, queries by agency and year, export/import round trip, and
 * the migration of a version-1 database.
 */
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_VERSION, Library, importInto, toExportJson, type LibraryEntry } from '../../utils/library/store.ts';
import { agencyKey } from '../../utils/library/agency.ts';
import { analyzeHtml, seedHtml } from '../helpers/load.ts';
import type { Analysis } from '../../utils/report/types.ts';

let n = 0;
const open: Library[] = [];
function fresh(): Library {
  const lib = new Library(`test-library-${++n}`);
  open.push(lib);
  return lib;
}
afterEach(async () => {
  for (const lib of open.splice(0)) await lib.close();
});

const URL_2021 = 'https://ybj.sh.gov.cn/zwgk/nb2021.html';
function report(over: Partial<Analysis> = {}): Analysis {
  return { ...analyzeHtml(seedHtml('004'), URL_2021), ...over };
}

describe('agencyKey', () => {
  it('matches the same agency however its name is written', () => {
    expect(agencyKey('平潭综合实验区')).toBe(agencyKey('平潭综合实验区管委会'));
    expect(agencyKey('平潭综合实验区管理委员会')).toBe(agencyKey('平潭综合实验区'));
    expect(agencyKey('福州市人民政府（办公厅）')).toBe(agencyKey('福州市人民政府(办公厅)'));
    expect(agencyKey('上海市医疗保障局（上海市医疗保险办公室）')).toBe(agencyKey('上海市医疗保障局(上海市医疗保险办公室)'));
    expect(agencyKey('汶上县人民政府办公室')).toBe(agencyKey('汶上县人民政府'));
    expect(agencyKey('汶上县人民政府 办公室')).toBe(agencyKey('汶上縣人民政府'));
  });
  it('keeps different agencies apart, and an unknown agency matches nothing', () => {
    expect(agencyKey('平潭综合实验区')).not.toBe(agencyKey('平潭县'));
    expect(agencyKey('汶上县人民政府')).not.toBe(agencyKey('汶上县财政局'));
    expect(agencyKey(null)).toBe('');
    expect(agencyKey('办公室')).toBe('办公室');
  });
});

describe('library store', () => {
  it('keeps a report with what the rows show, and finds it by URL', async () => {
    const lib = fresh();
    const a = report();
    const saved = await lib.saveAnalysis(a, { url: URL_2021, origin: 'page', publishedAt: '2022-01-20', prose: ['一句话'] });
    expect(saved.site).toBe('ybj.sh.gov.cn');
    expect(saved.year).toBe(2021);
    expect(saved.agencyKey).toBe(agencyKey(a.agency));
    const got = await lib.getEntry(URL_2021);
    expect(got?.analysis.cells['t3.new_received.total']).toBe(a.cells['t3.new_received.total']);
    expect(got?.publishedAt).toBe('2022-01-20');
    expect(got?.prose).toEqual(['一句话']);
    expect(await lib.getEntry('https://other.gov.cn/')).toBeUndefined();
  });

  it('checking the same URL again replaces the entry and keeps the dismissals', async () => {
    const lib = fresh();
    const a = report();
    await lib.saveAnalysis(a, { url: URL_2021, origin: 'page' });
    const target = a.findings.find((f) => f.status === 'pass')!;
    const key = target.check ?? target.id;
    await lib.setDismissal(URL_2021, key, '已与填报单位核实');
    await lib.saveAnalysis(report(), { url: URL_2021, origin: 'page' });
    expect(await lib.count()).toBe(1);
    const got = (await lib.getEntry(URL_2021))!;
    expect(got.dismissals[key].reason).toBe('已与填报单位核实');
    expect(got.analysis.findings.find((f) => (f.check ?? f.id) === key)?.dismissed?.reason).toBe('已与填报单位核实');
  });

  it('a dismissed failure leaves the counts, and undoing it brings it back', async () => {
    const lib = fresh();
    const a = report();
    const failing = { id: 'crossyear.carried_over', check: 'crossyear.carried_over/total', severity: 'warning' as const, status: 'fail' as const, message: '上年结转不符', cells: [] };
    const withFail = { ...a, findings: [...a.findings, failing] };
    const saved = await lib.saveAnalysis(withFail, { url: URL_2021, origin: 'page' });
    const before = saved.analysis.summary.warnings;
    expect(before).toBeGreaterThan(0);
    const dismissed = (await lib.setDismissal(URL_2021, 'crossyear.carried_over/total', '已核实'))!;
    expect(dismissed.analysis.summary.warnings).toBe(before - 1);
    const undone = (await lib.setDismissal(URL_2021, 'crossyear.carried_over/total', null))!;
    expect(undone.analysis.summary.warnings).toBe(before);
    expect(undone.analysis.findings.at(-1)?.dismissed).toBeUndefined();
  });

  it('finds last year’s report of the same agency on the same site only', async () => {
    const lib = fresh();
    const a = report();
    await lib.saveAnalysis(a, { url: URL_2021, origin: 'page' });
    await lib.saveAnalysis({ ...a, year: 2020, agency: `${a.agency}办公室` }, { url: 'https://ybj.sh.gov.cn/zwgk/nb2020.html', origin: 'page' });
    await lib.saveAnalysis({ ...a, year: 2020 }, { url: 'https://mirror.example.com/nb2020.html', origin: 'page' });
    const prev = await lib.findPrevious(agencyKey(a.agency), 2021, 'ybj.sh.gov.cn');
    expect(prev?.url).toBe('https://ybj.sh.gov.cn/zwgk/nb2020.html');
    expect((await lib.findNext(agencyKey(a.agency), 2020, 'ybj.sh.gov.cn'))?.url).toBe(URL_2021);
    expect(await lib.findPrevious(agencyKey(a.agency), 2020, 'ybj.sh.gov.cn')).toBeUndefined();
    expect(await lib.findPrevious('', 2021, 'ybj.sh.gov.cn')).toBeUndefined();
  });

  it('lists by text, year, status and site; deletes; clears', async () => {
    const lib = fresh();
    const a = report();
    await lib.saveAnalysis(a, { url: URL_2021, origin: 'page' });
    await lib.saveAnalysis({ ...a, year: 2020, agency: '平潭综合实验区管委会', title: '平潭综合实验区2020年政府信息公开工作年度报告' }, { url: 'https://www.pingtan.gov.cn/nb2020.html', origin: 'list' });
    expect((await lib.listEntries({ text: '平潭' })).map((e) => e.url)).toEqual(['https://www.pingtan.gov.cn/nb2020.html']);
    expect((await lib.listEntries({ text: '醫療保障' })).map((e) => e.url)).toEqual([URL_2021]);
    expect((await lib.listEntries({ year: 2021 })).length).toBe(1);
    expect((await lib.listEntries({ site: 'www.pingtan.gov.cn' })).length).toBe(1);
    expect((await lib.listEntries({ status: a.summary.status })).length).toBe(2);
    expect((await lib.listEntries({ status: 'errors', year: 2021 })).length).toBe(a.summary.status === 'errors' ? 1 : 0);
    await lib.deleteEntries([URL_2021]);
    expect((await lib.listEntries()).map((e) => e.url)).toEqual(['https://www.pingtan.gov.cn/nb2020.html']);
    await lib.clearAll();
    expect(await lib.count()).toBe(0);
  });

  it('exports in batches with progress, and an import restores the library with its dismissals', async () => {
    const lib = fresh();
    const a = report();
    for (let i = 0; i < 450; i++) await lib.saveAnalysis(a, { url: `${URL_2021}?p=${i}`, origin: 'list', publishedAt: '2022-01-20' });
    const key = a.findings[0].check ?? a.findings[0].id;
    await lib.setDismissal(`${URL_2021}?p=7`, key, '已核实');
    const progress: number[] = [];
    const all = await lib.exportAll((done, total) => {
      expect(total).toBe(450);
      progress.push(done);
    });
    expect(all.length).toBe(450);
    expect(progress).toEqual([200, 400, 450]);
    const json = JSON.stringify(toExportJson(all));

    const other = fresh();
    const result = await importInto(other, '\ufeff' + json);
    expect(result).toEqual({ imported: 450, rejected: [] });
    const back = (await other.getEntry(`${URL_2021}?p=7`))!;
    expect(back.dismissals[key].reason).toBe('已核实');
    expect(back.publishedAt).toBe('2022-01-20');
    expect(back.origin).toBe('list');
  });

  it('import rejects what is not an Analysis, naming why, and a broken file with a clear message', async () => {
    const lib = fresh();
    const r = await importInto(lib, [{ hello: 1 }, { ...report(), schemaVersion: 1 }, report()]);
    expect(r.imported).toBe(1);
    expect(r.rejected.map((x) => x.index)).toEqual([0, 1]);
    expect(r.rejected[1].reason).toContain('schemaVersion');
    await expect(importInto(lib, '{not json')).rejects.toThrow(/不是有效的 JSON/);
  });
});

describe('schema migration', () => {
  it('opens a version-1 library, keeps its reports and makes them findable by agency and year', async () => {
    const name = `test-library-v1-${++n}`;
    const a = report();
    const dismissedKey = a.findings[0].check ?? a.findings[0].id;
    const withDismissal = { ...a, findings: a.findings.map((f, i) => (i === 0 ? { ...f, dismissed: { reason: '旧版忽略', at: '2024-01-01T00:00:00Z' } } : f)) };
    // Version 1 as it was first shipped: { url, analysis, checkedAt } and a checkedAt index.
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('reports', { keyPath: 'url' }).createIndex('checkedAt', 'checkedAt');
      },
    });
    await v1.put('reports', { url: URL_2021, analysis: withDismissal, checkedAt: '2024-02-01T08:00:00.000Z' });
    await v1.put('reports', { url: 'file:///draft.docx', analysis: { ...a, year: null, agency: null }, checkedAt: '2024-02-02T08:00:00.000Z' });
    v1.close();

    const lib = new Library(name);
    open.push(lib);
    const db = await lib.db();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.transaction('reports').store.indexNames].sort()).toEqual(['agency_year', 'checkedAt', 'site', 'year']);
    const e = (await lib.getEntry(URL_2021)) as LibraryEntry;
    expect(e).toMatchObject({ site: 'ybj.sh.gov.cn', year: 2021, origin: 'page', checkedAt: '2024-02-01T08:00:00.000Z' });
    expect(e.dismissals[dismissedKey].reason).toBe('旧版忽略');
    expect((await lib.findByAgencyYear(agencyKey(a.agency), 2021, 'ybj.sh.gov.cn'))?.url).toBe(URL_2021);
    const draft = (await lib.getEntry('file:///draft.docx'))!;
    expect(draft).toMatchObject({ site: '', year: 0, agencyKey: '' });
    expect((await lib.listEntries({ year: 2021 })).length).toBe(1);
  });
});
