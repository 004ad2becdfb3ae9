/**
 * What the page shows on a report:
 *  - the page's own cells marked: `data-grc-cell` on every cell read; on cells of problems
 *    `data-grc-status` (`error` for the likely wrong cell, with `data-grc-expected`, drawn with
 *    "应为 N" beside it; `related` for the other cells of its failed identities; `error` or
 *    `warning` for failed checks no single cell explains), drawn as outlines on the cell (no
 *    layout shift), with a label "应为 N" over the suspect's corner;
 *  - the same in tables written as text, as highlights of the value in place (utils/dom/highlight.ts);
 *  - a chip above each table's top right corner (its verdict from summary.tables), opening to
 *    its findings over the table;
 *  - a pill in a corner (status and count) that opens the panel: the verdict, what was not
 *    checked, the key figures, the findings (↑/↓ walk the problems), copy; it can be moved to
 *    another corner, it keeps out of the report's way, and its open state is remembered;
 *  - a tooltip on marked cells, for the mouse and the keyboard.
 * All of our UI is in one shadow root, shown in the top layer, outside the page's layout (see 3.).
 * Every listener is added with one AbortController's signal: remove() leaves nothing behind.
 */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { CopyButtons } from '../../components/CopyButtons.tsx';
import { FigureList } from '../../components/FigureList.tsx';
import { FindingList, findingMessage, suspectMessage } from '../../components/FindingList.tsx';
import { cellMarks, locateCell, problemCells, type CellMark } from '../../components/marks.ts';
import { StatusBlock } from '../../components/StatusBlock.tsx';
import { copyToClipboard } from '../../utils/dom/clipboard.ts';
import { paintRanges, rangeInBlock, type MarkKind } from '../../utils/dom/highlight.ts';
import { nextTask } from '../../utils/dom/page.ts';
import { messages, type Messages, type RuleTexts } from '../../utils/i18n.ts';
import { TABLE_IDS, type TableId } from '../../utils/report/formats.ts';
import { identityLine, TABLE_NAMES } from '../../utils/report/labels.ts';
import type { Analysis, Finding, Suspect, TableVerdict, TextSpan } from '../../utils/report/types.ts';
import { CELL_OUTLINE, TEXT_MARK_CSS, UI_CSS } from './style.ts';

export interface OverlayInput {
  analysis: Analysis;
  /** Cell id → the page's cell element, or for a table written as text the block's first text node. */
  cellRefs: Map<string, Node>;
  tableRefs: Record<TableId, Node[]>;
  /** Cells of tables written as text: where the value stands in its block. */
  cellAt: Map<string, TextSpan>;
  rules: RuleTexts;
}

export interface Overlay {
  remove(): void;
  /** 定位: bring a cell into view, flash it, show its tooltip. */
  locate(cellId: string): boolean;
  /** The next problem on the page, in document order (the keyboard command and the panel). */
  next(): boolean;
}

type Corner = 'br' | 'bl' | 'tl' | 'tr';
const CORNERS: Corner[] = ['br', 'bl', 'tl', 'tr'];

/**
 * Where the panel's state is kept (storage.local, this extension only):
 *  - the settings' `panelOpen` (options page): whether it starts open, on every site;
 *  - `grc:panel:<hostname>` {open}: the last choice on that site, which wins there;
 *  - `grc:panel` {corner}: the corner it was moved to, for every site.
 */
const PANEL_KEY = 'grc:panel';
/** utils/settings.ts's SETTINGS_KEY, read here raw so the checker does not load the settings code. */
const SETTINGS_KEY = 'grc:settings';
const siteKey = () => `grc:panel:${location.hostname}`;

/** A cell on the page: an element, or a value inside text the page wrote. */
type Place = { kind: 'cell'; el: HTMLElement } | { kind: 'text'; range: Range };

/**
 * Runs `fn` once the browser has laid out and painted the next frame, when reading positions
 * is cheap. In a requestAnimationFrame callback the layout is still dirty: measuring there
 * makes our task pay for laying out the whole page (beside a 20 000-row table, over a second).
 */
function afterPaint(fn: () => void) {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => fn();
    channel.port2.postMessage(null);
  });
}

const rectOf = (p: Place) => (p.kind === 'cell' ? p.el.getBoundingClientRect() : p.range.getBoundingClientRect());
const nodeOf = (p: Place): Node => (p.kind === 'cell' ? p.el : p.range.startContainer);
const intersects = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
/** For sort: `a` before `b` in the document. */
const inDocumentOrder = (a: Node, b: Node) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);
/**
 * The nearest box around `node` that clips what overflows it (a report in a scrolling box, or a
 * layout's overflow: hidden), up to the body: chips and labels are kept inside it.
 */
function clippingBox(node: Node): Element | null {
  for (let box = node.parentElement; box && box !== document.body && box !== document.documentElement; box = box.parentElement) {
    const { overflowX, overflowY } = getComputedStyle(box);
    if (overflowX !== 'visible' || overflowY !== 'visible') return box;
  }
  return null;
}
/** The block element a text node belongs to (where a chip goes for a table written as text). */
const blockOf = (node: Node) => node.parentElement?.closest('p, div, li, pre, td, section, article, blockquote, h1, h2, h3, h4, h5, h6') ?? null;

function Chip({ table, verdict, findings, suspects, format, t, rules, onLocate }: { table: TableId; verdict: TableVerdict; findings: Finding[]; suspects: Suspect[]; format: Analysis['format']; t: Messages; rules: RuleTexts; onLocate: (f: Finding) => void }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  // Its findings open over the table, so they close as a menu does: a click elsewhere, Esc, or
  // 定位 (the cell it goes to may lie under them).
  useEffect(() => {
    if (!open) return;
    const outside = (e: Event) => {
      if (root.current && !e.composedPath().includes(root.current)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside, true);
    return () => document.removeEventListener('pointerdown', outside, true);
  }, [open]);
  const status = verdict.read ? verdict.status : 'incomplete';
  return (
    <div class="grc" ref={root} onKeyDown={(e) => e.key === 'Escape' && open && (setOpen(false), root.current?.querySelector<HTMLElement>('.grc-chip')?.focus())}>
      <button type="button" class={`grc-chip ${status}`} aria-expanded={open} data-grc-chip={table} data-status={status} onClick={() => setOpen(!open)}>
        <span>{TABLE_NAMES[table][t.lang]}</span> <span class="grc-chip-label">{t.chip(verdict)}</span>
      </button>
      {open && (
        <div class="grc-chip-details">
          <p>{t.chipDetail(verdict)}</p>
          <FindingList
            findings={findings}
            suspects={suspects}
            format={format}
            t={t}
            rules={rules}
            onLocate={(f) => {
              setOpen(false);
              onLocate(f);
            }}
          />
        </div>
      )}
    </div>
  );
}

interface PanelProps {
  analysis: Analysis;
  t: Messages;
  rules: RuleTexts;
  open: boolean;
  corner: Corner;
  onOpen: (open: boolean) => void;
  onCorner: (corner: Corner) => void;
  locate: (f: Finding) => void;
  /** ↑/↓ in the findings: show it on the page, the focus stays in the list. */
  step: (f: Finding) => void;
  next: () => void;
  toTable: (table: TableId) => void;
}

function Panel({ analysis, t, rules, open: openAtStart, corner: cornerAtStart, onOpen, onCorner, locate, step, next, toTable }: PanelProps) {
  const [open, setOpen] = useState(openAtStart);
  const [corner, setCorner] = useState(cornerAtStart);
  const dock = useRef<HTMLDivElement>(null);
  const opened = useRef(false);
  // The button that opened or closed the panel is gone: keep the keyboard focus in our UI.
  useEffect(() => {
    if (!opened.current) return void (opened.current = true);
    dock.current?.querySelector<HTMLElement>(open ? '.grc-close' : '.grc-pill')?.focus();
  }, [open]);
  const { summary } = analysis;
  const toggle = (value: boolean) => {
    setOpen(value);
    onOpen(value);
  };
  const move = () => {
    const to = CORNERS[(CORNERS.indexOf(corner) + 1) % CORNERS.length];
    setCorner(to);
    onCorner(to);
  };
  return (
    <div class={`grc grc-dock ${corner}`} data-corner={corner} ref={dock}>
      {!open ? (
        <button type="button" class="grc-pill" aria-expanded="false" aria-label={`${t.title}: ${t.status(summary.status, summary)}. ${t.open}`} onClick={() => toggle(true)}>
          <span>{t.title}</span>
          <span class={`grc-status ${summary.status}`} data-status={summary.status}>
            {t.status(summary.status, summary)}
          </span>
        </button>
      ) : null}
      {!open ? null : (
        <aside class="grc-panel" aria-label={t.title}>
          <header>
            <h2>{t.title}</h2>
            <button type="button" class="grc-move" title={t.moveCorner} aria-label={t.moveCorner} onClick={move}>
              ⇲
            </button>
            <button type="button" class="grc-close" aria-expanded="true" onClick={() => toggle(false)}>
              {t.close}
            </button>
          </header>
          <StatusBlock summary={summary} t={t} onTable={toTable} />
          <p class="grc-identity">{identityLine(analysis, t.lang)}</p>
          {summary.errors + summary.warnings > 0 && (
            <button type="button" class="grc-next" onClick={next}>
              {t.nextProblem} ↓
            </button>
          )}
          <FindingList findings={analysis.findings} suspects={analysis.suspects} format={analysis.format} t={t} rules={rules} onLocate={locate} onStep={step} />
          <h3>{t.figures}</h3>
          <FigureList figures={analysis.figures} lang={t.lang} />
          <CopyButtons analysis={analysis} t={t} copy={(p) => copyToClipboard(p)} />
        </aside>
      )}
    </div>
  );
}

function Tooltip({ mark, rect, t, rules }: { mark: CellMark; rect: DOMRect; t: Messages; rules: RuleTexts }) {
  const top = rect.bottom + 6 > window.innerHeight - 120 ? Math.max(4, rect.top - 100) : rect.bottom + 6;
  const s = mark.suspect;
  return (
    <div class="grc grc-tooltip" role="tooltip" style={{ left: `${Math.max(4, Math.min(rect.left, window.innerWidth - 390))}px`, top: `${top}px` }}>
      {s && <p class="grc-tip-head">{suspectMessage(s, t)}</p>}
      {mark.status === 'related' && <p class="grc-tip-head">{t.related}</p>}
      {mark.findings.map((f, i) => (
        <p key={i}>
          {findingMessage(f, t)}
          <span class="grc-rule-name">{rules[f.id]?.title[t.lang] ?? f.id}</span>
        </p>
      ))}
    </div>
  );
}

export async function mountOverlay(ctx: ContentScriptContext, input: OverlayInput): Promise<Overlay> {
  const { analysis, cellRefs, tableRefs, cellAt, rules } = input;
  // The person's settings (language, whether the panel starts open) and the panel's memory.
  const stored = (await browser.storage.local.get([PANEL_KEY, siteKey(), SETTINGS_KEY]).catch(() => ({}))) as {
    [SETTINGS_KEY]?: { language?: string; panelOpen?: boolean };
  } & Record<string, { open?: boolean; corner?: Corner } | undefined>;
  const settings = stored[SETTINGS_KEY] ?? {};
  const t = messages(settings.language === 'zh' || settings.language === 'en' ? settings.language : undefined);
  // Our UI's language, for screen readers and for the browser's choice of Chinese glyphs: the
  // shadow roots' reset (all: initial) drops the page's own, and text with no language costs
  // the first frame a fresh font lookup (scripts/bench-browser.ts).
  const uiLang = t.lang === 'zh' ? 'zh-CN' : 'en';
  const abort = new AbortController();
  const { signal } = abort;
  const undo: (() => void)[] = [() => abort.abort()];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  undo.push(() => timers.forEach(clearTimeout));

  // Where each cell is on the page (text values found on demand: most are never needed).
  const places = new Map<string, Place | null>();
  const placeOf = (id: string): Place | null => {
    if (places.has(id)) return places.get(id)!;
    const node = cellRefs.get(id);
    const at = cellAt.get(id);
    let place: Place | null = null;
    if (node?.isConnected) {
      if (at) {
        const range = rangeInBlock(node, at);
        place = range && { kind: 'text', range };
      } else if (node.nodeType === Node.ELEMENT_NODE) place = { kind: 'cell', el: node as HTMLElement };
    }
    places.set(id, place);
    return place;
  };

  // 1. The page's cells: an id on every cell read; on cells of problems a status and its
  //    outline, written on the cell itself (CELL_OUTLINE: a style sheet of ours in the page
  //    would make the browser restyle every element of it).
  const marks = cellMarks(analysis);
  const marked = new Map<Element, string>();
  const cells: HTMLElement[] = [];
  for (const id of cellRefs.keys()) {
    if (cellAt.has(id)) continue;
    const place = placeOf(id);
    if (place?.kind !== 'cell') continue;
    place.el.setAttribute('data-grc-cell', id);
    cells.push(place.el);
  }
  const textRanges: Partial<Record<MarkKind, Range[]>> = {};
  const textMarks: { id: string; range: Range }[] = [];
  /** The style attribute each outlined cell had before, given back by remove(). */
  const styleBefore = new Map<HTMLElement, string | null>();
  for (const [id, mark] of marks) {
    const place = placeOf(id);
    if (!place) continue;
    if (place.kind === 'text') {
      (textRanges[mark.status] ??= []).push(place.range);
      textMarks.push({ id, range: place.range });
      continue;
    }
    const el = place.el;
    el.setAttribute('data-grc-status', mark.status);
    if (mark.suspect) el.setAttribute('data-grc-expected', String(mark.suspect.expected));
    if (!el.hasAttribute('tabindex')) el.setAttribute('data-grc-tabindex', ''), el.setAttribute('tabindex', '0');
    styleBefore.set(el, el.getAttribute('style'));
    for (const [name, value] of CELL_OUTLINE[mark.status]) el.style.setProperty(name, value, 'important');
    marked.set(el, id);
  }
  undo.push(() => {
    for (const el of cells) {
      for (const name of ['data-grc-cell', 'data-grc-status', 'data-grc-expected', 'data-grc-flash']) el.removeAttribute(name);
      if (el.hasAttribute('data-grc-tabindex')) el.removeAttribute('tabindex'), el.removeAttribute('data-grc-tabindex');
    }
    for (const [el, style] of styleBefore) {
      if (style === null) el.removeAttribute('style');
      else el.setAttribute('style', style);
    }
  });
  undo.push(paintRanges(textRanges));
  if (cellAt.size) {
    // Highlights can only be styled from the page's own style sheets: pages with tables
    // written as text get ours.
    const style = document.createElement('style');
    style.setAttribute('data-grc-ui', '');
    style.textContent = TEXT_MARK_CSS;
    (document.head ?? document.documentElement).append(style);
    undo.push(() => style.remove());
  }

  // The overlay is drawn in two tasks (the cells, then our UI), letting the page run between
  // them, and in one frame (each frame after a change to the page draws it again). Ended
  // meanwhile: what was drawn goes again.
  const pause = async () => {
    await nextTask();
    if (ctx.isInvalid) {
      undo.reverse().forEach((f) => f());
      throw new Error('the checker ended while drawing its overlay');
    }
  };
  await pause();

  const locateFinding = (f: Finding, focus = true) => {
    const id = locateCell(analysis, f);
    if (id) locate(id, focus);
  };

  // 2. Where each table's chip goes: above the table element, or the text block it was written in.
  const anchorOf: Partial<Record<TableId, Element>> = {};
  for (const table of TABLE_IDS) {
    if (!analysis.tables[table].found) continue;
    let anchor = tableRefs[table].find((n) => n.isConnected) as Element | undefined;
    if (!anchor) {
      const first = [...cellAt.keys()]
        .filter((id) => id.startsWith(`${table}.`))
        .map((id) => cellRefs.get(id))
        .filter((n): n is Node => !!n?.isConnected)
        .sort(inDocumentOrder)[0];
      anchor = (first && blockOf(first)) ?? undefined;
    }
    if (anchor && anchor !== document.body) anchorOf[table] = anchor;
  }
  const chipTables = TABLE_IDS.filter((table) => anchorOf[table]);
  const tableAnchors = chipTables.map((table) => anchorOf[table]!);
  const suspectIds = [...marks.keys()].filter((id) => marks.get(id)!.suspect && placeOf(id));

  /**
   * Chips and "应为" labels are placed at their table's or cell's place in the document (not in
   * the viewport: they scroll with the page by themselves), and follow it when the page's layout
   * moves it (place). Null: the table or cell is not shown (display: none), nor its chip.
   */
  const spots: { key: string; at: () => { x: number; y: number } | null }[] = [];
  /**
   * A top right corner in document coordinates, kept inside the page's width and inside the box
   * that clips it (a Word table can be wider than both); null when it is not shown, or scrolled
   * out of a scrolling box the report is in.
   */
  const cornerOf = (r: DOMRect, box: Element | null) => {
    if (r.width === 0 && r.height === 0) return null;
    let right = Math.min(r.right, document.documentElement.clientWidth);
    if (box) {
      const b = box.getBoundingClientRect();
      if (r.top < b.top - 1 || r.top > b.bottom) return null;
      right = Math.min(right, b.right);
    }
    return { x: right + scrollX, y: r.top + scrollY };
  };
  for (const table of chipTables) {
    const box = clippingBox(anchorOf[table]!);
    spots.push({ key: `chip:${table}`, at: () => cornerOf(anchorOf[table]!.getBoundingClientRect(), box) });
  }
  for (const id of suspectIds) {
    const place = placeOf(id)!;
    const box = clippingBox(nodeOf(place));
    spots.push({ key: `label:${id}`, at: () => cornerOf(rectOf(place), box) });
  }
  const spotEls = new Map<string, HTMLElement>();
  const measure = () => spots.map(({ key, at }) => [key, at()] as const);
  const move = (where: ReturnType<typeof measure>) => {
    for (const [key, p] of where) {
      const el = spotEls.get(key);
      if (!el) continue;
      el.hidden = p === null;
      if (!p) continue;
      const left = `${Math.round(p.x)}px`;
      const top = `${Math.round(p.y)}px`;
      if (el.style.left !== left) el.style.left = left;
      if (el.style.top !== top) el.style.top = top;
    }
  };
  /** Reads every position first, then writes: one layout at most. */
  const place = () => move(measure());

  // 3. Our UI, in one shadow root: the pill and panel, the chips, the labels, the tooltip.
  //    Its host is the body's first child, so the pill and then the chips are the page's first
  //    Tab stops. It is shown in the top layer (a manual popover) where the browser has one: it
  //    then lies over the page without being part of the page's layout, and drawing it does not
  //    lay out and paint the page again (on a 656 kB report, the frame after the overlay took
  //    40 ms with chips in the page's flow, 10 ms so: scripts/bench-browser.ts).
  const open = stored[siteKey()]?.open ?? settings.panelOpen ?? false;
  const corner = stored[PANEL_KEY]?.corner ?? 'br';
  const save = (patch: { open?: boolean; corner?: Corner }) => {
    const values: Record<string, unknown> = {};
    if (patch.corner) values[PANEL_KEY] = { corner: patch.corner };
    if (patch.open !== undefined) values[siteKey()] = { open: patch.open };
    void browser.storage.local.set(values).catch(() => {});
  };
  let tooltipRoot: HTMLElement | undefined;
  let layer: HTMLElement | undefined;
  const roots: HTMLElement[] = [];
  const ui = await createShadowRootUi(ctx, {
    name: 'grc-overlay',
    position: 'inline',
    anchor: 'body',
    append: 'first',
    css: UI_CSS,
    inheritStyles: true,
    onMount: (container) => {
      container.lang = uiLang;
      const app = document.createElement('div');
      layer = document.createElement('div');
      tooltipRoot = document.createElement('div');
      container.append(app, layer, tooltipRoot);
      roots.push(app, tooltipRoot);
      render(
        <Panel
          analysis={analysis}
          t={t}
          rules={rules}
          open={open}
          corner={corner}
          onOpen={(o) => {
            save({ open: o });
            afterPaint(avoidReport);
          }}
          onCorner={(c) => {
            save({ corner: c });
            afterPaint(avoidReport);
          }}
          locate={locateFinding}
          step={(f) => locateFinding(f, false)}
          next={() => void next()}
          toTable={(table) => anchorOf[table]?.scrollIntoView({ block: 'start' })}
        />,
        app,
      );
      for (const table of chipTables) {
        const at = document.createElement('div');
        at.className = 'grc-at';
        layer.append(at);
        roots.push(at);
        spotEls.set(`chip:${table}`, at);
        const findings = analysis.findings.filter((f) => f.table === table);
        render(<Chip table={table} verdict={analysis.summary.tables[table]} findings={findings} suspects={analysis.suspects} format={analysis.format} t={t} rules={rules} onLocate={locateFinding} />, at);
      }
      for (const id of suspectIds) {
        const label = document.createElement('span');
        label.className = 'grc-at grc-label';
        label.setAttribute('data-grc-label', id);
        label.setAttribute('data-kind', placeOf(id)!.kind);
        label.textContent = `${t.expectedLabel} ${marks.get(id)!.suspect!.expected}`;
        layer.append(label);
        spotEls.set(`label:${id}`, label);
      }
    },
    onRemove: () => {
      for (const root of roots) render(null, root);
    },
  });
  // Measured before our host is in the page, whose layout is then still the page's own.
  const firstPlaces = measure();
  ui.mount();
  undo.push(() => ui.remove());
  const host = ui.shadowHost;
  if ('showPopover' in host) {
    host.setAttribute('popover', 'manual');
    try {
      host.showPopover();
    } catch {
      // No top layer for it here: it stays an absolutely placed element of the body.
      host.removeAttribute('popover');
    }
  }
  move(firstPlaces);

  /**
   * The closed pill keeps out of the report: where it would lie over a table or a chip, it
   * moves to the other end of the same side if that spot is free.
   */
  const avoidReport = () => {
    const dock = ui.shadow.querySelector('.grc-dock');
    if (!dock || signal.aborted) return;
    host.removeAttribute('data-flip');
    if (!dock.querySelector('.grc-pill')) return;
    const here = dock.getBoundingClientRect();
    const chips = [...(layer?.querySelectorAll('.grc-chip') ?? [])];
    const obstacles = [...tableAnchors, ...chips].map((el) => el.getBoundingClientRect());
    if (!obstacles.some((r) => intersects(here, r))) return;
    const top = here.top > window.innerHeight / 2 ? 16 : window.innerHeight - 16 - here.height;
    const there = new DOMRect(here.left, top, here.width, here.height);
    if (!obstacles.some((r) => intersects(there, r))) host.setAttribute('data-flip', '');
  };

  // 4. The tooltip, kept where its cell is as the page scrolls; chips and labels follow their
  //    tables and cells when the page's layout changes (its size, a table's size, a scrolled box).
  let tip: string | null = null;
  const drawTooltip = () => {
    if (!tooltipRoot) return;
    const mark = tip ? marks.get(tip) : undefined;
    const place = tip ? placeOf(tip) : null;
    render(mark && place ? <Tooltip mark={mark} rect={rectOf(place)} t={t} rules={rules} /> : null, tooltipRoot);
  };
  const showTip = (id: string | null) => {
    if (id === tip) return;
    tip = id;
    drawTooltip();
  };
  let frame = 0;
  let placesMoved = false;
  const redraw = (e: Event) => {
    // The page's own scrolling carries chips and labels (they are in document coordinates): only
    // a scrolled box or a resized window moves them.
    if (e.target !== document) placesMoved = true;
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (signal.aborted) return;
      drawTooltip();
      if (placesMoved) place();
      placesMoved = false;
      avoidReport();
    });
  };
  undo.push(() => cancelAnimationFrame(frame));
  afterPaint(() => {
    if (!signal.aborted) avoidReport();
  });
  // Called in the frame, after layout: reading positions there costs nothing more.
  const resized = new ResizeObserver(() => {
    if (!signal.aborted) place();
  });
  for (const el of [document.body ?? document.documentElement, ...tableAnchors]) resized.observe(el);
  undo.push(() => resized.disconnect());

  const onCell = (e: Event) => {
    const el = (e.target as Element | null)?.closest?.('[data-grc-status]');
    const id = el ? marked.get(el) : undefined;
    if (id) showTip(id);
    else if (tip && !cellAt.has(tip)) showTip(null);
  };
  document.addEventListener('mouseover', onCell, { signal, passive: true });
  document.addEventListener('focusin', onCell, { signal, passive: true });
  window.addEventListener('scroll', redraw, { signal, capture: true, passive: true });
  window.addEventListener('resize', redraw, { signal, passive: true });
  if (textMarks.length) {
    // Text values are no elements: find the one under the pointer by its rectangles.
    document.addEventListener(
      'mousemove',
      (e) => {
        const hit = textMarks.find(({ range }) => [...range.getClientRects()].some((r) => e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom));
        if (hit) showTip(hit.id);
        else if (tip && cellAt.has(tip)) showTip(null);
      },
      { signal, passive: true },
    );
  }

  // 5. 定位 and "next problem".
  let flashUndo: (() => void) | null = null;
  undo.push(() => flashUndo?.());
  /** `focus`: move the keyboard focus to the cell too (not while ↑/↓ walk the panel's list). */
  const locate = (id: string, focus = true): boolean => {
    const place = placeOf(id);
    if (!place || !nodeOf(place).isConnected) return false;
    flashUndo?.();
    if (place.kind === 'cell') {
      place.el.scrollIntoView({ block: 'center', inline: 'nearest' });
      place.el.setAttribute('data-grc-flash', '');
      // A Web Animation, not a @keyframes rule in the page's style: inserting @keyframes makes
      // the browser restyle every element of the page (beside a 20 000-row table, 0.3 s).
      const flash = place.el.animate?.([{ backgroundColor: 'transparent' }, { backgroundColor: '#fde293' }, { backgroundColor: 'transparent' }], { duration: 500, iterations: 4 });
      if (focus) place.el.focus?.({ preventScroll: true });
      flashUndo = () => {
        flash?.cancel();
        place.el.removeAttribute('data-grc-flash');
      };
    } else {
      const r = place.range.getBoundingClientRect();
      window.scrollBy({ top: r.top - window.innerHeight / 2, behavior: 'instant' });
      flashUndo = paintRanges({ flash: [place.range] });
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      flashUndo?.();
      flashUndo = null;
    }, 2200);
    timers.add(timer);
    tip = id;
    drawTooltip();
    return true;
  };
  const problems = problemCells(analysis)
    .map((id) => ({ id, place: placeOf(id) }))
    .filter((p): p is { id: string; place: Place } => p.place !== null)
    .sort((a, b) => inDocumentOrder(nodeOf(a.place), nodeOf(b.place)));
  let cursor = -1;
  const next = (): boolean => {
    if (problems.length === 0) return false;
    cursor = (cursor + 1) % problems.length;
    return locate(problems[cursor].id);
  };

  return {
    remove: () => undo.reverse().forEach((f) => f()),
    locate,
    next,
  };
}
