import { declaresOther, FOLD_FROM, FOLD_TO, mayMatchFolded, QUICK_SAMPLE_CHARS, quickCheck, type Declared } from '../report/quickCheck.ts';
import { SPACES } from '../report/normalize.ts';

/** XPathResult.STRING_TYPE, written out: reading the constant would make the interface object. */
const STRING_TYPE = 2;
/** The body's text in tree order (XPath's string value of an element), cut to the sample. */
const SAMPLE = `substring(string(/html/body), 1, ${QUICK_SAMPLE_CHARS})`;

const meta = (name: string) => `/html/head/meta[@name='${name}']`;
/** What declaredTitles reads, in one string. */
const DECLARED = `concat(count(${meta('ArticleTitle')}), '\n', ${meta('ColumnName')}/@content, '\n', ${meta('ArticleTitle')}/@content)`;
/** The body, where the page declares no article title (a blank one declares nothing: see declaredTitles). */
const UNDECLARED_BODY = `/html[translate(${meta('ArticleTitle')}/@content, '${SPACES}', '') = '']/body`;
/**
 * quickLook's one question to the page: the title and, where no article is declared, the text
 * sample, folded (FOLD_FROM); whether the document is one XPath reads by name (an XHTML
 * document's elements have a namespace), and whether its title is in its head (a fragment may
 * hold its only title in the body, which document.title then gives); what the page declares.
 * The folded text holds no line break (the fold drops white space), so it comes first.
 */
const QUICK_LOOK = `concat(translate(concat(/html/head/title, substring(string(${UNDECLARED_BODY}), 1, ${QUICK_SAMPLE_CHARS})), '${FOLD_FROM}', '${FOLD_TO}'), '\n', count(/html), number(boolean(/html/head/title)), '\n', ${DECLARED})`;

/** What the quick look makes of a page: a report maybe; an article declared to be another; nothing yet. */
export type Look = 'report' | 'other' | 'none';

/**
 * Could this page be a report (quickCheck), or is it declared to be another article
 * (declaresOther)? The detector's second look at a page whose names may be a report's
 * (mayBeNamedReport), and the checker's look when the page changes. On a page that declares nothing,
 * the page's own XPath engine reads and folds the text sample, and only a text that could be
 * a report (mayMatchFolded) reaches quickCheck: on most gov.cn pages none of our code runs
 * over the text. The answers are quickCheck's and declaresOther's (tests/unit/detect.test.ts).
 */
export function quickLook(doc: Document): Look {
  let found = '';
  try {
    found = doc.evaluate(QUICK_LOOK, doc, null, STRING_TYPE, null).stringValue;
  } catch {
    // No XPath here: the quick check reads the page its own way.
  }
  const at = found.indexOf('\n');
  // Read otherwise: a document XPath cannot read by name, and a title the fold did not see.
  if (at < 0 || found[at + 1] === '0' || (found[at + 2] === '0' && doc.title)) return fullLook(doc, declaredTitles(doc));
  const declared = parseDeclared(found.slice(at + 4));
  if (declared || mayMatchFolded(found.slice(0, at))) return fullLook(doc, declared);
  return 'none';
}

function fullLook(doc: Document, declared: Declared | null): Look {
  if (declaresOther(doc.title, declared)) return 'other';
  return quickCheck(doc.title, () => textSample(doc), declared) ? 'report' : 'none';
}

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
  try {
    return parseDeclared(doc.evaluate(DECLARED, doc, null, STRING_TYPE, null).stringValue);
  } catch {
    return null;
  }
}

/** DECLARED's answer, "<how many ArticleTitle>\n<column>\n<article>": the article's title last, as it may hold anything. */
function parseDeclared(found: string): Declared | null {
  const first = found.indexOf('\n');
  if (found.slice(0, first) === '0') return null;
  const second = found.indexOf('\n', first + 1);
  const article = found.slice(second + 1);
  if (!article.trim()) return null;
  return { column: found.slice(first + 1, second), article };
}
