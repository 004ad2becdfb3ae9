/**
 * The command line's HTML adapter: saved HTML → PageSource, through the same tree walker as
 * the live DOM (utils/report/page.ts). The tree is cheerio's (domhandler nodes, parsed by
 * htmlparser2), built here without cheerio's query layer: the walker needs none of it, and
 * loading cheerio's full build cost 0.3 s of every start-up.
 *
 * Bounded, because a saved page can be hostile or broken: the parser's own stack makes time
 * grow with the square of the nesting depth (a 19.5 MB page of nested <div>s ran for minutes),
 * so the parse stops past MAX_NESTING levels with a clear error, and parsing plus walking stop
 * at a deadline.
 */
import { DomHandler, Element, type AnyNode, type Text } from 'domhandler';
import { Parser } from 'htmlparser2';
import { pageFromTree, READ_LIMITS, type TreeAccess } from '../utils/report/page.ts';
import type { PageSource } from '../utils/report/types.ts';
import { PUBLISHED_META } from '../utils/report/published.ts';

/**
 * Elements deeper than this are kept one level below it (their text stays, their nesting
 * goes). Just past the walker's own bound, so the walker sees that there is content deeper
 * than it reads and says so ("页面嵌套过深") exactly as in the browser; real pages use under 60.
 */
export const MAX_NESTING = READ_LIMITS.maxDepth + 2;
/**
 * Deeper than this, the page is refused: htmlparser2's own stack costs time with the square of
 * the depth (25 000 levels take about 0.3 s, 80 000 took 6.7 s and a 19.5 MB page minutes).
 */
export const MAX_PARSE_NESTING = 25_000;
/** Parsing and walking one page may take this long. */
export const READ_DEADLINE_MS = 15_000;

/** A page the command line refuses to read, with the reason in a person's words. */
export class PageLimitError extends Error {}

const tooDeep = () => new PageLimitError(`页面嵌套过深（超过 ${MAX_PARSE_NESTING} 层），未能读取 (nested deeper than ${MAX_PARSE_NESTING} levels)`);
const tooSlow = () => new PageLimitError(`读取超时（超过 ${READ_DEADLINE_MS / 1000} 秒），未能读取 (reading took over ${READ_DEADLINE_MS / 1000} s)`);

/** domhandler's tree builder, with the tree's depth bounded, the parse's depth capped and a deadline. */
class BoundedHandler extends DomHandler {
  private opened = 0;
  private readonly deadline: number;
  constructor(deadline: number) {
    super(undefined, { xmlMode: false });
    this.deadline = deadline;
  }
  override onopentag(name: string, attribs: Record<string, string>): void {
    if (++this.opened % 4096 === 0 && performance.now() > this.deadline) throw tooSlow();
    // tagStack holds the document too: its length is the depth of the new element.
    const depth = this.tagStack.length;
    if (depth > MAX_PARSE_NESTING) throw tooDeep();
    if (depth <= MAX_NESTING) return super.onopentag(name, attribs);
    // Too deep: a child of the element at MAX_NESTING instead of its real parent.
    const element = new Element(name, attribs);
    const parent = this.tagStack[MAX_NESTING];
    const previous = parent.children[parent.children.length - 1];
    parent.children.push(element);
    element.parent = parent;
    if (previous) {
      element.prev = previous;
      previous.next = element;
    }
    this.lastNode = null;
    this.tagStack.push(element);
  }
}

function parse(html: string, deadline: number) {
  const handler = new BoundedHandler(deadline);
  // decodeEntities as the browser does; not xmlMode: HTML's void and implied-end rules.
  const parser = new Parser(handler, { xmlMode: false, decodeEntities: true });
  parser.end(html);
  return handler.root;
}

const isElement = (n: AnyNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';

function access(deadline: number): TreeAccess<AnyNode> {
  let visited = 0;
  return {
    // The document itself stands for <body> when a fragment has none (a CMS article body).
    isElement: (n) => isElement(n) || n.type === 'root',
    isText: (n) => n.type === 'text',
    tag: (n) => (n.type === 'root' ? '#document' : (n as Element).name.toLowerCase()),
    children: (n) => {
      if (++visited % 4096 === 0 && performance.now() > deadline) throw tooSlow();
      return 'children' in n ? (n.children as AnyNode[]) : [];
    },
    text: (n) => (n as Text).data,
    attr: (n, name) => (n as Element).attribs?.[name] ?? null,
  };
}

/** The first element with this tag, in document order (bounded by the parse's depth). */
function find(node: AnyNode, tag: string): Element | null {
  if (!('children' in node)) return null;
  for (const child of node.children as AnyNode[]) {
    if (isElement(child) && child.name.toLowerCase() === tag) return child;
    const found = find(child, tag);
    if (found) return found;
  }
  return null;
}

/** The content of the first CMS publication-date meta tag (see utils/report/published.ts). */
function publishedMeta(node: AnyNode): string | undefined {
  if (!('children' in node)) return undefined;
  for (const child of node.children as AnyNode[]) {
    if (isElement(child) && child.name.toLowerCase() === 'meta') {
      const name = (child.attribs.name ?? child.attribs.property ?? '').toLowerCase();
      if (PUBLISHED_META.includes(name) && child.attribs.content) return child.attribs.content;
    } else if (isElement(child) && child.name.toLowerCase() === 'body') continue;
    const found = publishedMeta(child);
    if (found) return found;
  }
  return undefined;
}

function textOf(node: AnyNode): string {
  if (node.type === 'text') return (node as Text).data;
  return 'children' in node ? (node.children as AnyNode[]).map(textOf).join('') : '';
}

/**
 * Saved HTML → PageSource: a whole page, or a bare fragment (an article body saved without
 * <html>/<body>, as CMS editors and archives store it), read the same way.
 */
export function pageFromHtml(html: string, source: string, limits: { deadlineMs: number } = { deadlineMs: READ_DEADLINE_MS }): PageSource<AnyNode> {
  const deadline = performance.now() + limits.deadlineMs;
  const doc = parse(html, deadline);
  const titleOf = (tag: string) => {
    const el = find(doc, tag);
    return el ? textOf(el).trim() : '';
  };
  const title = titleOf('title') || titleOf('h1');
  const root = find(doc, 'body') ?? doc;
  return pageFromTree(root as AnyNode, access(deadline), { source, title, pubDate: publishedMeta(doc) });
}
