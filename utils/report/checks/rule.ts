/**
 * The shape every rule has (one file per rule in rules/, after axe-core and refined-github),
 * the report model rules read, and the helpers they share: looking up a cell, and checking the
 * format's identities (formats.ts) with blanks told apart from errors.
 *
 * A rule's `check` returns its outcomes only; `analyze` turns each into a Finding by adding the
 * rule's id, severity and table and a unique check id (`<rule id>/<at>`).
 */
import { identities, type FormatId, type Identity, type TableId, type Words } from '../formats.ts';
import type { Detection } from '../detect.ts';
import { TABLE_NAMES } from '../labels.ts';
import type { Fact, Line, SectionHit } from '../narrative.ts';
import type { CellReading } from '../tables.ts';
import type { Analysis, ReportContext, Severity, Status, TableInfo } from '../types.ts';

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
  /** Last year's report of the same agency, when the library has it (cross-year rules). */
  previous?: Analysis;
  /** What the library knows beside the page: publication date, deadlines. */
  context?: ReportContext;
}

/** One result of a rule: what `analyze` makes a Finding of. */
export interface Outcome {
  /**
   * Where in the rule this was checked, unique within the rule: a column, a row, a table, a
   * cell id, the index of a sentence. The check id is `<rule id>/<at>`; a rule that returns a
   * single outcome may leave it out (the check id is then the rule id).
   */
  at?: string;
  status: Status;
  /** The sentence in Chinese: rows and columns by their labels, never cell ids. */
  message: string;
  /** The same sentence in English. */
  messageEn: string;
  /** Cell ids involved (data-contract ids). */
  cells?: string[];
  expected?: number | string | null;
  actual?: number | string | null;
  /** Could not be settled because of blank cells (an error rule's finding becomes a warning). */
  incomplete?: boolean;
  /** The table this outcome belongs to, when the rule spans several. */
  table?: TableId;
  /** Passages of the page the finding is about (crossyear.repetition: the repeated sentences). */
  quotes?: string[];
}

export interface Rule {
  id: string;
  severity: Severity;
  /** The table whose chip shows this rule's findings, if any (an outcome may name its own). */
  table?: TableId;
  title: Words;
  explanation: Words;
  check(report: Report): Outcome[];
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

/** Capitalizes the first letter of an English sentence built from labels. */
export const sentenceEn = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A cell's value for arithmetic and whether it was blank (or a placeholder, or missing). */
export function cellValue(report: Report, id: string): { value: number; blank: boolean; known: boolean } {
  const c = report.cells.get(id);
  if (!c || c.uncertain) return { value: 0, blank: true, known: false };
  if (c.value.kind === 'number') return { value: c.value.value, blank: false, known: true };
  return { value: 0, blank: c.value.kind !== 'invalid', known: true };
}

/** The outcome for a table the report does not have (or that could not be read), or null. */
export function skipMissingTable(report: Report, table: TableId): Outcome | null {
  if (report.tables[table].found) return null;
  const name = TABLE_NAMES[table];
  return { status: 'skip', message: `未找到${name.zh}，未校验`, messageEn: `${name.en} was not found; not checked`, table };
}

/** Every identity of one rule, checked (see checkIdentity); a skip when its table is missing. */
export function checkIdentities(report: Report, ruleId: string): Outcome[] {
  const own = identities(report.format).filter((i) => i.rule === ruleId);
  const missing = skipMissingTable(report, own[0].table);
  if (missing) return [missing];
  return own.map((i) => checkIdentity(report, i));
}

/** The part of a check id after the rule id (`natural` of `t3.balance/natural`). */
const atOf = (identity: Identity) => identity.check.slice(identity.rule.length + 1) || undefined;

/**
 * Checks total = parts. Every cell missing → skip; a difference that only blanks could explain
 * → incomplete (never an arithmetic error: a blank is not a 0 a person wrote); otherwise a
 * failure saying both sums and the difference.
 */
export function checkIdentity(report: Report, identity: Identity): Outcome {
  const { where, total, parts } = identity;
  const cells = [...total.cells, ...parts.cells];
  const base = { at: atOf(identity), cells, table: identity.table };
  // Each cell read once: the total's cells first, then the parts'.
  const read = cells.map((id) => cellValue(report, id));
  if (read.every((r) => !r.known)) {
    return { ...base, status: 'skip', message: `${where.zh}：表格中没有这些单元格，未校验`, messageEn: sentenceEn(`${where.en}: these cells are not in the table; not checked`) };
  }
  const ofTotal = read.slice(0, total.cells.length);
  const sum = (values: typeof read) => values.reduce((s, v) => s + v.value, 0);
  const l = sum(ofTotal);
  const r = sum(read.slice(total.cells.length));
  if (read.every((x) => x.blank)) {
    return { ...base, status: 'skip', incomplete: true, message: `${where.zh}：单元格均为空白，未能核对`, messageEn: sentenceEn(`${where.en}: every cell is blank; not checked`) };
  }
  if (l === r) {
    return {
      ...base, status: 'pass', expected: r, actual: l,
      message: `${where.zh}：${parts.label.zh}与${total.label.zh}相符，均为 ${l}`,
      messageEn: sentenceEn(`${where.en}: ${parts.label.en} and ${total.label.en} agree (${l})`),
    };
  }
  const difference = Math.abs(l - r);
  const totalBlank = ofTotal.every((v) => v.blank);
  if (totalBlank) {
    // 258 + 12 + 1 + 1 + 3 with 总计 left blank: say what the parts make, never "≠ 0".
    return {
      ...base, status: 'skip', incomplete: true, expected: r, actual: null,
      message: `${where.zh}：${total.label.zh}空白，${parts.label.zh}为 ${r}，未能核对`,
      messageEn: sentenceEn(`${where.en}: ${total.label.en} is blank, ${parts.label.en} = ${r}; not checked`),
    };
  }
  if (read.some((v) => v.blank)) {
    return {
      ...base, status: 'skip', incomplete: true, expected: r, actual: l,
      message: `${where.zh}：有空白单元格，未能核对（不计空白，${parts.label.zh} ${r}，${total.label.zh} ${l}）`,
      messageEn: sentenceEn(`${where.en}: blank cells, not checked (without them ${parts.label.en} = ${r}, ${total.label.en} = ${l})`),
    };
  }
  // expected/actual: what the parts add up to, and the total written.
  return {
    ...base, status: 'fail', expected: r, actual: l,
    message: `${where.zh}：${parts.label.zh} ${r}，${total.label.zh} ${l}，相差 ${difference}`,
    messageEn: sentenceEn(`${where.en}: ${parts.label.en} ${r}, ${total.label.en} ${l}, a difference of ${difference}`),
  };
}
