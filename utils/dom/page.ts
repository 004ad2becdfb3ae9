/**
 * The DOM adapter: the live document → PageSource. Every cell keeps a reference to its own
 * element, so findings map back to the page's cells. Reads through the engine's one tree
 * walker (utils/report/page.ts), like the cheerio adapter of the command line.
 */
import { pageFromTree, READ_LIMITS, readTree, type TreeAccess, type WalkLimits } from '../report/page.ts';
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

/** What the page says about itself beside its body: its title and its publication date meta tag. */
const metaOf = (doc: Document, source: string) => ({
  source,
  title: (doc.title || doc.querySelector('h1')?.textContent || '').trim(),
  pubDate: doc.querySelector(PUBLISHED_META_SELECTOR)?.getAttribute('content'),
});

export function pageFromDocument(doc: Document, source = doc.location?.href ?? ''): PageSource<Node> {
  return pageFromTree(doc.body ?? doc.documentElement, domAccess, metaOf(doc, source));
}

/** The longest stretch the reader keeps the page's main thread before letting the page run. */
export const SLICE_MS = 8;

/**
 * Lets the page's own tasks (input, rendering) run before we go on (reading the page, drawing
 * the overlay): scheduler.yield() where the browser has it (Chrome 129+), else a message to
 * ourselves. Not setTimeout, which Chrome slows to once a second in background tabs (a report
 * opened in a new tab would wait).
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resume) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resume();
    channel.port2.postMessage(null);
  });
}

/**
 * The same page source as pageFromDocument, read in slices of at most about SLICE_MS (one
 * table, or a few thousand nodes, past that), so that reading a large page never blocks the
 * page for long. `signal` stops it (the checker was torn down, or the page changed meanwhile).
 */
export async function readDocument(
  doc: Document,
  {
    source = doc.location?.href ?? '',
    signal,
    limits = READ_LIMITS,
    slice = SLICE_MS,
    pause = nextTask,
  }: { source?: string; signal?: AbortSignal; limits?: WalkLimits; slice?: number; pause?: () => Promise<void> } = {},
): Promise<PageSource<Node>> {
  // Start in a task of its own, apart from whatever ran before (the checker's start-up).
  await pause();
  signal?.throwIfAborted();
  const reading = readTree(doc.body ?? doc.documentElement, domAccess, metaOf(doc, source), limits);
  let sliceStart = performance.now();
  for (;;) {
    const step = reading.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= slice) {
      await pause();
      signal?.throwIfAborted();
      sliceStart = performance.now();
    }
  }
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
      ? block.ref === undefined
        ? { kind: 'text' as const, text: block.text }
        : { kind: 'text' as const, text: block.text, ref: index(block.ref) }
      : { kind: 'table' as const, ref: index(block.ref), rows: block.rows.map((row) => row.map((cell) => ({ ...cell, ref: index(cell.ref) }))) },
  );
  return { page: { ...page, blocks }, nodes };
}
