/**
 * The product as a person uses it: the built extension loaded in a real Chromium, fixture
 * pages served on *.gov.cn hosts (mapped to this machine), assertions on what the page, the
 * toolbar badge, the popup and the clipboard show — in a Chinese and in an English browser.
 *
 * Screenshots go to .output/screenshots (GRC_SCREENSHOTS overrides it: `npm run screenshots`
 * writes the README's docs/screenshots), so a test run never rewrites tracked files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { BrowserContext, Locator, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, root, SCREENSHOTS, serveGovCn } from '../helpers/browser.ts';
import { articleOf, esc } from '../helpers/official.ts';
import { foldLikeXPath } from '../helpers/load.ts';
import { FOLD_FROM, FOLD_TO } from '../../utils/report/quickCheck.ts';
import { dataSetHeader } from '../../utils/report/export.ts';
import { analyze } from '../../utils/report/analyze.ts';
import { pageFromHtml } from '../../cli/cheerioPage.ts';

// The extension's service worker global, used inside worker.evaluate() callbacks.
declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(tabId: number, m: object): Promise<unknown> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  runtime: { getManifest(): { commands?: Record<string, { suggested_key?: { default?: string } }> } };
  scripting: {
    executeScript<A extends unknown[]>(i: { target: { tabId: number; allFrames: boolean }; func: (...args: A) => unknown; args?: A }): Promise<{ frameId: number; result: unknown }[]>;
  };
};

const fixtures = join(root, 'tests/fixtures/html');
const shots = SCREENSHOTS;

const seed004 = readFileSync(join(fixtures, 'seed-004-shanghai-2021.html'), 'utf8');
/** Seed 004 with one wrong cell in 表三: 自然人 of 本年新收 written 43 instead of 42. */
const withError = seed004.replace('<td colspan="3">一、本年新收政府信息公开申请数量</td><td>42</td>', '<td colspan="3">一、本年新收政府信息公开申请数量</td><td>43</td>');
const article = articleOf(seed004);

/**
 * What the engine says of the page with the wrong cell (the same analyze, through the command
 * line's adapter: the parity test holds them equal). The surfaces must show exactly this: its
 * suspect — 42 for the 43 — and its counts.
 */
const engine = analyze(pageFromHtml(withError, 'error-report.html'));
const suspect = engine.suspects[0];
if (!suspect) throw new Error('the engine names no suspect for the changed cell: the tests below assume it does');
const errorsZh = `✗ ${engine.summary.errors} 处错误`;
const t3ErrorsZh = `✗ ${engine.summary.tables.t3.errors} 处错误`;
const errorsEn = `✗ ${engine.summary.errors} error${engine.summary.errors === 1 ? '' : 's'}`;
const t3ErrorsEn = `✗ ${engine.summary.tables.t3.errors} error${engine.summary.tables.t3.errors === 1 ? '' : 's'}`;
/** The findings' own sentences are English once the engine writes messageEn for every one. */
const ownWords = `.grc-verdict, .grc-findings h3, .grc-figures dt, .grc-copy${engine.findings.every((f) => f.status !== 'fail' || f.messageEn) ? ', .grc-findings .grc-message' : ''}`;
const re = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The same report as a Word paste without tables: every line a paragraph, the tables' cells
 * separated by spaces (seed 004's text, with the same wrong 43).
 */
const textReportLines = () =>
  readFileSync(join(root, 'tests/fixtures/seeds/004_220ec5b329bb1b46.txt'), 'utf8')
    .split('\n')
    .map((l) => (l.startsWith('一、本年新收') ? l.replace('\t42\t', '\t43\t') : l));
const textReport = () => `<!doctype html><html><head><meta charset="utf-8"><title>上海市医疗保障局2021年政府信息公开工作年度报告</title></head><body>
<div class="article" style="max-width: 900px; margin: 0 auto">${textReportLines().map((l) => `<p>${esc(l)}</p>`).join('\n')}</div></body></html>`;
/** The same text as one text node, straight inside a box that scrolls (a CMS's plain-text frame). */
const boxedTextReport = () => `<!doctype html><html><head><meta charset="utf-8"><title>上海市医疗保障局2021年政府信息公开工作年度报告</title></head><body>
<div style="height: 120px">页头</div><div id="box" style="height: 400px; overflow: auto; white-space: pre-wrap; border: 1px solid #999">${esc(textReportLines().join('\n'))}</div><div style="height: 1500px">页脚</div></body></html>`;

/** An article page of 上海市医疗保障局's site that declares its column and article title in its metadata. */
const declaredPage = (column: string, articleTitle: string, body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>上海市医疗保障局</title>
<meta name="SiteIDCode" content="3100000001"><meta name="ColumnName" content="${column}"><meta name="ArticleTitle" content="${articleTitle}"></head>
<body>${body}</body></html>`;

let port = 0;
const pages: Record<string, () => string> = {
  '/error-report.html': () => withError,
  '/clean-report.html': () => seed004,
  '/text-report.html': textReport,
  '/boxed-text-report.html': boxedTextReport,
  // The report in a box of its own that scrolls (a CMS's fixed-height article frame).
  '/boxed-report.html': () => `<!doctype html><html><head><meta charset="utf-8"><title>上海市医疗保障局2021年政府信息公开工作年度报告</title></head>
<body><div style="height: 120px">页头</div><div id="box" style="height: 500px; overflow: auto; border: 1px solid #999">${article}</div><div style="height: 1500px">页脚</div></body></html>`,
  '/news.html': () => readFileSync(join(fixtures, 'not-report-news.html'), 'utf8'),
  // A list of reports: its title and links pass the detector's quick check, the engine finds no report.
  '/list.html': () => readFileSync(join(fixtures, 'not-report-list.html'), 'utf8'),
  // A portal that renders the report by script two seconds after load.
  '/delayed.html': () => `<!doctype html><html><head><meta charset="utf-8"><title>政务公开</title></head><body>
<div id="app">加载中…</div>
<template id="later">${article}</template>
<script>setTimeout(() => { document.title = '上海市医疗保障局2021年政府信息公开工作年度报告'; document.getElementById('app').innerHTML = document.getElementById('later').innerHTML; }, 2000);</script>
</body></html>`,
  // A portal that navigates without reloading (history.pushState), from a report to a list and back.
  '/spa.html': () => `<!doctype html><html><head><meta charset="utf-8"><title>上海市医疗保障局2021年政府信息公开工作年度报告</title></head><body>
<div id="app">${article}</div><template id="report">${article}</template></body></html>`,
  // Article pages as gov.cn CMSs make them, declaring their article in the metadata 政府网站发展指引
  // asks for, under the site's name as the page title: a report; a report declared by its column
  // alone; a template's empty article title, which says nothing (the page is read when a person
  // asks); and a news article whose page later shows report words (a related-links box filled by
  // script).
  '/declared-report.html': () => declaredPage('通知公告', '上海市医疗保障局2021年政府信息公开工作年度报告', article),
  '/declared-empty.html': () => declaredPage('通知公告', '', article),
  '/declared-column.html': () => declaredPage('政府信息公开年报', '上海市医疗保障局2021年度', article),
  '/declared-news.html': () =>
    declaredPage(
      '工作动态',
      '我局召开2024年医保基金监管工作会议',
      `<p>会议总结了2023年工作，部署了2024年任务。</p><div id="related"></div>
<script>setTimeout(() => { document.getElementById('related').textContent = '相关链接：上海市医疗保障局2021年政府信息公开工作年度报告 一、总体情况 二、主动公开政府信息情况'; }, 500);</script>`,
    ),
  // A site that declares nothing, under a title that names nothing, its report in traditional
  // characters with its name broken by a space: read when a person asks, found by its text.
  '/undeclared-traditional.html': () => `<!doctype html><html><head><meta charset="utf-8"><title>詳細信息</title></head><body>
<div class="nav">首页 政务公开 政府信息公開 政府工作報告 举報中心</div>
${article.replaceAll('年度报告', '年度 報告').replaceAll('报', '報').replaceAll('开', '開').replaceAll('总体情况', '總體情況')}</body></html>`,
  // A CMS's article body served as it is stored (no <html>, no title), framed by a portal: a
  // document without a title is read by its text.
  '/fragment.html': () => readFileSync(join(fixtures, 'fragment-trs-word-2024.html'), 'utf8'),
  '/fragment-host.html': () => `<!doctype html><html><head><meta charset="utf-8"><title>详细信息</title></head><body>
<iframe id="report" src="/fragment.html" width="1000" height="800"></iframe></body></html>`,
  // A portal of one site showing a report from another site in an iframe.
  '/frame-host.html': () => `<!doctype html><html><head><meta charset="utf-8"><title>信息公开平台</title></head><body>
<p>年报详情：</p><iframe id="report" src="http://report.other.gov.cn:${port}/error-report.html" width="1000" height="800"></iframe></body></html>`,
};

/** One browser (Chinese or English), its pages and helpers. */
function browserFixture(locale: string) {
  const b = {
    context: undefined as unknown as BrowserContext,
    worker: undefined as unknown as Worker,
    extensionId: '',
    async open(path: string, host = 'www.example.gov.cn', viewport?: { width: number; height: number }): Promise<Page> {
      const page = await b.context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      await page.goto(url(path, host));
      return page;
    },
    /** The page's tab id, as the background sees it (the page just brought to the front). */
    async tabIdOf(page: Page): Promise<number> {
      await page.bringToFront();
      return b.worker.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return tab.id!;
      });
    },
    badge: (tabId: number) => b.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId),
    async popup(tabId: number): Promise<Page> {
      const popup = await b.context.newPage();
      await popup.setViewportSize({ width: 420, height: 800 });
      await popup.goto(`chrome-extension://${b.extensionId}/popup.html?tabId=${tabId}`);
      return popup;
    },
    /** What a paste would give (text and HTML): read on a localhost page (a secure context) allowed to read. */
    async clipboard(): Promise<{ text: string; html: string }> {
      const origin = `http://localhost:${port}`;
      await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
      const reader = await b.context.newPage();
      await reader.goto(`${origin}/news.html`);
      await reader.bringToFront();
      const result = await reader.evaluate(async () => {
        const [item] = await navigator.clipboard.read();
        const read = async (type: string) => (item.types.includes(type) ? (await item.getType(type)).text() : '');
        return { text: await read('text/plain'), html: await read('text/html') };
      });
      await reader.close();
      return result;
    },
    /**
     * Which frames of the tab hold our script `name` (the checker: page reading; the overlay:
     * entrypoints/overlay.ts): asked in the extension's isolated world, where each leaves its
     * one global.
     */
    async framesWith(tabId: number, name: 'checker' | 'overlay'): Promise<number[]> {
      const results = await b.worker.evaluate(
        ({ id, key }) => chrome.scripting.executeScript({ target: { tabId: id, allFrames: true }, func: (k: string) => Symbol.for(k) in globalThis, args: [key] }),
        { id: tabId, key: `grc:${name}` },
      );
      return results.filter((r) => r.result === true).map((r) => r.frameId).sort();
    },
  };
  beforeAll(async () => {
    ({ context: b.context, worker: b.worker, extensionId: b.extensionId } = await launchWithExtension(locale));
    b.context.on('request', (request) => void requests.push(request.url()));
  });
  afterAll(async () => {
    await b.context?.close();
  });
  return b;
}

let server: Server;
/** Every request the browsers made while the tests ran. */
const requests: string[] = [];
const url = (path: string, host = 'www.example.gov.cn') => `http://${host}:${port}${path}`;

beforeAll(async () => {
  ({ server, port } = await serveGovCn(pages));
});
afterAll(() => {
  server?.close();
});

/** The rectangle of an element in the viewport. */
const box = async (l: Locator) => (await l.boundingBox())!;
const overlaps = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inViewport = async (page: Page, l: Locator) => {
  const r = await box(l);
  const v = page.viewportSize()!;
  return r.y >= 0 && r.y + r.height <= v.height;
};

/**
 * Event listeners the extension's world holds on the page's window and document, of the kinds
 * the overlay adds (through the DevTools protocol, which lists each world's own listeners).
 */
async function overlayListeners(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => void contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const ours = contexts.find((c) => c.origin.startsWith('chrome-extension://'));
  const types: string[] = [];
  for (const expression of ours ? ['window', 'document'] : []) {
    const { result } = await cdp.send('Runtime.evaluate', { expression, contextId: ours!.id });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
    types.push(...listeners.map((l) => `${expression}:${l.type}`).filter((t) => /:(scroll|resize|mouseover|mousemove|focusin)$/.test(t)));
  }
  await cdp.detach();
  return types.sort();
}

describe('in a Chinese browser', () => {
  const b = browserFixture('zh-CN');

  it('names the one wrong cell of 表三 with the value it should have; the other cells of its identities are faint', async () => {
    const page = await b.open('/error-report.html');
    const cell = page.locator('td[data-grc-cell="t3.new_received.natural"]');
    await expect.poll(() => cell.getAttribute('data-grc-status'), { timeout: 15_000 }).toBe('error');
    expect(await cell.textContent()).toBe('43');
    expect(await page.locator('[data-grc-cell]').count()).toBe(200);
    const errorCells = await page.locator('[data-grc-status="error"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-grc-cell')));
    const related = await page.locator('[data-grc-status="related"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-grc-cell')));
    // The engine names the wrong cell and its original value.
    expect([suspect.cell, suspect.expected]).toEqual(['t3.new_received.natural', 42]);
    // Exactly one cell in error, carrying that value; the page's text is unchanged.
    expect(errorCells).toEqual(['t3.new_received.natural']);
    expect(await cell.getAttribute('data-grc-expected')).toBe('42');
    // Its row (总计) and its column (一+二 = 三(七)+四) are related, never in error.
    expect(related).toEqual(expect.arrayContaining(['t3.new_received.total', 't3.carried_over.natural', 't3.result_total.natural', 't3.carry_forward.natural']));
    const styles = await page.evaluate(() => {
      const q = (s: string) => document.querySelector(s)!;
      const error = getComputedStyle(q('[data-grc-status="error"]'));
      const related = getComputedStyle(q('[data-grc-status="related"]'));
      return { error: error.outlineWidth, related: related.outlineWidth, relatedStyle: related.outlineStyle, sheets: document.querySelectorAll('style[data-grc-ui]').length };
    });
    expect(styles.error).toBe('3px');
    expect(styles.related).toBe('1px');
    expect(styles.relatedStyle).toBe('dashed');
    // Written on the cells themselves: no style sheet of ours in the page.
    expect(styles.sheets).toBe(0);
    // "应为 42" over the cell's top right corner, from our own layer: no text written into the page.
    const label = page.locator('.grc-label[data-grc-label="t3.new_received.natural"]');
    expect(await label.textContent()).toBe('应为 42');
    const [l, c] = [await box(label), await box(cell)];
    expect(Math.abs(l.x + l.width - (c.x + c.width))).toBeLessThanOrEqual(4);
    expect(l.y).toBeLessThan(c.y);
    expect(l.y + l.height).toBeGreaterThan(c.y);
    // Our UI is one host, first in the body, in the top layer: outside the page's layout.
    expect(await page.evaluate(() => [document.body.firstElementChild?.localName, document.querySelector('grc-overlay')?.matches(':popover-open')])).toEqual(['grc-overlay', true]);
    // The chip of 表三 stands above the table's top right corner, and stays there when the page scrolls.
    const table3 = page.locator('table').filter({ has: cell });
    const chipAbove = async () => {
      const [ch, t] = [await box(page.locator('[data-grc-chip="t3"]')), await box(table3)];
      return Math.abs(ch.x + ch.width - (t.x + t.width)) <= 2 && ch.y + ch.height <= t.y && ch.y + ch.height >= t.y - 8;
    };
    expect(await chipAbove()).toBe(true);
    await page.evaluate(() => scrollBy(0, 300));
    expect(await chipAbove()).toBe(true);
    await page.evaluate(() => scrollTo(0, 0));

    // The chip of 表三 says how many errors there are to fix, and lists them.
    const chip = page.locator('[data-grc-chip="t3"]');
    await expect.poll(() => chip.textContent()).toMatch(new RegExp(`^表三\\s*${re(t3ErrorsZh)}$`));
    expect(await page.locator('[data-grc-chip="t4"]').textContent()).toMatch(/表四\s*✓ 全部相符/);
    await chip.click();
    await expect.poll(() => page.locator('.grc-chip-details').first().textContent()).toContain('自然人');
    // Its findings open over the table, and close on a click elsewhere.
    await page.mouse.click(2, 2);
    await expect.poll(() => page.locator('.grc-chip-details').count()).toBe(0);

    // The tooltip says it in a person's words.
    await cell.hover();
    await expect.poll(() => page.locator('.grc-tooltip').textContent()).toMatch(/此格应为 42.*现为 43/);
    await expect.poll(() => page.locator('.grc-tooltip').textContent()).toContain('表三 收支平衡');

    // The badge counts one error.
    const tabId = await b.tabIdOf(page);
    await expect.poll(() => b.badge(tabId)).toBe(String(engine.summary.errors));
    await page.screenshot({ path: join(shots, 'overlay.png') });

    // The popup: status, findings, copy one table as cells with a caption in the HTML.
    const popup = await b.popup(tabId);
    await expect.poll(() => popup.locator('p[data-status]').textContent()).toBe(errorsZh);
    expect(await popup.locator('.frame-kind').textContent()).toBe('本页');
    expect(await popup.locator('.frame-url').textContent()).toBe(url('/error-report.html'));
    expect(await popup.locator('[data-figure="newReceived"] dd').textContent()).toBe('49');
    expect(await popup.locator('.grc-findings details.grc-rule summary').first().textContent()).toBeTruthy();
    await popup.locator('button[data-copy="table-t3"]').click();
    await expect.poll(() => popup.locator('[role="status"]').textContent()).toContain('已复制');
    const t3 = await b.clipboard();
    const lines = t3.text.split('\n');
    expect(lines).toContain('一、本年新收政府信息公开申请数量\t\t\t43\t7\t0\t0\t0\t0\t49');
    expect(t3.text).not.toContain('收到和处理政府信息公开申请情况'); // pure cells: no title line
    expect(t3.html).toMatch(/<caption>[^<]*上海市医疗保障局[^<]*2021[^<]*表三[^<]*error-report\.html<\/caption>/);
    expect(t3.html).toContain('<td>43</td>');
    // The data row: the command line's columns, one row for the report.
    await popup.locator('button[data-copy="row"]').click();
    await expect.poll(async () => (await b.clipboard()).text.split('\n')[0]).toBe(dataSetHeader()[0].join('\t'));
    expect((await b.clipboard()).text.split('\n')[1]).toBe(dataSetHeader()[1].join('\t'));
    expect((await b.clipboard()).text.split('\n')[2]).toMatch(new RegExp(`^${url('/error-report.html').replace(/[.?]/g, '\\$&')}\t`));
    await popup.screenshot({ path: join(shots, 'popup.png'), fullPage: true });

    // 定位 from the popup scrolls the page to the wrong cell and flashes it.
    await popup.locator('.grc-error .grc-locate').first().click();
    await expect.poll(() => page.locator('[data-grc-flash]').getAttribute('data-grc-cell')).toBe('t3.new_received.natural');
    expect(await inViewport(page, cell)).toBe(true);
    await popup.close();

    // Corrected on the page (as in a CMS's preview), the report is checked again, and the cell
    // is given back as it was: no status, no outline of ours, no label.
    const styleBefore = await page.evaluate(async () => {
      const served = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
      return [...served.querySelectorAll('td')].find((td) => td.textContent === '43')?.getAttribute('style') ?? null;
    });
    await cell.evaluate((td) => (td.textContent = '42'));
    await expect.poll(() => page.locator('[data-grc-chip="t3"]').textContent(), { timeout: 15_000 }).toMatch(/表三\s*✓ 全部相符/);
    expect(await cell.getAttribute('data-grc-status')).toBeNull();
    expect(await cell.getAttribute('style')).toBe(styleBefore);
    expect(await page.locator('.grc-label').count()).toBe(0);
    await page.close();
  });

  it('a report written as text: a chip above the text block, the wrong number highlighted in place, its tooltip and 定位', async () => {
    const page = await b.open('/text-report.html');
    const chip = page.locator('[data-grc-chip="t3"]');
    await expect.poll(() => chip.textContent(), { timeout: 15_000 }).toMatch(new RegExp(`^表三\\s*${re(t3ErrorsZh)}$`));
    // The chip stands right above the paragraph where 表三's text starts, at its right end.
    const below = await page.evaluate(() => {
      const chip = document.querySelector('grc-overlay')!.shadowRoot!.querySelector('[data-grc-chip="t3"]')!.getBoundingClientRect();
      const ps = [...document.querySelectorAll('p')];
      const p = ps.find((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= chip.bottom && r.top - chip.bottom <= 8 && Math.abs(r.right - chip.right) <= 2;
      });
      const at = (start: string) => ps.findIndex((el) => el.textContent!.startsWith(start));
      return p ? { index: ps.indexOf(p), from: at('三、'), to: at('四、') } : null;
    });
    expect(below).not.toBeNull();
    expect(below!.index).toBeGreaterThanOrEqual(below!.from);
    expect(below!.index).toBeLessThan(below!.to);
    // The wrong number is highlighted where it is written; the page's text and nodes are untouched.
    const marked = () => page.evaluate(() => {
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const text = (name: string) => [...(h.get(name) ?? [])].map((r) => r.toString());
      return { error: text('grc-error'), related: text('grc-related').length };
    });
    await expect.poll(async () => (await marked()).error).toEqual(['43']);
    expect((await marked()).related).toBeGreaterThan(3);
    expect(await page.locator('.grc-label').textContent()).toBe('应为 42');
    expect(await page.locator('mark, [data-grc-status]').count()).toBe(0);
    // The tooltip over the number.
    const rect = await page.evaluate(() => {
      const range = [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('grc-error')!].find((r) => r.toString() === '43')!;
      (range.startContainer.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const r = range.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    await page.mouse.move(rect.x, rect.y);
    await expect.poll(() => page.locator('.grc-tooltip').textContent()).toMatch(/此格应为 42.*现为 43/);
    // 定位 from the chip's list scrolls back to it.
    await page.evaluate(() => window.scrollTo(0, 0));
    await chip.click();
    await page.locator('.grc-chip-details .grc-error .grc-locate').first().click();
    await expect.poll(() =>
      page.evaluate(() => {
        const range = [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('grc-error')!].find((x) => x.toString() === '43')!;
        const r = range.getBoundingClientRect();
        return r.top > 0 && r.bottom < innerHeight;
      }),
    ).toBe(true);
    expect(await page.evaluate(() => (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.has('grc-flash'))).toBe(true);
    await page.close();
  });

  it('a report in a scrolling box: the chip follows its table as the box scrolls, and hides when the table\'s top is scrolled out of the box', async () => {
    const page = await b.open('/boxed-report.html');
    const chip = page.locator('[data-grc-chip="t3"]');
    await expect.poll(() => chip.textContent(), { timeout: 15_000 }).toMatch(/^表三/);
    const table3 = page.locator('table').filter({ has: page.locator('td[data-grc-cell="t3.new_received.natural"]') });
    /** Scrolls the box so that 表三's top is `offset` px below the box's top (negative: above it, hidden). */
    const scrollBox = (offset: number) =>
      table3.evaluate((table, offset) => {
        const box = document.getElementById('box')!;
        box.scrollTop += table.getBoundingClientRect().top - box.getBoundingClientRect().top - offset;
      }, offset);
    const chipAbove = async () => {
      const [ch, t] = [await box(chip), await box(table3)];
      return Math.abs(ch.x + ch.width - (t.x + t.width)) <= 2 && ch.y + ch.height <= t.y && ch.y + ch.height >= t.y - 8;
    };
    await scrollBox(60);
    await expect.poll(chipAbove).toBe(true);
    await scrollBox(-100);
    await expect.poll(() => chip.isVisible()).toBe(false);
    await scrollBox(200);
    await expect.poll(() => chip.isVisible()).toBe(true);
    await expect.poll(chipAbove).toBe(true);
    await page.close();
  });

  it('a report written as text straight inside a scrolling box: its "应为" label stays inside the box', async () => {
    const page = await b.open('/boxed-text-report.html');
    const label = page.locator('.grc-label');
    await expect.poll(() => label.textContent(), { timeout: 15_000 }).toBe('应为 42');
    /** Scrolls the box so that the wrong number's top is `offset` px below the box's top (negative: above it, out of sight). */
    const scrollBox = (offset: number) =>
      page.evaluate((offset) => {
        const range = [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('grc-error')!].find((r) => r.toString() === '43')!;
        const box = document.getElementById('box')!;
        // The text is one node, straight in the box: the box is the nearest element that clips it.
        if (range.startContainer.parentElement !== box) throw new Error('the number is not straight inside the box');
        box.scrollTop += range.getBoundingClientRect().top - box.getBoundingClientRect().top - offset;
      }, offset);
    const labelOverNumber = () =>
      page.evaluate(() => {
        const range = [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('grc-error')!].find((r) => r.toString() === '43')!;
        const n = range.getBoundingClientRect();
        const host = document.querySelector('grc-overlay')!.shadowRoot!;
        const l = (host.querySelector('.grc-label') as HTMLElement).getBoundingClientRect();
        return Math.abs(l.bottom - n.top) <= 12 && l.left < n.right + 200;
      });
    await scrollBox(150);
    await expect.poll(() => label.isVisible()).toBe(true);
    await expect.poll(labelOverNumber).toBe(true);
    // Scrolled out of the box's view (the page itself not scrolled): the label goes with it,
    // instead of floating over the page's header above the box.
    await scrollBox(-120);
    await expect.poll(() => label.isVisible()).toBe(false);
    await scrollBox(150);
    await expect.poll(() => label.isVisible()).toBe(true);
    await page.close();
  });

  for (const width of [1280, 800]) {
    it(`the pill does not cover the report at ${width} px, opens on click, moves to another corner and stays there`, async () => {
      const page = await b.open('/error-report.html', 'pill.example.gov.cn', { width, height: 800 });
      const pill = page.locator('.grc-pill');
      await expect.poll(() => pill.count(), { timeout: 15_000 }).toBe(1);
      expect(await pill.textContent()).toContain(errorsZh);
      await page.waitForTimeout(100);
      for (const table of await page.locator('table').all()) if (await table.isVisible()) expect(overlaps(await box(pill), await box(table))).toBe(false);
      // Scrolled to the wrong cell (next problem), the pill stays off it.
      await page.locator('.grc-pill').focus();
      const tabId = await b.tabIdOf(page);
      await b.worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'grc:next-problem' }), tabId);
      const cell = page.locator('[data-grc-cell="t3.new_received.natural"]');
      await expect.poll(() => inViewport(page, cell)).toBe(true);
      await page.waitForTimeout(100);
      expect(overlaps(await box(pill), await box(cell))).toBe(false);

      // Open, move to the next corner; a reload keeps the corner and the open state.
      await pill.click();
      await expect.poll(() => page.locator('.grc-panel').count()).toBe(1);
      const corners = ['br', 'bl', 'tl', 'tr'];
      const before = (await page.locator('.grc-dock').getAttribute('data-corner'))!;
      const after = corners[(corners.indexOf(before) + 1) % 4];
      await page.locator('.grc-move').click();
      expect(await page.locator('.grc-dock').getAttribute('data-corner')).toBe(after);
      await page.reload();
      await expect.poll(() => page.locator('.grc-dock').getAttribute('data-corner'), { timeout: 15_000 }).toBe(after);
      expect(await page.locator('.grc-panel').count()).toBe(1);
      await page.locator('.grc-close').click();
      await page.locator('.grc-dock .grc-pill').waitFor();
      await page.close();
    });
  }

  it('keyboard: the panel comes first in Tab order, "next problem" walks the problems, ↑/↓ in the findings', async () => {
    const manifest = await b.worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.commands?.['next-problem']?.suggested_key?.default).toBe('Alt+Shift+N');
    const page = await b.open('/error-report.html', 'keys.example.gov.cn');
    await expect.poll(() => page.locator('.grc-pill').count(), { timeout: 15_000 }).toBe(1);
    // Tab: the pill, then each table's verdict, before the page's own links.
    const focused = () => page.evaluate(() => {
      const host = document.activeElement;
      return `${host?.localName}:${host?.shadowRoot?.activeElement?.textContent ?? ''}`;
    });
    await page.keyboard.press('Tab');
    expect(await focused()).toBe(`grc-overlay:年报校验${errorsZh}`);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('grc-overlay:表二 ✓ 全部相符');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe(`grc-overlay:表三 ${t3ErrorsZh}`);
    // Focus brings the chip, and its table, into view; Enter opens its findings.
    expect(await inViewport(page, page.locator('[data-grc-chip="t3"]'))).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.grc-chip-details').first().textContent()).toContain('自然人');
    await page.locator('.grc-pill').click();
    await page.locator('.grc-next').click();
    await expect.poll(() => page.locator('[data-grc-flash]').getAttribute('data-grc-cell')).toBe('t3.new_received.natural');
    // ↓ from the first finding moves to the next one and shows it on the page.
    const first = page.locator('.grc-panel li[data-rule]').first();
    await first.focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('.grc-panel li[data-rule]').nth(1).evaluate((li) => li === (li.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await page.close();
  });

  it('leaves no listener behind when the report goes away', async () => {
    const page = await b.open('/spa.html');
    await expect.poll(() => page.locator('[data-grc-cell]').count(), { timeout: 15_000 }).toBe(200);
    expect((await overlayListeners(page)).length).toBeGreaterThanOrEqual(4);
    await page.evaluate(() => {
      history.pushState({}, '', '/spa/list');
      document.title = '通知公告';
      document.getElementById('app')!.innerHTML = '<ul><li>关于开展医保基金监管专项检查的通知</li></ul>';
    });
    await expect.poll(() => page.locator('grc-overlay, style[data-grc-ui], [style*="outline"]').count(), { timeout: 15_000 }).toBe(0);
    expect(await overlayListeners(page)).toEqual([]);
    await page.close();
  });

  it('on a clean report no cell is marked, the chips and the badge are green', async () => {
    const page = await b.open('/clean-report.html');
    await expect.poll(() => page.locator('[data-grc-cell]').count(), { timeout: 15_000 }).toBe(200);
    expect(await page.locator('[data-grc-status]').count()).toBe(0);
    await expect.poll(() => page.locator('[data-grc-chip="t3"]').textContent()).toMatch(/表三\s*✓ 全部相符/);
    const tabId = await b.tabIdOf(page);
    await expect.poll(() => b.badge(tabId)).toBe('✓');
    expect(await b.framesWith(tabId, 'checker')).toEqual([0]);
    await page.close();
  });

  it('leaves no trace on a page that is not a report, and says so in the popup', async () => {
    const page = await b.open('/news.html');
    await page.waitForTimeout(1500);
    expect(await page.locator('[data-grc-cell], [data-grc-status], style[data-grc-ui], grc-overlay').count()).toBe(0);
    const tabId = await b.tabIdOf(page);
    expect(await b.badge(tabId)).toBe('');
    // Only the small detector ran: the checker was never injected into the page.
    expect(await b.framesWith(tabId, 'checker')).toEqual([]);
    const popup = await b.popup(tabId);
    await expect.poll(() => popup.locator('[data-empty]').textContent()).toContain('此页面未被识别为政府信息公开工作年度报告');
    // Asked to, the extension reads the whole page, and says what it found: no report.
    await popup.locator('[data-check-page]').click();
    await expect.poll(() => popup.locator('[data-check-offer]').textContent()).toBe('已读取此页全文：没有找到政府信息公开工作年度报告。');
    expect(await b.framesWith(tabId, 'checker')).toEqual([0]);
    expect(await page.locator('[data-grc-cell], grc-overlay').count()).toBe(0);
    expect(await b.badge(tabId)).toBe('');
    await popup.close();
    await page.close();
  });

  it('an article page is taken at what it declares: a report under the site\'s name is found, by its article title or its column; a news article is never read', async () => {
    const report = await b.open('/declared-report.html');
    await expect.poll(() => report.locator('[data-grc-chip="t3"]').textContent()).toMatch(/表三\s*✓/);
    await report.close();
    // Declared in its column alone (a column of reports, an article title without 报).
    const column = await b.open('/declared-column.html');
    await expect.poll(() => column.locator('[data-grc-chip="t3"]').textContent()).toMatch(/表三\s*✓/);
    await column.close();
    const news = await b.open('/declared-news.html');
    await news.waitForTimeout(2000);
    expect(await news.locator('#related').textContent()).toContain('一、总体情况');
    expect(await b.framesWith(await b.tabIdOf(news), 'checker')).toEqual([]);
    expect(await news.locator('[data-grc-cell], grc-overlay').count()).toBe(0);
    await news.close();
  });

  it('a report whose names hold no 报 is not read until a person asks; then it is found by its text, in traditional characters', async () => {
    const page = await b.open('/undeclared-traditional.html');
    const tabId = await b.tabIdOf(page);
    // The detector read the title only: no checker, no mark, nothing on the badge.
    await page.waitForTimeout(1500);
    expect(await b.framesWith(tabId, 'checker')).toEqual([]);
    expect(await page.locator('[data-grc-cell], grc-overlay').count()).toBe(0);
    const popup = await b.popup(tabId);
    await expect.poll(() => popup.locator('[data-empty]').textContent()).toContain('此页面未被识别为政府信息公开工作年度报告');
    expect(await popup.locator('.check-offer .hint').textContent()).toContain('没有“报”字的页面不会自动检查');
    await popup.locator('body').screenshot({ path: join(shots, 'popup-check.png') });
    await popup.locator('[data-check-page]').click();
    // The popup shows the report as soon as the page has been checked, and the page its chips.
    await expect.poll(() => popup.locator('article[data-frame="0"]').count()).toBe(1);
    expect(await popup.locator('[data-check-offer]').count()).toBe(0);
    await expect.poll(() => page.locator('[data-grc-chip="t3"]').textContent()).toMatch(/表三\s*✓/);
    expect(await b.badge(tabId)).toBe('✓');
    await popup.close();
    // The same page under a title without 报, a template's empty article title and a news
    // article's: not read either (the site's name as every page's title).
    for (const path of ['/declared-empty.html', '/declared-news.html']) {
      const other = await b.open(path);
      await other.waitForTimeout(1000);
      expect(await b.framesWith(await b.tabIdOf(other), 'checker')).toEqual([]);
      await other.close();
    }
    // The fold the quick look asks of the page's XPath engine is the one the unit tests prove
    // safe (tests/unit/detect.test.ts): Chromium's translate() against the tests' twin of it.
    const [body, folded] = await page.evaluate(
      ([from, to]) => [
        document.evaluate('string(/html/body)', document, null, XPathResult.STRING_TYPE, null).stringValue,
        document.evaluate(`translate(string(/html/body), '${from}', '${to}')`, document, null, XPathResult.STRING_TYPE, null).stringValue,
      ],
      [FOLD_FROM, FOLD_TO],
    );
    expect(body).toContain('年度 報告');
    expect(folded).toBe(foldLikeXPath(body));
    expect(folded).toContain('政府信息公开年报');
    await page.close();
  });

  it('a page that looks like a report but is none gets the checker, never the overlay; a report gets both', async () => {
    const list = await b.open('/list.html');
    const listTab = await b.tabIdOf(list);
    await expect.poll(() => b.framesWith(listTab, 'checker')).toEqual([0]);
    await list.waitForTimeout(1000);
    expect(await b.badge(listTab)).toBe('');
    expect(await list.locator('[data-grc-cell], grc-overlay').count()).toBe(0);
    expect(await b.framesWith(listTab, 'overlay')).toEqual([]);
    // Asked to check it, the checker already there reads the page again at once (the answer
    // would otherwise come only when the background stops waiting, after 10 s).
    const popup = await b.popup(listTab);
    await popup.locator('[data-check-page]').click();
    await expect.poll(() => popup.locator('[data-check-offer]').textContent(), { timeout: 5000 }).toBe('已读取此页全文：没有找到政府信息公开工作年度报告。');
    await popup.close();
    await list.close();

    const report = await b.open('/error-report.html');
    await expect.poll(() => report.locator('[data-grc-status="error"]').count()).toBe(1);
    expect(await b.framesWith(await b.tabIdOf(report), 'overlay')).toEqual([0]);
    await report.close();
  });

  it('checks a report that appears two seconds after load, under a title that names it only then', async () => {
    const page = await b.open('/delayed.html');
    expect(await page.locator('[data-grc-cell]').count()).toBe(0);
    await expect.poll(() => page.locator('[data-grc-cell]').count(), { timeout: 15_000 }).toBe(200);
    await expect.poll(() => page.locator('[data-grc-chip="t3"]').textContent()).toMatch(/✓/);
    await page.close();
  });

  it('checks a report inside an iframe from another site, and the popup says where it is', async () => {
    const page = await b.open('/frame-host.html');
    const frame = page.frameLocator('#report');
    await expect.poll(() => frame.locator('td[data-grc-cell="t3.new_received.natural"]').getAttribute('data-grc-status'), { timeout: 15_000 }).toBe('error');
    const tabId = await b.tabIdOf(page);
    await expect.poll(() => b.badge(tabId)).toMatch(/^\d+$/);
    // The engine runs in the report's frame only, not in the portal around it.
    const checked = await b.framesWith(tabId, 'checker');
    expect(checked).toHaveLength(1);
    expect(checked[0]).not.toBe(0);
    const popup = await b.popup(tabId);
    await expect.poll(() => popup.locator('article').getAttribute('data-frame-kind')).toBe('other-site');
    expect(await popup.locator('.frame-kind').textContent()).toBe('来自其他网站的内嵌页面');
    expect(await popup.locator('.frame-url').textContent()).toBe(url('/error-report.html', 'report.other.gov.cn'));
    await popup.close();
    await page.close();
  });

  it('reads an untitled frame by its text (a CMS fragment), not the titled portal around it', async () => {
    const page = await b.open('/fragment-host.html');
    const frame = page.frameLocator('#report');
    await expect.poll(() => frame.locator('[data-grc-chip="t3"]').count(), { timeout: 15_000 }).toBe(1);
    const checked = await b.framesWith(await b.tabIdOf(page), 'checker');
    expect(checked).toHaveLength(1);
    expect(checked[0]).not.toBe(0);
    await page.close();
  });

  it('follows a single-page navigation away from the report and back', async () => {
    const page = await b.open('/spa.html');
    await expect.poll(() => page.locator('[data-grc-cell]').count(), { timeout: 15_000 }).toBe(200);
    const tabId = await b.tabIdOf(page);
    await expect.poll(() => b.badge(tabId)).toBe('✓');
    await page.evaluate(() => {
      history.pushState({}, '', '/spa/list');
      document.title = '通知公告';
      document.getElementById('app')!.innerHTML = '<ul><li>关于开展医保基金监管专项检查的通知</li></ul>';
    });
    await expect.poll(() => page.locator('grc-overlay, style[data-grc-ui], [style*="outline"]').count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => b.badge(tabId)).toBe('');
    await page.evaluate(() => {
      history.pushState({}, '', '/spa.html');
      document.title = '上海市医疗保障局2021年政府信息公开工作年度报告';
      document.getElementById('app')!.innerHTML = (document.getElementById('report') as HTMLTemplateElement).innerHTML;
    });
    await expect.poll(() => page.locator('[data-grc-cell]').count(), { timeout: 15_000 }).toBe(200);
    await expect.poll(() => b.badge(tabId)).toBe('✓');
    await page.close();
  });
});

describe('in an English browser', () => {
  const b = browserFixture('en-US');

  it('chips, pill, panel, figures, findings and popup are in English', async () => {
    const page = await b.open('/error-report.html', 'en.example.gov.cn');
    const chip = page.locator('[data-grc-chip="t3"]');
    await expect.poll(() => chip.textContent(), { timeout: 15_000 }).toMatch(new RegExp(`^Table 3\\s*${re(t3ErrorsEn)}$`));
    expect(await page.locator('[data-grc-chip="t4"]').textContent()).toMatch(/Table 4\s*✓ All checks hold/);
    expect(await page.locator('.grc-label').textContent()).toBe('should be 42');
    await page.locator('.grc-pill').click();
    const panel = page.locator('.grc-panel');
    await expect.poll(() => panel.locator('p[data-status]').textContent()).toBe(errorsEn);
    expect(await panel.locator('.grc-identity').textContent()).toMatch(/^Agency: .* · Year: 2021 · Format: 2021 format$/);
    expect(await panel.locator('[data-figure="newReceived"] dt').textContent()).toMatch(/[A-Za-z]/);
    // No Chinese in the panel's own words: only the report's names (agency) may be Chinese.
    const words = (await panel.locator(ownWords).allTextContents()).join(' ');
    expect(words).not.toMatch(/[\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]/);
    await page.locator('[data-grc-cell="t3.new_received.natural"]').hover();
    await expect.poll(() => page.locator('.grc-tooltip').textContent()).toMatch(/should be 42.*43/);
    await page.screenshot({ path: join(shots, 'overlay-en.png') });
    const tabId = await b.tabIdOf(page);
    const popup = await b.popup(tabId);
    await expect.poll(() => popup.locator('p[data-status]').textContent()).toBe(errorsEn);
    expect(await popup.locator('.frame-kind').textContent()).toBe('This page');
    expect(await popup.locator('button[data-copy="table-t3"]').textContent()).toBe('Copy Table 3');
    const popupWords = (await popup.locator(ownWords).allTextContents()).join(' ');
    expect(popupWords).not.toMatch(/[\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]/);
    await popup.screenshot({ path: join(shots, 'popup-en.png'), fullPage: true });
    await popup.close();

    // The settings' language wins over the browser's.
    await b.worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ 'grc:settings': { language: 'zh' } }));
    await page.reload();
    await expect.poll(() => page.locator('[data-grc-chip="t3"]').textContent(), { timeout: 15_000 }).toMatch(/^表三/);
    await page.close();
  });
});

describe('network', () => {
  it('made no request beyond the fixture pages and the extension\'s own files', () => {
    expect(requests.length).toBeGreaterThan(5);
    const ours = /^(http:\/\/[a-z.]+\.gov\.cn:\d+\/|http:\/\/localhost:\d+\/|chrome-extension:\/\/[a-p]{32}\/|about:|data:)/;
    expect(requests.filter((u) => !ours.test(u))).toEqual([]);
  });
});
