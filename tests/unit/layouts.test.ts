/**
 * One report, one verdict, whatever its layout (issue 7 item 3). Each fixture report is
 * rendered in every layout the project reads (tests/helpers/layouts.ts) and must give the
 * same Analysis as its official HTML layout: the same cells, the same findings (ids, checks,
 * statuses, cells, values, sentences), the same suspects, figures and summary. What may
 * differ is where the values came from (`source`, each table's `source`), the `traditional`
 * flag of the traditional page, and — only where digits run together — rows whose split is
 * honestly uncertain (their cells null, listed in `uncertainRows`).
 */
import { describe, expect, it } from 'vitest';
import { allCellIds, T3_ROWS, t3CellId } from '../../utils/report/formats.ts';
import type { Analysis } from '../../utils/report/types.ts';
import { layouts, seedParts, type Layout, type ReportParts } from '../helpers/layouts.ts';
import { analyzeHtml, analyzeText, failed } from '../helpers/load.ts';

const read = (l: Layout) => (l.kind === 'html' ? analyzeHtml(l.content, l.name) : analyzeText(l.content, l.name));

/** The cells of the rows a layout could not split (digits run together), by the row keys it lists. */
function uncertainCells(a: Analysis): Set<string> {
  const rows = Object.values(a.tables).flatMap((t) => t.uncertainRows);
  return new Set(Object.keys(a.cells).filter((id) => rows.some((r) => id.startsWith(r + '.'))));
}

/** What a person sees of an Analysis, without what honestly differs between layouts. */
function verdict(a: Analysis, unsure: Set<string>) {
  const touches = (cells: string[]) => cells.some((c) => unsure.has(c));
  return {
    isReport: a.isReport,
    title: a.title,
    agency: a.agency,
    year: a.year,
    format: a.format,
    confidence: a.confidence,
    tables: Object.fromEntries(Object.entries(a.tables).map(([t, info]) => [t, { found: info.found, cellsRead: info.cellsRead }])),
    cells: Object.fromEntries(Object.entries(a.cells).filter(([id]) => !unsure.has(id))),
    findings: a.findings
      .filter((f) => f.id !== 'cells.uncertain_split' && !touches(f.cells))
      .map((f) => ({ id: f.id, check: f.check, severity: f.severity, status: f.status, cells: f.cells, expected: f.expected, actual: f.actual, incomplete: f.incomplete, message: f.message, table: f.table })),
    suspects: a.suspects.filter((s) => !unsure.has(s.cell)),
    // Figures and the summary count every cell: compared whole where nothing is uncertain.
    figures: unsure.size ? null : a.figures,
    summary: unsure.size ? null : withoutSplitCheck(a),
  };
}

/**
 * The summary without cells.uncertain_split: that check passes where digits run together and
 * is skipped ("not run together") elsewhere, so it alone may move a count between the two.
 */
function withoutSplitCheck(a: Analysis) {
  const split = a.findings.filter((f) => f.id === 'cells.uncertain_split' && f.status !== 'fail');
  const passes = split.filter((f) => f.status === 'pass').length;
  const skips = split.filter((f) => f.status === 'skip').length;
  return { ...a.summary, checks: a.summary.checks - passes, passed: a.summary.passed - passes, skipped: a.summary.skipped - skips };
}

function expectSameVerdictEverywhere(parts: ReportParts, skip: string[] = []) {
  const [official, ...others] = layouts(parts);
  const reference = read(official);
  expect(reference.isReport).toBe(true);
  expect(Object.keys(reference.cells).sort()).toEqual(allCellIds(parts.format).sort());
  for (const layout of others) {
    if (skip.includes(layout.name)) continue;
    it(layout.name, () => {
      const a = read(layout);
      const unsure = uncertainCells(a);
      // Uncertain only where digits run together, and then null, never a guess.
      if (layout.name !== 'text, digits run together') expect([...unsure]).toEqual([]);
      for (const id of unsure) expect(a.cells[id], id).toBeNull();
      expect(a.traditional).toBe(layout.name.includes('traditional') || reference.traditional);
      expect(verdict(a, unsure)).toEqual(verdict(reference, unsure));
    });
  }
  return reference;
}

describe('the same verdict in every layout', () => {
  for (const id of ['000', '001', '003', '004'] as const) {
    describe(`seed ${id}`, () => {
      expectSameVerdictEverywhere(seedParts(id));
    });
  }

  describe('a 2019-format report whose 总计 column is blank', () => {
    const parts = seedParts('000');
    for (const row of T3_ROWS['2019']) parts.values[t3CellId(row.id, 'total')] = '';
    // Run-together digits cannot write a blank: the row's digits simply have one value fewer.
    const reference = expectSameVerdictEverywhere(parts, ['text, digits run together']);
    it('is incomplete, never an arithmetic error, and never reads the blanks as 0', () => {
      expect(reference.cells['t3.new_received.total']).toBeNull();
      expect(reference.figures.newReceived).toBeNull();
      expect(failed(reference).filter((f) => f.severity === 'error')).toEqual([]);
      expect(failed(reference, 't3.row_total').every((f) => f.incomplete)).toBe(true);
    });
  });
});
