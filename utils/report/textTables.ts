/**
 * Tables written as text. Two shapes reach us:
 *  - rows with separators: tabs or pipes from PDF/Word (seeds 001, 003, 004), or a label
 *    followed by numbers separated by spaces. These become ordinary table blocks, read by
 *    the same table reader as HTML tables.
 *  - rows whose digits run together once the table was flattened (seed 000:
 *    `一、本年新收政府信息公开申请数量5000005`). `splitDigitRun` recovers the values from the known
 *    number of columns and the identities the row must satisfy; when several splits fit, the
 *    caller marks the row uncertain instead of guessing.
 */
import { RESULT_GROUPS, T2_BLOCKS, T3_ROWS } from './formats.ts';
import { SECTION_TITLES } from './narrative.ts';
import { normalize, normalizeWithMap, toHalfWidth } from './normalize.ts';
import { isValueText } from './numbers.ts';
import type { Block, RawRow } from './types.ts';

const cell = (text: string) => ({ text, rowSpan: 1, colSpan: 1 });

let rowLabels: Set<string> | undefined;
/** The row labels of 表二 and 表三 (matching form): a line holding one alone is a row left blank. */
function isRowLabel(line: string): boolean {
  if (!rowLabels) {
    rowLabels = new Set();
    for (const blocks of Object.values(T2_BLOCKS)) for (const b of blocks) for (const r of b.rows) rowLabels.add(normalize(r.label));
    for (const rows of Object.values(T3_ROWS)) for (const r of rows) rowLabels.add(normalize(r.label));
  }
  return line.length <= 80 && rowLabels.has(normalize(line));
}

/** The last character of a value (a digit, a separator, a placeholder), spaces after it aside. */
const VALUE_END = /[\d０-９,.\-—/无]\s*$/;

/** Splits one line into cells if it is written as a table row; otherwise null. */
export function lineToRow(line: string): RawRow | null {
  // A row label and nothing after it: a row whose cells were all left blank (spaces cannot
  // write a blank cell, so nothing follows the label).
  if (!/[\t|]/.test(line) && isRowLabel(line)) return [cell(line.trim())];
  if (line.includes('\t')) {
    const parts = line.split('\t');
    if (parts.length >= 2) return parts.map((p) => cell(p.trim()));
  }
  // Pipe tables (Markdown-like): at least two pipes.
  const pipes = line.split('|').length - 1;
  if (pipes >= 2) {
    const parts = line.split('|');
    // `| a | b |` has empty ends; `a | b |` one empty end. Drop the empty outer edges.
    if (parts[0].trim() === '') parts.shift();
    return parts.map((p) => cell(p.trim()));
  }
  // Both patterns below end in a value: a line whose last character (spaces aside) cannot end
  // one is no row, and most lines of prose are told so without running them.
  if (!VALUE_END.test(line)) return null;
  // A label followed by at least two numbers separated by spaces.
  const m = /^(.*?[^\d\s.,+-])?\s*((?:[+-]?[\d０-９][\d０-９,.]*|[-—/无])(?:[ \u3000\u00a0]+(?:[+-]?[\d０-９][\d０-９,.]*|[-—/无]))+)\s*$/.exec(line);
  const single = /^(.{1,30}?[^\d\s.,+-])[ \u3000\u00a0]+([+-]?[\d０-９][\d０-９,.]*)$/.exec(line);
  if (single && !/[。，,：:；;]/.test(single[1]) && isValueText(single[2])) {
    // A short label and one number (行政许可 0): a row of a one-value block of 表二.
    return [cell(single[1].trim()), cell(single[2])];
  }
  if (m && /\s/.test(m[2].trim())) {
    const values = m[2].trim().split(/[ \u3000\u00a0]+/);
    if (values.length >= 2 && values.every(isValueText)) {
      // A date or an ordinary sentence ending in numbers is not a row: require a label that
      // is not prose (no 。), or no label at all (a row of numbers).
      const label = (m[1] ?? '').trim();
      if (label.includes('。') || label.length > 80) return null;
      // 总计43 2 00 0 045: a number written with a leading zero is a piece of a run of digits
      // (spaces crept into it), not a value of its own.
      if (values.some((v) => /^0\d/.test(toHalfWidth(v)))) return null;
      return [cell(label), ...values.map(cell)];
    }
  }
  return null;
}

/* ------------------------------------------------------------------ a page on one line */

/** Texts shorter than this are never cut: a heading or a row stands on its own line already. */
const CUT_MIN_LENGTH = 200;

let cutPattern: RegExp | undefined;
/**
 * Where a page written on one line is cut into lines, in matching form: the exact section
 * headings (ordinal and title, cut before and after), the exact row labels of 表三 (with their
 * ordinals: （一）予以公开, 1.属于国家秘密 …), 表二's article captions, and 表二's row labels
 * only where a number follows. Never a loose keyword: `二、依申请公开除上述主动公开的…` is no
 * heading, and a heading followed by ；、， is a list of headings in a sentence, not one.
 */
function cuts(): RegExp {
  if (cutPattern) return cutPattern;
  const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const short = (label: string) => normalize(label).replace(/^(\([一二三四五六七]\)[^(]+)\(.*$/, '$1');
  const t3 = new Set<string>(['三、本年度办理结果', ...Object.values(RESULT_GROUPS).map(normalize)]);
  for (const rows of Object.values(T3_ROWS)) for (const r of rows) t3.add(short(r.label));
  const t2 = new Set<string>();
  for (const blocks of Object.values(T2_BLOCKS)) for (const b of blocks) for (const r of b.rows) t2.add(normalize(r.label));
  const longestFirst = (xs: Set<string>) => [...xs].sort((a, b) => b.length - a.length).map(esc).join('|');
  cutPattern = new RegExp(
    [
      `(?<heading>[一二三四五六七]、(?:${Object.values(SECTION_TITLES).join('|')}))(?![;、,。)"])`,
      `(?:${longestFirst(t3)})`,
      '第二十条第\\([一二三四五六七八九十]+\\)项',
      '信息内容',
      `(?:${longestFirst(t2)})(?=[+\\-\\d])`,
    ].join('|'),
    'g',
  );
  return cutPattern;
}

/** A run of three or more numbers separated by spaces, followed by words: a row's values end there. */
const SPACED_NUMBERS_THEN_WORDS = /(?:^|\s)[+\-]?\d[\d.,]*(?:\s+[+\-]?\d[\d.,]*){2,}(?=\s*[\u4e00-\u9fff(（])/g;

/**
 * A page's text with no line breaks (a whole report on one line, as some portals and mirrors
 * serve it) → its lines, cut at the exact headings and row labels of the formats and after a
 * row's spaced numbers. A text that holds none of them comes back whole.
 */
export function cutRunTogetherText(text: string): string[] {
  if (text.length < CUT_MIN_LENGTH) return [text];
  const re = cuts();
  re.lastIndex = 0;
  // Most long paragraphs hold no label at all: test the cheap matching form first.
  const plain = normalize(text);
  re.lastIndex = 0;
  if (!re.test(plain)) return [text];
  const { norm, at } = normalizeWithMap(text);
  const points = new Set<number>();
  re.lastIndex = 0;
  for (let m = re.exec(norm); m; m = re.exec(norm)) {
    if (m.index > 0) points.add(at[m.index]);
    if (m.groups?.heading) {
      const end = m.index + m[0].length;
      if (end < norm.length) points.add(at[end]);
    }
  }
  const pieces: string[] = [];
  let from = 0;
  for (const p of [...points].sort((a, b) => a - b)) {
    pieces.push(text.slice(from, p));
    from = p;
  }
  pieces.push(text.slice(from));
  return pieces.flatMap(cutAfterSpacedNumbers).map((t) => t.trim()).filter(Boolean);
}

function cutAfterSpacedNumbers(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  SPACED_NUMBERS_THEN_WORDS.lastIndex = 0;
  for (let m = SPACED_NUMBERS_THEN_WORDS.exec(text); m; m = SPACED_NUMBERS_THEN_WORDS.exec(text)) {
    const end = m.index + m[0].length;
    out.push(text.slice(from, end));
    from = end;
  }
  out.push(text.slice(from));
  return out;
}

/** One cell of a pipe table written one cell per line: `自然人 |`, `5 |`, ` |`. */
const ONE_CELL_PIPE_LINE = /^([^|]*)\|$/;

/**
 * A pipe table a mirror wrote one cell per line, each ending in ` |`, back into rows: a cell in
 * words starts a row, the values after it join that row (a blank between is a blank cell).
 */
function joinOneCellPipeLines<Ref>(lines: TextLine<Ref>[]): TextLine<Ref>[] {
  const out: TextLine<Ref>[] = [];
  let row: string[] | null = null;
  let run = 0;
  const flush = () => {
    if (row) out.push({ kind: 'text', text: `${row.join(' | ')} |` });
    row = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const m = ONE_CELL_PIPE_LINE.exec(lines[i].text.trim());
    // Only inside a run of such lines: one line ending in | is no table.
    const inRun = m && (run > 0 || lines.slice(i, i + 4).every((l) => ONE_CELL_PIPE_LINE.test(l.text.trim())));
    if (!m || !inRun) {
      flush();
      run = 0;
      out.push(lines[i]);
      continue;
    }
    run++;
    const cell = m[1].trim();
    if (row && isValueText(cell)) row.push(cell);
    else {
      flush();
      row = [cell];
    }
  }
  flush();
  return out;
}

/**
 * Turns runs of table-like lines among the text blocks into table blocks. A blank line does
 * not end a table (PDF page breaks put them inside 表三); a line of prose does. A text block
 * holding a whole page on one line is first cut into its lines.
 */
export function textBlocksToTables<Ref>(blocks: Block<Ref>[]): Block<Ref>[] {
  const out: Block<Ref>[] = [];
  let current: RawRow<Ref>[] | null = null;
  let pendingBlanks: Block<Ref>[] = [];
  const close = () => {
    if (current) out.push({ kind: 'table', rows: current });
    current = null;
    out.push(...pendingBlanks);
    pendingBlanks = [];
  };
  const lines = linesOf(blocks);
  lines.forEach((block, i) => {
    if (block.kind !== 'text') {
      close();
      out.push(block);
      return;
    }
    if (block.text.trim() === '') {
      if (current) pendingBlanks.push(block);
      else out.push(block);
      return;
    }
    let row = lineToRow(block.text);
    // A label alone whose digits follow on the next line is a flattened row (seed 000), not a blank one.
    if (row?.length === 1 && startsWithDigitsNext(lines, i)) row = null;
    if (row) {
      current ??= [];
      current.push(placeCells(row as RawRow<Ref>, block));
      pendingBlanks = [];
    } else {
      close();
      out.push(block);
    }
  });
  close();
  return out;
}

function startsWithDigitsNext<Ref>(lines: Block<Ref>[], i: number): boolean {
  for (let j = i + 1; j < lines.length && j < i + 4; j++) {
    const b = lines[j];
    if (b.kind !== 'text') return false;
    if (b.text.trim()) return /^[\d０-９]/.test(b.text.trim());
  }
  return false;
}

/**
 * A line of text as the table reader sees it, with where it stands in the page: the text
 * block it was cut from (`ref`) and its offset there (`base`), so a cell read from it can be
 * marked in place. A line joined from several (one-cell pipe lines) has no place.
 */
type TextLine<Ref> = Extract<Block<Ref>, { kind: 'text' }>;

/** The text blocks as lines: one-line pages cut, one-cell-per-line pipe tables joined. */
function linesOf<Ref>(blocks: Block<Ref>[]): (TextLine<Ref> | Block<Ref>)[] {
  const out: (TextLine<Ref> | Block<Ref>)[] = [];
  let texts: TextLine<Ref>[] = [];
  const flushTexts = () => {
    out.push(...joinOneCellPipeLines(texts));
    texts = [];
  };
  for (const block of blocks) {
    if (block.kind !== 'text') {
      flushTexts();
      out.push(block);
      continue;
    }
    const pieces = cutRunTogetherText(block.text);
    const bases = offsetsInOrder(block.text, pieces);
    pieces.forEach((text, k) => texts.push(bases[k] >= 0 && block.ref !== undefined ? { kind: 'text', text, ref: block.ref, base: bases[k] } : { kind: 'text', text }));
  }
  flushTexts();
  return out;
}

/**
 * Gives the cells of a row read from a text block the block's ref and where each value stands
 * in the block's text, so the checker can mark it in place (utils/dom/highlight.ts). The
 * cells are the line's pieces in order, so each is found after the one before.
 */
function placeCells<Ref>(row: RawRow<Ref>, { text: line, ref, base }: TextLine<Ref>): RawRow<Ref> {
  if (ref === undefined || base === undefined) return row;
  const starts = offsetsInOrder(line, row.map((c) => c.text));
  return row.map((c, i) => (starts[i] < 0 ? c : { ...c, ref, at: { start: base + starts[i], end: base + starts[i] + c.text.length } }));
}

/**
 * Where each piece stands in `text`, the pieces being slices of it in order (a line's cells, a
 * block's lines, a run's values): each is found after the one before; -1 for an empty piece or
 * one not found.
 */
export function offsetsInOrder(text: string, pieces: string[]): number[] {
  let cursor = 0;
  return pieces.map((piece) => {
    const at = piece === '' ? -1 : text.indexOf(piece, cursor);
    if (at >= 0) cursor = at + piece.length;
    return at;
  });
}

/* ------------------------------------------------------------------ digits run together */

export interface SplitSpec {
  /** Group sizes; in a constrained group the last value is the sum of the others. */
  groups: number[];
  constrained: boolean;
  /** Per value: a count (digits), signed (2019 本年增/减: may start with + or -), or an amount (may have decimals). */
  types?: ('count' | 'signed' | 'amount')[];
}

export interface SplitResult {
  candidates: number[][];
  /** True when the search stopped at its bound: treat as uncertain. */
  exhausted: boolean;
}

const MAX_RUN = 40;
/** The search's bound: past it the row is reported uncertain (never slow, never a guess). */
const MAX_NODES = 200_000;
const MAX_CANDIDATES = 50;

/**
 * All ways to cut `run` into numbers, group by group. A number has no leading zero (except
 * 0 itself); signs start a number; a decimal point stays inside one.
 *
 * Constrained groups (表三's row, 表四's three groups: the last number is the sum of the
 * others) are found group by group, and memoized per position: a group starting at a
 * position is cut once, whatever came before it. Inside a group the sum is read first (the
 * digits that end the group), then the numbers before it must add up to exactly that: no
 * number may be larger than what is left, which keeps every run far below a millisecond.
 * Past MAX_NODES steps the search stops and the row is uncertain, never slow and never a guess.
 */
export function splitDigitRun(run: string, spec: SplitSpec): SplitResult {
  const text = toHalfWidth(run).replace(/[\s,]/g, '');
  if (text.length === 0 || text.length > MAX_RUN) return { candidates: [], exhausted: text.length > MAX_RUN };
  if (!/^[+\-\d.]+$/.test(text)) return { candidates: [], exhausted: false };
  return spec.constrained ? splitConstrained(text, spec.groups) : splitFree(text, spec);
}

const COUNT = /^(?:0|[1-9]\d*)$/;

function splitConstrained(text: string, groups: number[]): SplitResult {
  let nodes = 0;
  let exhausted = false;
  const step = () => {
    if (++nodes > MAX_NODES) exhausted = true;
    return !exhausted;
  };

  // Every way to write text[a, b) as k counts adding up to exactly `sum`.
  const addsUp = new Map<string, number[][]>();
  const partsSumming = (a: number, b: number, k: number, sum: number): number[][] => {
    if (k === 0) return a === b && sum === 0 ? [[]] : [];
    if (k === 1) {
      // The last part is the rest: it is the sum left, or nothing fits.
      const piece = text.slice(a, b);
      return COUNT.test(piece) && Number(piece) === sum ? [[sum]] : [];
    }
    // Each part has at most as many digits as the sum, and k parts of at most b-a-k+1 digits
    // add up to a number of at most one digit more.
    const digits = String(sum).length;
    if (b - a < k || b - a > k * digits || digits > b - a - k + 2 || !step()) return [];
    const key = `${a},${b},${k},${sum}`;
    const known = addsUp.get(key);
    if (known) return known;
    const out: number[][] = [];
    const most = String(sum).length;
    for (let end = a + 1; end <= b - (k - 1) && end - a <= most; end++) {
      const piece = text.slice(a, end);
      if (!COUNT.test(piece)) break; // a leading zero: longer pieces are no numbers either
      const value = Number(piece);
      if (value > sum) break;
      for (const rest of partsSumming(end, b, k - 1, sum - value)) {
        out.push([value, ...rest]);
        if (out.length > MAX_CANDIDATES) break;
      }
    }
    addsUp.set(key, out);
    return out;
  };

  // Every way a group of `size` starting at `at` can be written: its numbers and where it ends.
  const groupsAt = new Map<string, { end: number; values: number[] }[]>();
  const groupAt = (at: number, g: number): { end: number; values: number[] }[] => {
    const size = groups[g];
    const last = g === groups.length - 1;
    const key = `${at},${g}`;
    const known = groupsAt.get(key);
    if (known) return known;
    const out: { end: number; values: number[] }[] = [];
    // The group ends at `end`; its sum is the `len` digits before that.
    // Every later group needs a character per number at least.
    const latest = text.length - groups.slice(g + 1).reduce((n, x) => n + x, 0);
    for (let end = last ? text.length : at + size; end <= latest && step(); end++) {
      for (let len = 1; len <= end - at - (size - 1); len++) {
        // The sum is at least as long as its longest part and at most one digit longer.
        const parts = end - len - at;
        if (parts > (size - 1) * len || parts < len - 1 + (size - 2)) continue;
        const written = text.slice(end - len, end);
        if (!COUNT.test(written)) continue;
        const sum = Number(written);
        for (const parts of partsSumming(at, end - len, size - 1, sum)) out.push({ end, values: [...parts, sum] });
      }
      if (last) break;
    }
    groupsAt.set(key, out);
    return out;
  };

  const candidates: number[][] = [];
  const tails = new Map<string, boolean>();
  // Depth first over the groups; a (group, position) that leads nowhere is not walked again.
  const walk = (g: number, at: number, values: number[]): boolean => {
    if (exhausted || candidates.length > MAX_CANDIDATES) return false;
    if (g === groups.length) {
      if (at !== text.length) return false;
      candidates.push(values);
      return true;
    }
    const key = `${g},${at}`;
    if (tails.get(key) === false) return false;
    let found = false;
    for (const group of groupAt(at, g)) {
      if (walk(g + 1, group.end, [...values, ...group.values])) found = true;
    }
    tails.set(key, found);
    return found;
  };
  walk(0, 0, []);
  if (candidates.length > MAX_CANDIDATES) exhausted = true;
  return { candidates: candidates.slice(0, MAX_CANDIDATES), exhausted };
}

/** Groups without a sum (表二's columns): every cut, each number by its column's type. */
function splitFree(text: string, spec: SplitSpec): SplitResult {
  const total = spec.groups.reduce((a, b) => a + b, 0);
  const TOKEN = { count: /^(?:0|[1-9]\d*)/, signed: /^[+-]?(?:0|[1-9]\d*)/, amount: /^(?:0|[1-9]\d*)(?:\.\d+)?/ };
  const WHOLE = { count: /^(?:0|[1-9]\d*)$/, signed: /^[+-]?(?:0|[1-9]\d*)$/, amount: /^(?:0|[1-9]\d*)(?:\.\d+)?$/ };
  const candidates: number[][] = [];
  let nodes = 0;
  let exhausted = false;
  const values: number[] = [];
  const walk = (pos: number, index: number) => {
    if (exhausted) return;
    if (++nodes > MAX_NODES || candidates.length >= MAX_CANDIDATES) {
      exhausted = true;
      return;
    }
    if (index === total) {
      if (pos === text.length) candidates.push([...values]);
      return;
    }
    const type = spec.types?.[index] ?? 'count';
    const m = TOKEN[type].exec(text.slice(pos));
    if (!m) return;
    // Every prefix of the longest token that is itself a valid number.
    for (let len = 1; len <= m[0].length; len++) {
      const piece = m[0].slice(0, len);
      if (!/\d$/.test(piece) || !WHOLE[type].test(piece)) continue;
      // Numbers left must each take at least one character.
      if (text.length - (pos + len) < total - index - 1) break;
      values[index] = Number(piece);
      walk(pos + len, index + 1);
    }
    values.length = index;
  };
  walk(0, 0);
  return { candidates, exhausted };
}
