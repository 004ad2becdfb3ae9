/**
 * What the page shows on a report: the page's own cells marked (data-grc-cell, and
 * data-grc-status on cells of failed checks, drawn as an outline), a chip before each table,
 * a panel with the key figures, and a tooltip on marked cells. Everything is undone by the
 * returned teardown.
 */
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { CopyButtons } from '../../components/CopyButtons.tsx';
import { FigureList } from '../../components/FigureList.tsx';
import { FindingList } from '../../components/FindingList.tsx';
import { copyToClipboard } from '../../utils/dom/clipboard.ts';
import type { Messages } from '../../utils/i18n.ts';
import type { AnalysisWithRefs } from '../../utils/report/analyze.ts';
import type { TableId } from '../../utils/report/formats.ts';
import type { Analysis, Finding } from '../../utils/report/types.ts';
import { PAGE_CSS, UI_CSS } from './style.ts';

const TABLE_NAMES: Record<TableId, string> = { t2: '表二', t3: '表三', t4: '表四' };

/** A table's chip: ✓ 12 项校验通过 / ✗ 2 项不符, expanding to that table's findings. */
function Chip({ table, findings, t }: { table: TableId; findings: Finding[]; t: Messages }) {
  const [open, setOpen] = useState(false);
  const run = findings.filter((f) => f.status !== 'skip');
  const failed = run.filter((f) => f.status === 'fail' && f.severity !== 'info');
  const errors = failed.filter((f) => f.severity === 'error');
  const kind = errors.length ? 'fail' : failed.length ? 'warn' : 'pass';
  const label = failed.length ? t.failed(failed.length) : t.passed(run.length);
  return (
    <div class="grc">
      <button type="button" class={`grc-chip ${kind}`} aria-expanded={open} data-grc-chip={table} onClick={() => setOpen(!open)}>
        <span>{TABLE_NAMES[table]}</span> <span class="grc-chip-label">{label}</span>
      </button>
      {open && (
        <div class="grc-chip-details">
          {failed.length ? <FindingList findings={findings} t={t} /> : <p>{t.passed(run.length)}</p>}
        </div>
      )}
    </div>
  );
}

function Panel({ analysis, t, collapsedAtStart, onCollapse }: { analysis: Analysis; t: Messages; collapsedAtStart: boolean; onCollapse: (c: boolean) => void }) {
  const [collapsed, setCollapsed] = useState(collapsedAtStart);
  const toggle = () => {
    setCollapsed(!collapsed);
    onCollapse(!collapsed);
  };
  const { errors } = analysis.summary;
  const status = errors ? t.errorCount(errors) : t.allGood;
  return (
    <aside class={`grc grc-panel${collapsed ? ' collapsed' : ''}`} aria-label={t.title}>
      <header>
        <h2>
          {t.title} · <span class={`grc-status ${errors ? 'fail' : 'pass'}`}>{status}</span>
        </h2>
        <button type="button" class="grc-toggle" aria-expanded={!collapsed} onClick={toggle}>
          {collapsed ? t.expand : t.collapse}
        </button>
      </header>
      {!collapsed && (
        <>
          <p class="grc-identity">
            {t.agency}：{analysis.agency ?? '—'}　{t.year}：{analysis.year ?? '—'}　{t.format}：{analysis.format}
          </p>
          <FigureList figures={analysis.figures} />
          <CopyButtons analysis={analysis} t={t} copy={(p) => copyToClipboard(p)} />
        </>
      )}
    </aside>
  );
}

function Tooltip({ cell }: { cell: { findings: Finding[]; rect: DOMRect } | null; t: Messages }) {
  if (!cell) return null;
  const top = Math.min(cell.rect.bottom + 6, window.innerHeight - 120);
  return (
    <div class="grc grc-tooltip" role="tooltip" style={{ left: `${Math.max(4, cell.rect.left)}px`, top: `${top}px` }}>
      {cell.findings.map((f, i) => (
        <p key={i}>
          {f.message} <span class="grc-rule">{f.id}</span>
        </p>
      ))}
    </div>
  );
}

const collapsedKey = () => `grc:collapsed:${location.hostname}`;

export async function mountOverlay(ctx: ContentScriptContext, result: AnalysisWithRefs<Node>, t: Messages): Promise<() => void> {
  const { analysis, cellRefs, tableRefs } = result;
  const undo: (() => void)[] = [];

  // 1. The page's cells: ids on every recognised cell, status on cells of failed checks.
  const byCell = new Map<string, Finding[]>();
  for (const f of analysis.findings) {
    if (f.status !== 'fail' || f.severity === 'info') continue;
    for (const id of f.cells) byCell.set(id, [...(byCell.get(id) ?? []), f]);
  }
  const cellOf = new Map<Element, string>();
  for (const [id, node] of cellRefs) {
    const el = node as Element;
    el.setAttribute('data-grc-cell', id);
    cellOf.set(el, id);
    const findings = byCell.get(id);
    if (findings) {
      el.setAttribute('data-grc-status', findings.some((f) => f.severity === 'error') ? 'error' : 'warning');
      if (!el.hasAttribute('tabindex')) el.setAttribute('data-grc-tabindex', ''), el.setAttribute('tabindex', '0');
    }
  }
  undo.push(() => {
    for (const el of cellOf.keys()) {
      el.removeAttribute('data-grc-cell');
      el.removeAttribute('data-grc-status');
      el.removeAttribute('data-grc-flash');
      if (el.hasAttribute('data-grc-tabindex')) el.removeAttribute('tabindex'), el.removeAttribute('data-grc-tabindex');
    }
  });
  const style = document.createElement('style');
  style.setAttribute('data-grc-ui', '');
  style.textContent = PAGE_CSS;
  (document.head ?? document.documentElement).append(style);
  undo.push(() => style.remove());

  // 2. A chip before each table.
  const uis: ShadowRootContentScriptUi<unknown>[] = [];
  for (const table of ['t2', 't3', 't4'] as TableId[]) {
    const anchor = tableRefs[table][0] as Element | undefined;
    if (!anchor || !analysis.tables[table].found) continue;
    const findings = analysis.findings.filter((f) => f.table === table);
    const ui = await createShadowRootUi(ctx, {
      name: 'grc-chip',
      position: 'inline',
      anchor,
      append: 'before',
      css: UI_CSS,
      onMount: (container) => render(<Chip table={table} findings={findings} t={t} />, container),
      onRemove: (container) => container && render(null, container as unknown as HTMLElement),
    });
    ui.mount();
    uis.push(ui);
  }

  // 3. The panel, with the tooltip in the same shadow root.
  const stored = await browser.storage.local.get(collapsedKey()).catch(() => ({}) as Record<string, unknown>);
  let tooltipRoot: HTMLElement | undefined;
  const panel = await createShadowRootUi(ctx, {
    name: 'grc-panel',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    css: UI_CSS,
    onMount: (container) => {
      const app = document.createElement('div');
      tooltipRoot = document.createElement('div');
      container.append(app, tooltipRoot);
      render(
        <Panel
          analysis={analysis}
          t={t}
          collapsedAtStart={Boolean(stored[collapsedKey()])}
          onCollapse={(c) => void browser.storage.local.set({ [collapsedKey()]: c }).catch(() => {})}
        />,
        app,
      );
      return app;
    },
    onRemove: (app) => {
      if (app) render(null, app);
      if (tooltipRoot) render(null, tooltipRoot);
    },
  });
  panel.mount();
  uis.push(panel as ShadowRootContentScriptUi<unknown>);
  undo.push(() => uis.forEach((ui) => ui.remove()));

  // 4. Tooltip on marked cells, for the mouse and the keyboard.
  const show = (e: Event) => {
    const el = (e.target as Element | null)?.closest?.('[data-grc-status]');
    const id = el && cellOf.get(el);
    if (!tooltipRoot) return;
    render(<Tooltip cell={id ? { findings: byCell.get(id) ?? [], rect: el.getBoundingClientRect() } : null} t={t} />, tooltipRoot);
  };
  const hide = () => tooltipRoot && render(null, tooltipRoot);
  ctx.addEventListener(document, 'mouseover', show);
  ctx.addEventListener(document, 'focusin', show);
  ctx.addEventListener(document, 'scroll', hide, { capture: true, passive: true });
  undo.push(() => {
    document.removeEventListener('mouseover', show);
    document.removeEventListener('focusin', show);
  });

  return () => undo.reverse().forEach((f) => f());
}

/** 定位 from the popup: bring a cell into view and flash it. */
export function flashCell(cellRefs: Map<string, Node>, cellId: string): boolean {
  const el = cellRefs.get(cellId) as HTMLElement | undefined;
  if (!el?.isConnected) return false;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el.setAttribute('data-grc-flash', '');
  setTimeout(() => el.removeAttribute('data-grc-flash'), 2200);
  el.focus?.({ preventScroll: true });
  return true;
}
