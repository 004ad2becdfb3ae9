import { QUICK_SAMPLE_CHARS } from '../report/quickCheck.ts';

/** The first characters of the page's text that quickCheck reads, without building all of it. */
export function textSample(doc: Document): string {
  if (!doc.body) return '';
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  let out = '';
  for (let n = walker.nextNode(); n && out.length < QUICK_SAMPLE_CHARS; n = walker.nextNode()) out += n.nodeValue;
  return out;
}
