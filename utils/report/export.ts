/**
 * Getting the data out, the way people paste it (after Copytables): the report's tables as
 * TSV (Excel/WPS cells), CSV, Markdown and an HTML table with real rowspan/colspan; the whole
 * Analysis as JSON; and one row per report for a data set.
 */
import {
  RESULT_GROUPS,
  T2_BLOCKS,
  T3_COLUMNS,
  T3_ROWS,
  T4_COLUMNS,
  T4_GROUPS,
  allCellIds,
  t2CellId,
  t3CellId,
  t4CellId,
  type FormatId,
} from './formats.ts';
import { FIGURE_LABELS } from './figures.ts';
import type { Analysis, Figures } from './types.ts';

type Value = string | number | null;

/** One table as rows of cells; a label cell may span (HTML) or stand once (TSV/CSV). */
export interface TableView {
  id: 't2' | 't3' | 't4';
  title: string;
  /** Header rows; each cell text with its spans. */
  header: { text: string; colSpan?: number; rowSpan?: number }[][];
  /** Label path (1 to 3 levels, merged when repeated) then the values. */
  rows: { labels: string[]; values: Value[] }[];
  labelColumns: number;
}

const formatOf = (a: Analysis): FormatId => (a.format === '2019' ? '2019' : '2021');
const v = (a: Analysis, id: string): Value => (id in a.cells ? a.cells[id] : null);

export function tableViews(a: Analysis): TableView[] {
  const format = formatOf(a);
  const views: TableView[] = [];

  // 表二: each block is its caption row, its header row, then its rows.
  const t2: TableView = { id: 't2', title: '二、主动公开政府信息情况', header: [], rows: [], labelColumns: 1 };
  for (const b of T2_BLOCKS[format]) {
    t2.rows.push({ labels: [b.caption], values: [] });
    t2.rows.push({ labels: ['信息内容'], values: b.columns.map((c) => c.label) });
    for (const r of b.rows) t2.rows.push({ labels: [r.label], values: b.columns.map((c) => v(a, t2CellId(b.id, r.id, c.id))) });
  }
  views.push(t2);

  // 表三: the official layout, three label columns.
  const t3: TableView = {
    id: 't3',
    title: '三、收到和处理政府信息公开申请情况',
    labelColumns: 3,
    header: [
      [{ text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', colSpan: 3, rowSpan: 3 }, { text: '申请人情况', colSpan: 7 }],
      [{ text: '自然人', rowSpan: 2 }, { text: '法人或其他组织', colSpan: 5 }, { text: '总计', rowSpan: 2 }],
      T3_COLUMNS.slice(1, 6).map((c) => ({ text: c.label })),
    ],
    rows: [],
  };
  for (const r of T3_ROWS[format]) {
    const labels = ['new_received', 'carried_over', 'carry_forward'].includes(r.id)
      ? [r.label]
      : r.group && !(format === '2019' && r.group === 'other')
        ? ['三、本年度办理结果', RESULT_GROUPS[r.group], r.label]
        : ['三、本年度办理结果', r.label];
    t3.rows.push({ labels, values: T3_COLUMNS.map((c) => v(a, t3CellId(r.id, c.id))) });
  }
  views.push(t3);

  // 表四: one row of fifteen.
  views.push({
    id: 't4',
    title: '四、政府信息公开行政复议、行政诉讼情况',
    labelColumns: 0,
    header: [
      [{ text: '行政复议', colSpan: 5 }, { text: '行政诉讼', colSpan: 10 }],
      [
        ...['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((t) => ({ text: t, rowSpan: 2 })),
        { text: T4_GROUPS[1].label.split('·')[1], colSpan: 5 },
        { text: T4_GROUPS[2].label.split('·')[1], colSpan: 5 },
      ],
      T4_COLUMNS.slice(5).map((c) => ({ text: c.label.split('·').pop()! })),
    ],
    rows: [{ labels: [], values: T4_COLUMNS.map((c) => v(a, t4CellId(c.id))) }],
  });
  return views;
}

/* ------------------------------------------------------------------ grids (TSV, CSV, Markdown) */

/** A view as a plain grid of strings: spans written once, the rest left empty (as Excel merges). */
export function viewGrid(view: TableView): string[][] {
  const width = view.labelColumns + Math.max(0, ...view.rows.map((r) => r.values.length), view.id === 't4' ? 15 : 7);
  const grid: string[][] = [];
  // Header rows, spans laid out.
  const occupied: boolean[][] = [];
  view.header.forEach((cells, y) => {
    grid[y] ??= Array(width).fill('');
    occupied[y] ??= [];
    let x = 0;
    for (const c of cells) {
      while (occupied[y][x]) x++;
      grid[y][x] = c.text;
      for (let dy = 0; dy < (c.rowSpan ?? 1); dy++) {
        occupied[y + dy] ??= [];
        grid[y + dy] ??= Array(width).fill('');
        for (let dx = 0; dx < (c.colSpan ?? 1); dx++) occupied[y + dy][x + dx] = true;
      }
      x += c.colSpan ?? 1;
    }
  });
  let previous: string[] = [];
  for (const row of view.rows) {
    const labels = Array(view.labelColumns).fill('');
    row.labels.forEach((l, i) => {
      // A label repeated from the row above is a merged cell: write it once.
      if (i < row.labels.length - 1 && previous[i] === l) return;
      labels[i] = l;
    });
    previous = row.labels;
    grid.push([...labels, ...row.values.map((x) => (x === null ? '' : String(x)))]);
  }
  return grid;
}

const tsvField = (s: string) => (/[\t\n"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const csvField = (s: string) => (/[,\n"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function toTSV(a: Analysis): string {
  return tableViews(a)
    .map((view) => [view.title, ...viewGrid(view).map((r) => r.map(tsvField).join('\t'))].join('\n'))
    .join('\n\n') + '\n';
}

export function toCSV(a: Analysis): string {
  return tableViews(a)
    .map((view) => [csvField(view.title), ...viewGrid(view).map((r) => r.map(csvField).join(','))].join('\r\n'))
    .join('\r\n\r\n') + '\r\n';
}

const mdCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function toMarkdown(a: Analysis): string {
  const out: string[] = [`# ${mdCell(a.title || a.source)}`, ''];
  out.push(`- 机关：${a.agency ?? '—'}　年度：${a.year ?? '—'}　格式：${a.format}`);
  out.push(`- 校验：${a.summary.errors} 项错误，${a.summary.warnings} 项警告，${a.summary.passed} 项通过`, '');
  for (const view of tableViews(a)) {
    const grid = viewGrid(view);
    out.push(`## ${view.title}`, '');
    const head = grid[0];
    out.push(`| ${head.map(mdCell).join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`);
    for (const r of grid.slice(1)) out.push(`| ${r.map(mdCell).join(' | ')} |`);
    out.push('');
  }
  const failed = a.findings.filter((f) => f.status === 'fail');
  if (failed.length) {
    out.push('## 校验发现', '');
    for (const f of failed) out.push(`- **${f.severity}** \`${f.id}\`：${mdCell(f.message)}`);
    out.push('');
  }
  return out.join('\n');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An HTML table with the official merges, so a paste into Excel/WPS keeps them. */
export function toHTML(a: Analysis): string {
  const parts: string[] = [];
  for (const view of tableViews(a)) {
    const rows: string[] = [];
    for (const cells of view.header) {
      rows.push('<tr>' + cells.map((c) => `<th${c.colSpan ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan ? ` rowspan="${c.rowSpan}"` : ''}>${esc(c.text)}</th>`).join('') + '</tr>');
    }
    view.rows.forEach((row, y) => {
      let html = '<tr>';
      row.labels.forEach((label, i) => {
        const last = i === row.labels.length - 1;
        if (!last && view.rows[y - 1]?.labels[i] === label) return; // covered by the rowspan above
        let rowSpan = 1;
        if (!last) while (view.rows[y + rowSpan]?.labels[i] === label && view.rows[y + rowSpan].labels.length > i + 1) rowSpan++;
        const colSpan = last ? view.labelColumns - i : 1;
        html += `<td${colSpan > 1 ? ` colspan="${colSpan}"` : ''}${rowSpan > 1 ? ` rowspan="${rowSpan}"` : ''}>${esc(label)}</td>`;
      });
      html += row.values.map((x) => `<td>${x === null ? '' : esc(String(x))}</td>`).join('');
      rows.push(html + '</tr>');
    });
    parts.push(`<p>${esc(view.title)}</p>\n<table border="1">\n${rows.join('\n')}\n</table>`);
  }
  return parts.join('\n');
}

export function toJSON(a: Analysis | Analysis[]): string {
  return JSON.stringify(a, null, 2);
}

/* ------------------------------------------------------------------ data set: one row per report */

const FIGURE_KEYS = Object.keys(FIGURE_LABELS) as (keyof Figures)[];
let datasetCellIds: string[] | undefined;
function datasetCells(): string[] {
  if (!datasetCellIds) {
    const ids = allCellIds('2021');
    for (const id of allCellIds('2019')) if (!ids.includes(id)) ids.push(id);
    datasetCellIds = ids;
  }
  return datasetCellIds;
}

export function datasetHeader(): string[] {
  return ['source', 'title', 'agency', 'year', 'format', 'isReport', 'errors', 'warnings', 'error', ...FIGURE_KEYS, ...datasetCells()];
}

export function datasetRow(a: Analysis | { source: string; error: string }): Value[] {
  if ('error' in a) return [a.source, '', '', null, '', 'false', null, null, a.error, ...FIGURE_KEYS.map(() => null), ...datasetCells().map(() => null)];
  return [
    a.source, a.title, a.agency ?? '', a.year, a.format, String(a.isReport), a.summary.errors, a.summary.warnings, '',
    ...FIGURE_KEYS.map((k) => a.figures[k]),
    ...datasetCells().map((id) => v(a, id)),
  ];
}

export function toDatasetCSV(rows: (Analysis | { source: string; error: string })[], separator: ',' | '\t' = ','): string {
  const field = separator === ',' ? csvField : tsvField;
  const line = (r: Value[]) => r.map((x) => field(x === null ? '' : String(x))).join(separator);
  return [line(datasetHeader()), ...rows.map((r) => line(datasetRow(r)))].join(separator === ',' ? '\r\n' : '\n') + (separator === ',' ? '\r\n' : '\n');
}
