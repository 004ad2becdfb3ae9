/**
 * The cheerio adapter: saved HTML → PageSource, through the same tree walker as the live DOM
 * (utils/report/page.ts). Cheerio belongs here and in tests, never in the content script.
 */
import * as cheerio from 'cheerio';
import type { AnyNode, Element, Text } from 'domhandler';
import { pageFromTree, type TreeAccess } from '../utils/report/page.ts';
import type { PageSource } from '../utils/report/types.ts';
import { PUBLISHED_META_SELECTOR } from '../utils/report/published.ts';

const access: TreeAccess<AnyNode> = {
  isElement: (n) => n.type === 'tag' || n.type === 'script' || n.type === 'style',
  isText: (n) => n.type === 'text',
  tag: (n) => (n as Element).name.toLowerCase(),
  children: (n) => ('children' in n ? (n.children as AnyNode[]) : []),
  text: (n) => (n as Text).data,
  attr: (n, name) => (n as Element).attribs?.[name] ?? null,
};

export function pageFromHtml(html: string, source: string): PageSource<AnyNode> {
  // htmlparser2 rather than parse5: several times faster on large batches. Both keep the
  // page's own tree, which is what the walker reads (the parity test holds them to the DOM).
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } });
  const title = ($('title').first().text() || $('h1').first().text()).trim();
  const root = $('body').get(0) ?? $.root().get(0)!;
  const pubDate = $(PUBLISHED_META_SELECTOR).first().attr('content');
  return pageFromTree(root as AnyNode, access, { source, title, pubDate });
}
