/** Messages between the content script, the background and the popup. */
import type { Analysis } from './report/types.ts';

/** checker → background: the latest analysis of one frame (null: not a report). */
export interface AnalysisMessage {
  type: 'grc:analysis';
  analysis: Analysis | null;
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
export type Message = AnalysisMessage | InjectCheckerMessage | GetTabMessage | LocateMessage;

/** One frame's report in a tab. */
export interface FrameReport {
  frameId: number;
  url: string;
  analysis: Analysis;
}
