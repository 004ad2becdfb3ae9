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
import type { Block, RawRow } from './types.ts';
import { toHalfWidth } from './normalize.ts';
import { isValueText } from './numbers.ts';

const cell = (text: string) => ({ text, rowSpan: 1, colSpan: 1 });

/** Splits one line into cells if it is written as a table row; otherwise null. */
export function lineToRow(line: string): RawRow | null {
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
      return [cell(label), ...values.map(cell)];
    }
  }
  return null;
}

/**
 * Turns runs of table-like lines among the text blocks into table blocks. A blank line does
 * not end a table (PDF page breaks put them inside 表三); a line of prose does.
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
  for (const block of blocks) {
    if (block.kind !== 'text') {
      close();
      out.push(block);
      continue;
    }
    if (block.text.trim() === '') {
      if (current) pendingBlanks.push(block);
      else out.push(block);
      continue;
    }
    const row = lineToRow(block.text);
    if (row) {
      current ??= [];
      current.push(placeCells(row as RawRow<Ref>, block.text, block.ref));
      pendingBlanks = [];
    } else {
      close();
      out.push(block);
    }
  }
  close();
  return out;
}

/**
 * Gives the cells of a row read from a text block the block's ref and where each value stands
 * in the block's text, so the checker can mark it in place (utils/dom/highlight.ts). The
 * cells are the line's pieces in order, so each is found after the one before.
 */
function placeCells<Ref>(row: RawRow<Ref>, line: string, ref: Ref | undefined): RawRow<Ref> {
  if (ref === undefined) return row;
  let cursor = 0;
  return row.map((c) => {
    if (!c.text) return c;
    const start = line.indexOf(c.text, cursor);
    if (start < 0) return c;
    cursor = start + c.text.length;
    return { ...c, ref, at: { start, end: cursor } };
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
const MAX_NODES = 200_000;
const MAX_CANDIDATES = 50;

/**
 * All ways to cut `run` into numbers, group by group. A number has no leading zero (except
 * 0 itself); signs start a number; a decimal point stays inside one.
 */
export function splitDigitRun(run: string, spec: SplitSpec): SplitResult {
  const text = toHalfWidth(run).replace(/[\s,]/g, '');
  const total = spec.groups.reduce((a, b) => a + b, 0);
  const candidates: number[][] = [];
  if (text.length === 0 || text.length > MAX_RUN) return { candidates, exhausted: text.length > MAX_RUN };
  if (!/^[+\-\d.]+$/.test(text)) return { candidates, exhausted: false };
  const TOKEN = { count: /^(?:0|[1-9]\d*)/, signed: /^[+-]?(?:0|[1-9]\d*)/, amount: /^(?:0|[1-9]\d*)(?:\.\d+)?/ };
  const WHOLE = { count: /^(?:0|[1-9]\d*)$/, signed: /^[+-]?(?:0|[1-9]\d*)$/, amount: /^(?:0|[1-9]\d*)(?:\.\d+)?$/ };
  let nodes = 0;
  let exhausted = false;
  const values: number[] = [];

  const numbersAt = (pos: number, index: number): { value: number; end: number }[] => {
    const type = spec.types?.[index] ?? 'count';
    const m = TOKEN[type].exec(text.slice(pos));
    if (!m) return [];
    const out: { value: number; end: number }[] = [];
    // Every prefix of the longest token that is itself a valid number.
    for (let len = 1; len <= m[0].length; len++) {
      const piece = m[0].slice(0, len);
      if (!/\d$/.test(piece)) continue;
      if (!WHOLE[type].test(piece)) continue;
      out.push({ value: Number(piece), end: pos + len });
    }
    return out;
  };

  const walk = (pos: number, index: number, groupIndex: number, groupStart: number) => {
    if (exhausted) return;
    if (++nodes > MAX_NODES || candidates.length >= MAX_CANDIDATES) {
      exhausted = true;
      return;
    }
    if (index === total) {
      if (pos === text.length) candidates.push([...values]);
      return;
    }
    const size = spec.groups[groupIndex];
    const lastOfGroup = index === groupStart + size - 1;
    for (const { value, end } of numbersAt(pos, index)) {
      // Numbers left must each take at least one character.
      if (text.length - end < total - index - 1) break;
      if (lastOfGroup && spec.constrained) {
        let sum = 0;
        for (let i = groupStart; i < index; i++) sum += values[i];
        if (Math.abs(sum - value) > 1e-9) continue;
      }
      values[index] = value;
      if (lastOfGroup) walk(end, index + 1, groupIndex + 1, index + 1);
      else walk(end, index + 1, groupIndex, groupStart);
    }
    values.length = index;
  };
  walk(0, 0, 0, 0);
  return { candidates, exhausted };
}
