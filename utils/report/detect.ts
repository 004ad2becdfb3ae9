/**
 * Is this page an annual report, of which year, in which format, by which agency?
 * (`detect` reads the identity; `judgeReport` gives the verdict once tables and sections are read.)
 * `quickCheck` is what the content script runs on every gov.cn page: it must stay far below a
 * millisecond, so it reads only the title and a bounded slice of the text.
 */
import { FORMAT_SIGNATURES, formatForYear, type FormatId } from './formats.ts';
import { normalize } from './normalize.ts';
import { PAGE_MARKERS, REPORT_TITLE, REPORT_WORDS } from './quickCheck.ts';

export { quickCheck, QUICK_SAMPLE_CHARS, REPORT_WORDS } from './quickCheck.ts';

const REPORT_TITLE_G = new RegExp(REPORT_TITLE.source, 'g');
/** A link title's year and the words between it and 政府信息公开 (links.ts reads m[1] and m[2]). */
export const TITLE_RE = /(20\d{2})年(?:度)?([^。]{0,40}?)政府信息公开(?:工作)?年(?:度)?报(?:告)?/;
/**
 * Pages about a report that are not one: its interpretation (解读, 图解), the format notice
 * that prints the template (关于印发…年度报告格式的通知), a 指南, half-year or quarterly statistics.
 */
const NOT_A_REPORT = /解读|图解|问答|印发.{0,40}格式|年度报告格式|指南|上半年|下半年|半年度|季度/;
/** Headings only reports written before the 2019 format have (国办发〔2008〕 practice). */
const OLDER_MARKERS = ['一、概述', '政府信息公开工作的基本情况', '依申请公开政府信息情况', '依申请公开政府信息的情况', '收费及减免', '七、其他需要报告的事项', '因政府信息公开申请行政复议', '因政府信息公开申请提起行政复议'];

export interface Detection {
  /** The page names itself an annual report (title or first lines). */
  titled: boolean;
  year: number | null;
  /** Where the year came from: the title, the statistics period, or the years in the text. */
  yearSource: 'title' | 'period' | 'text' | null;
  /** The format the tables are written in; by year when the tables say nothing. */
  format: FormatId | 'unknown';
  formatSource: 'tables' | 'year' | null;
  /** A report written before the 2019 format (一、概述 …, its own statistics table): its layout is not one the formats define. */
  older: boolean;
  /** Why the page is about a report without being one (its 解读, the format notice, a half-year table), if it is. */
  notAReport: string | null;
  agency: string | null;
  title: string;
}

const AGENCY_END = /(?:局|厅|委员会|委|办公室|办|政府|院|会|部|署|中心|所|站|馆|队|处|集团|公司|街道|镇|乡|区|县|市|省|\(机关\)|办事处)$/;
/** Characters that end the words before a title (punctuation, breadcrumbs, spaces). */
const BEFORE_TITLE = /[^\s,，。:：;；《》<>"“”|_\-—·>\]]*$/;

/** The display form used to find a title: half-width, simplified, spaces kept (they separate a breadcrumb from the title). */
const titleForm = (text: string) => normalize(text.replace(/\s+/g, '\u0001')).replace(/\u0001+/g, ' ').trim();

interface TitleHit {
  line: string;
  year: number | null;
  agency: string | null;
}

/** The first title in `text` that names a year (else the first at all), with the agency written before (or after 年报_) it. */
function findTitle(text: string): TitleHit | null {
  let first: TitleHit | null = null;
  REPORT_TITLE_G.lastIndex = 0;
  for (let m = REPORT_TITLE_G.exec(text); m; m = REPORT_TITLE_G.exec(text)) {
    let yearText = m[1] ?? m[2] ?? m[3];
    let before = BEFORE_TITLE.exec(text.slice(Math.max(0, m.index - 40), m.index))![0]
      .replace(/^.*(?:现公布|现予公布|特发布|现发布|现将|公布|发布|编制|关于|年报|报告)/, '');
    const start = m.index - before.length;
    // 2021年某某局政府信息公开工作年度报告: the year before the agency.
    const leadingYear = /^(20\d{2})年度?/.exec(before);
    if (leadingYear) {
      yearText ??= leadingYear[1];
      before = before.slice(leadingYear[0].length);
    }
    let agency = before && AGENCY_END.test(before) ? before : null;
    // 2022年报_某某县交通运输局: the agency after the flip-book's page title.
    if (!agency && m[3]) agency = /^[_|\-—·:：\s]*([^\s_|，。,]{2,30}?(?:局|厅|委员会|委|办公室|政府|院|中心|街道|镇|乡))/.exec(text.slice(m.index + m[0].length))?.[1] ?? null;
    const hit = { line: text.slice(start, m.index + m[0].length), year: yearText ? Number(yearText) : null, agency };
    if (hit.year !== null) return hit;
    first ??= hit;
  }
  return first;
}

/** Reads the report's identity from the title (or first lines) and the whole text. */
/** `normLines`: the page's text lines in matching form (see normalize). */
export function detect(title: string, normLines: string[], tableText = ''): Detection {
  const all = normalize(title) + '\n' + normLines.join('\n');
  // Markers and format signatures also stand in table cells (表头, row labels).
  const everything = all + '\n' + normalize(tableText.slice(0, 200_000));
  let markers = 0;
  for (const m of PAGE_MARKERS) if (everything.includes(m)) markers++;

  // The report's own title: <title>, else the first short line that holds one, else one
  // written inside the opening text (现公布某某镇2023年…年度报告; a page on one line).
  const titleText = titleForm(title);
  let hit = REPORT_TITLE.test(titleText) ? findTitle(titleText) : null;
  let titleLine = hit ? normalize(title) : '';
  let titleIndex = -1;
  if (!hit?.year) {
    titleIndex = normLines.slice(0, 60).findIndex((l) => l.length <= 80 && REPORT_TITLE.test(l));
    const inLine = titleIndex >= 0 ? findTitle(normLines[titleIndex]) : null;
    const inText = inLine?.year ? null : findTitle(normLines.slice(0, 200).join('\n').slice(0, 3000));
    const better = inLine?.year ? inLine : inText?.year ? inText : hit ? null : inLine ?? inText;
    if (better) {
      hit = { ...better, agency: better.agency ?? hit?.agency ?? null };
      titleLine = better === inLine ? normLines[titleIndex] : better.line;
    }
  }
  titleLine = cleanTitle(titleLine);

  let year: number | null = hit?.year ?? null;
  let yearSource: Detection['yearSource'] = year !== null ? 'title' : null;
  let agency: string | null = hit?.agency ?? null;
  // "陕西省医疗保障局" on the line above "2021年政府信息公开工作年度报告".
  if (!agency && hit && titleIndex > 0) {
    const prev = normLines.slice(0, titleIndex).reverse().find((l) => l.length > 0);
    if (prev && prev.length <= 30 && AGENCY_END.test(prev)) agency = prev;
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
  // Before the 2019 format: a year before 2019, or the older headings, and no table of the formats.
  const olderHeadings = OLDER_MARKERS.filter((m) => all.includes(m)).length;
  const older = formatSource !== 'tables' && ((year !== null && year < 2019) || olderHeadings >= 2);

  // Whether it is a report at all is judged once the sections and tables are known (judgeReport).
  const titled = REPORT_WORDS.test(titleLine || all.slice(0, 2000));
  const notAReport = NOT_A_REPORT.exec(titleLine)?.[0] ?? null;
  return { titled, year, yearSource, format, formatSource, older, notAReport, agency, title: titleLine || normalize(title) };
}

/** A title without the download-link dressing: 【文字版】….docx, or the site name after |. */
function cleanTitle(t: string): string {
  return t
    .replace(/^(?:\[[^\]]{0,8}\]|【[^】]{0,8}】)/, '')
    .replace(/\.(?:docx?|pdf|wps|html?)$/i, '')
    .replace(/[|_].{0,30}$/, '')
    .trim();
}

/**
 * The final word, once the sections and tables are known: a page that only names reports (a
 * list of links, a news item about them) has no sections and no tables. The opening of a
 * report (一、总体情况 and its standard sub-topics, cut before the tables) is one.
 * `openingTopics`: how many of （一）主动公开 … （五）监督保障 stand under 一、总体情况.
 */
export function judgeReport(d: Detection, sectionCount: number, tables: { t2: boolean; t3: boolean; t4: boolean }, openingTopics = 0): { isReport: boolean; confidence: number } {
  const evidence = sectionCount + (tables.t3 ? 2 : 0) + (tables.t4 ? 1 : 0) + (tables.t2 ? 1 : 0);
  const opening = sectionCount >= 1 && openingTopics >= 3;
  const isReport = !d.notAReport && ((d.titled && evidence >= 2) || evidence >= 4 || opening);
  const confidence = Math.min(1, (d.titled ? 0.4 : 0) + (evidence + (opening ? openingTopics / 2 : 0)) * 0.08);
  return { isReport, confidence: Math.round(confidence * 100) / 100 };
}
