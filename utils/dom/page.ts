/**
 * The DOM adapter: the live document → PageSource. Every cell keeps a reference to its own
 * element, so findings map back to the page's cells. Reads through the engine's one tree
 * walker (utils/report/page.ts), like the cheerio adapter of the command line.
 */
import { pageFromTree, type TreeAccess } from '../report/page.ts';
import type { PageSource } from '../report/types.ts';
import { PUBLISHED_META_SELECTOR } from '../report/published.ts';

const ELEMENT = 1;
const TEXT = 3;

export const domAccess: TreeAccess<Node> = {
  isElement: (n) => n.nodeType === ELEMENT,
  isText: (n) => n.nodeType === TEXT,
  tag: (n) => (n as Element).localName,
  children: (n) => n.childNodes,
  hasDescendant: (n, tag) => (n as Element).getElementsByTagName(tag).length > 0,
  text: (n) => n.nodeValue ?? '',
  attr: (n, name) => (n as Element).getAttribute(name),
};

export function pageFromDocument(doc: Document, source = doc.location?.href ?? ''): PageSource<Node> {
  const title = (doc.title || doc.querySelector('h1')?.textContent || '').trim();
  const pubDate = doc.querySelector(PUBLISHED_META_SELECTOR)?.getAttribute('content');
  return pageFromTree(doc.body ?? doc.documentElement, domAccess, { source, title, pubDate });
}

/**
 * The page source with each ref replaced by its index in `nodes`, so that it can be sent to
 * the background (messages carry data, not nodes) and the answer mapped back to the page.
 */
export function detachRefs(page: PageSource<Node>): { page: PageSource<number>; nodes: Node[] } {
  const nodes: Node[] = [];
  const index = (node: Node | undefined) => (node === undefined ? undefined : nodes.push(node) - 1);
  const blocks = page.blocks.map((block) =>
    block.kind === 'text'
      ? block
      : { kind: 'table' as const, ref: index(block.ref), rows: block.rows.map((row) => row.map((cell) => ({ ...cell, ref: index(cell.ref) }))) },
  );
  return { page: { ...page, blocks }, nodes };
}
