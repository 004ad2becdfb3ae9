import { TABLE_IDS } from '../formats.ts';
import { cellLabel } from '../labels.ts';
import { defineRule } from '../checks/rule.ts';

/** Rows whose digits ran together and could be split in several ways: we do not guess. */
const rule = defineRule({
  id: 'cells.uncertain_split',
  severity: 'warning',
  title: { zh: '数字连写，无法唯一拆分', en: 'Run-together digits with several possible splits' },
  explanation: {
    zh: '页面上表格被压平，一行的数字连在一起（如“5000005”）。按列数和勾稽关系拆分后仍有多种可能的行，数值记为未知，请对照原表核实。',
    en: 'The table was flattened and a row’s digits run together. Where more than one split fits the columns and identities, the values are left unknown.',
  },
  check(report) {
    const rows = TABLE_IDS.flatMap((t) => report.tables[t].uncertainRows);
    const flattened = TABLE_IDS.some((t) => report.tables[t].source === 'flattened');
    if (!flattened) return [{ status: 'skip', message: '表格不是连写数字，无需拆分', messageEn: 'No run-together digits to split' }];
    if (rows.length === 0) return [{ status: 'pass', message: '连写的数字均已唯一拆分', messageEn: 'Every run of digits was split in exactly one way' }];
    const cells = [...report.cells.values()].filter((c) => c.uncertain);
    return rows.map((row) => {
      const own = cells.filter((c) => c.id.startsWith(row + '.'));
      const first = own[0]?.id ?? row;
      // The row in words: the label of its first cell without the column.
      const rowZh = cellLabel(first, report.format, 'zh').replace(/·[^·」]*$/, '');
      const rowEn = cellLabel(first, report.format, 'en').replace(/, [^,”]*$/, '');
      const digits = own[0]?.raw ?? '';
      return {
        at: row, status: 'fail' as const, table: own[0]?.table, cells: own.map((c) => c.id), actual: digits || null, expected: null,
        message: `${rowZh} 的数字“${digits}”有多种拆分方式，数值未采用，请核对原表`,
        messageEn: `${rowEn}: the digits “${digits}” can be split in several ways; not used, check the original table`,
      };
    });
  },
});
export default rule;
