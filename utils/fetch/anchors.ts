/** A page's links for the list reader (utils/report/links.ts), read from a document. */
import type { Anchor } from '../report/links.ts';

/**
 * The page's links, as written, and the base URL. Self-contained on purpose: the popup also
 * runs it inside the tab (scripting.executeScript serializes the function), so the list a
 * person sees in the popup and the one the library page checks are read the same way.
 */
export function collectAnchors(doc: Document = document): { base: string; anchors: Anchor[]; scriptHints: string[] } {
  const anchors: Anchor[] = [];
  const links = doc.getElementsByTagName('a');
  for (let i = 0; i < links.length && anchors.length < 5000; i++) {
    const a = links[i];
    anchors.push({ text: (a.textContent ?? '').slice(0, 300), href: a.getAttribute('href'), title: a.getAttribute('title') });
  }
  const scriptHints: string[] = [];
  const scripts = doc.getElementsByTagName('script');
  for (let i = 0; i < scripts.length && scriptHints.length < 50; i++) {
    const text = scripts[i].textContent ?? '';
    if (/createPageHTML|pagination|下一页/.test(text)) scriptHints.push(text.slice(0, 2000));
  }
  const baseHref = doc.querySelector('base[href]')?.getAttribute('href') ?? '';
  return { base: baseHref, anchors, scriptHints };
}

/** The document's <base href> against its address; the address itself when there is none (or it is broken). */
export function resolveBase(base: string, url: string): string {
  try {
    return base ? new URL(base, url).href : url;
  } catch {
    return url;
  }
}
