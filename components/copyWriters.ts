/**
 * One table for the clipboard: TSV of pure cells (it must paste as cells) and an HTML table
 * whose caption keeps where it came from (agency, year, table, page address).
 * TODO(issue 7 item 10): switch to toTableTSV/toTableHTML once the command line's writers in
 * utils/report/export.ts have them; until then these reuse export.ts's table views.
 */
import { tableViews, toHTML, viewGrid } from '../utils/report/export.ts';
import type { TableId } from '../utils/report/formats.ts';
import { TABLE_NAMES, TABLE_TITLES } from '../utils/report/labels.ts';
import type { Analysis } from '../utils/report/types.ts';

const tsvField = (s: string) => (/[\t\n"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function tableTSV(a: Analysis, table: TableId): string {
  const view = tableViews(a).find((v) => v.id === table);
  return view ? viewGrid(view).map((r) => r.map(tsvField).join('\t')).join('\n') + '\n' : '';
}

/** 上海市医疗保障局 2021 年 表三 收到和处理政府信息公开申请情况 http://… */
export function tableCaption(a: Analysis, table: TableId): string {
  return [a.agency, a.year ? `${a.year} 年` : null, `${TABLE_NAMES[table].zh} ${TABLE_TITLES[table].zh}`, a.source].filter(Boolean).join(' ');
}

export function tableHTML(a: Analysis, table: TableId): string {
  const index = tableViews(a).findIndex((v) => v.id === table);
  const html = toHTML(a).match(/<table[^>]*>[\s\S]*?<\/table>/g)?.[index];
  if (!html) return '';
  return html.replace(/^<table[^>]*>/, (open) => `${open}\n<caption>${esc(tableCaption(a, table))}</caption>`);
}
