/**
 * The shapes that cross the engine's boundary: what an adapter hands in (PageSource) and what
 * comes out (Analysis, the versioned data contract documented in docs/analysis-json.md).
 */
import type { FormatId, TableId } from './formats.ts';

/* ------------------------------------------------------------------ in: a page */

/** One cell as the page wrote it. `ref` is the adapter's handle (a DOM element, or nothing). */
export interface RawCell<Ref = unknown> {
  text: string;
  rowSpan: number;
  colSpan: number;
  ref?: Ref;
  /**
   * For a cell of a table written as text: where its value stands in the text block (`ref`
   * is then the block's ref), as offsets into the block's `text`. The checker marks it there.
   */
  at?: TextSpan;
}

/** Character offsets [start, end) into a text block's `text`. */
export interface TextSpan {
  start: number;
  end: number;
}

export type RawRow<Ref = unknown> = RawCell<Ref>[];

/** The page in document order: paragraphs of text and tables. */
export type Block<Ref = unknown> =
  | {
      kind: 'text';
      text: string;
      /** The adapter's handle: the DOM adapter gives the block's first text node. */
      ref?: Ref;
      /** For a line cut from a longer block (a page on one line): where it starts in the text of `ref`'s block. */
      base?: number;
    }
  | { kind: 'table'; rows: RawRow<Ref>[]; ref?: Ref };

export interface PageSource<Ref = unknown> {
  /** URL or file path. */
  source: string;
  /** The document title (<title>, or the first heading); may be empty. */
  title: string;
  blocks: Block<Ref>[];
  /** Publication date (YYYY-MM-DD) from the page's meta tag or a labelled date in its header. */
  published?: string;
  /**
   * What the reader left out and why (a page too large or too deeply nested to read whole):
   * analyze copies these into `summary.notChecked`, so no surface calls such a page correct.
   */
  notes?: NotChecked[];
}

/**
 * What the engine is told beside the page, for checks the page alone cannot settle (given by
 * the library: the date the report was published, the deadlines it configures). Loosely typed
 * on purpose: the rules that read it say what they expect.
 */
export interface ReportContext {
  /** When the report was published (ISO date), if known. */
  publishedAt?: string | null;
  /** Deadlines by kind, e.g. `{ annual: '01-31' }` (month-day); the deadline rule defines the kinds. */
  deadlines?: Record<string, string>;
  [key: string]: unknown;
}

/* ------------------------------------------------------------------ out: an analysis */

export type Severity = 'error' | 'warning' | 'info';
export type Status = 'pass' | 'fail' | 'skip';

export interface Finding {
  /** The rule id, e.g. t3.balance. */
  id: string;
  /**
   * This one check's id, unique in the Analysis: the rule id and where it was checked, e.g.
   * `t3.balance/natural`, `t3.row_total/granted`. Suspects name the checks they explain by it.
   */
  check?: string;
  severity: Severity;
  status: Status;
  /** A sentence a person understands, in Chinese: rows and columns by their labels, never cell ids. */
  message: string;
  /** The same sentence in English (the interface follows the browser's language). */
  messageEn?: string;
  /** Cell ids involved (data-contract ids). */
  cells: string[];
  expected?: number | string | null;
  actual?: number | string | null;
  /** True when the failure comes only from blank cells (reported as a warning). */
  incomplete?: boolean;
  /** Which table the finding belongs to, for the chip on that table. */
  table?: TableId;
  /** The suspect cell (see Analysis.suspects) that explains this failed check, if one does. */
  suspect?: string;
  /** Passages of the page the finding is about, as the page wrote them (crossyear.repetition: the repeated sentences, for highlighting). */
  quotes?: string[];
  /** Set by the library when a person dismissed this finding: excluded from the counts. */
  dismissed?: { reason: string; at: string };
}

/**
 * A cell whose correction alone makes every failed identity through it pass: the likely wrong
 * cell, with the value it should have. Named only when all those identities agree on one value.
 */
export interface Suspect {
  cell: string;
  actual: number | null;
  expected: number;
  /** The `check` ids of the failed findings it explains. */
  explains: string[];
  /** What to tell the person at that cell: 此格应为 100：按本行合计与自然人列合计推算，现为 104. */
  message: string;
  messageEn: string;
}

/** Why something was not checked, in a person's words (zh and en). */
export interface NotChecked {
  table?: TableId;
  /**
   * not-found / not-filled: a table not on the page, or left without a number; blank-cells:
   * checks left open by blanks; uncertain: run-together digits not split; skipped: identities
   * not checked for another reason; not-report: nothing was checked. The others come from the
   * reading (page.ts, tables.ts, narrative.ts: see `TableReading.notes`).
   */
  reason: 'not-found' | 'not-filled' | 'blank-cells' | 'uncertain' | 'skipped' | 'not-report' | 'too-large' | 'too-deep' | 'prose-cap' | 'tables-not-in-text' | 'older-format' | 'other';
  zh: string;
  en: string;
}

/**
 * The one verdict every surface shows (chip, panel, badge, popup, command line):
 *  - errors: problems a person must fix — each suspect cell once, each failed error-level
 *    check no suspect explains once;
 *  - status: `errors` (red), `warnings` (all checked, something to look at), `incomplete`
 *    (nothing wrong found, but something could not be checked: amber), `ok` (green: every
 *    check ran and holds).
 */
export type VerdictStatus = 'errors' | 'warnings' | 'incomplete' | 'ok';

export interface TableVerdict {
  status: VerdictStatus;
  read: boolean;
  errors: number;
  warnings: number;
  /** Checks that could not finish because of blank cells. */
  incomplete: number;
  passed: number;
  skipped: number;
}

export interface Summary {
  status: VerdictStatus;
  errors: number;
  warnings: number;
  infos: number;
  incomplete: number;
  passed: number;
  skipped: number;
  /** Checks run (pass + fail). */
  checks: number;
  /** Failed error-level checks before suspects grouped them (schemaVersion 1's `errors`). */
  failedChecks: number;
  notChecked: NotChecked[];
  tables: Record<TableId, TableVerdict>;
}

export interface Figures {
  newReceived: number | null;
  carriedOver: number | null;
  resultTotal: number | null;
  granted: number | null;
  partial: number | null;
  /** (予以公开 + 部分公开) / 办理总数, 0…1, or null when there was nothing to handle. */
  grantedShare: number | null;
  denied: number | null;
  unable: number | null;
  notProcessed: number | null;
  otherProcessing: number | null;
  carryForward: number | null;
  reviewTotal: number | null;
  reviewCorrected: number | null;
  litigationTotal: number | null;
  litigationCorrected: number | null;
  adminLicense: number | null;
  adminPenalty: number | null;
  adminCoercion: number | null;
  regulations: number | null;
  normativeDocs: number | null;
}

export interface TableInfo {
  found: boolean;
  /** Where the values came from: an HTML table, text with separators, or run-together digits. */
  source: 'html' | 'text' | 'flattened' | null;
  /** Number of value cells read (blank included). */
  cellsRead: number;
  /** Rows whose run-together digits could be split in more than one way. */
  uncertainRows: string[];
}

export interface Analysis {
  schemaVersion: 2;
  source: string;
  isReport: boolean;
  title: string;
  agency: string | null;
  year: number | null;
  /** The format the tables are written in. */
  format: FormatId | 'older' | 'unknown';
  /** 0…1: how sure the detection is that this is an annual report. */
  confidence: number;
  traditional: boolean;
  tables: Record<TableId, TableInfo>;
  /** Cell id → value; null for a blank, placeholder or unreadable cell. */
  cells: Record<string, number | null>;
  findings: Finding[];
  /** Cells whose correction explains the failed identities (see Suspect). */
  suspects: Suspect[];
  figures: Figures;
  summary: Summary;
}
