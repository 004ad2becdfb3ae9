/** Bad input gets a clear finding or error, in bounded time, and never a throw or a hang. */
import { describe, expect, it } from 'vitest';
import { clampSpan, MAX_GRID_ROWS, MAX_SPAN, toGrid } from '../../utils/report/grid.ts';
import { decodeBytes, NotTextError } from '../../cli/decode.ts';
import { analyzeHtml, analyzeText, failed } from '../helpers/load.ts';
import { hostilePages } from '../helpers/hostile.ts';

const pages = hostilePages();

describe('hostile input', () => {
  it('clamps spans of 0, negative, junk and 100000', () => {
    expect([0, -5, Number.NaN, 1, 3, 100_000].map(clampSpan)).toEqual([1, 1, 1, 1, 3, MAX_SPAN]);
    const grid = toGrid([[{ text: 'a', rowSpan: 100_000, colSpan: 100_000 }], [{ text: 'b', rowSpan: 1, colSpan: 1 }]]);
    expect(grid.rows.length).toBe(2);
    expect(grid.width).toBeLessThanOrEqual(80);
  });

  it('a report with absurd spans is still read and checked', () => {
    const a = analyzeHtml(pages.spans);
    expect(a.isReport).toBe(true);
    expect(a.tables.t3.found).toBe(true);
    expect(a.cells['t3.granted.total']).toBe(18);
  });

  it('a 20 000-row table next to the report is capped, the report still read', () => {
    const grid = toGrid(Array.from({ length: 20_000 }, () => [{ text: '1', rowSpan: 1, colSpan: 1 }]));
    expect(grid.truncated).toBe(true);
    expect(grid.rows.length).toBe(MAX_GRID_ROWS);
    expect(grid.rows.length).toBeLessThan(20_000);
    const a = analyzeHtml(pages.rows20000);
    expect(a.cells['t3.new_received.total']).toBe(49);
  });

  it('tables nested 50 deep: the innermost table is found', () => {
    const a = analyzeHtml(pages.deep);
    expect(a.tables.t3.found).toBe(true);
    expect(failed(a, 'tables.present').some((f) => f.table === 't3' && f.message.includes('没有填写'))).toBe(true);
  });

  it('elements nested 20 000 deep beside the report: no stack overflow, the report still read', () => {
    const a = analyzeHtml(pages.deepDivs);
    expect(a.isReport).toBe(true);
    expect(a.cells['t3.new_received.total']).toBe(49);
  });

  it('malformed markup and script-looking text never throw, and text stays text', () => {
    expect(() => analyzeHtml(pages.malformed)).not.toThrow();
    const a = analyzeHtml(pages.script);
    const bad = failed(a, 'cells.non_negative_integer')[0];
    expect(bad.cells).toEqual(['t3.new_received.natural']);
    expect(bad.actual).toBe('<script>alert(1)</script>');
  });

  it('binary input is refused with a clear message', () => {
    expect(() => decodeBytes(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3]))).toThrow(NotTextError);
    expect(() => decodeBytes(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3]))).toThrow('二进制');
  });

  it('random bytes as text, and an empty page, are simply not reports', () => {
    const junk = Array.from({ length: 5000 }, (_, i) => String.fromCharCode(32 + ((i * 7919) % 20000))).join('');
    expect(analyzeText(junk).isReport).toBe(false);
    expect(analyzeHtml('').isReport).toBe(false);
    expect(analyzeText('').findings).toEqual([]);
  });
});
