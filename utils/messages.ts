/** Messages between the content scripts, the background and the popup. */
import type { TableId } from './report/formats.ts';
import type { Analysis, NotChecked, PageSource } from './report/types.ts';
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
  cellAt: [cellId: string, start: number, end: number][];
  /** The title and explanation of each rule with a finding here, for the overlay (no rule code in the page). */
  rules: RuleTexts;
}
/** checker → background: this frame holds no report (any more), or the checker stopped. */
export interface NotAReportMessage {
  type: 'grc:not-a-report';
}
/**
 * checker → background: this frame looked like a report but could not be checked (its page
 * could not be sent to the engine, or the engine failed on it). The background keeps the frame
 * as a report that was not checked, so the badge and the popup say so instead of nothing.
 */
export interface NotCheckedMessage {
  type: 'grc:not-checked';
  title: string;
  why: NotChecked;
}
/**
 * detector → background: this frame's names may be a report's; inject the detector's second
 * half (entrypoints/look.ts) into it.
 */
export interface LookMessage {
  type: 'grc:look';
}
/** look (or the detector, under a title naming the report outright) → background: this frame looks like a report; inject the checker into it. */
export interface InjectCheckerMessage {
  type: 'grc:inject';
}
/**
 * checker → background: this frame holds a report; inject the overlay (entrypoints/overlay.ts)
 * into it, then answer.
 */
export interface LoadOverlayMessage {
  type: 'grc:load-overlay';
}
/**
 * popup (or the library) → background: what is known about a tab. Answered only to the
 * extension's own pages, and to a content script about its own tab (see mayRead).
 */
export interface GetTabMessage {
  type: 'grc:get';
  tabId: number;
}
/**
 * popup → background: a person asks to check the tab's page (and its frames) whatever its
 * title says: inject the checker, which reads the page without the detector's look. Answered
 * with the tab's reports once the page itself has been checked, or null when the page cannot
 * be read (no permission for its site). Taken only from the extension's own pages and from a
 * content script about its own tab (see mayRead).
 */
export interface CheckTabMessage {
  type: 'grc:check-tab';
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
export type Message = AnalyzeMessage | NotAReportMessage | NotCheckedMessage | LookMessage | InjectCheckerMessage | LoadOverlayMessage | GetTabMessage | CheckTabMessage | LocateMessage | NextProblemMessage;

/**
 * One frame's report in a tab; `grc:get` answers with the tab's list of them, the top frame's
 * first (orderFrames in utils/tabReports.ts).
 */
export interface FrameReport {
  /** The browser's id of the frame in its tab (0: the page itself). */
  frameId: number;
  /** The address of the frame the report was read in. */
  url: string;
  /** The report is the page itself, not a frame inside it. */
  isTop: boolean;
  /**
   * The frame is from the page's own site (same scheme and registrable domain). False for an
   * iframe from another site — another agency's report shown inside this page — and for any
   * frame of a page that is not on gov.cn.
   */
  sameSite: boolean;
  /** What the engine found: for an `unread` frame, the Analysis of what could be read (often nothing). */
  analysis: Analysis;
  /** Set when the frame looked like a report but could not be read or checked: why. */
  unread?: NotChecked;
}

const NOT_CHECKED_REASONS = new Set<NotChecked['reason']>(['not-found', 'not-filled', 'blank-cells', 'uncertain', 'too-large', 'too-deep', 'prose-cap', 'tables-not-in-text', 'older-format', 'other']);

/** Why the checker could not have its page checked, from the error it met (zh and en). */
export function notCheckedBecause(error: unknown): NotChecked {
  const detail = String((error as Error)?.message ?? error).slice(0, 200);
  // Chrome: "Message length exceeded maximum allowed length." (a message is at most 64 MiB).
  if (/length|too large|exceed/i.test(detail)) {
    return { reason: 'too-large', zh: '页面过大，未能送去核对', en: 'Page too large to be sent for checking' };
  }
  return { reason: 'other', zh: `未能核对此页：${detail}`, en: `This page could not be checked: ${detail}` };
}

/** A NotChecked as received in a message, kept to its known shape and a bounded length. */
export function asNotChecked(value: unknown): NotChecked {
  const v = (value ?? {}) as Partial<NotChecked>;
  return {
    reason: NOT_CHECKED_REASONS.has(v.reason as NotChecked['reason']) ? (v.reason as NotChecked['reason']) : 'other',
    zh: String(v.zh ?? '未能核对此页').slice(0, 300),
    en: String(v.en ?? 'This page could not be checked').slice(0, 300),
  };
}

/** Who sent a message (the part of runtime.MessageSender we look at). */
export interface Sender {
  url?: string;
  tab?: { id?: number };
}

/**
 * Whether `sender` may read tab `tabId`'s reports: the extension's own pages (popup, library;
 * their address starts with the extension's origin) may read any tab; a content script only its
 * own tab; nothing else. Reports name the pages a person has open, so another tab's are not for
 * a page's frames to see.
 */
export function mayRead(sender: Sender, tabId: number, extensionOrigin: string): boolean {
  if (isOwnPage(sender, extensionOrigin)) return true;
  return sender.tab?.id !== undefined && sender.tab.id === tabId;
}

/** Our own page (popup, library), even when it is shown in a tab (the e2e tests open the popup so). */
function isOwnPage(sender: Sender, extensionOrigin: string): boolean {
  const origin = extensionOrigin.replace(/\/+$/, '');
  return sender.url !== undefined && (sender.url === origin || sender.url.startsWith(`${origin}/`));
}

/**
 * Whether `sender` may change the library's entry of the report at `url` (a dismissal): our
 * own pages, and a content script only for the page it runs in.
 */
export function mayChange(sender: Sender, url: string, extensionOrigin: string): boolean {
  return isOwnPage(sender, extensionOrigin) || (sender.url !== undefined && sender.url === url);
}
