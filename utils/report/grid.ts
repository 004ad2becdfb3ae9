/**
 * Raw rows of cells → a rectangular grid with row and column spans expanded (after axe-core's
 * to-grid). Spans come from the page and may be hostile (rowspan="100000", colspan="-1"), so
 * they are clamped and the grid's size is capped: a table can never make us hang.
 */
import type { RawCell, RawRow } from './types.ts';

export const MAX_SPAN = 60;
export const MAX_GRID_ROWS = 5000;
export const MAX_GRID_COLS = 80;

export interface GridSlot<Ref = unknown> {
  /** The cell that covers this slot. */
  cell: RawCell<Ref>;
  /** True in the slot where the cell starts (its top-left corner). */
  origin: boolean;
}

export interface Grid<Ref = unknown> {
  rows: (GridSlot<Ref> | undefined)[][];
  width: number;
  /** True when rows or columns beyond the caps were dropped. */
  truncated: boolean;
}

/** HTML says span 0 means "to the end of the group"; we read 0, negatives and junk as 1. */
export function clampSpan(n: number): number {
  if (!Number.isFinite(n) || n < 1) return 1;
  return Math.min(Math.floor(n), MAX_SPAN);
}

export function toGrid<Ref>(rawRows: RawRow<Ref>[]): Grid<Ref> {
  const rows: (GridSlot<Ref> | undefined)[][] = [];
  let width = 0;
  let truncated = rawRows.length > MAX_GRID_ROWS;
  const rowCount = Math.min(rawRows.length, MAX_GRID_ROWS);
  for (let y = 0; y < rowCount; y++) {
    rows[y] ??= [];
    let x = 0;
    for (const cell of rawRows[y]) {
      while (rows[y][x]) x++;
      if (x >= MAX_GRID_COLS) {
        truncated = true;
        break;
      }
      const rowSpan = Math.min(clampSpan(cell.rowSpan), rowCount - y);
      const colSpan = Math.min(clampSpan(cell.colSpan), MAX_GRID_COLS - x);
      for (let dy = 0; dy < rowSpan; dy++) {
        const row = (rows[y + dy] ??= []);
        for (let dx = 0; dx < colSpan; dx++) {
          // An overlap (a rowspan running into a cell placed below) keeps the first cell.
          if (!row[x + dx]) row[x + dx] = { cell, origin: dy === 0 && dx === 0 };
        }
      }
      x += colSpan;
      width = Math.max(width, x);
    }
  }
  for (const row of rows) row.length = Math.max(row.length, width);
  return { rows, width, truncated };
}

/**
 * The distinct cells of one grid row, left to right (a cell spanning several columns once).
 * Cells reaching down from a row above are included: they carry the row's group label.
 */
export function rowCells<Ref>(grid: Grid<Ref>, y: number): RawCell<Ref>[] {
  const out: RawCell<Ref>[] = [];
  let last: RawCell<Ref> | undefined;
  for (const slot of grid.rows[y] ?? []) {
    if (slot && slot.cell !== last) out.push(slot.cell);
    last = slot?.cell;
  }
  return out;
}
