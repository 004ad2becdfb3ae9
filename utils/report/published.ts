/**
 * When the page was published, as the page itself says: the CMS's `<meta name="PubDate">`
 * (TRS, 华炜, 大汉 and others write one), or a labelled date in the page's header lines
 * (`发布日期：2024-01-25`, `发布时间：2022年1月28日`, `时间:2021-01-25 15:38`). A date in the
 * report's body (the 成文日期 under the signature, the 统计时限) is not the publication date and
 * is never read: only a labelled one near the top.
 */
import type { Block } from './types.ts';

/** Meta names CMSs use for the publication time (lower case). */
export const PUBLISHED_META = ['pubdate', 'publishdate', 'firstpublishedtime', 'publishtime', 'article:published_time', 'dc.date.issued'];

/** A CSS selector for those meta tags (name= or property=, any case), for the adapters. */
export const PUBLISHED_META_SELECTOR = PUBLISHED_META.flatMap((n) => [`meta[name="${n}" i]`, `meta[property="${n}" i]`]).join(',');

/** How many text blocks from the top a labelled date may be in (the page header, above the report). */
const HEADER_BLOCKS = 60;

const DATE = String.raw`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})`;
const LABELLED = new RegExp(String.raw`(?:发布|发稿|公开|发文|更新)?(?:日期|时间)\s*[:：]\s*` + DATE);
const BARE = new RegExp('^\\s*' + DATE);

/** YYYY-MM-DD from a date written any usual way, or undefined when it is not a real date. */
export function toIsoDate(text: string, labelled = false): string | undefined {
  const m = (labelled ? LABELLED : BARE).exec(text.replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1990 || y > 2200 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The publication date: the meta tag's when it holds a date, else the first labelled date near the top. */
export function readPublished(metaContent: string | null | undefined, blocks: Block<unknown>[]): string | undefined {
  const fromMeta = metaContent ? toIsoDate(metaContent) : undefined;
  if (fromMeta) return fromMeta;
  let seen = 0;
  for (const b of blocks) {
    if (b.kind !== 'text') continue;
    if (++seen > HEADER_BLOCKS) break;
    const d = toIsoDate(b.text, true);
    if (d) return d;
  }
  return undefined;
}

/* ------------------------------------------------------------------ the deadline */

/** 条例 第四十九条 (month-day of the year after the report's year); settings may set earlier ones. */
export const DEFAULT_DEADLINES = { department: '01-31', government: '03-31' };

/**
 * A government's own report (人民政府, 管委会, a district or county by its name) or a
 * department's (…局, …委员会, …办公室: the office publishes its own report too).
 */
const GOVERNMENT = /(?:人民政府|管委会|管理委员会|行政公署|实验区|新区|开发区|高新区|示范区|[省市县区旗乡镇])$/;

export function deadlineOf(agency: string, year: number, deadlines: Record<string, string>): { kind: 'government' | 'department'; date: string; label: string } {
  const name = agency.replace(/[（(][^）)]*[）)]$/, '').replace(/\d{4}年度?.*$/, '').trim();
  const kind = GOVERNMENT.test(name) ? 'government' : 'department';
  const md = /^\d{2}-\d{2}$/.test(deadlines[kind] ?? '') ? deadlines[kind] : DEFAULT_DEADLINES[kind];
  const [m, d] = md.split('-').map(Number);
  return { kind, date: `${year + 1}-${md}`, label: `${m}月${d}日` };
}
