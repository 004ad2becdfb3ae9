/**
 * Reading limits (utils/report/page.ts, utils/dom/page.ts): a huge or deeply nested page costs
 * a bounded time, and whatever is left unread is said — a note in the summary's notChecked, never
 * silence and never a green verdict.
 */
import { describe, expect, it } from 'vitest';
import { pageFromHtml } from '../../cli/cheerioPage.ts';
import { pageFromDocument, readDocument } from '../../utils/dom/page.ts';
import { analyze } from '../../utils/report/analyze.ts';
import { READ_LIMITS } from '../../utils/report/page.ts';
import type { PageSource } from '../../utils/report/types.ts';
import { hostilePages } from '../helpers/hostile.ts';
import { domDocument, seedHtml } from '../helpers/load.ts';
import { articleOf } from '../helpers/official.ts';

const pages = hostilePages();
// happy-dom takes seconds to parse 20 000 rows: the DOM adapter gets 2 000 (cheerio the 20 000), once.
let bigDocument: Document | undefined;
const bigDom = () => (bigDocument ??= domDocument(pages.rows20000.replace(/(<tr><td>1999<\/td>[\s\S]*?<\/tr>)[\s\S]*?<\/table>/, '$1</table>')));
const tableRows = (page: PageSource) => page.blocks.flatMap((b) => (b.kind === 'table' ? [b.rows.length] : []));
const notes = (page: PageSource) => analyze(page).summary.notChecked.map((n) => n.zh);
const report = articleOf(seedHtml('004'));
const page = (body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>上海市医疗保障局2021年政府信息公开工作年度报告</title></head><body>${body}</body></html>`;

describe('a report beside a 20 000-row table', () => {
  for (const [adapter, read] of [
    ['the DOM', () => pageFromDocument(bigDom(), 'big.html')],
    ['cheerio', () => pageFromHtml(pages.rows20000, 'big.html')],
  ] as const) {
    it(`${adapter}: the long table is read to its first ${READ_LIMITS.probeRows} rows only, the report whole, and the page says so`, () => {
      const source = read();
      expect(Math.max(...tableRows(source))).toBe(READ_LIMITS.probeRows);
      const a = analyze(source);
      expect(a.isReport).toBe(true);
      expect(a.cells['t3.new_received.total']).toBe(49);
      expect(a.summary.notChecked).toContainEqual(expect.objectContaining({ reason: 'too-large', zh: `页面过大：1 张长表格不像年报表格，只读取了前 ${READ_LIMITS.probeRows} 行` }));
      // Read as it is, the report holds; but not all of the page was read: not green.
      expect(a.summary.status).toBe('incomplete');
    });
  }

  it('a long table that can be a report table (its labels say so) is read further', () => {
    const rows = Array.from({ length: 500 }, (_, i) => `<tr><td>行政复议</td><td>${i}</td></tr>`).join('');
    const source = pageFromHtml(page(`${report}<table>${rows}</table>`), 'x');
    expect(Math.max(...tableRows(source))).toBe(500);
    expect(source.notes).toBeUndefined();
  });
});

describe('the page’s budget of cells', () => {
  const smallTable = (i: number) => `<table>${Array.from({ length: 10 }, (_, r) => `<tr><td>项目${i}-${r}</td><td>${r}</td></tr>`).join('')}</table>`;
  const html = page(report + Array.from({ length: 40 }, (_, i) => smallTable(i)).join(''));
  const limits = { ...READ_LIMITS, maxCells: 1000 };

  it('tables past it are not read, and the note says how many were', async () => {
    const source = await readDocument(domDocument(html), { limits });
    const read = tableRows(source).length;
    expect(read).toBeLessThan(43);
    expect(notes(source)).toContain(`页面过大，只核对了前 ${read} 张表`);
    // The report's own tables come first on this page, so it is still checked.
    expect(analyze(source).cells['t3.new_received.total']).toBe(49);
  });
});

describe('what is sent to the engine stays small', () => {
  it('huge cells in a long table that looks like a report table: the page is cut at its budget, and says so', () => {
    const cell = '行政复议'.repeat(1500); // 6000 characters
    const rows = Array.from({ length: 1000 }, () => `<tr>${`<td>${cell}</td>`.repeat(30)}</tr>`).join('');
    const html = page(`${report}<table><tr><td>行政复议</td></tr>${rows}</table><p>后记</p>`);
    expect(html.length).toBeGreaterThan(150_000_000);
    const source = pageFromHtml(html, 'x');
    // The characters read are bounded by the budget (plus one cell over it, at most).
    const chars = source.blocks.reduce((n, b) => n + (b.kind === 'text' ? b.text.length : b.rows.flat().reduce((m, c) => m + c.text.length, 0)), 0);
    expect(chars).toBeLessThan(READ_LIMITS.maxChars * 1.01);
    expect(notes(source).some((n) => /^页面过大/.test(n))).toBe(true);
    expect(analyze(source).cells['t3.new_received.total']).toBe(49);
  });
});

describe('nesting', () => {
  const nest = (levels: number, inner: string) => '<table><tr><td>'.repeat(levels) + inner + '</td></tr></table>'.repeat(levels);

  it('a report inside 110 levels of layout tables is read (deeper than the old bound of 400 elements)', () => {
    const a = analyze(pageFromHtml(page(nest(110, report)), 'x'));
    expect(a.isReport).toBe(true);
    expect(a.cells['t3.new_received.total']).toBe(49);
    expect(a.summary.notChecked.filter((n) => n.reason === 'too-deep')).toEqual([]);
  });

  it('deeper than the bound: "页面嵌套过深，未能读取", not silence', () => {
    for (const source of [pageFromHtml(page(nest(250, report)), 'x'), pageFromDocument(domDocument(page(nest(250, report))), 'x')]) {
      const a = analyze(source);
      expect(a.summary.notChecked).toContainEqual(expect.objectContaining({ reason: 'too-deep' }));
      expect(a.summary.notChecked.find((n) => n.reason === 'too-deep')!.zh).toMatch(/^页面嵌套过深，未能读取/);
      expect(a.summary.status).not.toBe('ok');
    }
  });
});

describe('reading the live DOM in slices', () => {
  it('gives the same page source as reading it in one go, pausing between slices', async () => {
    const doc = bigDom();
    let pauses = 0;
    // A slice budget of 0 ms: pause at every step the walk offers (each table, every 4000 nodes).
    const sliced = await readDocument(doc, { pause: async () => void pauses++, limits: READ_LIMITS, slice: 0 });
    expect(pauses).toBeGreaterThan(3);
    expect(sliced).toEqual(pageFromDocument(doc, doc.location.href));
  });

  it('stops when its signal is aborted', async () => {
    const doc = domDocument(seedHtml('004'));
    const stop = new AbortController();
    const reading = readDocument(doc, { slice: 0, signal: stop.signal, pause: async () => stop.abort() });
    await expect(reading).rejects.toThrow();
  });
});
