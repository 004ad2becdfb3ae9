/**
 * The words people read for the engine's ids, in Chinese and English, in one place: table
 * names, format names, the 机关/年度/格式 line. Every surface (overlay, popup, command line,
 * exports) takes them from here.
 */
import { FORMAT_DOC_NO, type TableId } from './formats.ts';
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
