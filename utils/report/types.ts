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
}

export type RawRow<Ref = unknown> = RawCell<Ref>[];

/** The page in document order: paragraphs of text and tables. */
export type Block<Ref = unknown> =
  | { kind: 'text'; text: string }
  | { kind: 'table'; rows: RawRow<Ref>[]; ref?: Ref };

export interface PageSource<Ref = unknown> {
  /** URL or file path. */
  source: string;
  /** The document title (<title>, or the first heading); may be empty. */
  title: string;
  blocks: Block<Ref>[];
}

/* ------------------------------------------------------------------ out: an analysis */

export type Severity = 'error' | 'warning' | 'info';
export type Status = 'pass' | 'fail' | 'skip';

export interface Finding {
  /** The rule id, e.g. t3.balance. */
  id: string;
  severity: Severity;
  status: Status;
  /** A sentence a person understands, in Chinese. */
  message: string;
  /** Cell ids involved (data-contract ids). */
  cells: string[];
  expected?: number | string | null;
  actual?: number | string | null;
  /** True when the failure comes only from blank cells (reported as a warning). */
  incomplete?: boolean;
  /** Which table the finding belongs to, for the chip on that table. */
  table?: TableId;
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
  schemaVersion: 1;
  source: string;
  isReport: boolean;
  title: string;
  agency: string | null;
  year: number | null;
  /** The format the tables are written in. */
  format: FormatId | 'unknown';
  /** 0…1: how sure the detection is that this is an annual report. */
  confidence: number;
  traditional: boolean;
  tables: Record<TableId, TableInfo>;
  /** Cell id → value; null for a blank, placeholder or unreadable cell. */
  cells: Record<string, number | null>;
  findings: Finding[];
  figures: Figures;
  summary: { errors: number; warnings: number; infos: number; passed: number; checks: number };
}
