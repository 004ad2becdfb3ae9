import { cellLabel } from '../formats.ts';
import type { Finding } from '../types.ts';
import { defineRule } from './rule.ts';

/** Counts are whole numbers ≥ 0; 本年增/减 may be signed; amounts may have decimals. */
const rule = defineRule({
  id: 'cells.non_negative_integer',
  severity: 'error',
  title: { zh: '数量须为非负整数', en: 'Counts are non-negative integers' },
  explanation: {
    zh: '表三、表四和表二的件数、数量应为不小于 0 的整数；不能是负数、小数或文字。（表二的“本年增/减”可以为负，金额可以有小数。）',
    en: 'Counts in tables 2–4 must be whole numbers ≥ 0, not negative, fractional or text (2019 deltas may be negative; amounts may be decimal).',
  },
  check(report) {
    const bad: Finding[] = [];
    for (const c of report.cells.values()) {
      if (c.uncertain) continue;
      const v = c.value;
      let problem: string | null = null;
      if (v.kind === 'invalid') problem = `不是数字：“${v.text}”`;
      else if (v.kind === 'number') {
        if (c.type === 'count' && v.value < 0) problem = `负数：${v.value}`;
        else if (c.type !== 'amount' && !Number.isInteger(v.value)) problem = `不是整数：${v.value}`;
      }
      if (problem) {
        bad.push({
          id: rule.id, severity: rule.severity, status: 'fail', table: c.table, cells: [c.id],
          message: `${cellLabel(c.id, report.format)} ${problem}`, expected: '非负整数', actual: c.raw,
        });
      }
    }
    if (bad.length) return bad;
    if (report.cells.size === 0) return [{ id: rule.id, severity: rule.severity, status: 'skip', message: '没有读到表格数值，未校验', cells: [] }];
    return [{ id: rule.id, severity: rule.severity, status: 'pass', message: `${report.cells.size} 个单元格均为有效数值或空白`, cells: [] }];
  },
});
export default rule;
