/**
 * Checking a whole list of reports, and a draft, as a person does it: the built extension in
 * Chromium, a gov.cn list page (served on this machine) linking to five report pages (one with
 * a wrong cell, one in GB2312), a PDF, a page filled in by a script, and a dead link.
 * From the popup's "检查本页列出的 N 份年报" to the library: every report kept with its verdict,
 * the other three listed with their reasons, the script-filled page checked in a tab and kept
 * too — and no request to any other host. Then a draft: a .docx written from a fixture report
 * and the same report pasted from Word give the same cells as the HTML page.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageFromHtml } from '../../cli/cheerioPage.ts';
import { analyze } from '../../utils/report/analyze.ts';
import { htmlToDocx, htmlToWordClipboard } from '../helpers/docx.ts';
import { EXTENSION_DIR, launchWithExtension, root, SCREENSHOTS } from '../helpers/browser.ts';
import { articleOf } from '../helpers/official.ts';
import { parseCsv } from '../helpers/csv.ts';

declare const chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };

const fixture = (p: string) => readFileSync(join(root, 'tests/fixtures', p), 'utf8');
const seed004 = fixture('html/seed-004-shanghai-2021.html');
/** Seed 004 with one wrong cell: 自然人 of 本年新收 written 43 instead of 42. */
const withError = seed004.replace('<td colspan="3">一、本年新收政府信息公开申请数量</td><td>42</td>', '<td colspan="3">一、本年新收政府信息公开申请数量</td><td>43</td>');
/** The real Pingtan page as a GB2312 site serves it: the charset only in its meta tag. */
const pingtanGb2312 = iconv.encode(fixture('real/pingtan-2025.html').replace(/<meta[^>]*charset=[^>]*>/i, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'), 'gbk');

/**
 * The seed pages were written with one CMS date for all (发布时间：2022-01-28, the template's
 * default in tests/helpers/official.ts). For the 2020 report of a department that date is a
 * year past its deadline (31 January 2021), and publish.deadline rightly says so. On this list
 * each report states the date its agency would have published it by: before the deadline.
 */
const publishedOn = (html: string, date: string) => html.replace(/发布时间：\d{4}-\d{2}-\d{2}/, `发布时间：${date}`);

const HOST = 'www.example.gov.cn';
const REPORTS: Record<string, { title: string; status: string }> = {
  '/nb/hangzhou-2020.html': { title: '杭州市医疗保障局2020年政府信息公开工作年度报告', status: 'ok' },
  '/nb/wenshang-2023.html': { title: '汶上县医疗保障局2023年政府信息公开工作年度报告', status: 'ok' },
  '/nb/shaanxi-2021.html': { title: '陕西省医疗保障局2021年政府信息公开工作年度报告', status: 'warnings' },
  '/nb/shanghai-2021.html': { title: '上海市医疗保障局2021年政府信息公开工作年度报告', status: 'errors' },
  '/nb/pingtan-2025.html': { title: '平潭综合实验区2025年度政府信息公开工作年度报告', status: 'ok' },
};
const li = (href: string, title: string, date: string) => `<li><a href="${href}" target="_blank" title="${title}">${title}</a><span class="date">${date}</span></li>`;
const listPage = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报_某某市人民政府</title>
<link rel="stylesheet" href="/css/style.css"><script src="/js/common.js"></script></head><body>
<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="./">政府信息公开年报</a></div>
<ul class="list">
${Object.entries(REPORTS).map(([href, r]) => li(href, r.title, '2024-01-30')).join('\n')}
${li('/nb/P020240130.pdf', '某某市财政局2023年政府信息公开工作年度报告', '2024-01-30')}
${li('/nb/shell.html', '2021年上海市医疗保障局政府信息公开工作年度报告（网页版）', '2022-01-28')}
${li('/nb/gone.html', '某某市民政局2023年政府信息公开工作年度报告', '2024-01-28')}
</ul>
<div class="footer"><img src="/images/dzjg.png"> 主办：某某市人民政府办公室</div></body></html>`;

/** An empty shell: its report arrives from an API, by script, after the page loaded. */
const shellPage = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>2021年上海市医疗保障局政府信息公开工作年度报告</title></head>
<body><div id="app"><p class="loading">正在加载…</p></div>
<script>fetch('/api/article/2024013.json').then((r) => r.json()).then((d) => { document.getElementById('app').innerHTML = d.content; });</script></body></html>`;

type Body = { body: string | Buffer; type: string; status?: number };
const site: Record<string, () => Body> = {
  '/nb/index.html': () => ({ body: listPage, type: 'text/html; charset=utf-8' }),
  '/nb/hangzhou-2020.html': () => ({ body: publishedOn(fixture('html/seed-000-hangzhou-2020.html'), '2021-01-27'), type: 'text/html; charset=utf-8' }),
  '/nb/wenshang-2023.html': () => ({ body: publishedOn(fixture('html/seed-001-wenshang-2023.html'), '2024-01-29'), type: 'text/html; charset=utf-8' }),
  '/nb/shaanxi-2021.html': () => ({ body: fixture('html/seed-003-shaanxi-2021.html'), type: 'text/html; charset=utf-8' }),
  '/nb/shanghai-2021.html': () => ({ body: withError, type: 'text/html; charset=utf-8' }),
  '/nb/pingtan-2025.html': () => ({ body: pingtanGb2312, type: 'text/html' }),
  '/nb/P020240130.pdf': () => ({ body: '%PDF-1.7\n', type: 'application/pdf' }),
  '/nb/shell.html': () => ({ body: shellPage, type: 'text/html; charset=utf-8' }),
  '/api/article/2024013.json': () => ({ body: JSON.stringify({ content: articleOf(seed004) }), type: 'application/json' }),
};

let server: Server;
let port = 0;
let context: BrowserContext;
let extensionId = '';
/** Every request the browser made, from any page, tab or the extension. */
const requests: string[] = [];
/** What the server was asked for, in order. */
const served: string[] = [];
const url = (path: string) => `http://${HOST}:${port}${path}`;

// The panels are tabs of the library page (entrypoints/options, the library work, issue 9).
// A branch built without that page has nothing to test here; merged, every test runs.
const hasLibraryPage = existsSync(join(EXTENSION_DIR, 'options.html'));
if (!hasLibraryPage) console.warn('[lists.e2e] options.html not built (no library page on this branch): skipped');

beforeAll(async () => {
  if (!hasLibraryPage) return;
  server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    served.push(path);
    const page = site[path]?.();
    if (!page) return void res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>404 Not Found</h1>');
    res.writeHead(page.status ?? 200, { 'content-type': page.type }).end(page.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  ({ context, extensionId } = await launchWithExtension());
  context.on('request', (request) => void requests.push(request.url()));
  // Chinese, chosen in the settings as a person would: Debian's Chromium ships only its en-US
  // locale, and a tab the extension opens itself (the list run) can read navigator.language
  // before Playwright's zh-CN emulation reaches it.
  const settings = await context.newPage();
  await settings.goto(`chrome-extension://${extensionId}/options.html#settings`);
  await settings.locator('[data-setting="language"]').selectOption('zh');
  await settings.close();
});

afterAll(async () => {
  await context?.close();
  server?.close();
});

/** The library's entries, read from its IndexedDB on an extension page. */
async function libraryEntries(page: Page): Promise<{ url: string; origin: string; status: string; errors: number; agency: string | null }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('grc-library');
        // No library yet (this test run alone): never create an empty one the library would then find.
        open.onupgradeneeded = () => {
          open.transaction?.abort();
          resolve([]);
        };
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('reports').objectStore('reports').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(
              (all.result as { url: string; origin: string; analysis: { summary: { status: string; errors: number }; agency: string | null } }[]).map((e) => ({
                url: e.url,
                origin: e.origin,
                status: e.analysis.summary.status,
                errors: e.analysis.summary.errors,
                agency: e.analysis.agency,
              })),
            );
          };
        };
      }),
  );
}

const row = (page: Page, path: string) => page.locator(`[data-results] tr[data-url="${url(path)}"]`);

describe.runIf(hasLibraryPage)('checking the reports a list page links to', () => {
  let options: Page;

  it('offers the check in the popup on the list page, and opens the library page with ?list=', async () => {
    const list = await context.newPage();
    await list.goto(url('/nb/index.html'));
    await list.bringToFront();
    const tabId = await (context.serviceWorkers()[0]).evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id!);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
    const offer = popup.locator('[data-list-offer]');
    await expect.poll(() => offer.textContent(), { timeout: 10_000 }).toBe('检查本页列出的 8 份年报');
    const opened = context.waitForEvent('page');
    await offer.click();
    options = await opened;
    await options.waitForLoadState();
    expect(options.url()).toBe(`chrome-extension://${extensionId}/options.html?list=${encodeURIComponent(url('/nb/index.html'))}`);
    await list.close();
  });

  it('checks each linked page and keeps the five reports in the library with their verdicts', async () => {
    // The run says when it is done (every page read, every report kept); then the summary is
    // asserted once, so a wrong verdict fails with what the page says, not with a time-out.
    await options.locator('[data-run-finished="true"]').waitFor({ timeout: 45_000 });
    expect(await options.locator('[data-summary]').textContent()).toBe('共 8 份：3 份相符，1 份有错，1 份有警告，3 份无法读取');

    expect(await options.locator('[data-list]').first().textContent()).toContain('找到 8 份年报链接');
    for (const [path, r] of Object.entries(REPORTS)) {
      expect(await row(options, path).getAttribute('data-status'), path).toBe(r.status);
    }
    // The errors column is the report's own count (summary.errors).
    expect(Number(await row(options, '/nb/shanghai-2021.html').locator('td').nth(3).textContent())).toBeGreaterThan(0);
    expect(await row(options, '/nb/pingtan-2025.html').locator('td').first().textContent()).toBe('平潭综合实验区');

    const entries = await libraryEntries(options);
    const byUrl = new Map(entries.map((e) => [e.url, e]));
    for (const [path, r] of Object.entries(REPORTS)) {
      expect(byUrl.get(url(path)), path).toMatchObject({ status: r.status, origin: 'list' });
    }
    expect(entries).toHaveLength(5);
  });

  it('lists the other three with their reasons: the PDF, the shell and the dead link', async () => {
    const pdf = row(options, '/nb/P020240130.pdf');
    expect(await pdf.getAttribute('data-status')).toBe('unreadable');
    expect(await pdf.locator('[data-note]').textContent()).toContain('附件：PDF，暂不能在线核对');
    expect(await pdf.locator('[data-note] a').getAttribute('href')).toBe(url('/nb/P020240130.pdf'));
    expect(await row(options, '/nb/gone.html').locator('[data-note]').textContent()).toBe('无法打开：HTTP 404');
    expect(await row(options, '/nb/shell.html').locator('[data-note]').textContent()).toContain('页面内容由脚本填充，需在标签页中打开核对');
    // The PDF is never fetched, and nothing the fetched pages name (their scripts, styles,
    // images, the shell's API) is loaded by reading them.
    expect(served).not.toContain('/nb/P020240130.pdf');
    // (The run begins with its own fetch of the list page, the second request for it.)
    const runStart = served.indexOf('/nb/index.html', served.indexOf('/nb/index.html') + 1);
    expect(runStart).toBeGreaterThan(0);
    expect(served.slice(runStart).filter((p) => /\.(?:js|css|png)$|\/api\//.test(p))).toEqual([]);
  });

  it('checks the script-filled page in a tab and keeps it in the library too', async () => {
    await row(options, '/nb/shell.html').locator('[data-open-in-tab]').click();
    await expect.poll(() => row(options, '/nb/shell.html').getAttribute('data-status'), { timeout: 45_000 }).toBe('ok');
    expect(await row(options, '/nb/shell.html').locator('[data-note]').textContent()).toBe('已在标签页中核对');
    const entries = await libraryEntries(options);
    expect(entries.find((e) => e.url === url('/nb/shell.html'))).toMatchObject({ status: 'ok', agency: '上海市医疗保障局' });
    expect(entries).toHaveLength(6);
    expect(await options.locator('[data-summary]').textContent()).toBe('共 8 份：4 份相符，1 份有错，1 份有警告，2 份无法读取');
    // The shell's own script ran in its tab, as in any browser: that is how it got its report.
    expect(served).toContain('/api/article/2024013.json');
    await options.setViewportSize({ width: 1280, height: 800 });
    await options.screenshot({ path: join(SCREENSHOTS, 'batch.png'), fullPage: true });
  });

  it('filters the run and exports it as the library does: its data-set columns, with the reason for each page not read', async () => {
    const exportCsv = async () => {
      const download = options.waitForEvent('download');
      await options.locator('[data-export="csv"]').click();
      const bytes = readFileSync((await (await download).path())!);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      return parseCsv(bytes.toString('utf8').slice(1).trimEnd());
    };
    await options.locator('[data-filter]').selectOption('errors');
    expect(await options.locator('[data-results] tbody tr').count()).toBe(1);
    const wrong = await exportCsv();
    // The command line's and the library's header: Chinese labels, then the ids; one row.
    expect(wrong).toHaveLength(3);
    expect(wrong[0].slice(0, 4)).toEqual(['来源（网址或文件）', '标题', '机关', '年度']);
    const ids = wrong[1];
    const cell = (row: string[], id: string) => row[ids.indexOf(id)];
    expect(cell(wrong[2], 'source')).toBe(url('/nb/shanghai-2021.html'));
    expect(cell(wrong[2], 'status')).toBe('有错误');
    expect(cell(wrong[2], 't3.new_received.natural')).toBe('43');

    await options.locator('[data-filter]').selectOption('unreadable');
    const unread = await exportCsv();
    expect(unread.slice(2).map((r) => [cell(r, 'source'), cell(r, 'status'), cell(r, 'error')])).toEqual([
      [url('/nb/P020240130.pdf'), '无法读取', '附件：PDF，暂不能在线核对'],
      [url('/nb/gone.html'), '无法读取', '无法打开：HTTP 404'],
    ]);
    await options.locator('[data-filter]').selectOption('');
  });

  it('made no request to any host but the list’s site and the extension', () => {
    const hosts = new Set(requests.map((r) => new URL(r).host));
    hosts.delete(`${HOST}:${port}`);
    hosts.delete(extensionId);
    expect([...hosts]).toEqual([]);
  });
});

describe.runIf(hasLibraryPage)('checking a draft before publishing', () => {
  /** The cells of the HTML fixture, as the command line's adapter reads the page. */
  const expected = (html: string) => Object.fromEntries(Object.entries(analyze(pageFromHtml(html, 'fixture')).cells).filter(([, v]) => v !== null));

  /** The cells shown in the draft, by id, with the number each shows. */
  const shownCells = (page: Page) =>
    page.locator('[data-draft-view]').evaluate((host) => {
      const out: Record<string, number> = {};
      for (const el of host.shadowRoot!.querySelectorAll('[data-grc-cell]')) {
        const own = [...el.childNodes].filter((n) => !(n instanceof Element && n.classList.contains('grc-expected')));
        const text = own.map((n) => n.textContent).join('').trim();
        if (/^\d+$/.test(text)) out[el.getAttribute('data-grc-cell')!] = Number(text);
      }
      return out;
    });

  it('reads a .docx written from a fixture report, with the same cells, and marks the wrong one', async () => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html#draft`);
    await page.locator('[data-draft-file]').setInputFiles({ name: '2021年年报（征求意见稿）.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(await htmlToDocx(withError)) });
    await page.locator('[data-draft-result]').waitFor({ timeout: 30_000 });
    expect(await shownCells(page)).toEqual(expected(withError));
    expect(await page.locator('[data-draft-status]').getAttribute('data-draft-status')).toBe('errors');
    const wrong = await page.locator('[data-draft-view]').evaluate((host) => {
      const cell = host.shadowRoot!.querySelector('[data-grc-cell="t3.new_received.natural"]')!;
      const chip = host.shadowRoot!.querySelector('[data-grc-chip="t3"]')!;
      return { status: cell.getAttribute('data-grc-status'), chip: chip.textContent };
    });
    expect(wrong.status).toBe('error');
    expect(wrong.chip).toMatch(/^表三 ✗ \d+ 处错误$/);
    // The findings list tells the verdict's story: the one wrong cell is one error, named
    // with the value it should have, the checks it explains beneath it.
    const list = await page.locator('[data-draft-result]').evaluate((result) => ({
      verdict: result.querySelector('.grc-verdict .grc-status')?.textContent,
      errors: result.querySelector('.grc-error .grc-count')?.textContent,
      suspects: [...result.querySelectorAll('li.grc-suspect')].map((li) => [li.getAttribute('data-suspect'), li.querySelector(':scope > .grc-message')?.textContent]),
    }));
    expect(list.verdict).toBe('✗ 1 处错误');
    expect(list.errors).toBe('1');
    expect(list.suspects).toHaveLength(1);
    expect(list.suspects[0][0]).toBe('t3.new_received.natural');
    expect(list.suspects[0][1]).toMatch(/^此格应为 42/);
    // (Playwright's locators reach into the draft view's open shadow root.)
    await page.locator('[data-grc-chip="t3"]').evaluate((chip) => (chip.scrollIntoView({ block: 'start' }), scrollBy(0, -70)));
    await page.screenshot({ path: join(SCREENSHOTS, 'draft.png') });
    // Not kept unless asked.
    expect((await libraryEntries(page)).some((e) => e.url.startsWith('draft:'))).toBe(false);
    const marks = () => page.locator('[data-draft-view]').evaluate((host) => [...host.shadowRoot!.querySelectorAll('[data-grc-chip], .grc-expected, [data-grc-status]')].map((el) => el.getAttribute('data-grc-chip') ?? el.getAttribute('data-grc-cell') ?? el.textContent));
    const before = await marks();
    await page.locator('[data-draft-save]').click();
    await expect.poll(async () => (await libraryEntries(page)).find((e) => e.url === 'draft:2021年年报（征求意见稿）.docx'), { timeout: 10_000 }).toMatchObject({ origin: 'draft', status: 'errors' });
    // Kept through the library (which checks it again): the draft is marked anew, once.
    await expect.poll(() => page.locator('[data-draft-save]').textContent()).toBe('已存入报告库');
    expect(await marks()).toEqual(before);
    await page.close();
  });

  it('reads what Word puts on the clipboard (its HTML flavour), with the same cells', async () => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html#draft`);
    await page.locator('[data-paste]').waitFor();
    await page.locator('[data-paste]').evaluate((zone, html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', 'plain text flavour');
      zone.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, htmlToWordClipboard(seed004));
    await page.locator('[data-draft-result]').waitFor();
    expect(await shownCells(page)).toEqual(expected(seed004));
    expect(await page.locator('[data-draft-status]').getAttribute('data-draft-status')).toBe('ok');
    await page.close();
  });

  it('speaks the language chosen in the settings, as the rest of the library page does', async () => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html#settings`);
    await page.locator('[data-setting="language"]').selectOption('en');
    await page.locator('[data-tab="batch"]').click();
    expect(await page.locator('[data-panel="batch"] h2').textContent()).toBe('Check many reports');
    await page.locator('[data-tab="draft"]').click();
    expect(await page.locator('[data-panel="draft"] h2').textContent()).toBe('Check a draft');
    await page.locator('[data-tab="settings"]').click();
    await page.locator('[data-setting="language"]').selectOption('zh');
    await page.locator('[data-tab="batch"]').click();
    expect(await page.locator('[data-panel="batch"] h2').textContent()).toBe('批量核对');
    await page.close();
  });
});
