/**
 * Reports written as text get their numbers marked where they are written (issue 7 item 6):
 * every value the engine reads from a text table — separated by tabs, pipes or spaces, or run
 * together with no separator at all, on many lines or on one — carries where it stands in its
 * text block, and that place, found again in the DOM (utils/dom/highlight.ts), holds exactly
 * the value's digits.
 */
import { describe, expect, it } from 'vitest';
import { pageFromDocument } from '../../utils/dom/page.ts';
import { rangeInBlock } from '../../utils/dom/highlight.ts';
import { analyzePage } from '../../utils/report/analyze.ts';
import { layouts, seedParts } from '../helpers/layouts.ts';
import { domDocument, readFixture } from '../helpers/load.ts';
import { esc } from '../helpers/official.ts';

/** A text report as a CMS shows it: one paragraph per line. */
const asParagraphs = (text: string) => `<html><head><title>报告</title></head><body>${text.split('\n').map((l) => `<p>${esc(l)}</p>`).join('')}</body></html>`;

function marksOf(html: string) {
  const { analysis, cellRefs, cellAt } = analyzePage(pageFromDocument(domDocument(html)));
  const read = Object.entries(analysis.cells).filter(([, v]) => v !== null);
  const placed = read.filter(([id]) => cellAt.has(id));
  const wrong = placed
    .map(([id, value]) => ({ id, value, text: rangeInBlock(cellRefs.get(id)!, cellAt.get(id)!)?.toString() }))
    .filter(({ value, text }) => text === undefined || Number(text.replace(/^\+/, '')) !== value);
  return { analysis, read, placed, wrong };
}

describe('values of text tables are placed where they are written', () => {
  const text = layouts(seedParts('004')).filter((l) => l.kind === 'text');
  for (const layout of text) {
    it(layout.name, () => {
      const { analysis, read, placed, wrong } = marksOf(asParagraphs(layout.content));
      expect(analysis.isReport).toBe(true);
      expect(read.length).toBeGreaterThan(150);
      // Every value read has a place, and the place holds the value.
      expect(read.filter(([id]) => !placed.some(([p]) => p === id)).map(([id]) => id)).toEqual([]);
      expect(wrong).toEqual([]);
    });
  }

  it('a whole report on one line (the one-line shape): its 表三 values too', () => {
    const oneLine = readFixture('shapes/oneline-2021.txt');
    expect(oneLine.trim().split('\n').length).toBeLessThan(5);
    const { analysis, placed, wrong } = marksOf(asParagraphs(oneLine));
    expect(analysis.isReport).toBe(true);
    expect(placed.filter(([id]) => id.startsWith('t3.')).length).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
  });
});
