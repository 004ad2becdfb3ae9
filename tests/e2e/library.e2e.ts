/**
 * The report library in a real Chromium with the built extension: two real reports of one
 * agency for consecutive years (平潭综合实验区 2024 and 2025), served on www.pingtan.gov.cn,
 * the 2024 page changed so that its 结转下年度 (3) does not match 2025's 上年结转 (0). Visiting
 * both marks 2025's 上年结转 cells, the library page lists both, exports them as a CSV download,
 * keeps a dismissal across a reload, and deletes a report.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, root, SCREENSHOTS, serveGovCn } from '../helpers/browser.ts';

declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number }[]> };
  storage: { session: { get(k: string): Promise<Record<string, unknown>> }; local: { get(k: string): Promise<Record<string, unknown>> } };
};

const real = (year: number) => readFileSync(join(root, `tests/fixtures/real/pingtan-${year}.html`), 'utf8');

/** 2024 with 结转下年度继续办理 自然人 3 and 总计 3 (the page's own arithmetic then fails too). */
function page2024(): string {
  const html = real(2024);
  const start = html.indexOf('四、结转下年度继续办理');
  const end = html.indexOf('</tr>', start);
  let n = 0;
  const row = html.slice(start, end).replace(/(0em;">)0(<\/p>)/g, (m, a, b) => (++n === 1 || n === 7 ? `${a}3${b}` : m));
  return html.slice(0, start) + row + html.slice(end);
}

const pages: Record<string, () => string> = {
  '/2024/nb.html': page2024,
  '/2025/nb.html': () => real(2025),
};

let server: Server;
let port = 0;
let context: BrowserContext;
let worker: Worker;
let extensionId = '';
const url = (path: string) => `http://www.pingtan.gov.cn:${port}${path}`;

beforeAll(async () => {
  ({ server, port } = await serveGovCn(pages));
  ({ context, worker, extensionId } = await launchWithExtension());
});

afterAll(async () => {
  await context?.close();
  server?.close();
});

async function openReport(path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url(path));
  // Checked: the overlay names the cells it read.
  await page.locator('[data-grc-cell="t3.carried_over.total"]').waitFor({ state: 'attached', timeout: 20_000 });
  return page;
}

async function openLibrary(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  return page;
}

/** What the background keeps for the page's tab (the Analysis the overlay got). */
async function tabAnalysis(page: Page): Promise<{ findings: { check: string; dismissed?: { reason: string } }[] }> {
  await page.bringToFront();
  return worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    const got = await chrome.storage.session.get(`tab:${tab.id}`);
    return (got[`tab:${tab.id}`] as { analysis: never }[])[0].analysis;
  });
}

describe('the report library', () => {
  let later: Page;

  it('visiting last year’s report and then this year’s marks this year’s 上年结转 cells that do not carry over', async () => {
    const earlier = await openReport('/2024/nb.html');
    later = await openReport('/2025/nb.html');
    const natural = later.locator('td[data-grc-cell="t3.carried_over.natural"]');
    const total = later.locator('td[data-grc-cell="t3.carried_over.total"]');
    await expect.poll(() => natural.getAttribute('data-grc-status'), { timeout: 15_000 }).toBe('warning');
    expect(await total.getAttribute('data-grc-status')).toBe('warning');
    // The columns that do carry over stay unmarked.
    expect(await later.locator('td[data-grc-cell="t3.carried_over.commercial"]').getAttribute('data-grc-status')).toBeNull();
    await earlier.close();
  });

  it('the library page lists both reports with agency, year, status and publication date', async () => {
    const lib = await openLibrary();
    const rows = lib.locator('tr[data-url]');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
    const r2025 = lib.locator(`tr[data-url="${url('/2025/nb.html')}"]`);
    const r2024 = lib.locator(`tr[data-url="${url('/2024/nb.html')}"]`);
    expect(await r2025.locator('td.agency').textContent()).toBe('平潭综合实验区');
    expect(await r2025.textContent()).toContain('2026-03-10');
    expect(await r2025.getAttribute('data-status')).toBe('warnings');
    expect(await r2024.getAttribute('data-status')).toBe('errors'); // its own 一+二 = 三+四 no longer holds
    // Which report the cross-year checks used, with a link to it.
    await r2025.locator('button.link').click();
    const previous = lib.locator('[data-previous] a');
    expect(await previous.getAttribute('href')).toBe(url('/2024/nb.html'));
    await lib.screenshot({ path: join(SCREENSHOTS, 'library.png') });
    await lib.close();
  });

  it('exports a CSV download with a BOM, a header and both reports', async () => {
    const lib = await openLibrary();
    await lib.locator('tr[data-url]').first().waitFor();
    const [download] = await Promise.all([lib.waitForEvent('download'), lib.locator('[data-export="csv"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^年报库-\d{8}\.csv$/);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    // The command line's header: Chinese labels, then the ids; then one row per report.
    expect(lines.length).toBe(4);
    expect(lines[0].startsWith('来源（网址或文件）,标题,机关,年度,格式')).toBe(true);
    expect(lines[1].startsWith('source,title,agency,year,format')).toBe(true);
    const row2024 = lines.find((l) => l.startsWith(url('/2024/nb.html')))!;
    expect(row2024).toContain(',平潭综合实验区,2024,2021,');
    expect(lines.some((l) => l.startsWith(url('/2025/nb.html')))).toBe(true);
    await lib.close();
  });

  it('a dismissed finding stays dismissed after the report page is reloaded and checked again', async () => {
    const lib = await openLibrary();
    const warnings = () => lib.locator(`tr[data-url="${url('/2025/nb.html')}"] td`).nth(6).textContent();
    await lib.locator(`tr[data-url="${url('/2025/nb.html')}"] button.link`).click();
    const before = Number(await warnings());
    const item = lib.locator('li[data-check="crossyear.carried_over/natural"]');
    await item.locator('[data-reason]').fill('已与填报单位核实');
    await item.locator('[data-dismiss]').click();
    await expect.poll(() => item.getAttribute('class')).toContain('dismissed');

    await later.reload();
    await later.locator('[data-grc-cell="t3.carried_over.total"]').waitFor({ state: 'attached', timeout: 20_000 });
    await expect
      .poll(async () => (await tabAnalysis(later)).findings.find((f) => f.check === 'crossyear.carried_over/natural')?.dismissed?.reason, { timeout: 15_000 })
      .toBe('已与填报单位核实');

    await lib.reload();
    await lib.locator(`tr[data-url="${url('/2025/nb.html')}"] button.link`).click();
    expect(await lib.locator('li[data-check="crossyear.carried_over/natural"]').getAttribute('class')).toContain('dismissed');
    expect(await lib.locator('li[data-check="crossyear.carried_over/natural"] .reason').textContent()).toContain('已与填报单位核实');
    // Out of the counts: one warning fewer than before the dismissal.
    expect(Number(await warnings())).toBe(before - 1);
    await lib.close();
  });

  it('deleting a report removes it from the library', async () => {
    const lib = await openLibrary();
    lib.on('dialog', (d) => void d.accept());
    const row = lib.locator(`tr[data-url="${url('/2024/nb.html')}"]`);
    await row.locator('input[type=checkbox]').check();
    await lib.locator('[data-delete]').click();
    await expect.poll(() => lib.locator('tr[data-url]').count()).toBe(1);
    await lib.reload();
    await expect.poll(() => lib.locator('tr[data-url]').count()).toBe(1);
    expect(await lib.locator(`tr[data-url="${url('/2025/nb.html')}"]`).count()).toBe(1);
    await lib.close();
  });

  it('a site turned off in the settings is left alone', async () => {
    const settings = await context.newPage();
    await settings.goto(`chrome-extension://${extensionId}/options.html#settings`);
    const sites = settings.locator('[data-setting="disabledSites"]');
    await sites.fill('pingtan.gov.cn');
    await sites.blur();
    await expect.poll(() => settings.locator('.note').textContent()).toBe('已保存');
    const page = await context.newPage();
    await page.goto(url('/2025/nb.html'));
    // The same page was checked within 3 s above; give the detector ample time, then look.
    await page.waitForTimeout(4000);
    expect(await page.locator('[data-grc-cell]').count()).toBe(0);
    await sites.fill('');
    await sites.blur();
    await expect
      .poll(() => worker.evaluate(async () => ((await chrome.storage.local.get('grc:settings'))['grc:settings'] as { disabledSites: string[] }).disabledSites.length))
      .toBe(0);
    await page.reload();
    await page.locator('[data-grc-cell="t3.carried_over.total"]').waitFor({ state: 'attached', timeout: 20_000 });
    await page.close();
    await settings.close();
  });

  it('the popup opens the library', async () => {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const [opened] = await Promise.all([context.waitForEvent('page'), popup.locator('[data-open-library]').click()]);
    await opened.waitForLoadState();
    expect(opened.url()).toBe(`chrome-extension://${extensionId}/options.html`);
    await popup.close();
  });
});
