import { TABLE_IDS } from '../formats.ts';
import { TABLE_NAMES, TABLE_TITLES } from '../labels.ts';
import { defineRule, type Outcome } from '../checks/rule.ts';

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
    return TABLE_IDS.map((t): Outcome => {
      const cells = [...report.cells.values()].filter((c) => c.table === t);
      const zh = `${TABLE_NAMES[t].zh}（${TABLE_TITLES[t].zh}）`;
      const en = `${TABLE_NAMES[t].en} (${TABLE_TITLES[t].en})`;
      const base = { at: t, table: t };
      if (!report.tables[t].found) return { ...base, status: 'fail', message: `未找到${zh}`, messageEn: `${en} was not found` };
      const filled = cells.filter((c) => c.value.kind === 'number' || c.value.kind === 'invalid').length;
      if (filled === 0 && !cells.some((c) => c.uncertain)) {
        return { ...base, status: 'fail', cells: cells.map((c) => c.id), message: `${zh}没有填写任何数字`, messageEn: `${en} holds no numbers at all` };
      }
      return { ...base, status: 'pass', message: `${zh}：读到 ${cells.length} 个单元格`, messageEn: `${en}: ${cells.length} cells read` };
    });
  },
});
export default rule;
