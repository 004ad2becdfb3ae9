/**
 * A fetched page, read without running it: its text is parsed with DOMParser (a document
 * made this way has no browsing context: its scripts never run, its images and styles are
 * never requested), walked by the same page walker as a live page (pageFromDocument) and
 * analyzed by the same engine (analyzePage). What is not a report is said precisely: a list
 * of reports, an attachment, a report only in images, an empty shell that a script fills in,
 * or a page that is simply no report.
 */
import { pageFromDocument } from '../dom/page.ts';
import { analyzePage } from '../report/analyze.ts';
import { REPORT_WORDS } from '../report/detect.ts';
import { PAGE_MARKERS } from '../report/quickCheck.ts';
import { attachmentType, isReportList, readListPage, reportTitle, type Anchor, type AttachmentType, type ListReading } from '../report/links.ts';
import { collectAnchors, resolveBase } from './anchors.ts';
import { normalize } from '../report/normalize.ts';
import type { Analysis, PageSource } from '../report/types.ts';
import type { FetchFailure } from './fetchPage.ts';

export type PageOutcome =
  /**
   * `page`: what the walker read (the library analyzes it again with last year's report when
   * it keeps it); `publishedAt`: the page's own publication date (meta tag or a labelled date).
   */
  | { kind: 'report'; analysis: Analysis; page: PageSource<Node>; publishedAt?: string }
  | { kind: 'list'; title: string; reading: ListReading }
  /** The link (or the page) leads to a file: PDF, Word, WPS… `url` is the file. */
  | { kind: 'attachment'; title: string; fileType: AttachmentType | '文件'; url: string }
  /** The report's page shows it only as pictures (scanned pages). */
  | { kind: 'images'; title: string; images: number }
  /** A page whose content a script fills in: nothing to read without running it. */
  | { kind: 'shell'; title: string }
  | { kind: 'not-report'; title: string }
  | { kind: 'failed'; failure: FetchFailure };

/** A parsed document: inert, scripts never run. */
export function parseHtml(text: string): Document {
  return new DOMParser().parseFromString(text, 'text/html');
}

/** Visible text of the body, scripts and styles left out, whitespace dropped. */
function bodyText(doc: Document): string {
  const body = doc.body;
  if (!body) return '';
  const clone = body.cloneNode(true) as Element;
  for (const el of Array.from(clone.querySelectorAll('script, style, noscript, template'))) el.remove();
  return normalize(clone.textContent ?? '');
}

/** Reads one fetched page. `url` is where it was fetched from (after redirects). */
export function readPage(text: string, url: string): PageOutcome {
  const doc = parseHtml(text);
  const page = pageFromDocument(doc, url);
  const { analysis } = analyzePage(page, { context: { publishedAt: page.published ?? null } });
  if (analysis.isReport) {
    return { kind: 'report', analysis, page, ...(page.published ? { publishedAt: page.published } : {}) };
  }

  const title = (doc.title || doc.querySelector('h1')?.textContent || '').trim();
  const { base, anchors, scriptHints } = collectAnchors(doc);
  const reading = readListPage(anchors, url, { base: resolveBase(base, url), scriptHints });
  if (isReportList(reading)) return { kind: 'list', title, reading };

  const text_ = bodyText(doc);
  const markers = PAGE_MARKERS.filter((m) => text_.includes(m)).length;
  const titled = REPORT_WORDS.test(normalize(title)) || reportTitle(doc.querySelector('h1')?.textContent ?? '') !== null;

  // The report as a file linked from its page (附件：…年度报告.pdf), with no tables on the page.
  const files = reading.reports.filter((r) => r.attachment);
  const attached = files[0] ?? (titled ? attachmentLinks(anchors, url)[0] : undefined);
  if (attached) return { kind: 'attachment', title: title || attached.title, fileType: attached.attachment ?? '文件', url: attached.url };

  if (titled && markers < 2) {
    const images = Array.from(doc.body?.getElementsByTagName('img') ?? []).filter((img) => !/logo|icon|banner|head|foot|share|qr|ewm|wx/i.test(img.getAttribute('src') ?? '')).length;
    if (images >= 2) return { kind: 'images', title, images };
  }
  // A report title (or hardly any text at all) but no report in the markup, and scripts to
  // fill it in: an empty shell. Only a real tab, where the scripts run, can read it.
  const scripts = doc.getElementsByTagName('script').length;
  if (scripts > 0 && markers < 2 && (titled || text_.length < 200)) return { kind: 'shell', title };
  return { kind: 'not-report', title };
}

/** Links to files (PDF, Word…) on a page, whatever their text says. */
function attachmentLinks(anchors: Anchor[], url: string): { url: string; title: string; attachment: AttachmentType }[] {
  const out: { url: string; title: string; attachment: AttachmentType }[] = [];
  for (const a of anchors) {
    if (!a.href) continue;
    let abs: string;
    try {
      abs = new URL(a.href, url).href;
    } catch {
      continue;
    }
    const type = attachmentType(abs);
    if (type) out.push({ url: abs, title: (a.title || a.text).trim(), attachment: type });
  }
  return out;
}
