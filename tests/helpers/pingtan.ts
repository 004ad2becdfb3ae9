/**
 * Two real consecutive reports of one agency (平潭综合实验区 2024 and 2025, TRS portal pages,
 * see tests/fixtures/real/*.url): the base of the cross-year and deadline tests. What they hold
 * (read by the engine): 2024 结转下年度 0 and 2025 上年结转 0 (carry-over holds); 行政规范性文件
 * 现行有效 440 → 546 with 58 made and 45 repealed (453 expected: the in-force check fails); 行政复议
 * 7 → 36 (more than 5×); published 2025-03-10 and 2026-03-10 (before 3月31日).
 */
import { pageFromHtml } from '../../cli/cheerioPage.ts';
import { analyze, type AnalyzeOptions } from '../../utils/report/analyze.ts';
import { proseOfPage } from '../../utils/library/prose.ts';
import type { Analysis, PageSource } from '../../utils/report/types.ts';
import { readFixture } from './load.ts';

export const PINGTAN_2024_URL = 'https://www.pingtan.gov.cn/jhtml/ct/ct_2024.html';
export const PINGTAN_2025_URL = 'https://www.pingtan.gov.cn/jhtml/ct/ct_2025.html';

export const pingtanPage = (year: 2024 | 2025, html = readFixture(`real/pingtan-${year}.html`)): PageSource =>
  pageFromHtml(html, year === 2024 ? PINGTAN_2024_URL : PINGTAN_2025_URL);

/** Last year's report as the library hands it to analyze: the Analysis and its prose. */
export function previousOf(page: PageSource, change: (a: Analysis) => Analysis = (a) => a): AnalyzeOptions {
  return { previous: change(analyze(page)), context: { previousProse: proseOfPage(page) } };
}

/** 2025 checked with 2024 (changed by `change`) as last year's report. */
export function pingtan2025With(change?: (a: Analysis) => Analysis, options: AnalyzeOptions = {}): Analysis {
  const prev = previousOf(pingtanPage(2024), change);
  return analyze(pingtanPage(2025), { ...prev, ...options, context: { ...prev.context, ...options.context } });
}

/** A copy of an Analysis with some cells (and the figures that follow them) changed. */
export function withCells(a: Analysis, cells: Record<string, number | null>, figures: Partial<Analysis['figures']> = {}): Analysis {
  return { ...a, cells: { ...a.cells, ...cells }, figures: { ...a.figures, ...figures } };
}
