/** The library page's words, Chinese first; English when the settings or the browser say so. */
import { messages } from '../../utils/i18n.ts';
import type { Lang } from '../../utils/report/labels.ts';
import type { Language } from '../../utils/settings.ts';
import type { VerdictStatus } from '../../utils/report/types.ts';

const zh = {
  lang: 'zh' as Lang,
  pageTitle: '年报校验 · 报告库',
  tabs: { library: '报告库', batch: '批量核对', draft: '检查草稿', settings: '设置' },
  notYet: (what: string) => `「${what}」功能尚未就绪（由批量核对功能提供）。`,
  count: (shown: number, all: number) => (shown === all ? `共 ${all} 份报告` : `显示 ${shown} / 共 ${all} 份报告`),
  search: '搜索机关或标题',
  allYears: '全部年度',
  allStatus: '全部结果',
  allSites: '全部网站',
  status: { errors: '有错误', warnings: '有警告', incomplete: '未能核对', ok: '全部相符' } as Record<VerdictStatus, string>,
  exportCsv: '导出 CSV',
  exportXlsx: '导出 Excel',
  exportJson: '导出 JSON（备份）',
  importJson: '导入 JSON',
  deleteSelected: (n: number) => `删除所选（${n}）`,
  clearAll: '清空报告库',
  confirmClear: (n: number) => `确定删除报告库中全部 ${n} 份报告？此操作不能撤销（可先导出 JSON 备份）。`,
  confirmDelete: (n: number) => `确定删除所选 ${n} 份报告？`,
  exporting: (done: number, total: number) => `正在导出：${done} / ${total}`,
  exported: (n: number, file: string) => `已导出 ${n} 份报告：${file}`,
  imported: (n: number, bad: number) => `已导入 ${n} 份报告${bad ? `，${bad} 项不是有效的分析结果，已跳过` : ''}`,
  importFailed: (why: string) => `导入失败：${why}`,
  empty: '报告库还是空的。',
  emptyHow: [
    '在 gov.cn 网站上打开政府信息公开工作年度报告，本扩展校验后会自动把结果存入报告库；',
    '也可以在「批量核对」中粘贴年报列表页或多个网址，一次核对并存入；',
    '或用「导入 JSON」恢复以前导出的备份。报告库只保存在本浏览器中，不会上传。',
  ],
  noMatch: '没有符合筛选条件的报告。',
  cols: {
    agency: '机关', year: '年度', format: '格式', status: '校验结果', errors: '错误', warnings: '警告', unchecked: '未核对',
    newReceived: '新收申请', grantedShare: '公开率', reviewTotal: '复议', litigationTotal: '诉讼', publishedAt: '发布日期', checkedAt: '核对时间', title: '报告',
  },
  format: (f: string): string => (f === '2021' ? '2021版' : f === '2019' ? '2019版' : f === 'older' ? '旧版' : '未知'),
  selectAll: '全选',
  detail: '详情',
  findings: '发现的问题',
  noFindings: '没有需要处理的问题。',
  dismiss: '忽略',
  undismiss: '恢复',
  reason: '忽略原因（如：已与填报单位核实）',
  dismissedBecause: (r: string) => `已忽略：${r}`,
  previous: '跨年度核对所用的上一年度报告：',
  noPrevious: '报告库中没有同一机关上一年度的报告，未做跨年度核对。',
  open: '打开页面',
  close: '关闭',
};
export type Words = typeof zh;

const en: Words = {
  lang: 'en',
  pageTitle: 'Report check · Library',
  tabs: { library: 'Library', batch: 'Check a list', draft: 'Check a draft', settings: 'Settings' },
  notYet: (what) => `“${what}” is not available yet (it comes with list checking).`,
  count: (shown, all) => (shown === all ? `${all} reports` : `${shown} of ${all} reports`),
  search: 'Search agency or title',
  allYears: 'All years',
  allStatus: 'All results',
  allSites: 'All sites',
  status: { errors: 'Errors', warnings: 'Warnings', incomplete: 'Could not check', ok: 'All right' },
  exportCsv: 'Export CSV',
  exportXlsx: 'Export Excel',
  exportJson: 'Export JSON (backup)',
  importJson: 'Import JSON',
  deleteSelected: (n) => `Delete selected (${n})`,
  clearAll: 'Clear the library',
  confirmClear: (n) => `Delete all ${n} reports from the library? This cannot be undone (export a JSON backup first).`,
  confirmDelete: (n) => `Delete the ${n} selected reports?`,
  exporting: (done, total) => `Exporting: ${done} / ${total}`,
  exported: (n, file) => `Exported ${n} reports: ${file}`,
  imported: (n, bad) => `Imported ${n} reports${bad ? `; ${bad} items were not analyses and were skipped` : ''}`,
  importFailed: (why) => `Import failed: ${why}`,
  empty: 'The library is empty.',
  emptyHow: [
    'Open an annual report on a gov.cn site: once checked, it is kept here automatically;',
    'or paste a list page or URLs under “Check a list” to check many at once;',
    'or import a JSON backup. The library stays in this browser and is never uploaded.',
  ],
  noMatch: 'No report matches the filters.',
  cols: {
    agency: 'Agency', year: 'Year', format: 'Format', status: 'Result', errors: 'Errors', warnings: 'Warnings', unchecked: 'Unchecked',
    newReceived: 'New requests', grantedShare: 'Granted', reviewTotal: 'Reviews', litigationTotal: 'Lawsuits', publishedAt: 'Published', checkedAt: 'Checked', title: 'Report',
  },
  format: (f) => (f === '2021' ? '2021' : f === '2019' ? '2019' : f === 'older' ? 'older' : 'unknown'),
  selectAll: 'Select all',
  detail: 'Details',
  findings: 'Findings',
  noFindings: 'Nothing to look at.',
  dismiss: 'Dismiss',
  undismiss: 'Restore',
  reason: 'Reason (e.g. verified with the agency)',
  dismissedBecause: (r) => `Dismissed: ${r}`,
  previous: 'Previous year’s report used for the cross-year checks: ',
  noPrevious: 'No report of the same agency for the previous year in the library; cross-year checks not run.',
  open: 'Open page',
  close: 'Close',
};

export function wordsFor(language: Language): Words {
  // 'auto': the browser's language, as every other surface reads it (utils/i18n.ts).
  const lang = language === 'auto' ? messages().lang : language;
  return lang === 'en' ? en : zh;
}
