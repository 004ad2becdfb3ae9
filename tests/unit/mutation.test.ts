/**
 * Change any single cell of a consistent 表三 or 表四 by ±k, on every seed page whose tables are
 * filled in: in 表三 the one suspect is that very cell with its original value, explaining every
 * failed identity; in 表四 (one identity per group) no cell can be singled out, and the finding
 * says which group is off and by how much.
 */
import { describe, expect, it } from 'vitest';
import { analyze, analyzePage } from '../../utils/report/analyze.ts';
import { T4_GROUPS } from '../../utils/report/formats.ts';
import type { PageSource, RawCell } from '../../utils/report/types.ts';
import { pageFromHtml } from '../../cli/cheerioPage.ts';
import { errors, seedHtml, type SeedId } from '../helpers/load.ts';

/** Seeds whose 表三 and 表四 are filled in completely (002's are empty). */
const SEEDS: { id: SeedId; t3: number }[] = [
  { id: '000', t3: 161 },
  { id: '001', t3: 175 },
  { id: '003', t3: 175 },
  { id: '004', t3: 175 },
];

function mutable(page: PageSource) {
  const { analysis, cellRefs } = analyzePage(page);
  const byRef = new Map<unknown, RawCell>();
  for (const b of page.blocks) if (b.kind === 'table') for (const r of b.rows) for (const c of r) byRef.set(c.ref, c);
  const ids = Object.keys(analysis.cells).filter((id) => id.startsWith('t3.') || id.startsWith('t4.'));
  /** Analyzes the page with one cell's text replaced. */
  const withCell = (id: string, text: string) => {
    const cell = byRef.get(cellRefs.get(id))!;
    const original = cell.text;
    cell.text = text;
    try {
      return analyze(page);
    } finally {
      cell.text = original;
    }
  };
  return { analysis, ids, withCell };
}

describe.each(SEEDS)('mutation of seed $id: every cell of 表三 and 表四', ({ id, t3 }) => {
  const page = pageFromHtml(seedHtml(id), `seed-${id}`);
  const { analysis, ids, withCell } = mutable(page);

  it('starts from a consistent report with every cell read', () => {
    expect(ids).toHaveLength(t3 + 15);
    expect(ids.every((c) => analysis.cells[c] !== null)).toBe(true);
    expect(errors(analysis)).toEqual([]);
    expect(analysis.suspects).toEqual([]);
  });

  // +k for every cell, −k where the cell holds at least k (k differs from cell to cell).
  it.each([1, -1])('表三: a change of %i·k in any one cell makes that cell the one suspect, with its original value', (sign) => {
    const wrong: string[] = [];
    ids.filter((c) => c.startsWith('t3.')).forEach((cell, n) => {
      const original = analysis.cells[cell]!;
      const k = 1 + (n % 4);
      if (original + sign * k < 0) return;
      const a = withCell(cell, String(original + sign * k));
      const [s, ...more] = a.suspects;
      const explained = errors(a).filter((f) => f.id.startsWith('t3.'));
      const ok =
        more.length === 0 && s?.cell === cell && s.expected === original && s.actual === original + sign * k &&
        explained.length > 0 && explained.every((f) => f.suspect === cell && s.explains.includes(f.check!)) &&
        s.explains.length === explained.length;
      if (!ok) wrong.push(`${cell}: ${JSON.stringify(a.suspects)}`);
    });
    expect(wrong).toEqual([]);
  });

  it.each([1, -1])('表四: a change of %i·k names no suspect, and the group off by k', (sign) => {
    const wrong: string[] = [];
    ids.filter((c) => c.startsWith('t4.')).forEach((cell, n) => {
      const original = analysis.cells[cell]!;
      const k = 1 + (n % 3);
      if (original + sign * k < 0) return;
      const a = withCell(cell, String(original + sign * k));
      const group = T4_GROUPS.find((g) => cell.startsWith(`t4.cases.${g.id}_`))!;
      const failed = errors(a);
      const total = a.cells[`t4.cases.${group.id}_total`]!;
      const parts = ['maintained', 'corrected', 'other', 'pending'].reduce((sum, o) => sum + a.cells[`t4.cases.${group.id}_${o}`]!, 0);
      const ok =
        a.suspects.length === 0 && failed.length === 1 && failed[0].check === group.ruleId && failed[0].suspect === undefined &&
        failed[0].message === `${group.label}：各项之和 ${parts}，总计 ${total}，相差 ${k}` &&
        failed[0].messageEn === `${group.en}: the sum of the outcomes ${parts}, the total ${total}, a difference of ${k}`;
      if (!ok) wrong.push(`${cell}: ${JSON.stringify(failed.map((f) => [f.check, f.message, f.messageEn]))}`);
    });
    expect(wrong).toEqual([]);
  });
});
