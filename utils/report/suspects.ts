/**
 * From the failed identities to the cell a person must correct, with the value it should have.
 *
 * A cell is a candidate when every identity through it that could be checked failed (none
 * passed, blank-only ones do not count either way), the failures agree on one corrected value,
 * and that value is a count (a whole number ≥ 0). Blank cells are never candidates: a blank is
 * "incomplete", not wrong. Suspects are named only when exactly one set of candidates explains
 * every failed identity, each exactly once (a unique exact cover), group by group of failures
 * that share candidates: one cell in 表三 where a row and a column cross, two independent ones,
 * a total of the 总计 column or the （七）总计 row. A
 * 表四 group has one identity, which any of its five cells could explain: no suspect there;
 * its finding says which group is off and by how much.
 */
import { identities, type FormatId, type Identity } from './formats.ts';
import { cellNumber } from './tables.ts';
import type { Report } from './checks/rule.ts';
import type { Finding, Suspect } from './types.ts';

/** How many branches the exact-cover search may visit before it gives up (and names none). */
const SEARCH_BUDGET = 20_000;

interface Candidate {
  cell: string;
  actual: number;
  expected: number;
  identities: Identity[];
}

export function findSuspects(report: Report, findings: Finding[]): Suspect[] {
  const byCheck = new Map(findings.map((f) => [f.check, f]));
  const all = identities(report.format);
  const settled = (i: Identity) => {
    const f = byCheck.get(i.check);
    return f && !f.incomplete && (f.status === 'pass' || f.status === 'fail') ? f : undefined;
  };
  const failed = all.filter((i) => settled(i)?.status === 'fail');
  if (failed.length === 0) return [];

  const through = identitiesThrough(report.format);
  const value = (id: string) => cellNumber(report.cells.get(id)) ?? 0;
  const sum = (ids: string[]) => ids.reduce((s, id) => s + value(id), 0);

  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  for (const i of failed) {
    for (const cell of [...i.total.cells, ...i.parts.cells]) {
      if (seen.has(cell)) continue;
      seen.add(cell);
      const actual = cellNumber(report.cells.get(cell));
      if (actual === null) continue; // blank, placeholder, unreadable or uncertain
      const checked = through.get(cell)!.filter((x) => settled(x));
      if (checked.some((x) => settled(x)!.status === 'pass')) continue;
      // The value that makes each identity hold, changing this cell alone.
      const wanted = checked.map((x) => {
        const difference = sum(x.total.cells) - sum(x.parts.cells);
        return x.total.cells.includes(cell) ? actual - difference : actual + difference;
      });
      const expected = wanted[0];
      if (wanted.some((w) => w !== expected) || expected < 0 || !Number.isInteger(expected)) continue;
      candidates.push({ cell, actual, expected, identities: checked });
    }
  }

  // Failures no candidate shares are independent (表三 and 表四, or two corners of 表三): each
  // group of failures is explained on its own, or not at all.
  const suspects: Suspect[] = [];
  for (const group of components(failed.map((i) => i.check), candidates)) {
    const own = candidates.filter((c) => group.has(c.identities[0].check));
    const cover = uniqueExactCover([...group], own);
    if (cover) suspects.push(...cover.map(suspectOf));
  }
  return suspects;
}

/** Each cell's identities, in the order of identities(format): built once per format. */
const THROUGH = new Map<FormatId, Map<string, Identity[]>>();
function identitiesThrough(format: FormatId): Map<string, Identity[]> {
  let through = THROUGH.get(format);
  if (!through) {
    through = new Map();
    for (const i of identities(format)) {
      for (const c of [...i.total.cells, ...i.parts.cells]) {
        const list = through.get(c);
        if (list) list.push(i);
        else through.set(c, [i]);
      }
    }
    THROUGH.set(format, through);
  }
  return through;
}

/** The failed checks, grouped: two checks are in one group when a candidate explains both. */
function components(checks: string[], candidates: Candidate[]): Set<string>[] {
  const parent = new Map(checks.map((c) => [c, c]));
  const root = (c: string): string => (parent.get(c) === c ? c : root(parent.get(c)!));
  for (const cand of candidates) {
    const [first, ...rest] = cand.identities.map((i) => root(i.check));
    for (const r of rest) parent.set(r, first);
  }
  const groups = new Map<string, Set<string>>();
  for (const c of checks) {
    const r = root(c);
    if (!groups.has(r)) groups.set(r, new Set());
    groups.get(r)!.add(c);
  }
  return [...groups.values()];
}

/** The one set of candidates covering every failed check exactly once, or null (none, or several). */
function uniqueExactCover(checks: string[], candidates: Candidate[]): Candidate[] | null {
  const covering = new Map<string, Candidate[]>(checks.map((c) => [c, []]));
  for (const c of candidates) for (const i of c.identities) covering.get(i.check)?.push(c);
  const solutions: Candidate[][] = [];
  const covered = new Set<string>();
  const chosen: Candidate[] = [];
  let budget = SEARCH_BUDGET;
  const search = (): void => {
    if (solutions.length > 1 || --budget < 0) return;
    // The uncovered check with the fewest ways to cover it (a dead end shows early).
    let next: string | undefined;
    for (const c of checks) {
      if (covered.has(c)) continue;
      if (next === undefined || covering.get(c)!.length < covering.get(next)!.length) next = c;
    }
    if (next === undefined) {
      solutions.push([...chosen]);
      return;
    }
    for (const cand of covering.get(next)!) {
      if (cand.identities.some((i) => covered.has(i.check))) continue;
      chosen.push(cand);
      for (const i of cand.identities) covered.add(i.check);
      search();
      for (const i of cand.identities) covered.delete(i.check);
      chosen.pop();
    }
  };
  search();
  return solutions.length === 1 && budget >= 0 ? solutions[0] : null;
}

/** The row's own total first, as a person checks it: 按本行合计与自然人列合计推算. */
const BASIS_ORDER = ['t3.row_total', 't3.result_total', 't3.balance'];

function suspectOf(c: Candidate): Suspect {
  c.identities.sort((a, b) => BASIS_ORDER.indexOf(a.rule) - BASIS_ORDER.indexOf(b.rule));
  const zh = listOf(c.identities.map((i) => i.basis.zh), '、', '与');
  const en = listOf(c.identities.map((i) => i.basis.en), ', ', ' and ');
  return {
    cell: c.cell,
    actual: c.actual,
    expected: c.expected,
    explains: c.identities.map((i) => i.check),
    message: `此格应为 ${c.expected}：按${zh}推算，现为 ${c.actual}`,
    messageEn: `This cell should be ${c.expected}, from ${en}; it is ${c.actual}`,
  };
}

/** a、b与c / a, b and c */
const listOf = (xs: string[], comma: string, and: string) => (xs.length < 2 ? xs.join('') : xs.slice(0, -1).join(comma) + and + xs[xs.length - 1]);

/**
 * Marks each explained finding with its suspect cell. A suspect that is also a bad value (−1 for
 * 1) explains that finding too: one cell, one error to fix.
 */
export function markExplained(findings: Finding[], suspects: Suspect[]): void {
  for (const s of suspects) {
    for (const f of findings) {
      if (f.status === 'fail' && f.id === 'cells.non_negative_integer' && f.cells.length === 1 && f.cells[0] === s.cell && f.check) s.explains.push(f.check);
      if (f.check && s.explains.includes(f.check)) f.suspect = s.cell;
    }
  }
}
