/**
 * A document tree → PageSource, written once for every tree: the live DOM (utils/dom) and
 * cheerio's tree (cli) only say how to read a node. That is what makes the two adapters give
 * the same Analysis (tests/unit/parity.test.ts).
 *
 * Data tables become table blocks; layout tables (a table holding tables, or long text in a
 * cell) are walked like any container, so a report inside an old layout table is found.
 */
import type { Block, PageSource, RawCell, RawRow } from './types.ts';
import { readPublished } from './published.ts';

export interface TreeAccess<N> {
  isElement(node: N): boolean;
  isText(node: N): boolean;
  /** Lower-case tag name. */
  tag(node: N): string;
  /** Child nodes, in order (a live NodeList is fine: the walk never changes the tree). */
  children(node: N): Iterable<N>;
  /**
   * Whether the element holds an element with this tag anywhere below it, when the tree can
   * tell natively (the DOM's getElementsByTagName); otherwise the walker looks, bounded.
   */
  hasDescendant?(node: N, tag: string): boolean;
  /** Text of a text node. */
  text(node: N): string;
  attr(node: N, name: string): string | null;
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object', 'canvas', 'select', 'textarea', 'button']);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'address', 'figure', 'figcaption', 'form', 'fieldset',
  'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption', 'hr', 'center', 'body', 'html',
]);
const MAX_DEPTH = 400;
/** Longer text in a cell marks a layout table. */
const MAX_CELL_TEXT = 400;
const MAX_TABLE_ROWS = 25_000;

export interface WalkLimits {
  /** Stop collecting text after this many characters (a huge page stays bounded). */
  maxChars: number;
}

/** Our own UI on the page is never read: prefixed tags and attributes (STYLE.md). */
function isOwnUi<N>(node: N, a: TreeAccess<N>): boolean {
  return a.tag(node).startsWith('grc-') || a.attr(node, 'data-grc-ui') !== null;
}

export function pageFromTree<N>(root: N, a: TreeAccess<N>, meta: { source: string; title: string; /** <meta name=PubDate> */ pubDate?: string | null }, limits: WalkLimits = { maxChars: 2_000_000 }): PageSource<N> {
  const blocks: Block<N>[] = [];
  let line = '';
  let chars = 0;
  const flush = () => {
    const t = line.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim();
    if (t) blocks.push({ kind: 'text', text: t });
    line = '';
  };

  const walk = (node: N, depth: number) => {
    if (chars > limits.maxChars || depth > MAX_DEPTH) return;
    if (a.isText(node)) {
      const t = a.text(node);
      chars += t.length;
      line += t;
      return;
    }
    if (!a.isElement(node)) {
      // The root of a bare fragment (a CMS article body saved without <html>/<body>): its children.
      if (depth === 0) for (const child of a.children(node)) walk(child, 1);
      return;
    }
    const tag = a.tag(node);
    if (SKIP.has(tag) || isOwnUi(node, a) || a.attr(node, 'hidden') !== null) return;
    if (tag === 'br') {
      flush();
      return;
    }
    if (tag === 'table') {
      const rows = dataTableRows(node, a);
      if (rows) {
        flush();
        blocks.push({ kind: 'table', rows, ref: node });
        return;
      }
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    for (const child of a.children(node)) walk(child, depth + 1);
    if (block) flush();
  };
  walk(root, 0);
  flush();
  const published = readPublished(meta.pubDate, blocks);
  return { source: meta.source, title: meta.title, blocks, ...(published ? { published } : {}) };
}

/** Elements of a table that belong to it (not to a nested table). */
function* ownDescendants<N>(node: N, a: TreeAccess<N>, tags: Set<string>, depth = 0): Generator<N> {
  if (depth > 8) return;
  for (const child of a.children(node)) {
    if (!a.isElement(child)) continue;
    const tag = a.tag(child);
    if (tags.has(tag)) yield child;
    else if (tag === 'tbody' || tag === 'thead' || tag === 'tfoot') yield* ownDescendants(child, a, tags, depth + 1);
  }
}

function containsTag<N>(node: N, a: TreeAccess<N>, tag: string, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  for (const child of a.children(node)) {
    if (!a.isElement(child)) continue;
    if (a.tag(child) === tag || containsTag(child, a, tag, depth + 1)) return true;
  }
  return false;
}

/**
 * The rows of a data table, or null for a layout table (one holding tables, or long text in a
 * cell among its first rows), which is walked like any container instead.
 */
function dataTableRows<N>(table: N, a: TreeAccess<N>): RawRow<N>[] | null {
  if (a.hasDescendant ? a.hasDescendant(table, 'table') : containsTag(table, a, 'table')) return null;
  const rows = tableRows(table, a);
  for (const row of rows.slice(0, 200)) if (row.some((cell) => cell.text.length > MAX_CELL_TEXT)) return null;
  return rows;
}

/** A cell's text; <br> and block children become line breaks ('商业<br>企业'). */
function cellText<N>(node: N, a: TreeAccess<N>, max = 10_000): string {
  let out = '';
  const walk = (n: N, depth: number) => {
    if (out.length > max || depth > 60) return;
    if (a.isText(n)) {
      out += a.text(n);
      return;
    }
    if (!a.isElement(n)) return;
    const tag = a.tag(n);
    if (SKIP.has(tag) || isOwnUi(n, a)) return;
    if (tag === 'br') {
      out += '\n';
      return;
    }
    const block = BLOCK.has(tag);
    if (block && out && !out.endsWith('\n')) out += '\n';
    for (const c of a.children(n)) walk(c, depth + 1);
    if (block && out && !out.endsWith('\n')) out += '\n';
  };
  walk(node, 0);
  return out.replace(/[ \t\r\f\v\u00a0]+/g, ' ').replace(/ *\n */g, '\n').trim();
}

function span<N>(node: N, a: TreeAccess<N>, name: string): number {
  const n = Number.parseInt(a.attr(node, name) ?? '1', 10);
  return Number.isFinite(n) ? n : 1;
}

function tableRows<N>(table: N, a: TreeAccess<N>): RawRow<N>[] {
  const rows: RawRow<N>[] = [];
  for (const tr of ownDescendants(table, a, new Set(['tr']))) {
    if (rows.length >= MAX_TABLE_ROWS) break;
    const row: RawCell<N>[] = [];
    for (const td of ownDescendants(tr, a, new Set(['td', 'th']))) {
      row.push({ text: cellText(td, a), rowSpan: span(td, a, 'rowspan'), colSpan: span(td, a, 'colspan'), ref: td });
    }
    rows.push(row);
  }
  return rows;
}

/** A plain-text report (the seeds, a PDF or Word copied as text): one text block per line. */
export function pageFromText(text: string, source: string, title = ''): PageSource<never> {
  const blocks: Block<never>[] = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => ({ kind: 'text' as const, text: line.replace(/[ \u00a0]+$/g, '') }));
  const published = readPublished(null, blocks);
  return { source, title, blocks, ...(published ? { published } : {}) };
}
