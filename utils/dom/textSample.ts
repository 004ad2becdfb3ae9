import { QUICK_SAMPLE_CHARS, type Declared } from '../report/quickCheck.ts';

/** XPathResult.STRING_TYPE, written out: reading the constant would make the interface object. */
const STRING_TYPE = 2;
/** The body's text in tree order (XPath's string value of an element), cut to the sample. */
const SAMPLE = `substring(string(/html/body), 1, ${QUICK_SAMPLE_CHARS})`;

const meta = (name: string) => `/html/head/meta[@name='${name}']`;
/** What declaredTitles reads, in one string. */
const DECLARED = `concat(count(${meta('ArticleTitle')}), '\n', ${meta('ColumnName')}/@content, '\n', ${meta('ArticleTitle')}/@content)`;

/**
 * The first characters of the page's text that quickCheck reads. Asked of the document through
 * XPath, so that no wrapper is made for the body or any node: in the fresh script world of a
 * content script, the first element wrapper makes its whole interface chain (HTMLElement's
 * hundreds of properties), which costs an ordinary page more than the rest of the detector
 * (scripts/bench-browser.ts). A document XPath cannot read that way (XHTML, whose elements have
 * a namespace) is walked node by node.
 */
export function textSample(doc: Document): string {
  try {
    const text = doc.evaluate(SAMPLE, doc, null, STRING_TYPE, null).stringValue;
    if (text) return text;
  } catch {
    // No XPath here: walk instead.
  }
  if (!doc.body) return '';
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  let out = '';
  for (let n = walker.nextNode(); n && out.length < QUICK_SAMPLE_CHARS; n = walker.nextNode()) out += n.nodeValue;
  return out.slice(0, QUICK_SAMPLE_CHARS);
}

/**
 * The article title and column the page declares in its metadata (see Declared), or null
 * when it declares no article title, or an empty one (a template's placeholder says nothing).
 * One XPath, for the reason textSample gives; the names as the guideline writes them (a page
 * that spells them otherwise has its text read).
 */
export function declaredTitles(doc: Document): Declared | null {
  let found: string;
  try {
    found = doc.evaluate(DECLARED, doc, null, STRING_TYPE, null).stringValue;
  } catch {
    return null;
  }
  // "<how many ArticleTitle>\n<column>\n<article>": the article's title last, as it may hold anything.
  const first = found.indexOf('\n');
  if (found.slice(0, first) === '0') return null;
  const second = found.indexOf('\n', first + 1);
  const article = found.slice(second + 1);
  if (!article.trim()) return null;
  return { column: found.slice(first + 1, second), article };
}
