/** The command line's output for people: Chinese findings, coloured on a terminal. */
import { FIGURE_LABELS, formatFigure } from '../utils/report/figures.ts';
import type { Analysis, Figures, Finding } from '../utils/report/types.ts';
import type { Entry } from './main.ts';

const paint = (on: boolean) => (code: string, s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);
const KEY_FIGURES: (keyof Figures)[] = ['newReceived', 'carriedOver', 'resultTotal', 'granted', 'partial', 'grantedShare', 'carryForward', 'reviewTotal', 'litigationTotal'];
const MARK: Record<Finding['severity'], [string, string]> = { error: ['31', '✗ 错误'], warning: ['33', '! 警告'], info: ['36', 'i 提示'] };

export function formatText(e: Entry, color: boolean): string {
  const c = paint(color);
  if ('error' in e) return `${c('1', e.source)}\n  ${c('31', '无法读取')}：${e.error}\n`;
  if (!e.isReport) return `${c('1', e.source)}\n  不是政府信息公开工作年度报告（未发现报告特征）\n`;
  return formatReport(e, c);
}

function formatReport(a: Analysis, c: ReturnType<typeof paint>): string {
  const lines = [c('1', a.source)];
  lines.push(`  ${a.title || '（无标题）'}`);
  lines.push(`  机关：${a.agency ?? '—'}　年度：${a.year ?? '—'}　格式：${a.format === 'unknown' ? '未知' : a.format + ' 年格式'}${a.traditional ? '　繁体' : ''}`);
  const { errors, warnings, infos, passed } = a.summary;
  const status = errors > 0 ? c('31', `✗ ${errors} 项错误`) : c('32', '✓ 勾稽关系无错误');
  lines.push(`  ${status}，${warnings} 项警告，${infos} 项提示，${passed} 项通过`);
  lines.push('  ' + KEY_FIGURES.map((k) => `${FIGURE_LABELS[k].zh} ${formatFigure(k, a.figures[k])}`).join('　'));
  for (const f of a.findings) {
    if (f.status !== 'fail') continue;
    const [code, label] = MARK[f.severity];
    lines.push(`  ${c(code, label)} ${f.message} ${c('2', `[${f.id}]`)}`);
  }
  return lines.join('\n') + '\n';
}
