import { cellLabel } from '../labels.ts';
import { defineRule, type Outcome } from '../checks/rule.ts';

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
    const bad: Outcome[] = [];
    for (const c of report.cells.values()) {
      if (c.uncertain) continue;
      const v = c.value;
      let problem: { zh: string; en: string } | null = null;
      if (v.kind === 'invalid') problem = { zh: `不是数字：“${v.text}”`, en: `is not a number: “${v.text}”` };
      else if (v.kind === 'number') {
        if (c.type === 'count' && v.value < 0) problem = { zh: `是负数：${v.value}`, en: `is negative: ${v.value}` };
        else if (c.type !== 'amount' && !Number.isInteger(v.value)) problem = { zh: `不是整数：${v.value}`, en: `is not a whole number: ${v.value}` };
      }
      if (problem) {
        bad.push({
          at: c.id, status: 'fail', table: c.table, cells: [c.id], expected: '非负整数', actual: c.raw,
          message: `${cellLabel(c.id, report.format, 'zh')} ${problem.zh}`,
          messageEn: `${cellLabel(c.id, report.format, 'en')} ${problem.en}`,
        });
      }
    }
    if (bad.length) return bad;
    if (report.cells.size === 0) return [{ status: 'skip', message: '没有读到表格数值，未校验', messageEn: 'No table values were read; not checked' }];
    return [{ status: 'pass', message: `${report.cells.size} 个单元格均为有效数值或空白`, messageEn: `All ${report.cells.size} cells hold valid numbers or are blank` }];
  },
});
export default rule;
