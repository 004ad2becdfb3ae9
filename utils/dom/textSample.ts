import { QUICK_SAMPLE_CHARS } from '../report/quickCheck.ts';

/** XPathResult.STRING_TYPE, written out: reading the constant would make the interface object. */
const STRING_TYPE = 2;
/** The body's text in tree order (XPath's string value of an element), cut to the sample. */
const SAMPLE = `substring(string(/html/body), 1, ${QUICK_SAMPLE_CHARS})`;

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
