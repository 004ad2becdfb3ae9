import { T3_APPLICANT_COLUMN_IDS, T3_ROWS, t3CellId } from '../formats.ts';
import { checkIdentity, defineRule, skipMissingTable } from './rule.ts';

/** The 总计 column is the sum of the six applicant columns, row by row. */
const rule = defineRule({
  id: 't3.row_total',
  severity: 'error',
  table: 't3',
  title: { zh: '表三 总计列 = 各类申请人之和', en: 'Table 3: total column = sum of applicant columns' },
  explanation: {
    zh: '表三每一行的“总计”，应等于自然人与商业企业、科研机构、社会公益组织、法律服务机构、其他之和。',
    en: 'In every row of table 3, the total equals natural persons plus the five kinds of organisations.',
  },
  check(report) {
    const missing = skipMissingTable(rule, report, 't3', '表三');
    if (missing) return [missing];
    return T3_ROWS[report.format].map((row) =>
      checkIdentity(
        report,
        rule,
        { label: '总计', ids: [t3CellId(row.id, 'total')] },
        { label: '各类申请人之和', ids: T3_APPLICANT_COLUMN_IDS.map((c) => t3CellId(row.id, c)) },
        row.label,
      ),
    );
  },
});
export default rule;
