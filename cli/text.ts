/**
 * The command line's output for people: Chinese, the verdict from the one summary, coloured
 * only on a terminal and only by our own code. Every piece of text that comes from a page or a
 * file name goes through `visible()`: a report cannot move the cursor, clear the screen or set
 * the terminal's title with an escape sequence in its title or a cell.
 */
import { FIGURE_LABELS, formatFigure } from '../utils/report/figures.ts';
import { notCheckedWords, verdictWords } from '../utils/report/export.ts';
import { cellLabel, identityLine } from '../utils/report/labels.ts';
import { underSuspects } from '../utils/report/suspectGroups.ts';
import type { Analysis, Figures, Finding, VerdictStatus } from '../utils/report/types.ts';
import type { Entry } from './main.ts';

/**
 * Control characters (C0, DEL, C1) and the bidirectional overrides shown as what they are:
 * ESC becomes ␛ (Unicode's control pictures), C1 and bidi controls <U+009B>. Line breaks too:
 * one field stays on its line.
 */
export function visible(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
  });
}

type Paint = (code: string, s: string) => string;
const paint = (on: boolean): Paint => (code, s) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

const KEY_FIGURES: (keyof Figures)[] = ['newReceived', 'carriedOver', 'resultTotal', 'granted', 'partial', 'grantedShare', 'carryForward', 'reviewTotal', 'litigationTotal'];
const MARK: Record<Finding['severity'], [string, string]> = { error: ['31', '✗ 错误'], warning: ['33', '! 警告'], info: ['36', 'i 提示'] };
/** The verdict's sign and colour: red errors, yellow warnings, amber (yellow) not all checked, green only when all checked and right. */
const VERDICT: Record<VerdictStatus, [string, string]> = { errors: ['31', '✗'], warnings: ['33', '!'], incomplete: ['33', '⚠'], ok: ['32', '✓'] };

export function formatText(e: Entry, color: boolean): string {
  const c = paint(color);
  if ('error' in e) return `${c('1', visible(e.source))}\n  ${c('31', '无法读取')}：${visible(e.error)}\n`;
  if (!e.isReport) return `${c('1', visible(e.source))}\n  不是政府信息公开工作年度报告（未发现报告特征）\n`;
  return formatReport(e, c);
}

function formatReport(a: Analysis, c: Paint): string {
  const s = a.summary;
  const lines = [c('1', visible(a.source))];
  lines.push(`  ${visible(a.title) || '（无标题）'}`);
  lines.push(`  ${visible(identityLine(a, 'zh'))}${a.traditional ? '　繁体' : ''}`);
  const [code, sign] = VERDICT[s.status];
  lines.push(`  ${c(code, `${sign} ${verdictWords(s)}`)}：${s.errors} 项错误，${s.warnings} 项警告，${s.incomplete} 项未完成，${s.infos} 项提示，${s.passed} 项通过，${s.skipped} 项跳过`);
  for (const n of notCheckedWords(a)) lines.push(`  ${c('33', '⚠ 未能核对')} ${visible(n)}`);
  lines.push('  ' + KEY_FIGURES.map((k) => `${FIGURE_LABELS[k].zh} ${formatFigure(k, a.figures[k])}`).join('　'));
  const failed = a.findings.filter((f) => f.status === 'fail' && !f.dismissed);
  const line = (f: Finding, under = false) => `  ${under ? `    ${c('2', '↳')}` : c(MARK[f.severity][0], MARK[f.severity][1])} ${visible(f.message)} ${c('2', `[${visible(f.id)}]`)}`;
  // A suspect cell is one error, as in the summary and the popup: where it is and the value it
  // should have, with the failed checks it explains beneath it.
  const { named, alone } = underSuspects(failed, a.suspects);
  for (const { suspect: s, own } of named) {
    lines.push(`  ${c('31', '✗ 错误')} ${visible(cellLabel(s.cell, a.format === '2019' ? '2019' : '2021'))}：${visible(s.message)} ${c('2', `[${s.cell}]`)}`);
    for (const f of own) lines.push(line(f, true));
  }
  for (const f of alone) lines.push(line(f));
  return lines.join('\n') + '\n';
}
