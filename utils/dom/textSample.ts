/** How much of a page's text the cheap report test reads. */
export const SAMPLE_CHARS = 6000;

/** The first few thousand characters of the page's text, without building all of it. */
export function textSample(doc: Document): string {
  if (!doc.body) return '';
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  let out = '';
  for (let n = walker.nextNode(); n && out.length < SAMPLE_CHARS; n = walker.nextNode()) out += n.nodeValue;
  return out;
}
