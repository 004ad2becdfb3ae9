/** Messages between the content scripts, the background and the popup. */
import type { TableId } from './report/formats.ts';
import type { Analysis, PageSource } from './report/types.ts';
import type { RuleTexts } from './i18n.ts';

/**
 * checker → background: analyze this frame's page and keep the result for the tab. The
 * page's refs are indices into the checker's list of the page's nodes (see detachRefs).
 */
export interface AnalyzeMessage {
  type: 'grc:analyze';
  page: PageSource<number>;
}
/** background → checker: the Analysis, and where its cells and tables are (node indices). */
export interface AnalyzeResponse {
  analysis: Analysis;
  cellRefs: [cellId: string, node: number][];
  tableRefs: Record<TableId, number[]>;
  /** Cells of tables written as text: where the value stands in its text block (the node in cellRefs). */
  cellAt?: [cellId: string, start: number, end: number][];
  /** The title and explanation of each rule with a finding here, for the overlay (no rule code in the page). */
  rules?: RuleTexts;
}
/** checker → background: this frame holds no report (any more). */
export interface NotAReportMessage {
  type: 'grc:not-a-report';
}
/** detector → background: this frame looks like a report; inject the checker into it. */
export interface InjectCheckerMessage {
  type: 'grc:inject';
}
/** popup → background: what is known about a tab. */
export interface GetTabMessage {
  type: 'grc:get';
  tabId: number;
}
/** popup → checker: scroll to a cell and flash it. */
export interface LocateMessage {
  type: 'grc:locate';
  cellId: string;
}
/** background → checker (the "next problem" keyboard command): go to the next problem on the page. */
export interface NextProblemMessage {
  type: 'grc:next-problem';
}
export type Message = AnalyzeMessage | NotAReportMessage | InjectCheckerMessage | GetTabMessage | LocateMessage | NextProblemMessage;

/** One frame's report in a tab. */
export interface FrameReport {
  frameId: number;
  url: string;
  analysis: Analysis;
}
