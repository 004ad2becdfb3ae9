/**
 * Is this page an annual report, of which year, in which format, by which agency?
 * (`detect` reads the identity; `judgeReport` gives the verdict once tables and sections are read.)
 * `quickCheck` is what the content script runs on every gov.cn page: it must stay far below a
 * millisecond, so it reads only the title and a bounded slice of the text.
 */
import { FORMAT_SIGNATURES, PAGE_MARKERS, formatForYear, type FormatId } from './formats.ts';
import { normalize, normalizerFor } from './normalize.ts';

export const TITLE_RE = /(20\d{2})年(?:度)?([^。]{0,40}?)政府信息公开(?:工作)?年(?:度)?报(?:告)?/;
export const REPORT_WORDS = /政府信息公开(?:工作)?年(?:度)?报(?:告)?|政务公开(?:工作)?年(?:度)?报告/;

/** How much of the page's text the quick check reads (the content scripts read no more). */
export const QUICK_SAMPLE_CHARS = 6000;

// The quick check's normalization: only what REPORT_WORDS and the markers need.
let quickNormalize: ((text: string) => string) | undefined;

/**
 * Cheap test on the page's title and the first part of its text: could it be a report?
 * False negatives cost a missed report, false positives only a full analysis.
 */
export function quickCheck(title: string, textSample: string): boolean {
  quickNormalize ??= normalizerFor([...PAGE_MARKERS, REPORT_WORDS.source.replace(/[^\u4e00-\u9fff]/g, '')]);
  const t = quickNormalize(title + textSample.slice(0, QUICK_SAMPLE_CHARS));
  if (REPORT_WORDS.test(t)) return true;
  let markers = 0;
  for (const m of PAGE_MARKERS) if (t.includes(m) && ++markers >= 2) return true;
  return false;
}

export interface Detection {
  /** The page names itself an annual report (title or first lines). */
  titled: boolean;
  year: number | null;
  /** Where the year came from: the title, the statistics period, or the years in the text. */
  yearSource: 'title' | 'period' | 'text' | null;
  /** The format the tables are written in; by year when the tables say nothing. */
  format: FormatId | 'unknown';
  formatSource: 'tables' | 'year' | null;
  agency: string | null;
  title: string;
}

const AGENCY_END = /(?:局|厅|委员会|委|办公室|办|政府|院|会|部|署|中心|所|站|馆|队|处|集团|公司|街道|镇|乡|区|县|市|省)$/;

/** Reads the report's identity from the title (or first lines) and the whole text. */
/** `normLines`: the page's text lines in matching form (see normalize). */
export function detect(title: string, normLines: string[], tableText = ''): Detection {
  const all = normalize(title) + '\n' + normLines.join('\n');
  // Markers and format signatures also stand in table cells (表头, row labels).
  const everything = all + '\n' + normalize(tableText.slice(0, 200_000));
  let markers = 0;
  for (const m of PAGE_MARKERS) if (everything.includes(m)) markers++;
  const titleNorm = normalize(title);

  // The report's own title line: <title>, else the first line that looks like one.
  let titleLine = TITLE_RE.test(titleNorm) ? cleanTitle(titleNorm) : '';
  let titleIndex = -1;
  if (!titleLine) {
    titleIndex = normLines.slice(0, 60).findIndex((l) => l.length <= 80 && TITLE_RE.test(l));
    if (titleIndex >= 0) titleLine = cleanTitle(normLines[titleIndex]);
  }

  let year: number | null = null;
  let yearSource: Detection['yearSource'] = null;
  let agency: string | null = null;
  const m = TITLE_RE.exec(titleLine);
  if (m) {
    year = Number(m[1]);
    yearSource = 'title';
    const before = titleLine.slice(0, m.index).replace(/^.*[|_\-—·]/, '');
    agency = before || m[2] || null;
    // "陕西省医疗保障局" on the line above "2021年政府信息公开工作年度报告".
    if (!agency && titleIndex > 0) {
      const prev = normLines.slice(0, titleIndex).reverse().find((l) => l.length > 0);
      if (prev && prev.length <= 30 && AGENCY_END.test(prev)) agency = prev;
    }
  }
  if (!agency) agency = /本(?:年度)?报告(?:是)?由(.{2,30}?)(?:按照|根据|依据|依照|编制)/.exec(all)?.[1] ?? null;
  if (agency) agency = agency.replace(/^关于/, '').replace(/[:：]$/, '') || null;

  if (year === null) {
    const period = /(?:统计|期限|时限|期间)[^。]{0,20}?(20\d{2})年1月1日/.exec(all);
    if (period) {
      year = Number(period[1]);
      yearSource = 'period';
    }
  }
  if (year === null) {
    // The year most written in the text (a report talks about its own year).
    const counts = new Map<number, number>();
    for (const y of all.matchAll(/(20\d{2})年/g)) counts.set(Number(y[1]), (counts.get(Number(y[1])) ?? 0) + 1);
    const best = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (best && markers >= 2) {
      year = best[0];
      yearSource = 'text';
    }
  }

  const hits = (f: FormatId) => FORMAT_SIGNATURES[f].filter((s) => everything.includes(s)).length;
  const h2021 = hits('2021');
  const h2019 = hits('2019');
  let format: Detection['format'] = 'unknown';
  let formatSource: Detection['formatSource'] = null;
  if (h2021 !== h2019) {
    format = h2021 > h2019 ? '2021' : '2019';
    formatSource = 'tables';
  } else if (year !== null) {
    format = formatForYear(year);
    formatSource = 'year';
  }

  // Whether it is a report at all is judged once the sections and tables are known (judgeReport).
  const titled = REPORT_WORDS.test(titleLine || all.slice(0, 2000));
  return { titled, year, yearSource, format, formatSource, agency, title: titleLine || normalize(title) };
}

/** A title without the download-link dressing: 【文字版】….docx, or the site name after |. */
function cleanTitle(t: string): string {
  return t
    .replace(/^(?:\[[^\]]{0,8}\]|【[^】]{0,8}】)/, '')
    .replace(/\.(?:docx?|pdf|wps|html?)$/i, '')
    .replace(/[|_].{0,30}$/, '');
}

/**
 * The final word, once the sections and tables are known: a page that only names reports (a
 * list of links, a news item about them) has no sections and no tables.
 */
export function judgeReport(d: Detection, sectionCount: number, tables: { t2: boolean; t3: boolean; t4: boolean }): { isReport: boolean; confidence: number } {
  const evidence = sectionCount + (tables.t3 ? 2 : 0) + (tables.t4 ? 1 : 0) + (tables.t2 ? 1 : 0);
  const isReport = (d.titled && evidence >= 2) || evidence >= 4;
  const confidence = Math.min(1, (d.titled ? 0.4 : 0) + evidence * 0.08);
  return { isReport, confidence: Math.round(confidence * 100) / 100 };
}
