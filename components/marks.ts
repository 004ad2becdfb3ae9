/**
 * Which of the page's cells the overlay marks, and how, from the Analysis alone (the engine
 * names the suspects; nothing is worked out here):
 *  - a suspect cell: `error`, with the value it should have;
 *  - the other cells of the failed identities a suspect explains: `related` (faint);
 *  - cells of a failed check no suspect explains: `error` (or `warning` for a warning).
 * Dismissed findings, notes (info) and checks left incomplete by blank cells mark nothing.
 */
import type { Analysis, Finding, Suspect } from '../utils/report/types.ts';

export type MarkStatus = 'error' | 'warning' | 'related';

export interface CellMark {
  status: MarkStatus;
  /** The suspect's value when this cell is a suspect. */
  suspect?: Suspect;
  /** Every live failed finding through this cell. */
  findings: Finding[];
}

const RANK: Record<MarkStatus, number> = { related: 1, warning: 2, error: 3 };

/** The live failed findings a person should look at (not dismissed, not notes, not blanks). */
export function problemFindings(analysis: Analysis): Finding[] {
  return analysis.findings.filter((f) => f.status === 'fail' && !f.dismissed && f.severity !== 'info' && !f.incomplete);
}

/** The suspect that explains a failed finding, if one does. */
export function suspectOf(analysis: Analysis, f: Finding): Suspect | undefined {
  return analysis.suspects.find((s) => s.cell === f.suspect || (f.check !== undefined && s.explains.includes(f.check)));
}

export function cellMarks(analysis: Analysis): Map<string, CellMark> {
  const marks = new Map<string, CellMark>();
  const mark = (id: string, status: MarkStatus, f?: Finding, suspect?: Suspect) => {
    const m = marks.get(id) ?? { status, findings: [] };
    if (RANK[status] > RANK[m.status]) m.status = status;
    if (suspect) m.suspect = suspect;
    if (f && !m.findings.includes(f)) m.findings.push(f);
    marks.set(id, m);
  };
  for (const s of analysis.suspects) mark(s.cell, 'error', undefined, s);
  for (const f of problemFindings(analysis)) {
    const s = suspectOf(analysis, f);
    for (const id of f.cells) {
      if (s && id === s.cell) mark(id, 'error', f, s);
      else mark(id, s ? 'related' : f.severity === 'error' ? 'error' : 'warning', f);
    }
    if (s && !f.cells.includes(s.cell)) mark(s.cell, 'error', f, s);
  }
  return marks;
}

/**
 * The places "next problem" goes to, once each: every suspect cell, and the first cell of each
 * failed check no suspect explains (document order is the overlay's to apply).
 */
export function problemCells(analysis: Analysis): string[] {
  const cells = analysis.suspects.map((s) => s.cell);
  for (const f of problemFindings(analysis)) if (!suspectOf(analysis, f) && f.cells[0]) cells.push(f.cells[0]);
  return [...new Set(cells)];
}

/** Where 定位 goes for a finding: its suspect cell, else its first cell. */
export function locateCell(analysis: Analysis, f: Finding): string | undefined {
  return suspectOf(analysis, f)?.cell ?? f.cells[0];
}
