import type { TableId } from '../formats.ts';
import type { Finding } from '../types.ts';
import { defineRule } from './rule.ts';

const NAMES: Record<TableId, string> = { t2: '表二（主动公开政府信息情况）', t3: '表三（收到和处理政府信息公开申请情况）', t4: '表四（行政复议、行政诉讼情况）' };

/** A report without its tables, or with tables left empty, cannot be checked: say so. */
const rule = defineRule({
  id: 'tables.present',
  severity: 'warning',
  title: { zh: '统计表齐全且已填写', en: 'Statistical tables present and filled in' },
  explanation: {
    zh: '年度报告应包含表二、表三、表四三张统计表并填写数字。找不到或全部为空的表，其勾稽关系无法校验（有时表格以图片发布，或网页转换时丢失）。',
    en: 'A report must contain tables 2, 3 and 4 with numbers. Missing or empty tables cannot be checked (sometimes they were published as images or lost in conversion).',
  },
  check(report) {
    return (['t2', 't3', 't4'] as TableId[]).map((t): Finding => {
      const cells = [...report.cells.values()].filter((c) => c.table === t);
      const base = { id: rule.id, severity: rule.severity, table: t, cells: [] as string[] };
      if (!report.tables[t].found) return { ...base, status: 'fail', message: `未找到${NAMES[t]}` };
      const filled = cells.filter((c) => c.value.kind === 'number' || c.value.kind === 'invalid').length;
      if (filled === 0 && !cells.some((c) => c.uncertain)) return { ...base, status: 'fail', message: `${NAMES[t]}没有填写任何数字`, cells: cells.map((c) => c.id) };
      return { ...base, status: 'pass', message: `${NAMES[t]}：读到 ${cells.length} 个单元格` };
    });
  },
});
export default rule;
