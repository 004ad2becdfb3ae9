/**
 * The page's names, the first look the detector (entrypoints/detector.ts) takes at every gov.cn
 * page and frame. Kept apart, importing nothing: the detector's script must stay as small as a
 * script can be, since evaluating the quick look's code (its patterns and tables) costs an
 * ordinary page more than the look itself (scripts/bench-browser.ts).
 */

/** XPathResult.BOOLEAN_TYPE, written out: reading the constant would make the interface object. */
const BOOLEAN_TYPE = 3;
/** The page declares (see Declared) an article title or a column that holds 报 in either form. */
const DECLARES_REPORT_NAME = `boolean(/html/head/meta[@name='ArticleTitle' or @name='ColumnName'][contains(@content, '报') or contains(@content, '報')])`;

/** `name` holds 报 in either form: it may be a report's (see mayBeNamedReport). */
export const holdsBao = (name: string) => name.includes('报') || name.includes('報');

/** What CMSs join a page title's parts with (article_column_site). */
const TITLE_JOINS = '_|｜-－—–·';

/** Words that, after 信息公开 in a title, name the annual report itself, in either form. */
const REPORT_NAMES = ['年度报告', '年度報告', '年报', '年報', '年工作报告', '年工作報告'];
/** What a report's title names it the report of, in either form. */
const DISCLOSURE = ['信息公开', '信息公開', '政务公开', '政務公開'];

/**
 * The page's own title (its first part, before the column and site a CMS joins to it) names the
 * report outright: 2021年政府信息公开工作年度报告, 政府信息公开年报. Such a page is read whole at
 * once (the checker), without the quick look first: on a report page that look is one more
 * script compiled and run for an answer the title has given already (scripts/bench-browser.ts).
 * Narrower than REPORT_TITLE on purpose (utils/report/quickCheck.ts): a title it misses still has
 * the quick look decide. The column's name is not enough: every article in a 政府信息公开年报
 * column carries it.
 */
export function namesReportOutright(title: string): boolean {
  let end = title.length;
  for (let i = 0; i < TITLE_JOINS.length; i++) {
    const at = title.indexOf(TITLE_JOINS[i]);
    if (at >= 0 && at < end) end = at;
  }
  const own = title.slice(0, end);
  return DISCLOSURE.some((w) => own.includes(w)) && REPORT_NAMES.some((w) => own.includes(w));
}

/**
 * The detector's first look at a page, before quickLook: might the page be named a report?
 * Every wording of a report's name holds 报 (年度报告, 年报; 報 in traditional characters,
 * the only other form QUICK_MAP knows), so a page whose title (and, under a bare title, its
 * declared article title and column) hold no 报 in either form names another article, or
 * nothing at all (a site's name as every page's title, 详细信息). Such a page's text is not read: reading it is
 * what makes a detector cost more than twice what any content script costs (issue 7's budget,
 * scripts/bench-browser.ts), on every gov.cn page, while almost every report names itself.
 * A person checks such a page from the popup (检查此页). A document without a title (a frame,
 * a fragment) has no name to go by: its text decides, as quickLook reads it.
 */
export function mayBeNamedReport(doc: Document): boolean {
  const title = doc.title;
  if (!title || holdsBao(title)) return true;
  // A title joined from parts (article_column_site, as CMSs write it) names its article, which
  // holds no 报. Only a bare title, perhaps the site's name alone, leaves it to the metadata to
  // say what the article is: the metadata's XPath is most of what this look costs.
  for (let i = 0; i < TITLE_JOINS.length; i++) if (title.includes(TITLE_JOINS[i])) return false;
  try {
    return doc.evaluate(DECLARES_REPORT_NAME, doc, null, BOOLEAN_TYPE, null).booleanValue;
  } catch {
    // No XPath here: let quickLook read the page its own way.
    return true;
  }
}
