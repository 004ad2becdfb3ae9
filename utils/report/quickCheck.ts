/**
 * The quick check the detector runs on every gov.cn page and frame whose names may be a
 * report's (mayBeNamedReport in utils/dom/names.ts: a 报 in its title or declared titles,
 * or no title): could this page be a report? It must stay far below a millisecond and keep the detector small, so it reads only
 * the title and a bounded slice of the text, and it matches through QUICK_MAP — the
 * traditional and full-width forms of the characters its words use — made when the code was
 * written (tests/unit/detect.test.ts holds it equal to what normalize.ts makes), instead of
 * loading the whole traditional table and searching it on every page.
 */
import { mapFromPairs, normalizerWith, SPACES } from './normalize.ts';

/** Phrases that mark a page as an annual report (normalized, simplified). */
export const PAGE_MARKERS = [
  '政府信息公开工作年度报告',
  '政府信息公开年度报告',
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '本年新收政府信息公开申请数量',
  '第二十条第(一)项',
  '本列数据的勾稽关系',
  '政府信息公开行政复议',
];

/**
 * A report's title in its wordings (matching form): 2021年政府信息公开工作年度报告,
 * 2021年度政府信息公开年报, 2023年信息公开工作年度报告 (no 政府: a bureau's own), 政府信息公开工作
 * 2023年度报告 (the year after 工作), and the flip-book's 2022年报. The year is either group.
 */
export const REPORT_TITLE = /(?:(20\d{2})年度?)?(?:政府|政务)?信息公开(?:工作)?(?:(20\d{2})年度?(?:工作)?报告|年度?(?:工作)?报告?)|(20\d{2})年报(?=[_|\-—·:：\]\n]|$)/;
/** The page names itself a report (the detector's quick check, the fetcher's title test). */
export const REPORT_WORDS = new RegExp(`${REPORT_TITLE.source}|政务公开(?:工作)?年度?报告`);
/**
 * What the quick check matches: the markers, and the Chinese characters of REPORT_WORDS. A
 * function, for the test that makes QUICK_MAP: the detector itself never needs the list.
 */
export const quickWords = () => [...PAGE_MARKERS, Array.from(REPORT_WORDS.source).filter((c) => c >= '\u4e00' && c <= '\u9fff').join('')];

/** matchingMap(quickWords()) as pairs (other form, its matching form); see the file's comment. */
export const QUICK_MAP = '開开報报總总體体況况動动處处請请數数條条（(）)項项據据關关係系繫系復复複复議议務务';

/**
 * `c` and its other forms (QUICK_MAP). Plain index loops here and below: the gate runs once
 * per page, cold, where iterators and a lookup object built first cost more than the search
 * (scripts/bench-browser.ts).
 */
function formsOf(c: string): string {
  let forms = c;
  // Found by the native search: most characters have no other form, and a loop over QUICK_MAP
  // per character was the gate's largest cost, run cold (scripts/bench-browser.ts).
  for (let i = QUICK_MAP.indexOf(c); i >= 0; i = QUICK_MAP.indexOf(c, i + 1)) if (i % 2 === 1) forms += QUICK_MAP[i - 1];
  return forms;
}

/** `text` holds `c` in one of its forms. */
function holds(text: string, c: string): boolean {
  const forms = formsOf(c);
  for (let i = 0; i < forms.length; i++) if (text.includes(forms[i])) return true;
  return false;
}

/** `text` holds every character of `phrase` in some form, wherever (the last ones, the rarer, first). */
function holdsAll(text: string, phrase: string): boolean {
  for (let i = phrase.length - 1; i >= 0; i--) if (!holds(text, phrase[i])) return false;
  return true;
}

/**
 * Could REPORT_WORDS match ending at the 报 at `at`? Every wording ends in 报, with 年 just
 * before it (2022年报) or 公 at most 12 characters before it, spaces aside (信息公开工作2023年度
 * 工作报告 is the longest). 公 and 年 have no other forms.
 */
function reportWordsEndAt(text: string, at: number): boolean {
  let seen = 0;
  for (let i = at - 1; i >= 0 && seen < 12; i--) {
    const c = text[i];
    if (SPACES.includes(c)) continue;
    if (c === '公' || (seen === 0 && c === '年')) return true;
    seen++;
  }
  return false;
}

/** Could REPORT_WORDS match in `text`, before it is normalized? (See reportWordsEndAt.) */
function mayNameReport(text: string): boolean {
  const forms = formsOf('报');
  for (let f = 0; f < forms.length; f++) {
    for (let at = text.indexOf(forms[f]); at >= 0; at = text.indexOf(forms[f], at + 1)) if (reportWordsEndAt(text, at)) return true;
  }
  return false;
}

/**
 * Could quickCheck say yes to this text, before it is normalized? Normalizing only drops spaces
 * and gives a character its matching form, so a phrase found after it had each of its characters
 * in some form before it, in the same order: REPORT_WORDS needs a 报 with 公 or 年 close before
 * it (a gov.cn page's 政府工作报告 or 举报 link has neither), and two markers need the
 * characters of two markers. Only native string searches and short loops: on most gov.cn pages
 * the quick check ends here, before the normalizer's regular expressions are compiled, which
 * in a fresh content-script world costs more than all the rest of the check.
 */
export function mayBeReport(text: string): boolean {
  if (mayNameReport(text)) return true;
  // The markers that hold 报 are report words themselves (政府信息公开年度报告): absent here.
  let markers = 0;
  for (let i = 0; i < PAGE_MARKERS.length; i++) if (!PAGE_MARKERS[i].includes('报') && holdsAll(text, PAGE_MARKERS[i]) && ++markers >= 2) return true;
  return false;
}

/**
 * The fold the detector asks of the page's own XPath engine (translate()) before any of our
 * code reads the text: each character of QUICK_MAP to its matching form, and white space (as
 * the normalizer drops it) and 度, 工, 作 dropped. Every wording REPORT_WORDS matches then
 * holds 年报 (年度报告, 年工作报告, 年度工作报告 and 年报 all fold to it), and each marker
 * without 报 is unchanged, so mayMatchFolded never turns away a text quickMatch would take
 * (tests/unit/detect.test.ts). The page then runs no JavaScript of ours over its text, which in
 * a content script's fresh world costs more than reading it (scripts/bench-browser.ts).
 */
export const FOLD_FROM = `開報總體況動處請數條（）項據關係繫復複議務${SPACES}度工作`;
/** What the first characters of FOLD_FROM become (QUICK_MAP's pairs, made in advance); the rest are dropped. */
export const FOLD_TO = '开报总体况动处请数条()项据关系系复复议务';

/**
 * Could quickMatch take a text that folds to `folded` (see FOLD_FROM)? Cheaper and looser than
 * mayBeReport: two native searches on most pages. Only a page it lets through has its text
 * read into our code and checked as quickCheck does.
 */
export function mayMatchFolded(folded: string): boolean {
  if (folded.includes('年报')) return true;
  let markers = 0;
  for (let i = 0; i < PAGE_MARKERS.length; i++) if (folded.includes(PAGE_MARKERS[i]) && ++markers >= 2) return true;
  return false;
}

/** How much of the page's text the quick check reads (the content scripts read no more). */
export const QUICK_SAMPLE_CHARS = 6000;

// The quick check's normalization: only what REPORT_WORDS and the markers need.
let quickNormalize: ((text: string) => string) | undefined;

/**
 * What a page declares of itself in its metadata: the article's title and its column
 * (`<meta name="ArticleTitle">`, `<meta name="ColumnName">`, which 政府网站发展指引, 国办发〔2017〕47号,
 * requires of every article page of a government site: the CMS writes them from the same
 * fields as the page's heading). Null when the page declares no article title (a home page, a
 * column's list, a site that does not follow the guideline, a frame).
 */
export interface Declared {
  article: string;
  column: string;
}

/** The title with what the page declares, as the quick check reads them. */
const namedBy = (title: string, declared: Declared | null) => (declared ? `${title}\n${declared.article}\n${declared.column}` : title);

/**
 * The page declares an article (see Declared) whose title and column, like the page's own
 * title, have no 报 with a 公 or 年 close before it, which every report wording has (年度报告,
 * 年报, 公开…报告): it is no report, whatever its text says now or later. The detector then
 * neither reads the text nor watches the page.
 */
export function declaresOther(title: string, declared: Declared | null): boolean {
  return declared !== null && !mayBeReport(namedBy(title, declared));
}

/**
 * Cheap test on the page's title and the first part of its text: could it be a report?
 * False negatives cost a missed report, false positives only a full analysis. The text is
 * asked for only when needed (`textSample` is called at most once): not when the titles name
 * a report, nor when the page declares another article (declaresOther).
 */
export function quickCheck(title: string, textSample: string | (() => string), declared: Declared | null = null): boolean {
  const named = namedBy(title, declared);
  // A report's title mostly names it: then the text is never normalized (the first use of each
  // regular expression, and the text's length, cost a content script's fresh world most).
  const mayName = mayBeReport(named);
  if (mayName && quickMatch(named)) return true;
  // A page declaring another article (declaresOther): its text is not read. Titles with a report
  // word's characters that do not name one outright (政府信息公开工作报告): the text decides.
  if (declared && !mayName) return false;
  const text = typeof textSample === 'string' ? textSample : textSample();
  const raw = named + text.slice(0, QUICK_SAMPLE_CHARS);
  return mayBeReport(raw) && quickMatch(raw);
}

/** The quick check's own test, on the text as the page has it: normalized, then matched. */
export function quickMatch(raw: string): boolean {
  quickNormalize ??= normalizerWith(mapFromPairs(QUICK_MAP));
  const t = quickNormalize(raw);
  if (REPORT_WORDS.test(t)) return true;
  let markers = 0;
  for (const m of PAGE_MARKERS) if (t.includes(m) && ++markers >= 2) return true;
  return false;
}
