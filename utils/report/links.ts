/**
 * A list page of annual reports (政府信息公开年报 栏目): which of its links are reports (title,
 * year, agency where the title says), which are attachments we cannot read online (PDF,
 * Word, WPS…), and how it pages on to later lists — by plain links (下一页, index_1.html),
 * which are followed, or by a script, which is only reported (never guessed).
 *
 * Pure: the adapter hands in the page's anchors (text, href as written, title attribute) and
 * the page's URL; the words are the detector's own (detect.ts).
 */
import { REPORT_WORDS, TITLE_RE } from './detect.ts';
import { cleanText, normalize } from './normalize.ts';

/** An <a> as the page wrote it. */
export interface Anchor {
  text: string;
  /** The href attribute as written (relative, `javascript:`, `#`…), or null without one. */
  href: string | null;
  /** The title attribute: list pages often cut long titles in the text and keep them here. */
  title?: string | null;
}

export type AttachmentType = 'PDF' | 'Word' | 'WPS' | 'Excel' | 'OFD' | '压缩包';

export interface ReportLink {
  url: string;
  /** The link's title as the page shows it (the longer of text and title attribute). */
  title: string;
  year: number | null;
  agency: string | null;
  /** Set when the link leads to a file, not a page: it is listed but cannot be read online. */
  attachment?: AttachmentType;
}

export interface ListReading {
  reports: ReportLink[];
  /** Later pages of the list reached by plain links (absolute URLs, in page order). */
  nextPages: string[];
  /** The list pages on by a script (TRS createPageHTML, a 下一页 with javascript:): reported, not followed. */
  scriptPaging: boolean;
  /** Report links that open by a script (href="javascript:…"): counted, never run. */
  scriptLinks: number;
}

const ATTACHMENT_TYPES: [RegExp, AttachmentType][] = [
  [/\.pdf$/i, 'PDF'],
  [/\.docx?$/i, 'Word'],
  [/\.wps$/i, 'WPS'],
  [/\.(?:xlsx?|et)$/i, 'Excel'],
  [/\.ofd$/i, 'OFD'],
  [/\.(?:zip|rar|7z)$/i, '压缩包'],
];

/** The kind of file a URL names by its extension, or undefined for a page. */
export function attachmentType(url: string): AttachmentType | undefined {
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url.split(/[?#]/)[0];
  }
  return ATTACHMENT_TYPES.find(([re]) => re.test(path))?.[1];
}

/** Titles that name reports without being one: a notice about them, an evaluation of them. */
const ABOUT_REPORTS = /通知|通报|公告|评估|考核|检查情况|工作要点|征集|解读|答记者问|编制指南|说明$/;

/** Reads a link's title as a report title: null when it is not one. */
export function reportTitle(text: string): { year: number | null; agency: string | null } | null {
  const norm = normalize(text);
  if (!REPORT_WORDS.test(norm) || ABOUT_REPORTS.test(norm)) return null;
  const m = TITLE_RE.exec(norm);
  // A report names its year; "政府信息公开年报" alone is the name of the list (a menu link).
  if (!m) {
    const year = Number(/(20\d{2})(?:年|年度)?/.exec(norm)?.[1]);
    return year ? { year, agency: null } : null;
  }
  // The agency stands before the year (上海市医疗保障局2021年…) or between year and words (2021年上海市…).
  const before = norm
    .slice(0, m.index)
    .replace(/^(?:\[[^\]]{0,10}\]|\([^)]{0,10}\))/, '')
    .replace(/^(?:关于)/, '')
    .trim();
  const between = m[2].replace(/^度/, '').trim();
  const agency = before || between || null;
  return { year: Number(m[1]), agency };
}

const NEXT_WORDS = /^(?:下一页|下页|后一页|下一頁|next|>|›|»|>>)$/i;
const NUMBERED_PAGE = /(?:^|\/)index_\d+\.s?html?$|[?&](?:page|pageNo|pageIndex|pageNum|p|curPage)=\d+/i;

function resolve(href: string, base: string): string | null {
  try {
    const u = new URL(href, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

/** A href that leads nowhere by itself: a script runs instead. */
const SCRIPT_HREF = /^\s*(?:javascript:|#\s*$|$)/i;

/**
 * The reports a list page links to, and its later pages. `pageUrl` is the list page's own
 * URL; `base` the document's base URL when it declares one (<base href>).
 * `scriptHints` are the texts of the page's scripts, where TRS pagers live.
 */
export function readListPage(anchors: Anchor[], pageUrl: string, options: { base?: string; scriptHints?: string[] } = {}): ListReading {
  const base = options.base || pageUrl;
  const reports: ReportLink[] = [];
  const seen = new Set<string>();
  const nextPages: string[] = [];
  const here = resolve(pageUrl, pageUrl);
  let scriptPaging = false;
  let scriptLinks = 0;

  for (const a of anchors) {
    const text = cleanText(a.text);
    const title = cleanText(a.title ?? '');
    // Lists cut long titles ("…工作年度...") and keep the whole one in the title attribute.
    const stem = normalize(text).replace(/(?:\.{2,}|…+)$/, '');
    const shown = title && normalize(title).includes(stem) ? title : text || title;
    const scripted = a.href === null || SCRIPT_HREF.test(a.href);

    if (NEXT_WORDS.test(text)) {
      const next = scripted ? null : resolve(a.href!, base);
      if (next && next !== here && !nextPages.includes(next)) nextPages.push(next);
      if (!next) scriptPaging = true;
      continue;
    }
    if (/^\d{1,3}$/.test(text) && !scripted) {
      const page = resolve(a.href!, base);
      if (page && page !== here && NUMBERED_PAGE.test(page) && !nextPages.includes(page)) nextPages.push(page);
      continue;
    }

    const read = reportTitle(shown);
    if (!read) continue;
    if (scripted) {
      scriptLinks++;
      continue;
    }
    const url = resolve(a.href!, base);
    if (!url || url === here || seen.has(url)) continue;
    seen.add(url);
    const attachment = attachmentType(url);
    reports.push({ url, title: shown, year: read.year, agency: read.agency, ...(attachment ? { attachment } : {}) });
  }

  // TRS and similar CMSs write the pager with a script: createPageHTML(5, 0, "index", "html").
  const pagerScript = options.scriptHints?.some((s) => /createPageHTML\s*\(|pagination\s*\(|下一页/.test(s)) ?? false;
  if (pagerScript && nextPages.length === 0) scriptPaging = true;
  return { reports, nextPages, scriptPaging, scriptLinks };
}

/** True when a page is a list of reports rather than one: two or more report links. */
export function isReportList(reading: ListReading): boolean {
  return reading.reports.length >= 2;
}
