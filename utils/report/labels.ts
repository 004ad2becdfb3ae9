/**
 * The words people read for the engine's ids, in Chinese and English, in one place: table
 * names, format names, the 机关/年度/格式 line. Every surface (overlay, popup, command line,
 * exports) takes them from here.
 */
import { FORMAT_DOC_NO, T2_BLOCKS, T3_COLUMNS, T3_ROWS, T4_COLUMNS, type FormatId, type TableId } from './formats.ts';
import type { Analysis } from './types.ts';

export type Lang = 'zh' | 'en';

export const TABLE_NAMES: Record<TableId, Record<Lang, string>> = {
  t2: { zh: '表二', en: 'Table 2' },
  t3: { zh: '表三', en: 'Table 3' },
  t4: { zh: '表四', en: 'Table 4' },
};

/** What each table is about, for a first-time reader. */
export const TABLE_TITLES: Record<TableId, Record<Lang, string>> = {
  t2: { zh: '主动公开政府信息情况', en: 'Information published proactively' },
  t3: { zh: '收到和处理政府信息公开申请情况', en: 'Applications received and handled' },
  t4: { zh: '政府信息公开行政复议、行政诉讼情况', en: 'Administrative reviews and lawsuits' },
};

export function formatName(format: Analysis['format'], lang: Lang): string {
  switch (format) {
    case '2021':
      return lang === 'zh' ? `2021 年格式（${FORMAT_DOC_NO['2021']}）` : '2021 format';
    case '2019':
      return lang === 'zh' ? `2019 年格式（${FORMAT_DOC_NO['2019']}）` : '2019 format';
    case 'older':
      return lang === 'zh' ? '2019 年以前的格式' : 'pre-2019 format';
    default:
      return lang === 'zh' ? '未能确定' : 'not determined';
  }
}

/** 机关：陕西省医疗保障局　年度：2021　格式：2021 年格式（…） — the identity line of every surface. */
export function identityLine(a: Pick<Analysis, 'agency' | 'year' | 'format'>, lang: Lang): string {
  if (lang === 'zh') {
    return `机关：${a.agency ?? '未能确定'}　年度：${a.year ?? '未能确定'}　格式：${formatName(a.format, 'zh')}`;
  }
  return `Agency: ${a.agency ?? 'not determined'} · Year: ${a.year ?? 'not determined'} · Format: ${formatName(a.format, 'en')}`;
}

const ITEM_NUMBERS: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/**
 * A cell id in a person's words: 表三「（一）予以公开」·自然人 / Table 3, row “(1) Granted”,
 * natural persons. Unknown ids are returned as they are.
 */
export function cellLabel(cellId: string, format: FormatId, lang: Lang = 'zh', { table: withTable = true } = {}): string {
  const [table, a, b, c] = cellId.split('.');
  const zh = lang === 'zh';
  // The table's name first (表三「…」 / Table 3, …), unless the sentence already names it.
  const named = (t: TableId, rest: string) => (withTable ? (zh ? `${TABLE_NAMES[t].zh}${rest}` : `${TABLE_NAMES[t].en}, ${rest}`) : rest);
  if (table === 't3') {
    const row = T3_ROWS[format].find((r) => r.id === a) ?? T3_ROWS['2021'].find((r) => r.id === a) ?? T3_ROWS['2019'].find((r) => r.id === a);
    const col = T3_COLUMNS.find((x) => x.id === b);
    return named('t3', zh ? `「${row ? row.short ?? row.label : a}」·${col?.label ?? b}` : `row “${row?.en ?? a}”, ${col?.en ?? b}`);
  }
  if (table === 't4') {
    const col = T4_COLUMNS.find((x) => x.id === b);
    return named('t4', zh ? `${withTable ? ' ' : ''}${col?.label ?? b}` : col?.en ?? b);
  }
  if (table === 't2') {
    const block = T2_BLOCKS[format].find((x) => x.id === a);
    const row = block?.rows.find((r) => r.id === b);
    const col = block?.columns.find((x) => x.id === c);
    return named('t2', zh
      ? `${withTable ? ' ' : ''}${block?.caption ?? a}「${row?.label ?? b}」·${col?.label ?? c}`
      : `Art. 20 (${ITEM_NUMBERS[block?.item ?? ''] ?? a}), “${row?.en ?? b}”, ${col?.en ?? c}`);
  }
  return cellId;
}

/**
 * A number as the panel and the popup show it: 11,398,889 (grouped by thousands in both
 * languages). Only for display: messages and exported data keep plain digits.
 */
export function groupDigits(n: number, lang: Lang = 'zh'): string {
  void lang; // Chinese and English group the same way; kept for a locale that does not.
  const [int, frac] = String(Math.abs(n)).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (n < 0 ? '-' : '') + grouped + (frac ? '.' + frac : '');
}
