// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"disableCSSFileLoading":true,"disableJavaScriptFileLoading":true,"disableJavaScriptEvaluation":true,"disableIframePageLoading":true,"handleDisabledFileLoadingAsSuccess":true}}
/**
 * A whole run against a fake site: a list page (GBK, paging by plain links) linking to real
 * report pages, a PDF, an empty shell, a page of scanned images, a page that only links its
 * PDF, a dead link and a page that never answers. What a person sees in the results table
 * comes from these outcomes; what lands in the library from `save`.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { BatchRun } from '../../utils/fetch/batch.ts';
import { isGovCn } from '../../utils/fetch/allowed.ts';
import type { FetchLike } from '../../utils/fetch/fetchPage.ts';
import { PoliteQueue } from '../../utils/fetch/queue.ts';
import { readPage } from '../../utils/fetch/readPage.ts';
import { outcomeLine, rowStatus, runSummary } from '../../utils/fetch/reasons.ts';
import type { Analysis } from '../../utils/report/types.ts';
import { checkAndKeep } from '../../utils/library/check.ts';
import { datasetCsv, workbookRows } from '../../utils/library/dataset.ts';
import { library } from '../../utils/library/store.ts';
import { runRows } from '../../entrypoints/options/batch/exportRun.ts';
import { parseCsv } from '../helpers/csv.ts';

const root = join(import.meta.dirname, '..');
const html = (p: string) => readFileSync(join(root, p), 'utf8');
const seed004 = html('fixtures/html/seed-004-shanghai-2021.html');
const withError = seed004.replace('<td colspan="3">一、本年新收政府信息公开申请数量</td><td>42</td>', '<td colspan="3">一、本年新收政府信息公开申请数量</td><td>43</td>');
const pingtanGbk = iconv.encode(html('fixtures/real/pingtan-2025.html').replace(/<meta[^>]*charset=[^>]*>/i, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'), 'gbk');

const H = 'http://www.example.gov.cn';
const list = (links: string, pager: string) =>
  `<html><head><meta charset="gbk"><title>政府信息公开年报</title></head><body><ul>${links}</ul><div class="page">${pager}</div></body></html>`;
const li = (href: string, title: string) => `<li><a href="${href}">${title}</a></li>`;

type Page = { body: Uint8Array | string; type?: string; status?: number } | 'hang';
const site: Record<string, Page> = {
  [`${H}/nb/index.html`]: {
    body: iconv.encode(
      list(
        li('/nb/004.html', '上海市医疗保障局2021年政府信息公开工作年度报告') +
          li('/nb/004-error.html', '上海市某某局2021年政府信息公开工作年度报告') +
          li('/nb/pingtan.html', '平潭综合实验区2025年度政府信息公开工作年度报告') +
          li('/nb/caizheng.pdf', '某某市财政局2023年政府信息公开工作年度报告') +
          li('/nb/shell.html', '某某市交通运输局2023年政府信息公开工作年度报告'),
        '<a href="index_1.html">下一页</a>',
      ),
      'gbk',
    ),
    type: 'text/html',
  },
  [`${H}/nb/index_1.html`]: {
    body: list(
      li('/nb/images.html', '某某县自然资源局2023年政府信息公开工作年度报告') +
        li('/nb/attach.html', '某某市统计局2023年政府信息公开工作年度报告') +
        li('/nb/dead.html', '某某市民政局2023年政府信息公开工作年度报告') +
        li('/nb/slow.html', '某某市水利局2023年政府信息公开工作年度报告'),
      '<a href="index_2.html">下一页</a>',
    ),
  },
  [`${H}/nb/index_2.html`]: { body: list(li('/nb/later.html', '某某市林业局2022年政府信息公开工作年度报告') + li('/nb/later2.html', '某某市林业局2021年政府信息公开工作年度报告'), '') },
  [`${H}/nb/004.html`]: { body: seed004 },
  [`${H}/nb/004-error.html`]: { body: withError },
  [`${H}/nb/pingtan.html`]: { body: pingtanGbk, type: 'text/html' },
  [`${H}/nb/shell.html`]: { body: html('fixtures/lists/shell.html') },
  [`${H}/nb/images.html`]: { body: html('fixtures/lists/images-only.html') },
  [`${H}/nb/attach.html`]: { body: html('fixtures/lists/attachment-page.html') },
  [`${H}/nb/slow.html`]: 'hang',
};

const requested: string[] = [];
const fakeFetch: FetchLike = async (url, init) => {
  requested.push(url);
  const page = site[url];
  if (page === 'hang') {
    return new Promise((_r, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
  }
  if (!page) return new Response('not found', { status: 404 });
  return new Response(page.body as BodyInit, { status: page.status ?? 200, headers: { 'content-type': page.type ?? 'text/html; charset=utf-8' } });
};

async function runList(maxListPages: number) {
  requested.length = 0;
  const saved: { url: string; analysis: Analysis; publishedAt?: string }[] = [];
  const run = new BatchRun({
    allowed: isGovCn,
    fetch: fakeFetch,
    keep: async ({ analysis, publishedAt }, url) => (saved.push({ url, analysis, publishedAt }), analysis),
    queue: new PoliteQueue({ concurrency: 2, pauseMs: 0 }),
    limits: { timeoutMs: 200, maxBytes: 4 * 1024 * 1024 },
    maxListPages,
  });
  run.addList(`${H}/nb/index.html`);
  await new Promise<void>((resolve) => {
    const check = () => run.finished && run.items.length > 1 && resolve();
    run.onChange(check);
  });
  return { run, saved };
}

describe('checking a list page', () => {
  it('reads each linked page and says what each one is', async () => {
    const { run, saved } = await runList(2);
    const byUrl = (path: string) => run.items.find((i) => i.url === `${H}${path}`)!;

    const report = byUrl('/nb/004.html').outcome;
    expect(report?.kind === 'report' && report.analysis.summary.status).toBe('ok');
    // The date the page states (发布时间：2022-01-28 09:30), kept for the deadline check.
    expect(report?.kind === 'report' && report.publishedAt).toBe('2022-01-28');
    const wrong = byUrl('/nb/004-error.html').outcome;
    expect(wrong?.kind === 'report' && wrong.analysis.summary.status).toBe('errors');
    expect(wrong?.kind === 'report' && wrong.analysis.cells['t3.new_received.natural']).toBe(43);
    // The GB2312 page, read from its meta tag: the real numbers of the Pingtan 2025 report.
    const pingtan = byUrl('/nb/pingtan.html').outcome;
    expect(pingtan?.kind === 'report' && pingtan.analysis.agency).toBe('平潭综合实验区');
    expect(pingtan?.kind === 'report' && pingtan.analysis.figures.newReceived).toBe(154);

    expect(byUrl('/nb/caizheng.pdf').outcome).toMatchObject({ kind: 'attachment', fileType: 'PDF' });
    expect(byUrl('/nb/shell.html').outcome).toMatchObject({ kind: 'shell' });
    expect(byUrl('/nb/images.html').outcome).toMatchObject({ kind: 'images', images: 4 });
    expect(byUrl('/nb/attach.html').outcome).toMatchObject({ kind: 'attachment', fileType: 'PDF', url: `${H}/attach/0/8f3a2c.pdf` });
    expect(byUrl('/nb/dead.html').outcome).toEqual({ kind: 'failed', failure: { kind: 'http', status: 404 } });
    expect(byUrl('/nb/slow.html').outcome).toEqual({ kind: 'failed', failure: { kind: 'timeout', ms: 200 } });

    // Only the three reports are kept; the PDF is never requested.
    expect(saved.find((s) => s.url.endsWith('/004.html'))?.publishedAt).toBe('2022-01-28');
    expect(saved.map((s) => s.url).sort()).toEqual([`${H}/nb/004-error.html`, `${H}/nb/004.html`, `${H}/nb/pingtan.html`]);
    expect(requested).not.toContain(`${H}/nb/caizheng.pdf`);
    expect(requested.every((u) => u.startsWith(H))).toBe(true);
  });

  it('follows plain paging links up to the limit the person set, and says what it left', async () => {
    const { run } = await runList(2);
    expect(run.items.filter((i) => i.kind === 'list').map((i) => i.url)).toEqual([`${H}/nb/index.html`, `${H}/nb/index_1.html`]);
    expect(run.pagesOverLimit).toEqual([`${H}/nb/index_2.html`]);
    const all = await runList(5);
    expect(all.run.items.filter((i) => i.kind === 'list')).toHaveLength(3);
    expect(all.run.items.some((i) => i.url === `${H}/nb/later2.html`)).toBe(true);
  });

  it('sums the run up in one line, and names each reason', async () => {
    const { run } = await runList(2);
    expect(runSummary(run.items, 'zh')).toBe('共 9 份：2 份相符，1 份有错，6 份无法读取');
    const line = (path: string) => outcomeLine(run.items.find((i) => i.url === `${H}${path}`)!.outcome!, 'zh');
    expect(line('/nb/caizheng.pdf')).toBe('附件：PDF，暂不能在线核对');
    expect(line('/nb/dead.html')).toBe('无法打开：HTTP 404');
    expect(line('/nb/slow.html')).toBe('无法打开：超时（0.2 秒无响应）');
    expect(line('/nb/shell.html')).toBe('页面内容由脚本填充，需在标签页中打开核对');
    expect(line('/nb/images.html')).toBe('报告仅以图片发布（4 张），无法核对');
  });

  it('retries what failed', async () => {
    const { run } = await runList(2);
    site[`${H}/nb/dead.html`] = { body: seed004 };
    run.retryFailed();
    await new Promise<void>((resolve) => run.onChange(() => run.finished && resolve()));
    expect(run.items.find((i) => i.url === `${H}/nb/dead.html`)!.outcome?.kind).toBe('report');
    delete site[`${H}/nb/dead.html`];
  });
});

describe('pause and cancel', () => {
  it('cancels what waits and what runs, and retries it all afterwards', async () => {
    const run = new BatchRun({
      allowed: isGovCn,
      fetch: fakeFetch,
      keep: async ({ analysis }) => analysis,
      queue: new PoliteQueue({ concurrency: 2, pauseMs: 50 }),
      limits: { timeoutMs: 5000, maxBytes: 4 * 1024 * 1024 },
    });
    run.addReports([`${H}/nb/slow.html`, `${H}/nb/004.html`, `${H}/nb/004-error.html`, `${H}/nb/images.html`].map((url) => ({ url })));
    run.pause();
    await new Promise((r) => setTimeout(r, 100));
    // Paused at once: only what had started before goes on (the first, which never answers).
    expect(run.items.map((i) => i.state)).toEqual(['running', 'waiting', 'waiting', 'waiting']);
    run.cancel();
    await new Promise((r) => setTimeout(r, 20));
    expect(run.items.map((i) => i.state)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled']);
    expect(runSummary(run.items, 'zh')).toBe('共 4 份：0 份相符，0 份有错，4 份无法读取');
    delete site[`${H}/nb/slow.html`];
    run.retryFailed();
    await new Promise<void>((resolve) => run.onChange(() => run.finished && resolve()));
    expect(run.items.map((i) => rowStatus(i))).toEqual(['unreadable', 'ok', 'errors', 'unreadable']);
    expect(outcomeLine(run.items[0].outcome!, 'zh')).toBe('无法打开：HTTP 404');
    site[`${H}/nb/slow.html`] = 'hang';
  });
});

describe('keeping in the library', () => {
  it('a report is done only once the library kept it: a finished run shows the verdict as kept', async () => {
    const run = new BatchRun({
      allowed: isGovCn,
      fetch: fakeFetch,
      queue: new PoliteQueue({ concurrency: 2, pauseMs: 0 }),
      // The library adds what only it knows (here: last year's report found, a warning more).
      keep: async ({ analysis }) => {
        await new Promise((r) => setTimeout(r, 200));
        return { ...analysis, summary: { ...analysis.summary, status: 'warnings', warnings: analysis.summary.warnings + 1 } };
      },
    });
    // The second page (a report in images) is done long before the first is kept.
    run.addReports([{ url: `${H}/nb/004.html` }, { url: `${H}/nb/images.html` }]);
    await new Promise<void>((resolve) => run.onChange(() => run.finished && resolve()));
    expect(run.items.map((i) => rowStatus(i))).toEqual(['warnings', 'unreadable']);
    expect(run.items[0].stored).toBe(true);
  });

  it('a report the library could not keep is still shown, as read, and can be retried', async () => {
    const run = new BatchRun({ allowed: isGovCn, fetch: fakeFetch, queue: new PoliteQueue({ pauseMs: 0 }), keep: async () => Promise.reject(new Error('QuotaExceededError')) });
    run.addReports([{ url: `${H}/nb/004.html` }]);
    await new Promise<void>((resolve) => run.onChange(() => run.finished && resolve()));
    expect(rowStatus(run.items[0])).toBe('ok');
    expect(run.items[0]).toMatchObject({ stored: false, storeError: 'QuotaExceededError' });
  });
});

describe('pasted addresses', () => {
  it('reads a pasted report page, list page or file as what it is', async () => {
    const run = new BatchRun({ allowed: isGovCn, fetch: fakeFetch, keep: async ({ analysis }) => analysis, queue: new PoliteQueue({ pauseMs: 0 }), maxListPages: 1 });
    for (const url of [`${H}/nb/004.html`, `${H}/nb/report.docx`]) run.addList(url);
    await new Promise<void>((resolve) => {
      const check = () => run.finished && resolve();
      run.onChange(check);
      check();
    });
    expect(run.items.map((i) => [i.kind, rowStatus(i)])).toEqual([['report', 'ok'], ['report', 'unreadable']]);
    expect(outcomeLine(run.items[1].outcome!, 'zh')).toBe('附件：Word，暂不能在线核对');
  });
});

describe('reading one page', () => {
  it('reads a page that is no report as such', () => {
    expect(readPage(html('fixtures/html/not-report-news.html'), `${H}/news.html`).kind).toBe('not-report');
  });
});

describe('the run’s export', () => {
  it('is the library’s export: each report’s row as the library exports it (dismissals too), each page not read with its reason', async () => {
    const run = new BatchRun({
      allowed: isGovCn,
      fetch: fakeFetch,
      queue: new PoliteQueue({ pauseMs: 0 }),
      keep: async ({ page }, url) => (await checkAndKeep(page, { url, origin: 'list' })).analysis,
    });
    run.addReports([`${H}/nb/004-error.html`, `${H}/nb/004.html`, `${H}/nb/caizheng.pdf`, `${H}/nb/dead.html`].map((url) => ({ url })));
    await new Promise<void>((resolve) => run.onChange(() => run.finished && resolve()));
    // A person dismisses the wrong cell's finding in the library after the run.
    const wrongUrl = `${H}/nb/004-error.html`;
    const failed = (await library.getEntry(wrongUrl))!.analysis.findings.find((f) => f.status === 'fail' && f.severity === 'error')!;
    const dismissed = await library.setDismissal(wrongUrl, failed.check ?? failed.id, '已核实');

    const rows = await runRows(run.items);
    const csv = parseCsv(datasetCsv(rows).slice(1).trimEnd());
    const ids = csv[1];
    const col = (row: string[], id: string) => row[ids.indexOf(id)];
    const libraryRow = parseCsv(datasetCsv([dismissed!]).slice(1).trimEnd())[2];
    expect(csv[2]).toEqual(libraryRow);
    expect(Number(col(csv[2], 'errors'))).toBe(dismissed!.analysis.summary.errors);
    expect(col(csv[3], 'status')).toBe('全部核对无错误');
    expect(csv.slice(4).map((r) => [col(r, 'source'), col(r, 'status'), col(r, 'error')])).toEqual([
      [`${H}/nb/caizheng.pdf`, '无法读取', '附件：PDF，暂不能在线核对'],
      [`${H}/nb/dead.html`, '无法读取', '无法打开：HTTP 404'],
    ]);
    // The workbook: the same rows, the library's columns after them (status, …, url).
    const { reports } = workbookRows(rows);
    expect(reports.slice(1).map((r) => [r.at(-5), r.at(-2), r.at(-1)])).toEqual([
      [dismissed!.analysis.summary.status, 'list', wrongUrl],
      ['ok', 'list', `${H}/nb/004.html`],
      ['unreadable', null, `${H}/nb/caizheng.pdf`],
      ['unreadable', null, `${H}/nb/dead.html`],
    ]);
  });
});
