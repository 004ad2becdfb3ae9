/**
 * The shape every rule has (one file per rule, after axe-core and refined-github), the report
 * model rules read, and the helpers they share: looking up a cell, and checking an identity
 * "left side = right side" with blanks told apart from errors.
 */
import type { FormatId, TableId } from '../formats.ts';
import type { Detection } from '../detect.ts';
import type { Fact, Line, SectionHit } from '../narrative.ts';
import type { CellReading } from '../tables.ts';
import type { Finding, Severity, TableInfo } from '../types.ts';

/** What a rule sees: the report as read, in the report's own terms. */
export interface Report {
  /** The format the tables were read in (2021 when nothing tells). */
  format: FormatId;
  detection: Detection;
  cells: Map<string, CellReading>;
  tables: Record<TableId, TableInfo>;
  lines: Line[];
  sections: SectionHit[];
  facts: Fact[];
}

export interface Rule {
  id: string;
  severity: Severity;
  /** The table whose chip shows this rule's findings, if any. */
  table?: TableId;
  title: { zh: string; en: string };
  explanation: { zh: string; en: string };
  check(report: Report): Finding[];
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

/** A cell's value for arithmetic and whether it was blank (or a placeholder, or missing). */
export function cellValue(report: Report, id: string): { value: number; blank: boolean; known: boolean } {
  const c = report.cells.get(id);
  if (!c || c.uncertain) return { value: 0, blank: true, known: false };
  if (c.value.kind === 'number') return { value: c.value.value, blank: false, known: true };
  return { value: 0, blank: c.value.kind !== 'invalid', known: true };
}

export interface Side {
  /** How the side is written for people: 一+二. */
  label: string;
  ids: string[];
}

/**
 * Checks lhs = rhs. Every cell blank → skip (nothing was filled in); a difference that only
 * blanks can explain → incomplete (a warning); otherwise an error naming every cell involved.
 */
export function checkIdentity(
  report: Report,
  rule: Rule,
  lhs: Side,
  rhs: Side,
  where: string,
): Finding {
  const ids = [...lhs.ids, ...rhs.ids];
  const base = { id: rule.id, cells: ids, table: rule.table };
  const read = ids.map((id) => cellValue(report, id));
  if (read.every((r) => !r.known)) {
    return { ...base, severity: rule.severity, status: 'skip', message: `${where}：表格中没有这些单元格，未校验` };
  }
  if (read.every((r) => r.blank)) {
    return { ...base, severity: rule.severity, status: 'skip', message: `${where}：单元格均为空，未校验` };
  }
  const left = lhs.ids.map((id) => cellValue(report, id));
  const right = rhs.ids.map((id) => cellValue(report, id));
  const sum = (xs: { value: number }[]) => xs.reduce((s, x) => s + x.value, 0);
  const l = sum(left);
  const r = sum(right);
  const show = (xs: { value: number; blank: boolean }[]) => xs.map((x) => (x.blank ? '空' : String(x.value))).join(' + ');
  if (l === r) {
    return { ...base, severity: rule.severity, status: 'pass', message: `${lhs.label} = ${rhs.label}：${l}（${where}）`, expected: l, actual: l };
  }
  const blanks = read.some((x) => x.blank);
  const sentence = `${lhs.label} 应等于 ${rhs.label}：${show(left)} ≠ ${show(right)}（${where}）`;
  // The cell to correct is the total on the left: expected is what the parts add up to.
  return {
    ...base,
    severity: blanks ? 'warning' : rule.severity,
    status: 'fail',
    incomplete: blanks || undefined,
    message: blanks ? `不完整：${sentence}，有空白单元格` : sentence,
    expected: r,
    actual: l,
  };
}

/** A finding for a table the report does not have (or that we could not read). */
export function skipMissingTable(rule: Rule, report: Report, table: TableId, name: string): Finding | null {
  if (report.tables[table].found) return null;
  return { id: rule.id, severity: rule.severity, status: 'skip', message: `未找到${name}，未校验`, cells: [], table };
}
