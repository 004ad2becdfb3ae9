/**
 * Cell text → value. A blank cell is not a zero: the checks need to tell "left empty" from
 * "written 0", and a total that fails only because of blanks is "incomplete", not wrong.
 */
import { toHalfWidth } from './normalize.ts';

export type CellValue =
  | { kind: 'number'; value: number }
  /** Nothing written (or only spaces / &nbsp;). */
  | { kind: 'blank' }
  /** A dash, slash or 无 written instead of a number. */
  | { kind: 'placeholder'; text: string }
  /** Something that is not a number at all. */
  | { kind: 'invalid'; text: string };

const PLACEHOLDERS = new Set(['-', '—', '–', '―', '－', '─', '/', '／', '\\', '无', '無', '空', '×', 'x', 'X', '——', '--', '/ ']);
// Units people write inside the cell (251000元, 12件, 3.5万元).
const UNIT_SUFFIX = /(?:万元|亿元|元|件|条|个|项|次|份|宗|人次|万)$/;

/** Reads one cell's text. */
export function parseCell(raw: string): CellValue {
  // Most cells are plain digits: the same value the steps below give, without them.
  if (/^\d+$/.test(raw)) return { kind: 'number', value: Number(raw) };
  const text = toHalfWidth(raw).replace(/[\s\u00a0\u200b-\u200d\ufeff]+/g, '');
  if (text === '') return { kind: 'blank' };
  if (PLACEHOLDERS.has(text) || /^[-—–―－─]+$/.test(text)) return { kind: 'placeholder', text: raw.trim() };
  let t = text.replace(UNIT_SUFFIX, '');
  // Thousands separators: 11,398,889 (and the full-width comma, already half-width here).
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  // A minus written as a dash or the full-width minus: −8, –8.
  t = t.replace(/^[−–—]/, '-');
  if (/^[+-]?\d+(\.\d+)?$/.test(t)) return { kind: 'number', value: Number(t) };
  return { kind: 'invalid', text: raw.trim() };
}

/** True when a cell reads as a value position (number, blank or placeholder), not as a label. */
export function isValueText(raw: string): boolean {
  return parseCell(raw).kind !== 'invalid';
}

/** The value used in arithmetic: blanks and placeholders count as 0 (and are reported). */
export function arithmeticValue(v: CellValue): number {
  return v.kind === 'number' ? v.value : 0;
}
