/**
 * The run-together digit splitter (textTables.splitDigitRun): its memoized search finds
 * exactly the splits the plain exhaustive search finds, on hard runs too, and a run it cannot
 * settle is uncertain, never guessed.
 */
import { describe, expect, it } from 'vitest';
import { splitDigitRun } from '../../utils/report/textTables.ts';
import { analyzeText, failed, readFixture } from '../helpers/load.ts';

/** Every split, by brute force: each number without a leading zero, each group's last the sum of the others. */
function everySplit(run: string, groups: number[]): number[][] {
  const starts: number[] = [];
  const closes: boolean[] = [];
  let from = 0;
  for (const g of groups) {
    for (let k = 0; k < g; k++) {
      starts.push(from);
      closes.push(k === g - 1);
    }
    from += g;
  }
  const total = from;
  const out: number[][] = [];
  const values: number[] = [];
  const walk = (pos: number, index: number) => {
    if (index === total) {
      if (pos === run.length) out.push([...values]);
      return;
    }
    for (let end = pos + 1; end <= run.length; end++) {
      const piece = run.slice(pos, end);
      if (piece.length > 1 && piece.startsWith('0')) break;
      values[index] = Number(piece);
      if (closes[index] && values.slice(starts[index], index).reduce((a, b) => a + b, 0) !== values[index]) continue;
      walk(end, index + 1);
    }
    values.length = index;
  };
  walk(0, 0);
  return out;
}

/** A reproducible sequence of numbers (no Math.random: a failing case must come back). */
function numbers(seed: number) {
  let x = seed;
  return (max: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % (max + 1);
  };
}

const sorted = (xs: number[][]) => xs.map((x) => x.join(',')).sort();

describe('splitDigitRun', () => {
  it('finds exactly the splits an exhaustive search finds (表三 rows and 表四, 300 generated runs)', () => {
    const next = numbers(7);
    let compared = 0;
    for (let i = 0; i < 300; i++) {
      const groups = i % 2 ? [7] : [5, 5, 5];
      const size = groups[0];
      const row: number[] = [];
      for (const _ of groups) {
        // Mostly zeros and small counts, as real tables hold.
        const parts = Array.from({ length: size - 1 }, () => (next(3) === 0 ? next(size === 7 ? 120 : 12) : next(2) ? 0 : next(9)));
        row.push(...parts, parts.reduce((a, b) => a + b, 0));
      }
      const run = row.join('');
      if (run.length > 22) continue; // the exhaustive search is too slow beyond this
      const { candidates, exhausted } = splitDigitRun(run, { groups, constrained: true });
      expect(exhausted, run).toBe(false);
      expect(sorted(candidates), run).toEqual(sorted(everySplit(run, groups)));
      expect(sorted(candidates), run).toContain(row.join(','));
      compared++;
    }
    expect(compared).toBeGreaterThan(200);
  });

  it('settles long runs with two-digit numbers everywhere, without reaching its bound', () => {
    const t4 = [25, 13, 11, 14, 63, 32, 15, 12, 10, 69, 18, 12, 11, 10, 51];
    expect(splitDigitRun(t4.join(''), { groups: [5, 5, 5], constrained: true })).toEqual({ candidates: [t4], exhausted: false });
    // Two rows of 表三 glued together: no split of 7 fits, and it says so at once.
    expect(splitDigitRun('1584321000117015843210001170', { groups: [7], constrained: true })).toEqual({ candidates: [], exhausted: false });
  });

  it('a run longer than it may search is uncertain, never guessed', () => {
    const page = readFixture('shapes/oneline-2021.txt').replace('（一）予以公开150000015', `（一）予以公开${'1'.repeat(41)}`);
    const a = analyzeText(page);
    expect(a.cells['t3.granted.natural']).toBeNull();
    expect(a.tables.t3.uncertainRows).toContain('t3.granted');
    expect(failed(a, 'cells.uncertain_split').some((f) => f.cells.includes('t3.granted.total'))).toBe(true);
  });
});
