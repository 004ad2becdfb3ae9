/**
 * The DOM adapter (in happy-dom) and the cheerio adapter give the same Analysis for every
 * HTML fixture: the content script and the command line cannot disagree.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detachRefs, pageFromDocument } from '../../utils/dom/page.ts';
import { analyzePage } from '../../utils/report/analyze.ts';
import { analyzeDom, analyzeHtml, domDocument, FIXTURES, readFixture } from '../helpers/load.ts';
import { hostilePages } from '../helpers/hostile.ts';

const files = readdirSync(FIXTURES + 'html').filter((f) => f.endsWith('.html'));

describe('DOM adapter and cheerio adapter agree', () => {
  it('has fixtures', () => expect(files.length).toBeGreaterThanOrEqual(6));
  for (const file of files) {
    it(file, () => {
      const html = readFixture('html/' + file);
      const dom = analyzeDom(html, file);
      expect(dom).toEqual(analyzeHtml(html, file));
      expect(dom.isReport).toBe(!file.startsWith('not-report'));
    });
  }
  for (const [name, html] of Object.entries(hostilePages())) {
    if (name === 'rows20000') continue; // happy-dom needs seconds for it; covered by the cheerio test
    // happy-dom's own tree search recurses 20 000 deep; browsers' parsers cap depth at 512.
    if (name === 'deepDivs') continue;
    it(`hostile: ${name}`, () => expect(analyzeDom(html, name)).toEqual(analyzeHtml(html, name)));
  }
});

describe('the page source the checker sends to the background', () => {
  it('survives a message (structured clone) and its refs lead back to the page\'s own cells', () => {
    const html = readFixture('html/seed-004-shanghai-2021.html');
    const doc = domDocument(html);
    const { page, nodes } = detachRefs(pageFromDocument(doc, 'seed-004.html'));
    const { analysis, cellRefs, tableRefs } = analyzePage(structuredClone(page));
    expect(analysis).toEqual(analyzeHtml(html, 'seed-004.html'));
    const cell = nodes[cellRefs.get('t3.new_received.natural')!] as Element;
    expect(cell.tagName).toBe('TD');
    expect(cell.textContent).toBe('42');
    expect(cellRefs.size).toBe(200);
    expect(tableRefs.t3.map((i) => (nodes[i] as Element).tagName)).toEqual(['TABLE']);
  });
});
