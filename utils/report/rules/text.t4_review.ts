import { t4CellId } from '../formats.ts';
import { defineRule } from '../checks/rule.ts';
import { compareFacts } from '../checks/text-compare.ts';

const rule = defineRule({
  id: 'text.t4_review',
  severity: 'warning',
  title: { zh: '正文“行政复议”件数与表四一致', en: 'Administrative reviews: prose matches table 4' },
  explanation: {
    zh: '正文中“行政复议N件”，应等于表四行政复议的总计；“行政复议和行政诉讼N件”应等于表四三个总计之和。',
    en: 'A sentence stating the number of administrative reviews must match table 4 (review total); "reviews and lawsuits N" matches all three totals.',
  },
  check: (report) => compareFacts(report, {
    review: { label: { zh: '表四“行政复议”总计', en: 'table 4’s review total' }, ids: [t4CellId('review_total')], table: 't4' },
    reviewAndLitigation: { label: { zh: '表四行政复议与行政诉讼总计之和', en: 'table 4’s review and lawsuit totals' }, ids: [t4CellId('review_total'), t4CellId('lit_direct_total'), t4CellId('lit_after_review_total')], table: 't4' },
  }),
});
export default rule;
