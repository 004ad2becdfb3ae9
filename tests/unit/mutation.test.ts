/** Change any single cell of a consistent 表三 or 表四: an error names that very cell. */
import { describe, expect, it } from 'vitest';
import { analyze, analyzePage } from '../../utils/report/analyze.ts';
import type { RawCell } from '../../utils/report/types.ts';
import { pageFromHtml } from '../../cli/cheerioPage.ts';
import { errors, seedHtml } from '../helpers/load.ts';

describe('mutation: every cell of 表三 and 表四 is checked', () => {
  const page = pageFromHtml(seedHtml('004'), 'seed-004');
  const { analysis, cellRefs } = analyzePage(page);
  const byRef = new Map<unknown, RawCell>();
  for (const b of page.blocks) if (b.kind === 'table') for (const r of b.rows) for (const c of r) byRef.set(c.ref, c);
  const ids = Object.keys(analysis.cells).filter((id) => id.startsWith('t3.') || id.startsWith('t4.'));

  it('starts from a consistent report', () => {
    expect(ids).toHaveLength(175 + 15);
    expect(errors(analysis)).toEqual([]);
  });

  it.each([1, -1])('a change of %i in any one cell is an error naming that cell', (delta) => {
    const missed: string[] = [];
    for (const id of ids) {
      const cell = byRef.get(cellRefs.get(id))!;
      const original = cell.text;
      const next = Number(original) + delta;
      cell.text = String(next < 0 ? Number(original) + 1 : next);
      const a = analyze(page);
      if (!errors(a).some((f) => f.cells.includes(id))) missed.push(id);
      cell.text = original;
    }
    expect(missed).toEqual([]);
  });
});
