import { checkIdentities, defineRule } from '../checks/rule.ts';

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
  check: (report) => checkIdentities(report, rule.id),
});
export default rule;
