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
  cellLabel,
  type FormatId,
  TABLE_IDS,
  type TableId,
} from './formats.ts';
import { FIGURE_LABELS } from './figures.ts';
import { TABLE_NAMES, TABLE_TITLES, identityLine } from './labels.ts';
import type { Analysis, Figures, Summary } from './types.ts';

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

/* ------------------------------------------------------------------ fields */

/**
 * A text field for a spreadsheet: one that starts with =, +, -, @, a tab or a carriage return
 * would be run as a formula by Excel and WPS (a page titled `=HYPERLINK(…)`), so it gets a
 * leading apostrophe, which both show as text (the OWASP advice on CSV injection). Only text
 * is guarded: a number, negative ones included, stays a number.
 */
export function spreadsheetText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

const cellText = (x: Value): string => (x === null ? '' : typeof x === 'number' ? String(x) : spreadsheetText(x));
const tsvField = (x: Value) => {
  const s = cellText(x);
  return /[\t\r\n"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csvField = (x: Value) => {
  const s = cellText(x);
  return /[,\r\n"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

const tableView = (a: Analysis, table: TableId): TableView => tableViews(a).find((v) => v.id === table)!;

/** One table as TSV: pure cells (header rows, then label columns and values), for pasting into Excel/WPS. */
export function toTableTSV(a: Analysis, table: TableId): string {
  return viewGrid(tableView(a, table)).map((r) => r.map(tsvField).join('\t')).join('\n') + '\n';
}

/** Every table as TSV, each after its title line. */
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

/* ------------------------------------------------------------------ Markdown */

/**
 * Text in a Markdown table cell or line: HTML escaped (a page's `<img onerror>` stays text in
 * any renderer), pipes escaped, line breaks and control characters made spaces.
 */
export function mdText(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
}

const mdRow = (cells: string[]) => `| ${cells.map(mdText).join(' | ')} |`;

/** A grid as a Markdown table: its first row as the header, every row as wide as the widest. */
function mdTable(grid: string[][]): string[] {
  const width = Math.max(...grid.map((r) => r.length));
  const pad = (r: string[]) => [...r, ...Array(width - r.length).fill('')];
  const [head, ...rows] = grid.map(pad);
  return [mdRow(head), `| ${head.map(() => '---').join(' | ')} |`, ...rows.map(mdRow)];
}

/** The verdict in words, from the one summary: what the CLI's text, Markdown and data set say. */
export function verdictWords(summary: Summary): string {
  const { status, errors, warnings } = summary;
  switch (status) {
    case 'errors':
      return `${errors} 项错误`;
    case 'warnings':
      return `未发现错误，${warnings} 项警告`;
    case 'incomplete':
      return '未发现错误，但有未能核对的内容';
    case 'ok':
      return '全部核对，无错误';
  }
}

/** What could not be checked, in words: the summary's notChecked, and any table not read that it does not name. */
export function notCheckedWords(a: Analysis): string[] {
  const out = a.summary.notChecked.map((n) => n.zh);
  for (const t of TABLE_IDS) {
    if (!a.summary.tables[t].read && !a.summary.notChecked.some((n) => n.table === t)) out.push(`${TABLE_NAMES[t].zh}未读到，未核对`);
  }
  return out;
}

export function toMarkdown(a: Analysis): string {
  const s = a.summary;
  const out: string[] = [`# ${mdText(a.title || a.source)}`, ''];
  out.push(`- ${mdText(identityLine(a, 'zh'))}`);
  out.push(`- 来源：${mdText(a.source)}`);
  out.push(`- 校验：${verdictWords(s)}（${s.errors} 项错误，${s.warnings} 项警告，${s.incomplete} 项未完成，${s.passed} 项通过，${s.skipped} 项跳过）`);
  for (const n of notCheckedWords(a)) out.push(`- 未能核对：${mdText(n)}`);
  out.push('');
  const format = formatOf(a);
  for (const view of tableViews(a)) {
    out.push(`## ${view.title}`, '');
    if (view.id === 't2') {
      // 表二 is several small tables of different widths: one Markdown table per block.
      for (const b of T2_BLOCKS[format]) {
        out.push(`### ${b.caption}`, '');
        const grid = [['信息内容', ...b.columns.map((c) => c.label)], ...b.rows.map((r) => [r.label, ...b.columns.map((c) => cellText(v(a, t2CellId(b.id, r.id, c.id))))])];
        out.push(...mdTable(grid), '');
      }
      continue;
    }
    out.push(...mdTable(viewGrid(view)), '');
  }
  const failed = a.findings.filter((f) => f.status === 'fail');
  if (failed.length) {
    out.push('## 校验发现', '');
    for (const f of failed) out.push(`- **${f.severity}** \`${f.id}\`：${mdText(f.message)}`);
    out.push('');
  }
  return out.join('\n');
}

/* ------------------------------------------------------------------ HTML */

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Where a copied table comes from: agency, year, table, page address (the HTML flavour's caption). */
export function tableCaption(a: Analysis, table: TableId): string {
  return `${a.agency ?? '机关未能确定'} ${a.year ?? '年度未能确定'}年度 ${TABLE_NAMES[table].zh} ${TABLE_TITLES[table].zh}　来源：${a.source}`;
}

function viewHTML(a: Analysis, view: TableView): string {
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
  return `<p>${esc(view.title)}</p>\n<table border="1">\n<caption>${esc(tableCaption(a, view.id))}</caption>\n${rows.join('\n')}\n</table>`;
}

/** One table as HTML with the official merges and a caption saying where it comes from. */
export function toTableHTML(a: Analysis, table: TableId): string {
  return viewHTML(a, tableView(a, table));
}

/** Every table as HTML with the official merges, so a paste into Excel/WPS keeps them. */
export function toHTML(a: Analysis): string {
  return tableViews(a).map((view) => viewHTML(a, view)).join('\n');
}

export function toJSON(a: Analysis | Analysis[]): string {
  return JSON.stringify(a, null, 2);
}

/* ------------------------------------------------------------------ data set: one row per report */

/** An input that could not be read (the command line's error entry). */
export interface Unreadable {
  source: string;
  isReport: false;
  error: string;
}

/** A report, or an input that could not be read; `checkedAt` (ISO time) when the caller knows it. */
export type DataSetEntry = (Analysis | Unreadable) & { checkedAt?: string };

export interface DataSetOptions {
  /**
   * `labels+ids` (default): a first header row in Chinese (列名), a second with the ids
   * (`t3.new_received.total`); `ids`: the id row only, for scripts; `none`: the rows alone
   * (a row to paste under a sheet that already has the headers).
   */
  header?: 'labels+ids' | 'ids' | 'none';
}

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

/** The provenance and verdict columns, before the figures and the cells: [id, Chinese label]. */
const DATASET_COLUMNS: [string, string][] = [
  ['source', '来源（网址或文件）'],
  ['title', '标题'],
  ['agency', '机关'],
  ['year', '年度'],
  ['format', '格式'],
  ['isReport', '是否年报'],
  ['status', '结论'],
  ['errors', '错误'],
  ['warnings', '警告'],
  ['incomplete', '未完成核对'],
  ['notChecked', '未能核对'],
  ['error', '读取错误'],
  ['checkedAt', '检查时间'],
];

/** The header row(s): Chinese labels, then ids (see DataSetOptions). */
export function dataSetHeader(options: DataSetOptions = {}): string[][] {
  const cells = datasetCells();
  const ids = [...DATASET_COLUMNS.map(([id]) => id), ...FIGURE_KEYS, ...cells];
  if (options.header === 'ids') return [ids];
  const only2019 = new Set(allCellIds('2019').filter((id) => !allCellIds('2021').includes(id)));
  const labels = [
    ...DATASET_COLUMNS.map(([, label]) => label),
    ...FIGURE_KEYS.map((k) => FIGURE_LABELS[k].zh),
    ...cells.map((id) => cellLabel(id, only2019.has(id) ? '2019' : '2021')),
  ];
  return [labels, ids];
}

const STATUS_ZH: Record<Summary['status'], string> = { errors: '有错误', warnings: '有警告', incomplete: '未能全部核对', ok: '全部核对无错误' };

/** One report's row, in the columns of dataSetHeader. */
export function dataSetRow(e: DataSetEntry): Value[] {
  const checkedAt = e.checkedAt ?? '';
  if ('error' in e) {
    return [e.source, '', '', null, '', '否', '无法读取', null, null, null, '', e.error, checkedAt, ...FIGURE_KEYS.map(() => null), ...datasetCells().map(() => null)];
  }
  const a = e;
  const s = a.summary;
  return [
    a.source, a.title, a.agency ?? '', a.year, a.isReport ? a.format : '', a.isReport ? '是' : '否',
    a.isReport ? STATUS_ZH[s.status] : '', a.isReport ? s.errors : null, a.isReport ? s.warnings : null, a.isReport ? s.incomplete : null,
    a.isReport ? notCheckedWords(a).join('；') : '', '', checkedAt,
    ...FIGURE_KEYS.map((k) => a.figures[k]),
    ...datasetCells().map((id) => v(a, id)),
  ];
}

/**
 * The data set, one row per report, as rows of values: the header row(s), then a row per
 * entry. One function for every surface: the command line's csv/tsv, the popup's
 * "复制数据行" and the library's export give the same columns, order and headers.
 */
export function dataSetRows(entries: DataSetEntry[], options: DataSetOptions = {}): Value[][] {
  return [...(options.header === 'none' ? [] : dataSetHeader(options)), ...entries.map(dataSetRow)];
}

/** The data set as CSV (CRLF lines; `bom` for a file Excel on Windows opens as UTF-8). */
export function toDataSetCSV(entries: DataSetEntry[], options: DataSetOptions & { bom?: boolean } = {}): string {
  const body = dataSetRows(entries, options).map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
  return options.bom ? '\uFEFF' + body : body;
}

/** The data set as TSV: what the popup's "复制数据行" puts on the clipboard (pastes as cells). */
export function toDataSetTSV(entries: DataSetEntry[], options: DataSetOptions = {}): string {
  return dataSetRows(entries, options).map((r) => r.map(tsvField).join('\t')).join('\n') + '\n';
}
