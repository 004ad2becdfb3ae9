/**
 * The interface's words, Chinese first, English for browsers in another language: every
 * surface (chips, panel, tooltip, popup) takes its words from here, so the two languages stay
 * complete and alike. Chinese punctuation (：，（）) only in the Chinese strings.
 * Names of tables, formats and the identity line are in utils/report/labels.ts.
 */
import type { RuleText } from './report/rules/index.ts';
import type { Lang } from './report/labels.ts';
import type { TableVerdict, VerdictStatus } from './report/types.ts';

/** Each rule's title and explanation, zh and en (ruleTexts in utils/report/rules/index.ts). */
export type RuleTexts = Record<string, Pick<RuleText, 'title' | 'explanation'>>;

const zh = {
  lang: 'zh' as Lang,
  title: '年报校验',
  /** The one status line of a report or a table, from its summary (counts exclude dismissed findings). */
  status: (s: VerdictStatus, n: { errors: number; warnings: number }) =>
    ({
      errors: `✗ ${n.errors} 处错误`,
      warnings: `! ${n.warnings} 项警告`,
      incomplete: '⚠ 未能全部核对',
      ok: '✓ 全部相符',
    })[s],
  /** A table's chip: what the status is, then what was read and skipped. */
  chip: (v: TableVerdict) =>
    !v.read
      ? '⚠ 未能读取'
      : v.status === 'incomplete'
        ? `⚠ 未能核对 ${v.incomplete + v.skipped} 项`
        : zh.status(v.status, v),
  chipDetail: (v: TableVerdict) =>
    [
      v.read ? `${v.passed} 项相符` : '未读到此表，未核对',
      v.incomplete ? `${v.incomplete} 项因空白未能核对` : '',
      v.skipped ? `${v.skipped} 项未核对` : '',
    ]
      .filter(Boolean)
      .join('，'),
  counts: (n: { passed: number; checks: number; skipped: number; warnings: number; incomplete: number }) =>
    [`${n.checks} 项核对，${n.passed} 项相符`, n.warnings ? `${n.warnings} 项警告` : '', n.incomplete ? `${n.incomplete} 项因空白未能核对` : '', n.skipped ? `${n.skipped} 项未核对` : '']
      .filter(Boolean)
      .join('，'),
  notChecked: '未能核对',
  notReport: '此页面未被识别为政府信息公开工作年度报告。',
  howTo: '打开 gov.cn 上的年度报告页面，本扩展会自动校验表格并在页面上标出问题。',
  /** The popup's on-request check, for a page the detector did not read (utils/dom/textSample.ts: mayBeNamedReport). */
  checkPage: '检查此页',
  checkPageHint: '标题和元数据中没有“报”字的页面不会自动检查：若此页是年度报告，请点“检查此页”。',
  checkingPage: '正在读取并校验此页……',
  checkedNotReport: '已读取此页全文：没有找到政府信息公开工作年度报告。',
  checkFailed: '无法读取此页（浏览器不允许本扩展访问此网站）。',
  errors: '错误',
  warningsTitle: '警告',
  incompleteTitle: '未能核对',
  infos: '提示',
  locate: '定位',
  nextProblem: '下一处问题',
  cellsLine: '单元格',
  dismissed: (reason: string) => `已忽略：${reason}`,
  expectedLabel: '应为',
  related: '与错误格同在一个不成立的勾稽关系中',
  copyAll: '复制全部表格',
  copyThisTable: (table: string) => `复制本表（${table}）`,
  copyRow: '复制数据行',
  copyJson: '复制 JSON',
  copyMd: '复制 Markdown',
  copied: '已复制，可直接粘贴到 Excel/WPS',
  copiedText: '已复制',
  copyFailed: (why: string) => `复制失败：${why}`,
  open: '展开面板',
  close: '收起',
  moveCorner: '换个角落',
  figures: '主要数据',
  frameTop: '本页',
  frameInner: '内嵌页面',
  frameOtherSite: '来自其他网站的内嵌页面',
  reportsInTab: (n: number) => `此标签页有 ${n} 份报告`,
  openLibrary: '报告库',
};
export type Messages = typeof zh;

const en: Messages = {
  lang: 'en',
  title: 'Annual Report Check',
  status: (s, n) =>
    ({
      errors: `✗ ${n.errors} ${n.errors === 1 ? 'error' : 'errors'}`,
      warnings: `! ${n.warnings} ${n.warnings === 1 ? 'warning' : 'warnings'}`,
      incomplete: '⚠ Not everything could be checked',
      ok: '✓ All checks hold',
    })[s],
  chip: (v) =>
    !v.read ? '⚠ Not read' : v.status === 'incomplete' ? `⚠ ${v.incomplete + v.skipped} not checked` : en.status(v.status, v),
  chipDetail: (v) =>
    [
      v.read ? `${v.passed} hold` : 'table not found, not checked',
      v.incomplete ? `${v.incomplete} not checked (blank cells)` : '',
      v.skipped ? `${v.skipped} skipped` : '',
    ]
      .filter(Boolean)
      .join(', '),
  counts: (n) =>
    [`${n.checks} checks, ${n.passed} hold`, n.warnings ? `${n.warnings} warnings` : '', n.incomplete ? `${n.incomplete} not checked (blank cells)` : '', n.skipped ? `${n.skipped} skipped` : '']
      .filter(Boolean)
      .join(', '),
  notChecked: 'Not checked',
  notReport: 'This page was not recognized as a government information-disclosure annual report.',
  howTo: 'Open an annual report on a gov.cn site; the extension checks its tables and marks problems on the page.',
  checkPage: 'Check this page',
  checkPageHint: 'Pages whose title and metadata do not contain 报 (report) are not checked automatically: if this page is an annual report, click “Check this page”.',
  checkingPage: 'Reading and checking this page…',
  checkedNotReport: 'Read the whole page: no government information-disclosure annual report found.',
  checkFailed: 'This page cannot be read (the browser does not let the extension access this site).',
  errors: 'Errors',
  warningsTitle: 'Warnings',
  incompleteTitle: 'Not checked',
  infos: 'Notes',
  locate: 'Locate',
  nextProblem: 'Next problem',
  cellsLine: 'Cells',
  dismissed: (reason) => `Dismissed: ${reason}`,
  expectedLabel: 'should be',
  related: 'In a failed identity with the wrong cell',
  copyAll: 'Copy all tables',
  copyThisTable: (table) => `Copy ${table}`,
  copyRow: 'Copy data row',
  copyJson: 'Copy JSON',
  copyMd: 'Copy Markdown',
  copied: 'Copied: paste into Excel/WPS',
  copiedText: 'Copied',
  copyFailed: (why) => `Copy failed: ${why}`,
  open: 'Open the panel',
  close: 'Close',
  moveCorner: 'Move to another corner',
  figures: 'Key figures',
  frameTop: 'This page',
  frameInner: 'Embedded frame',
  frameOtherSite: 'Embedded frame from another site',
  reportsInTab: (n) => `${n} reports in this tab`,
  openLibrary: 'Report library',
};

/** The words for the browser's language (Chinese for zh-*, English otherwise). */
export function messages(language = typeof navigator === 'undefined' ? 'zh' : navigator.language): Messages {
  return /^zh/i.test(language) ? zh : en;
}
