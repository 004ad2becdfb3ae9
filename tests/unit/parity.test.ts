/**
 * The DOM adapter (in happy-dom) and the cheerio adapter give the same Analysis for every
 * HTML fixture: the content script and the command line cannot disagree.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeDom, analyzeHtml, FIXTURES, readFixture } from '../helpers/load.ts';
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
    it(`hostile: ${name}`, () => expect(analyzeDom(html, name)).toEqual(analyzeHtml(html, name)));
  }
});
