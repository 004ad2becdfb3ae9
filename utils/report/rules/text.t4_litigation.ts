import { t4CellId } from '../formats.ts';
import { defineRule } from '../checks/rule.ts';
import { compareFacts, inTable } from '../checks/text-compare.ts';

const rule = defineRule({
  id: 'text.t4_litigation',
  severity: 'warning',
  title: { zh: '正文“行政诉讼”件数与表四一致', en: 'Lawsuits: prose matches table 4' },
  explanation: {
    zh: '正文中“行政诉讼N件”，应等于表四“未经复议直接起诉”与“复议后起诉”两个总计之和。',
    en: 'A sentence stating the number of lawsuits must match table 4: direct plus after-review totals.',
  },
  check: (report) => compareFacts(report, {
    litigation: { label: inTable('t4', '“行政诉讼”总计', 'lawsuit totals'), ids: [t4CellId('lit_direct_total'), t4CellId('lit_after_review_total')], table: 't4' },
  }),
});
export default rule;
