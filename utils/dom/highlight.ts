/**
 * Marks in text the page wrote itself (tables written as text: pipes, spaces), without
 * rewriting the page's nodes. The engine says where a value stands as offsets into its text
 * block (RawCell.at); the block's ref is the block's first text node (utils/report/page.ts).
 * Here those offsets become a DOM Range again, and ranges are painted with the CSS Custom
 * Highlight API — a wrapping <mark> only where the browser lacks it.
 */
import { COLLAPSED_SPACE, SKIP } from '../report/pageText.ts';
import type { TextSpan } from '../report/types.ts';

/** What page.ts does not read: a text node under one of these is not part of the block's text. */
const NOT_READ = [...SKIP, '[hidden]', '[data-grc-ui]'].join(',');
/** page.ts collapses runs of these into one space (line breaks stay) and trims the block. */
const COLLAPSED = new RegExp(COLLAPSED_SPACE.source);
const SPACE = /\s/;

/**
 * The range of `at` in the text block that starts at `first` (a text node): walks the text
 * nodes from there in document order, counting characters as page.ts normalised them.
 */
export function rangeInBlock(first: Node, at: TextSpan): Range | null {
  const doc = first.ownerDocument;
  if (!doc || !first.isConnected || at.end <= at.start) return null;
  // NodeFilter's values (SHOW_TEXT, FILTER_ACCEPT, FILTER_REJECT), spelled out so this also
  // runs where NodeFilter is no global (happy-dom in the unit tests).
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, 0x4, {
    // Our own UI lives in shadow roots, so its text is never among these nodes.
    acceptNode: (n) => (n.parentElement?.closest(NOT_READ) ? 2 : 1),
  });
  walker.currentNode = first;
  let node: Node | null = first;
  let index = 0; // normalised characters emitted so far
  let started = false; // past the block's leading whitespace (trimmed)
  let inRun = false; // inside a run of collapsed whitespace
  let range: Range | null = null;
  for (let guard = 0; node && guard < 10_000; guard++, node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (!started) {
        if (SPACE.test(ch)) continue;
        started = true;
      }
      if (COLLAPSED.test(ch)) {
        if (inRun) continue;
        inRun = true;
      } else inRun = false;
      if (index === at.start) {
        range = doc.createRange();
        range.setStart(node, i);
      }
      index++;
      if (range && index === at.end) {
        range.setEnd(node, i + 1);
        return range;
      }
    }
  }
  return null;
}

export type MarkKind = 'error' | 'warning' | 'related' | 'flash';
const NAME = (kind: MarkKind) => `grc-${kind}`;

interface HighlightApi {
  highlights: Map<string, unknown>;
}
type HighlightCtor = new (...ranges: Range[]) => unknown;
const cssOf = (win: Window) => (win as unknown as { CSS?: Partial<HighlightApi> }).CSS as HighlightApi | undefined;

/** True where the CSS Custom Highlight API can paint ranges. */
export function canHighlight(win: Window = window): boolean {
  return 'Highlight' in win && typeof cssOf(win)?.highlights?.set === 'function';
}

/**
 * Paints each kind's ranges; returns the undo. With the Highlight API nothing in the page
 * changes; without it each range (within one text node) is wrapped in <mark data-grc-mark>.
 */
export function paintRanges(marks: Partial<Record<MarkKind, Range[]>>, win: Window = window): () => void {
  const entries = Object.entries(marks).filter(([, ranges]) => ranges && ranges.length) as [MarkKind, Range[]][];
  if (canHighlight(win)) {
    const registry = cssOf(win)!.highlights;
    const Highlight = (win as unknown as { Highlight: HighlightCtor }).Highlight;
    for (const [kind, ranges] of entries) registry.set(NAME(kind), new Highlight(...ranges));
    return () => entries.forEach(([kind]) => registry.delete(NAME(kind)));
  }
  const wrapped: HTMLElement[] = [];
  for (const [kind, ranges] of entries) {
    for (const range of ranges) {
      if (range.startContainer !== range.endContainer) continue;
      const mark = win.document.createElement('mark');
      mark.setAttribute('data-grc-mark', kind);
      try {
        range.surroundContents(mark);
        wrapped.push(mark);
      } catch {
        // A range across elements cannot be wrapped; that value stays unmarked.
      }
    }
  }
  return () => {
    for (const mark of wrapped) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      mark.remove();
      parent.normalize();
    }
  };
}
