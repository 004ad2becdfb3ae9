/**
 * A document tree → PageSource, written once for every tree: the live DOM (utils/dom) and
 * cheerio's tree (cli) only say how to read a node. That is what makes the two adapters give
 * the same Analysis (tests/unit/parity.test.ts).
 *
 * Data tables become table blocks; layout tables (a table holding tables, or long text in a
 * cell) are walked like any container, so a report inside an old layout table is found.
 */
import { mapFromPairs, normalizerWith } from './normalize.ts';
import type { Block, NotChecked, PageSource, RawCell, RawRow } from './types.ts';
import { readPublished } from './published.ts';
import { COLLAPSED_SPACE, SKIP } from './pageText.ts';

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

const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'address', 'figure', 'figcaption', 'form', 'fieldset',
  'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption', 'hr', 'center', 'body', 'html',
]);
/** Longer text in a cell marks a layout table. */
const MAX_CELL_TEXT = 400;

/**
 * How much of a page is read, so that a huge or hostile page costs the reader (and the page's
 * main thread) a bounded time. What is left out becomes a note (`PageSource.notes`), which the
 * summary reports as not checked: never silence. The README's privacy & security section
 * lists them for users.
 */
export interface WalkLimits {
  /** Characters read in all (text and cells); what lies past them is not read. */
  maxChars: number;
  /**
   * Elements deeper than this are not read. Chromium's HTML parser never nests deeper than 512
   * (it flattens what lies below), so only script-built or non-browser trees go past it.
   */
  maxDepth: number;
  /** Rows of any table read before asking whether it can be a report table at all. */
  probeRows: number;
  /** Rows read of a table that can be a report table (a report's tables have about 60). */
  maxTableRows: number;
  /** Cells read in all tables of a page; tables past it are not read. */
  maxCells: number;
}

export const READ_LIMITS: WalkLimits = { maxChars: 2_000_000, maxDepth: 600, probeRows: 200, maxTableRows: 2_000, maxCells: 60_000 };

/**
 * Words of a report table's labels (表二/三/四, both formats, in matching form): reportTableWords()
 * in formats.ts, written out in advance (tests/unit/detect.test.ts holds them equal), so that
 * the checker, which must start fast in the page, does not carry the formats (40% of its code).
 */
export const REPORT_TABLE_WORDS: readonly string[] = [
  '本年新收', '上年结转', '予以公开', '部分公开', '国家秘密', '法律行政法规禁止', '禁止公开', '三安全一稳定', '第三方合法权益', '第三方', '内部事务',
  '过程性信息', '行政执法案卷', '执法案卷', '行政查询', '不掌握', '另行制作', '没有现成信息', '仍不明确', '补正后', '举报投诉', '重复申请',
  '公开出版物', '大量反复', '确认或重新出具', '重新出具', '其他处理', '结转下年度', '逾期不补正', '收费通知', '缴纳费用', '行政复议', '行政诉讼',
  '规范性文件', '行政许可', '其他对外管理服务事项', '行政处罚', '行政强制', '行政事业性收费', '政府集中采购', '本年新制作数量', '本年新公开数量',
  '对外公开总数量', '上一年项目数量', '本年增/减', '本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额',
];

/**
 * matchingMap(REPORT_TABLE_WORDS) as pairs, made in advance (tests/unit/detect.test.ts holds it
 * equal), so that the checker does not carry and search the whole traditional table.
 */
export const REPORT_TABLE_MAP = '結结轉转開开國国祕秘規规穩稳權权內内務务過过執执捲卷詢询製制沒没現现確确補补後后舉举報报訴诉復复複复請请齣出認认處处費费繳缴納纳議议訟讼範范許许對对項项罰罚強强業业採采購购數数總总／/減减發发髮发廢废額额';

let reportTable: { words: readonly string[]; normalize: (text: string) => string } | undefined;

/** Could these first rows be (part of) a report table? Its labels tell. */
function canBeReportTable<N>(rows: RawRow<N>[]): boolean {
  reportTable ??= { words: REPORT_TABLE_WORDS, normalize: normalizerWith(mapFromPairs(REPORT_TABLE_MAP)) };
  const text = reportTable.normalize(rows.slice(0, 60).map((row) => row.map((cell) => cell.text).join(' ')).join('\n'));
  return reportTable.words.some((w) => text.includes(w));
}

/** Our own UI on the page is never read: prefixed tags and attributes (STYLE.md). */
function isOwnUi<N>(node: N, a: TreeAccess<N>): boolean {
  return a.tag(node).startsWith('grc-') || a.attr(node, 'data-grc-ui') !== null;
}

/** What the adapter tells the walker about the page beside its tree. */
export interface PageMeta {
  source: string;
  title: string;
  /** The publication date meta tag's content (<meta name=PubDate>), if any. */
  pubDate?: string | null;
}

export function pageFromTree<N>(root: N, a: TreeAccess<N>, meta: PageMeta, limits: WalkLimits = READ_LIMITS): PageSource<N> {
  const reading = readTree(root, a, meta, limits);
  for (let step = reading.next(); ; step = reading.next()) if (step.done) return step.value;
}

/**
 * The walk itself, as steps: it pauses (yields) after each table and every few thousand nodes,
 * so that the live DOM can be read in slices between the page's own tasks (readDocument in
 * utils/dom/page.ts); pageFromTree runs it in one go.
 */
export function* readTree<N>(root: N, a: TreeAccess<N>, meta: PageMeta, limits: WalkLimits = READ_LIMITS): Generator<void, PageSource<N>> {
  const blocks: Block<N>[] = [];
  let line = '';
  // What is left of the page's budget, spent by text and by table cells alike: it bounds the
  // reading time and the size of the message that carries the page to the engine.
  const budget: Budget = { chars: limits.maxChars, cells: limits.maxCells };
  let textLeft = false;
  let nodes = 0;
  let tablesRead = 0;
  let tablesLeft = 0;
  let longTablesCut = 0;
  let tooDeep = false;
  const notes: NotChecked[] = [];
  /** The line's first text node: where the checker finds a text cell's offsets again. */
  let lineStart: N | undefined;
  const flush = () => {
    const t = line.replace(COLLAPSED_SPACE, ' ').trim();
    if (t) blocks.push(lineStart === undefined ? { kind: 'text', text: t } : { kind: 'text', text: t, ref: lineStart });
    line = '';
    lineStart = undefined;
  };

  const text = (node: N) => {
    const t = a.text(node);
    if (budget.chars <= 0) {
      if (t.trim()) textLeft = true;
      return;
    }
    budget.chars -= t.length;
    if (line === '') lineStart = node;
    line += t;
  };
  // A generator, so that the walk can pause; text nodes (most of a page) are read inline
  // by their parent, which keeps the cost of the generators to one per element.
  const walk = function* (node: N, depth: number): Generator<void> {
    if (depth > limits.maxDepth) {
      // Content below the bound is not read: say so (a text node of spaces is no content).
      if (a.isElement(node) || a.text(node).trim()) tooDeep = true;
      return;
    }
    if (++nodes % 4000 === 0) yield;
    if (a.isText(node)) return text(node);
    if (!a.isElement(node)) {
      // The root of a bare fragment (a CMS article body saved without <html>/<body>): its children.
      if (depth === 0) for (const child of a.children(node)) yield* walk(child, 1);
      return;
    }
    const tag = a.tag(node);
    if (SKIP.has(tag) || isOwnUi(node, a) || a.attr(node, 'hidden') !== null) return;
    if (tag === 'br') {
      flush();
      return;
    }
    // A table holding tables is a layout table, walked like any container below.
    if (tag === 'table' && !(a.hasDescendant ? a.hasDescendant(node, 'table') : containsTag(node, a, 'table'))) {
      if (budget.cells <= 0 || budget.chars <= 0) {
        // Past the page's budget: not read (nor its text, were it a layout table of text).
        flush();
        tablesLeft++;
        return;
      }
      // Only the first rows of a table that cannot be a report table (a list of 20 000
      // documents beside the report) are read: enough for the report's words, and cheap.
      const before = { ...budget };
      const rows = tableRows(node, a, limits.probeRows, 0, budget);
      if (isLayoutTable(rows)) Object.assign(budget, before); // read again below, as text
      else {
        flush();
        const more = (from: number) => tableRows(node, a, from + 1, from).length > 0;
        if (rows.length === limits.probeRows && more(limits.probeRows)) {
          if (canBeReportTable(rows)) {
            rows.push(...tableRows(node, a, limits.maxTableRows, limits.probeRows, budget));
            if (rows.length === limits.maxTableRows && more(limits.maxTableRows)) {
              notes.push({ reason: 'too-large', zh: `表格过大，只读取了前 ${rows.length} 行`, en: `Table too large: only its first ${rows.length} rows were read` });
            }
          } else longTablesCut++;
        }
        // The budget ran out inside this table: the rest of it counts as not read.
        if (budget.cells <= 0 || budget.chars <= 0) tablesLeft++;
        tablesRead++;
        blocks.push({ kind: 'table', rows, ref: node });
        yield;
        return;
      }
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    for (const child of a.children(node)) {
      if (a.isText(child) && depth < limits.maxDepth) text(child);
      else yield* walk(child, depth + 1);
    }
    if (block) flush();
  };
  yield* walk(root, 0);
  flush();
  if (longTablesCut) {
    notes.push({
      reason: 'too-large',
      zh: `页面过大：${longTablesCut} 张长表格不像年报表格，只读取了前 ${limits.probeRows} 行`,
      en: `Page too large: ${longTablesCut} long table${longTablesCut === 1 ? '' : 's'} that do not look like report tables were read only to row ${limits.probeRows}`,
    });
  }
  if (tablesLeft) {
    notes.push({ reason: 'too-large', zh: `页面过大，只核对了前 ${tablesRead} 张表`, en: `Page too large: only its first ${tablesRead} tables were checked` });
  }
  if (textLeft) {
    notes.push({ reason: 'too-large', zh: `页面过大，只读取了前 ${limits.maxChars} 个字`, en: `Page too large: only its first ${limits.maxChars} characters were read` });
  }
  if (tooDeep) {
    notes.push({ reason: 'too-deep', zh: `页面嵌套过深，未能读取（超过 ${limits.maxDepth} 层的部分）`, en: `Page nested too deeply: what lies more than ${limits.maxDepth} levels down was not read` });
  }
  const published = readPublished(meta.pubDate, blocks);
  return { source: meta.source, title: meta.title, blocks, ...(published ? { published } : {}), ...(notes.length ? { notes } : {}) };
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
  if (depth > READ_LIMITS.maxDepth) return false;
  for (const child of a.children(node)) {
    if (!a.isElement(child)) continue;
    if (a.tag(child) === tag || containsTag(child, a, tag, depth + 1)) return true;
  }
  return false;
}

/**
 * Long text in a cell among a table's first rows marks a layout table (so does holding a
 * table), which is walked like any container instead of read as rows.
 */
function isLayoutTable<N>(firstRows: RawRow<N>[]): boolean {
  return firstRows.some((row) => row.some((cell) => cell.text.length > MAX_CELL_TEXT));
}

/** A cell's text; <br> and block children become line breaks ('商业<br>企业'). */
/** What is left of a page's budget (see WalkLimits). */
interface Budget {
  chars: number;
  cells: number;
}
/** A report's cell holds a few characters; a layout table's is known past MAX_CELL_TEXT. */
const MAX_CELL_CHARS = 2_000;
/** A report table has at most a dozen columns (the grid keeps 80). */
const MAX_ROW_CELLS = 200;

function cellText<N>(node: N, a: TreeAccess<N>, max = MAX_CELL_CHARS): string {
  let out = '';
  const walk = (n: N, depth: number) => {
    if (out.length > max || depth > 60) return;
    if (a.isText(n)) {
      out += a.text(n).slice(0, Math.max(0, max + 1 - out.length));
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
  return out.replace(COLLAPSED_SPACE, ' ').replace(/ *\n */g, '\n').trim();
}

function span<N>(node: N, a: TreeAccess<N>, name: string): number {
  const n = Number.parseInt(a.attr(node, name) ?? '1', 10);
  return Number.isFinite(n) ? n : 1;
}

const ROW_TAGS = new Set(['tr']);
const CELL_TAGS = new Set(['td', 'th']);

/** Rows `from` … `to` (exclusive) of a table, spending `budget` (and stopping when it is spent). */
function tableRows<N>(table: N, a: TreeAccess<N>, to: number, from = 0, budget: Budget = { chars: Infinity, cells: Infinity }): RawRow<N>[] {
  const rows: RawRow<N>[] = [];
  let index = 0;
  for (const tr of ownDescendants(table, a, ROW_TAGS)) {
    if (index >= to || budget.cells <= 0 || budget.chars <= 0) break;
    if (index++ < from) continue;
    const row: RawCell<N>[] = [];
    for (const td of ownDescendants(tr, a, CELL_TAGS)) {
      if (row.length >= MAX_ROW_CELLS) break;
      const text = cellText(td, a);
      budget.cells--;
      budget.chars -= text.length;
      row.push({ text, rowSpan: span(td, a, 'rowspan'), colSpan: span(td, a, 'colspan'), ref: td });
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
