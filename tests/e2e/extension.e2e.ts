/**
 * The product as a person uses it: the built extension loaded in a real Chromium, fixture
 * pages served on *.gov.cn hosts (mapped to this machine), assertions on what the page, the
 * toolbar badge, the popup and the clipboard show.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, root, serveGovCn } from '../helpers/browser.ts';
import { articleOf } from '../helpers/official.ts';

// The extension's service worker global, used inside worker.evaluate() callbacks.
declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  scripting: {
    executeScript(i: { target: { tabId: number; allFrames: boolean }; func: () => unknown }): Promise<{ frameId: number; result: unknown }[]>;
  };
};

const fixtures = join(root, 'tests/fixtures/html');

const seed004 = readFileSync(join(fixtures, 'seed-004-shanghai-2021.html'), 'utf8');
/** Seed 004 with one wrong cell: 自然人 of 本年新收 written 43 instead of 42. */
const withError = seed004.replace('<td colspan="3">一、本年新收政府信息公开申请数量</td><td>42</td>', '<td colspan="3">一、本年新收政府信息公开申请数量</td><td>43</td>');
const article = articleOf(seed004);

const pages: Record<string, () => string> = {
  '/error-report.html': () => withError,
  '/clean-report.html': () => seed004,
  '/news.html': () => readFileSync(join(fixtures, 'not-report-news.html'), 'utf8'),
  // A portal that renders the report by script two seconds after load.
  '/delayed.html': () => `<!doctype html><html><head><meta charset="utf-8"><title>政务公开</title></head><body>
<div id="app">加载中…</div>
<template id="later">${article}</template>
<script>setTimeout(() => { document.title = '上海市医疗保障局2021年政府信息公开工作年度报告'; document.getElementById('app').innerHTML = document.getElementById('later').innerHTML; }, 2000);</script>
</body></html>`,
  // A portal that navigates without reloading (history.pushState), from a report to a list and back.
  '/spa.html': () => `<!doctype html><html><head><meta charset="utf-8"><title>上海市医疗保障局2021年政府信息公开工作年度报告</title></head><body>
<div id="app">${article}</div><template id="report">${article}</template></body></html>`,
  '/frame-host.html': () => `<!doctype html><html><head><meta charset="utf-8"><title>信息公开平台</title></head><body>
<p>年报详情：</p><iframe id="report" src="http://report.example.gov.cn:${port}/error-report.html" width="1000" height="800"></iframe></body></html>`,
};

let server: Server;
let port = 0;
let context: BrowserContext;
let worker: Worker;
let extensionId = '';
/** Every request the browser made while the tests ran. */
const requests: string[] = [];

const url = (path: string, host = 'www.example.gov.cn') => `http://${host}:${port}${path}`;

beforeAll(async () => {
  ({ server, port } = await serveGovCn(pages));
  ({ context, worker, extensionId } = await launchWithExtension());
  context.on('request', (request) => void requests.push(request.url()));
});

afterAll(async () => {
  await context?.close();
  server?.close();
});

async function open(path: string, host?: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url(path, host));
  return page;
}

/** The page's tab id, as the background sees it (the page just brought to the front). */
async function tabIdOf(page: Page): Promise<number> {
  await page.bringToFront();
  return worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab.id!;
  });
}

/** What a paste would give: read on a localhost page (a secure context) allowed to read. */
async function readClipboard(): Promise<string> {
  const origin = `http://localhost:${port}`;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const reader = await context.newPage();
  await reader.goto(`${origin}/news.html`);
  await reader.bringToFront();
  const text = await reader.evaluate(() => navigator.clipboard.readText());
  await reader.close();
  return text;
}

/**
 * Which frames of the tab run the checker (page reading and overlay): asked in the extension's
 * isolated world, where the checker leaves its one global. Ordinary pages must not load it.
 */
async function framesWithChecker(tabId: number): Promise<number[]> {
  const results = await worker.evaluate(
    (id) => chrome.scripting.executeScript({ target: { tabId: id, allFrames: true }, func: () => Symbol.for('grc:checker') in globalThis }),
    tabId,
  );
  return results.filter((r) => r.result === true).map((r) => r.frameId).sort();
}

const badge = (tabId: number) => worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

describe('the extension on gov.cn pages', () => {
  it('marks the wrong cell of a report, the chip says so, the badge counts it', async () => {
    const page = await open('/error-report.html');
    const cell = page.locator('td[data-grc-cell="t3.new_received.natural"]');
    await expect.poll(() => cell.getAttribute('data-grc-status'), { timeout: 15_000 }).toBe('error');
    expect(await cell.textContent()).toBe('43');
    expect(await page.locator('[data-grc-cell]').count()).toBe(200);
    const chip = page.locator('[data-grc-chip="t3"]');
    await expect.poll(() => chip.textContent()).toMatch(/表三\s*✗ \d+ 项不符/);
    await chip.click();
    await expect.poll(() => page.locator('.grc-chip-details').first().textContent()).toContain('自然人列：三（七）、四项之和 42，一、二项之和 43，相差 1');
    // Hovering the cell shows the rule, the expected and the actual value.
    await cell.hover();
    await expect.poll(() => page.locator('.grc-tooltip').textContent()).toContain('t3.balance');
    const tabId = await tabIdOf(page);
    await expect.poll(() => badge(tabId)).toMatch(/^\d+$/);
    // One wrong cell (its row's and its column's checks fail): one error to fix, counted once.
    expect(await badge(tabId)).toBe('1');
    await page.locator('.grc-chip-details').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(root, 'docs/screenshots/overlay.png') });

    // The popup for that tab: summary, findings, copy as TSV.
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
    await expect.poll(() => popup.locator('[data-status]').textContent()).toMatch(/\d+ 项错误/);
    expect(await popup.locator('.grc-findings').textContent()).toContain('自然人列：三（七）、四项之和 42，一、二项之和 43，相差 1');
    expect(await popup.locator('[data-figure="newReceived"] dd').textContent()).toBe('49');
    await popup.locator('button[data-copy="tsv"]').click();
    await expect.poll(() => popup.locator('[role="status"]').textContent()).toContain('已复制');
    const tsv = await readClipboard();
    expect(tsv.split('\n')).toContain('一、本年新收政府信息公开申请数量\t\t\t43\t7\t0\t0\t0\t0\t49');
    await popup.setViewportSize({ width: 400, height: 800 });
    await popup.screenshot({ path: join(root, 'docs/screenshots/popup.png'), fullPage: true });

    // 定位 from the popup scrolls the page to the cell and flashes it.
    await popup.locator('.grc-error .grc-locate').first().click();
    await expect.poll(() => page.locator('[data-grc-flash]').count()).toBe(1);
    await popup.close();
    await page.close();
  });

  it('on a clean report no cell is marked, the chip passes, the badge is a green ✓', async () => {
    const page = await open('/clean-report.html');
    await expect.poll(() => page.locator('[data-grc-cell]').count(), { timeout: 15_000 }).toBe(200);
    expect(await page.locator('[data-grc-status]').count()).toBe(0);
    await expect.poll(() => page.locator('[data-grc-chip="t3"]').textContent()).toMatch(/✓ \d+ 项校验通过/);
    const tabId = await tabIdOf(page);
    await expect.poll(() => badge(tabId)).toBe('✓');
    expect(await framesWithChecker(tabId)).toEqual([0]);
    await page.close();
  });

  it('leaves no trace on a page that is not a report, and says so in the popup', async () => {
    const page = await open('/news.html');
    await page.waitForTimeout(1500);
    expect(await page.locator('[data-grc-cell], [data-grc-status], style[data-grc-ui], grc-panel, grc-chip').count()).toBe(0);
    const tabId = await tabIdOf(page);
    expect(await badge(tabId)).toBe('');
    // Only the small detector ran: the checker was never injected into the page.
    expect(await framesWithChecker(tabId)).toEqual([]);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
    await expect.poll(() => popup.locator('[data-empty]').textContent()).toContain('此页面不是政府信息公开工作年度报告');
    await popup.close();
    await page.close();
  });

  it('checks a report that appears two seconds after load', async () => {
    const page = await open('/delayed.html');
    expect(await page.locator('[data-grc-cell]').count()).toBe(0);
    await expect.poll(() => page.locator('[data-grc-cell]').count(), { timeout: 15_000 }).toBe(200);
    await expect.poll(() => page.locator('[data-grc-chip="t3"]').textContent()).toMatch(/✓/);
    await page.close();
  });

  it('checks a report inside an iframe', async () => {
    const page = await open('/frame-host.html');
    const frame = page.frameLocator('#report');
    await expect.poll(() => frame.locator('td[data-grc-cell="t3.new_received.natural"]').getAttribute('data-grc-status'), { timeout: 15_000 }).toBe('error');
    const tabId = await tabIdOf(page);
    await expect.poll(() => badge(tabId)).toMatch(/^\d+$/);
    // The engine runs in the report's frame only, not in the portal around it.
    const checked = await framesWithChecker(tabId);
    expect(checked).toHaveLength(1);
    expect(checked[0]).not.toBe(0);
    await page.close();
  });

  it('follows a single-page navigation away from the report and back', async () => {
    const page = await open('/spa.html');
    await expect.poll(() => page.locator('[data-grc-cell]').count(), { timeout: 15_000 }).toBe(200);
    const tabId = await tabIdOf(page);
    await expect.poll(() => badge(tabId)).toBe('✓');
    await page.evaluate(() => {
      history.pushState({}, '', '/spa/list');
      document.title = '通知公告';
      document.getElementById('app')!.innerHTML = '<ul><li>关于开展医保基金监管专项检查的通知</li></ul>';
    });
    await expect.poll(() => page.locator('grc-panel, grc-chip, style[data-grc-ui]').count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => badge(tabId)).toBe('');
    await page.evaluate(() => {
      history.pushState({}, '', '/spa.html');
      document.title = '上海市医疗保障局2021年政府信息公开工作年度报告';
      document.getElementById('app')!.innerHTML = (document.getElementById('report') as HTMLTemplateElement).innerHTML;
    });
    await expect.poll(() => page.locator('[data-grc-cell]').count(), { timeout: 15_000 }).toBe(200);
    await expect.poll(() => badge(tabId)).toBe('✓');
    await page.close();
  });

  it('made no request beyond the fixture pages and its own files', () => {
    expect(requests.length).toBeGreaterThan(5);
    const ours = new RegExp(`^(http://[a-z.]+\\.gov\\.cn:${port}/|http://localhost:${port}/|chrome-extension://${extensionId}/|about:|data:)`);
    expect(requests.filter((u) => !ours.test(u))).toEqual([]);
  });
});
