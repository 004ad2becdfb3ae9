/**
 * Blocks of the page → the cells of tables 二, 三 and 四, found by their labels wherever they
 * stand: one table or several (a page break inside 表三, 表二 as four tables, 表四's numbers
 * in a table of their own), inside layout tables, next to unrelated tables.
 *
 * Values are read "in order after the row label": Word exports whose colspans differ between
 * the header and the data rows still give the right cells.
 */
import {
  allCellIds,
  identities,
  T3_COLUMN_IDS,
  type Identity,
  T2_BLOCKS,
  T3_COLUMNS,
  T3_ROWS,
  T4_COLUMNS,
  t2CellId,
  t3CellId,
  t4CellId,
  type FormatId,
  type RowDef,
  type TableId,
} from './formats.ts';
import { rowCells, toGrid } from './grid.ts';
import { normalize, normalizeWithMap } from './normalize.ts';
import { parseCell, type CellValue } from './numbers.ts';
import { GRANTED, isGrantedLabel, sectionAt, sectionLines, type Line, type SectionHit } from './narrative.ts';
import { offsetsInOrder, splitDigitRun, type SplitResult, type SplitSpec } from './textTables.ts';
import type { Block, NotChecked, RawCell, TableInfo, TextSpan } from './types.ts';

export type CellType = 'count' | 'signed' | 'amount';

export interface CellReading<Ref = unknown> {
  id: string;
  table: TableId;
  /** The text as written ('' for a missing cell). */
  raw: string;
  value: CellValue;
  type: CellType;
  ref?: Ref;
  /** For a cell of a text table: where its value stands in the text block `ref` (see RawCell.at). */
  at?: TextSpan;
  /** A run of digits that could be split in several ways: value left unknown. */
  uncertain?: boolean;
}

/** The number a cell holds; null for blank, placeholder, unreadable or uncertain cells. */
export function cellNumber(c: CellReading | undefined): number | null {
  return c && !c.uncertain && c.value.kind === 'number' ? c.value.value : null;
}

export interface TableReading<Ref = unknown> {
  cells: Map<string, CellReading<Ref>>;
  info: Record<TableId, TableInfo>;
  /** The page's table elements that hold each table's cells (for the chips). */
  tableRefs: Record<TableId, Ref[]>;
  /** What the reading could not do, in a person's words: analyze lists them in summary.notChecked. */
  notes?: NotChecked[];
}

interface RowView<Ref> {
  /** The label cells' matching text, last one separately (the row's own label). */
  label: string;
  lastLabel: string;
  /** Every cell after the label; `values` is those trimmed to the expected count. */
  all: RawCell<Ref>[];
  values: RawCell<Ref>[];
}

const CJK = /[\u4e00-\u9fff]/;
const LABEL_PREFIX = /^(?:\(?[一二三四五六七八九十]+[)、.]|\d+[.、)]|\(\d+\))+/;

/** Splits a grid row into its label cells and the value cells after the last label. */
function viewRow<Ref>(cells: RawCell<Ref>[], expected: number, labelled?: RowView<Ref>): RowView<Ref> {
  if (labelled) return { ...labelled, values: trimValues([...labelled.all], expected) };
  // Labels come first: the leading run of cells that are not values (after any blanks), and
  // of those the last one written in words. A junk value right after the label ('abc',
  // '<script>') is then read as a bad value, not mistaken for the label.
  let labelEnd = -1;
  let i = 0;
  while (i < cells.length && cells[i].text.trim() === '') i++;
  for (; i < cells.length && parseCell(cells[i].text).kind === 'invalid'; i++) {
    if (CJK.test(cells[i].text)) labelEnd = i;
  }
  const labels = cells.slice(0, labelEnd + 1).map((c) => normalize(c.text)).filter(Boolean);
  const all = cells.slice(labelEnd + 1);
  return { label: labels.join(''), lastLabel: labels[labels.length - 1] ?? '', all, values: trimValues([...all], expected) };
}

/**
 * Text tables carry empty cells for merged label columns and trailing separators: trim blanks
 * at the ends while there are more cells than columns.
 */
function trimValues<Ref>(values: RawCell<Ref>[], expected: number): RawCell<Ref>[] {
  while (values.length > expected && values[values.length - 1].text.trim() === '') values.pop();
  while (values.length > expected && values[0].text.trim() === '') values.shift();
  return values.slice(0, expected);
}

/** Which row of 表三 a label names, searching from `cursor` on (rows come in order). */
function matchT3Row(view: RowView<unknown>, rows: RowDef[], cursor: number): number {
  const own = view.lastLabel;
  if (!own) return -1;
  const bare = own.replace(LABEL_PREFIX, '');
  for (let i = cursor; i < rows.length; i++) {
    const row = rows[i];
    switch (row.id) {
      case 'granted':
        if (isGrantedLabel(own)) return i;
        continue;
      case 'other_other':
        // A bare 其他 is also a column header: only right after other_no_fee.
        if (i === cursor && rows[i - 1]?.id === 'other_no_fee' && (bare === '其他' || bare === '其它')) return i;
        continue;
      case 'result_total':
        if (row.match.some((m) => own.includes(m))) return i;
        if ((bare === '总计' || bare === '合计') && cursor > 2) return i;
        continue;
      default:
        if (row.match.some((m) => own.includes(m))) return i;
    }
  }
  return -1;
}

interface Context<Ref> {
  cells: Map<string, CellReading<Ref>>;
  info: Record<TableId, TableInfo>;
  tableRefs: Record<TableId, Ref[]>;
  /**
   * Rows of a text table written as their label alone (all cells blank: spaces cannot write a
   * blank). Kept aside and filled in blank only once the table was read from text rows: the
   * same label alone on a line may also head digits run together on the next line (seed 000).
   */
  blankTextRows?: { table: TableId; ids: string[]; types: CellType[] }[];
}

function put<Ref>(ctx: Context<Ref>, table: TableId, id: string, cell: RawCell<Ref> | undefined, type: CellType, source: TableInfo['source'], tableRef?: Ref) {
  if (ctx.cells.has(id)) return;
  const raw = cell?.text ?? '';
  ctx.cells.set(id, { id, table, raw, value: parseCell(raw), type, ref: cell?.ref, ...(cell?.at ? { at: cell.at } : {}) });
  const info = ctx.info[table];
  info.found = true;
  info.source ??= source;
  info.cellsRead++;
  if (tableRef !== undefined && !ctx.tableRefs[table].includes(tableRef)) ctx.tableRefs[table].push(tableRef);
}

const T2_SIGNS = ['第二十条', '信息内容', '本年制发件数', '本年新制作数量', '处理决定数量', '本年收费金额'];
const T3_SIGNS = ['本年新收', '本年度办理结果', '予以公开', '申请人情况', '勾稽关系', '不予处理', '结转下年度'];
const T4_SIGNS = ['复议', '诉讼', '尚未审结', '结果维持'];

function emptyInfo(): TableInfo {
  return { found: false, source: null, cellsRead: 0, uncertainRows: [] };
}

/**
 * Reads tables 二/三/四 from the table blocks, in the given format. `sections` place each
 * table on the page so that 表四's numbers in a table of their own are recognised.
 */
export function readTables<Ref>(blocks: Block<Ref>[], format: FormatId, sections: SectionHit[]): TableReading<Ref> {
  const ctx: Context<Ref> = {
    cells: new Map(),
    info: { t2: emptyInfo(), t3: emptyInfo(), t4: emptyInfo() },
    tableRefs: { t2: [], t3: [], t4: [] },
  };
  const t3Rows = T3_ROWS[format];
  let t3Cursor = 0;
  const t2Blocks = T2_BLOCKS[format];

  blocks.forEach((block, blockIndex) => {
    if (block.kind !== 'table') return;
    const source: TableInfo['source'] = block.ref === undefined ? 'text' : 'html';
    const grid = toGrid(block.rows);
    // What the table speaks of: a short prefix of its text is enough and keeps this cheap.
    let sample = '';
    for (let y = 0; y < grid.rows.length && sample.length < 3000; y++) sample += normalize(rowCells(grid, y).map((c) => c.text).join(''));
    const section = sectionAt(sections, blockIndex);
    const hasT2 = section === 's2' || T2_SIGNS.some((s) => sample.includes(s));
    const hasT3 = section === 's3' || T3_SIGNS.some((s) => sample.includes(s));
    const hasT4 = section === 's4' || (sample.includes('复议') && sample.includes('诉讼')) || T4_SIGNS.filter((s) => sample.includes(s)).length >= 2;

    for (let y = 0; y < grid.rows.length; y++) {
      const cells = rowCells(grid, y);
      if (cells.length === 0) continue;
      const row = viewRow(cells, T3_COLUMNS.length);

      if (hasT3 && t3Cursor < t3Rows.length) {
        const view = row;
        const i = matchT3Row(view, t3Rows, t3Cursor);
        if (i >= 0) {
          t3Cursor = i + 1;
          const ids = T3_COLUMNS.map((col) => t3CellId(t3Rows[i].id, col.id));
          if (source === 'text' && view.all.length === 0) (ctx.blankTextRows ??= []).push({ table: 't3', ids, types: ids.map(() => 'count') });
          else ids.forEach((id, x) => put(ctx, 't3', id, view.values[x], 'count', source, block.ref));
          continue;
        }
      }

      if (hasT2) {
        let matched = false;
        for (const b of t2Blocks) {
          const view = viewRow(cells, b.columns.length, row);
          const t2Row = b.rows.find((r) => r.match.some((m) => view.lastLabel.includes(m)) && !(r.id === 'regulations' && view.lastLabel.includes('规范性')));
          // A label with no cell after it at all is a row left blank; cells after it that are not values are not this row.
          if (!t2Row || (view.values.length === 0 && (source !== 'text' || view.all.length > 0))) continue;
          const ids = b.columns.map((col) => t2CellId(b.id, t2Row.id, col.id));
          if (view.all.length === 0) (ctx.blankTextRows ??= []).push({ table: 't2', ids, types: b.columns.map((c) => c.type) });
          else ids.forEach((id, x) => put(ctx, 't2', id, view.values[x], b.columns[x].type, source, block.ref));
          matched = true;
          break;
        }
        if (matched) continue;
      }

      if (hasT4 && !ctx.info.t4.found) {
        const view = viewRow(cells, T4_COLUMNS.length, row);
        const numbers = view.values.filter((c) => parseCell(c.text).kind === 'number').length;
        // An all-blank row counts only under 表四's own header (a report that left it empty).
        const blankUnderHeader = numbers === 0 && sample.includes('复议后起诉') && view.values.every((c) => c.text.trim() === '');
        if (view.values.length === T4_COLUMNS.length && (numbers > 0 || blankUnderHeader)) {
          T4_COLUMNS.forEach((col, x) => put(ctx, 't4', t4CellId(col.id), view.values[x], 'count', source, block.ref));
        }
      }
    }
  });
  return ctx;
}

/* ------------------------------------------------------------------ flattened tables */

const DIGIT_RUN = /^[+\-\d.,]+/;
/** Counts are digits only: a page number (- 3 -) or the next row's 2. after them is not part of the run. */
const COUNT_RUN = /^\d+/;

/**
 * Finds each row's label in the text of a section and the run of digits after it, then splits
 * the run (seed 000). Rows are searched in order, so a label repeated in prose earlier does not
 * shift the table. `counts`: every value of the rows is a count (表三), so the run is digits only.
 */
function labelRuns(text: string, rows: RowDef[], maxGap = 40, counts = false, starts?: Map<string, number>): Map<string, string> {
  const runs = new Map<string, string>();
  let pos = 0;
  rows.forEach((row, i) => {
    const keywords = row.id === 'result_total' ? ['七)总计', '总计'] : row.id === 'granted' ? ['予以公开'] : row.match;
    let best: { at: number; run: string; end: number } | undefined;
    for (const kw of keywords) {
      let from = pos;
      for (let at = text.indexOf(kw, from); at >= 0; at = text.indexOf(kw, from)) {
        from = at + kw.length;
        if (row.id === 'granted' && !GRANTED.test(text.slice(Math.max(0, at - 2), from))) continue;
        // The rest of the label, then the digits.
        const rest = text.slice(from, from + maxGap);
        const d = rest.search(/\d/);
        if (d < 0 || /。/.test(rest.slice(0, d))) continue;
        const digits = rest.slice(d);
        let run = (counts ? COUNT_RUN : DIGIT_RUN).exec(digits)?.[0] ?? '';
        // The next row's numbering runs into this row's digits: 00000002.其他法律…
        const nextNo = /^(\d+)\./.exec(rows[i + 1]?.label ?? '')?.[1];
        if (nextNo && run.endsWith(`${nextNo}.`)) run = run.slice(0, -nextNo.length - 1);
        else if (nextNo && counts && run.endsWith(nextNo) && digits[run.length] === '.') run = run.slice(0, -nextNo.length);
        run = run.replace(/[.,]+$/, '');
        if (run && (!best || at < best.at)) best = { at, run, end: from + d + run.length };
        break;
      }
    }
    if (best) {
      runs.set(row.id, best.run);
      starts?.set(row.id, best.end - best.run.length);
      pos = best.end;
    }
  });
  return runs;
}

/**
 * The section's text in matching form, tables flattened into it, and where a stretch of it
 * stands on the page: the text block (its ref) and the offsets in that block's text, so that
 * a value read from a run of digits can be marked where it is written.
 */
interface Region<Ref> {
  text: string;
  place(start: number, length: number): Pick<RawCell<Ref>, 'ref' | 'at'> | undefined;
}

function regionOf<Ref>(lines: Line[], sections: SectionHit[], id: SectionHit['id'], blocks: Block<Ref>[] = []): Region<Ref> {
  const own = sectionLines(lines, sections, id) ?? [];
  const starts: number[] = [];
  let text = '';
  for (const l of own) {
    starts.push(text.length);
    text += l.norm;
  }
  // Each line's map to the page's own text, made once: a row's values all stand on one line.
  const maps = new Map<number, ReturnType<typeof normalizeWithMap>>();
  const place = (start: number, length: number) => {
    // The line holding the stretch (a run of digits never crosses lines: each line is a block).
    let i = starts.length - 1;
    while (i > 0 && starts[i] > start) i--;
    const line = own[i];
    const block = line && blocks[line.blockIndex];
    if (!block || block.kind !== 'text' || block.ref === undefined) return undefined;
    const from = start - starts[i];
    if (from + length > line.norm.length) return undefined;
    let map = maps.get(i);
    if (!map) maps.set(i, (map = normalizeWithMap(line.text)));
    const { norm, at } = map;
    if (norm !== line.norm) return undefined; // the two forms differ: no honest offset
    const base = block.base ?? 0;
    return { ref: block.ref, at: { start: base + at[from], end: base + at[from + length - 1] + 1 } };
  };
  return { text, place };
}

/**
 * Where each value split from a run stands: the values are the run's digits in order, so each
 * is found after the one before (a value written +3 is read 3, and found inside "+3").
 */
function valuePlaces<Ref>(region: Region<Ref> | undefined, runStart: number | undefined, run: string, values: string[]) {
  if (!region || runStart === undefined) return values.map(() => undefined);
  const offsets = offsetsInOrder(run, values);
  return values.map((v, i) => (offsets[i] < 0 ? undefined : region.place(runStart + offsets[i], v.length)));
}

const flatCell = <Ref>(text: string, place?: Pick<RawCell<Ref>, 'ref' | 'at'>): RawCell<Ref> => ({ text, rowSpan: 1, colSpan: 1, ...place });

/**
 * Puts the cells of one run of digits. One split: its values. Several (and the search was not
 * cut short): a cell on which every split agrees is known all the same (（七）总计44200046 is 46
 * in 总计 however 44 2 or 4 42 is read), the others are uncertain, never guessed.
 */
function putSplit<Ref>(ctx: Context<Ref>, table: TableId, rowKey: string, ids: string[], types: CellType[], run: string, split: SplitResult, where?: { region: Region<Ref>; start?: number }) {
  const { candidates, exhausted } = split;
  if (candidates.length === 1 && !exhausted) {
    const values = candidates[0].map(String);
    const places = valuePlaces(where?.region, where?.start, run, values);
    ids.forEach((id, x) => put(ctx, table, id, flatCell(values[x], places[x]), types[x], 'flattened'));
    return;
  }
  ids.forEach((id, x) => {
    const agreed = !exhausted && candidates.length > 1 && candidates.every((c) => c[x] === candidates[0][x]);
    if (agreed) {
      // Where it stands is not known (the values before it differ between the splits).
      put(ctx, table, id, flatCell(String(candidates[0][x])), types[x], 'flattened');
      return;
    }
    put(ctx, table, id, flatCell(''), types[x], 'flattened');
    const c = ctx.cells.get(id);
    if (c) {
      c.raw = run;
      c.uncertain = true;
    }
  });
  ctx.info[table].uncertainRows.push(rowKey);
}

/**
 * Tables flattened into the text (digits run together). Used for the tables the block reader
 * did not find. Rows of 表三 with several splits are settled by the column identities when
 * exactly one combination satisfies them all.
 */
export function readFlattenedTables<Ref>(reading: TableReading<Ref>, lines: Line[], sections: SectionHit[], format: FormatId, blocks?: Block<Ref>[]): void {
  const ctx = reading as Context<Ref>;
  readFlattened(ctx, lines, sections, format, blocks);
  // Rows written as their label alone, in a table read from text: blank, as in HTML, and in
  // table order (the order findings list cells in).
  const blankRows = (ctx.blankTextRows ?? []).filter((row) => ctx.info[row.table].source === 'text' || ctx.info[row.table].source === 'flattened');
  if (blankRows.length === 0) return;
  for (const row of blankRows) row.ids.forEach((id, x) => put(ctx, row.table, id, undefined, row.types[x], ctx.info[row.table].source));
  const order = new Map(allCellIds(format).map((id, i) => [id, i]));
  const sorted = [...ctx.cells].sort(([a], [b]) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9));
  ctx.cells.clear();
  for (const [id, c] of sorted) ctx.cells.set(id, c);
}

function readFlattened<Ref>(ctx: Context<Ref>, lines: Line[], sections: SectionHit[], format: FormatId, blocks?: Block<Ref>[]): void {

  if (!ctx.info.t3.found) {
    const region = regionOf(lines, sections, 's3', blocks);
    const starts = new Map<string, number>();
    const runs = labelRuns(region.text, T3_ROWS[format], 40, true, starts);
    if (runs.size >= 3) readFlattenedT3(ctx, runs, format, { region, starts });
  }

  if (!ctx.info.t4.found) {
    const region = regionOf(lines, sections, 's4', blocks);
    const match = [...region.text.matchAll(/\d{15,}/g)].pop();
    if (match) {
      const run = match[0];
      const ids = T4_COLUMNS.map((c) => t4CellId(c.id));
      putSplit(ctx, 't4', 't4.cases', ids, ids.map(() => 'count'), run, splitDigitRun(run, { groups: [5, 5, 5], constrained: true }), { region, start: match.index });
    }
  }

  if (!ctx.info.t2.found) {
    const region = regionOf(lines, sections, 's2', blocks);
    const text = region.text;
    for (const b of T2_BLOCKS[format]) {
      const starts = new Map<string, number>();
      const runs = labelRuns(text, b.rows, 24, false, starts);
      for (const row of b.rows) {
        const run = runs.get(row.id);
        const ids = b.columns.map((c) => t2CellId(b.id, row.id, c.id));
        if (!run) {
          // The row's label with no digits after it: a row left blank, as in its HTML table.
          if (text.includes(normalize(row.label))) ids.forEach((id, x) => put(ctx, 't2', id, flatCell(''), b.columns[x].type, 'flattened'));
          continue;
        }
        const spec: SplitSpec = { groups: b.columns.map(() => 1), constrained: false, types: b.columns.map((c) => c.type) };
        putSplit(ctx, 't2', `t2.${b.id}.${row.id}`, ids, b.columns.map((c) => c.type), run, splitDigitRun(run, spec), { region, start: starts.get(row.id) });
      }
    }
  }
}

function readFlattenedT3<Ref>(ctx: Context<Ref>, runs: Map<string, string>, format: FormatId, where: { region: Region<Ref>; starts: Map<string, number> }) {
  const rows = T3_ROWS[format].filter((r) => runs.has(r.id));
  const spec: SplitSpec = { groups: [T3_COLUMNS.length], constrained: true };
  const options = rows.map((r) => splitDigitRun(runs.get(r.id)!, spec));
  const chosen: (number[] | null)[] = options.map((o) => (o.candidates.length === 1 && !o.exhausted ? o.candidates[0] : null));

  // Several splits for some rows: keep the one combination where every column balances.
  const open = options.map((o, i) => (chosen[i] ? -1 : i)).filter((i) => i >= 0 && options[i].candidates.length > 1);
  const combos = open.reduce((n, i) => n * options[i].candidates.length, 1);
  if (open.length > 0 && combos <= 20_000) {
    const fits: number[][][] = [];
    const pick: number[][] = [];
    const tryCombo = (k: number) => {
      if (fits.length > 1) return;
      if (k === open.length) {
        const values = new Map<string, number[]>();
        rows.forEach((r, i) => {
          const j = open.indexOf(i);
          const v = j >= 0 ? pick[j] : chosen[i];
          if (v) values.set(r.id, v);
        });
        if (columnsBalance(values, format)) fits.push([...pick]);
        return;
      }
      for (const c of options[open[k]].candidates) {
        pick[k] = c;
        tryCombo(k + 1);
      }
    };
    tryCombo(0);
    if (fits.length === 1) open.forEach((i, j) => (chosen[i] = fits[0][j]));
  }

  rows.forEach((row, i) => {
    const ids = T3_COLUMNS.map((c) => t3CellId(row.id, c.id));
    const values = chosen[i]?.map(String);
    const run = runs.get(row.id)!;
    const start = where.starts.get(row.id);
    if (values) {
      const places = valuePlaces(where.region, start, run, values);
      ids.forEach((id, x) => put(ctx, 't3', id, flatCell(values[x], places[x]), 'count', 'flattened'));
    } else putSplit(ctx, 't3', `t3.${row.id}`, ids, ids.map(() => 'count'), run, options[i], { region: where.region, start });
  });
}

/**
 * Whether the rows known so far satisfy 表三's column identities (一+二 = 三(七)+四 and
 * (七) = Σ(一…六), the format's own identities): an identity with a cell not yet known is
 * left open. Row totals need no check here: every split of a row already satisfies its own.
 */
function columnsBalance(values: Map<string, number[]>, format: FormatId): boolean {
  const cell = (id: string): number | undefined => {
    const [, row, col] = id.split('.');
    return values.get(row)?.[T3_COLUMN_IDS.indexOf(col)];
  };
  const sum = (ids: string[]) => ids.reduce<number | undefined>((s, id) => (s === undefined || cell(id) === undefined ? undefined : s + cell(id)!), 0);
  return t3ColumnIdentities(format).every((identity) => {
    const total = sum(identity.total.cells);
    const parts = sum(identity.parts.cells);
    return total === undefined || parts === undefined || total === parts;
  });
}

const columnIdentities = new Map<FormatId, Identity[]>();
function t3ColumnIdentities(format: FormatId): Identity[] {
  let list = columnIdentities.get(format);
  if (!list) columnIdentities.set(format, (list = identities(format).filter((i) => i.table === 't3' && i.rule !== 't3.row_total')));
  return list;
}

/* ------------------------------------------------------------------ what could not be read */

export interface ReadingNotes {
  /** What could not be checked because of how the page reached us (into summary.notChecked). */
  notes: NotChecked[];
  /** Whether a rule can say anything about this page as read (false: not run). */
  runs(ruleId: string): boolean;
}

/**
 * What the reading leaves unchecked, said once instead of as a row of failures: a report in a
 * format before 2019 (its tables are not the formats' tables: no identity is claimed), a page
 * whose text holds no table (the opening of a report, or tables published as images: not six
 * 缺少 errors), prose beyond what the fact reader reads.
 */
export function readingNotes(page: { older: boolean; tables: Record<TableId, TableInfo>; sections: SectionHit[]; proseBeyondCap: boolean }): ReadingNotes {
  const notes: NotChecked[] = [];
  const notRun = new Set<string>();
  let olderFormat = false;
  if (page.older) {
    olderFormat = true;
    notes.push({
      reason: 'older-format',
      zh: '这是 2019 年以前格式的报告：它的统计表不是现行格式规定的表，表格的勾稽关系、六个部分和正文与表格的比对均未按现行格式校验。',
      en: 'A report in a format from before 2019: its tables are not the ones the current formats define, so their identities, the six sections and the prose against the tables were not checked.',
    });
  } else if (!page.tables.t2.found && !page.tables.t3.found && !page.tables.t4.found) {
    notRun.add('tables.present');
    // The sections found are the first ones and nothing after them: the text was cut.
    const ids = page.sections.map((s) => s.id);
    const cut = ids.length < 6 && ids.every((id, i) => id === `s${i + 1}`);
    if (cut) notRun.add('sections.present');
    notes.push({
      reason: 'tables-not-in-text',
      zh: cut
        ? '页面文字中没有统计表：只有报告的开头部分（可能被截断，或表格以图片发布），表二、表三、表四及其后各部分未能核对。'
        : '页面文字中没有统计表（可能以图片或附件发布），表二、表三、表四未能核对。',
      en: cut
        ? 'The text holds no tables: only the opening of the report is here (cut, or the tables are images), so tables 2–4 and the sections after them could not be checked.'
        : 'The text holds no tables (perhaps published as images or attachments), so tables 2–4 could not be checked.',
    });
  }
  if (page.proseBeyondCap) {
    notes.push({
      reason: 'prose-cap',
      zh: '正文过长，超出 20 万字的部分未与表格比对。',
      en: 'The prose is very long: the part beyond 200,000 characters was not compared with the tables.',
    });
  }
  return { notes, runs: (id) => (olderFormat ? id === 'year.consistency' : !notRun.has(id)) };
}
