import { checkIdentities, defineRule } from '../checks/rule.ts';

/** （七）总计 is the sum of the result rows （一）…（六）, column by column. */
const rule = defineRule({
  id: 't3.result_total',
  severity: 'error',
  table: 't3',
  title: { zh: '表三（七）总计 = （一）至（六）之和', en: 'Table 3: (7) total = sum of results (1)–(6)' },
  explanation: {
    zh: '本年度办理结果的（七）总计，应等于（一）予以公开、（二）部分公开、（三）不予公开、（四）无法提供、（五）不予处理、（六）其他处理各行之和，每一列都应成立。',
    en: 'The total of the year’s results equals the sum of every result row (granted, partial, denied, unable, not processed, other), in every column.',
  },
  check: (report) => checkIdentities(report, rule.id),
});
export default rule;
