import { t4CellId } from '../formats.ts';
import { defineRule } from '../checks/rule.ts';
import { compareFacts, inTable } from '../checks/text-compare.ts';

const rule = defineRule({
  id: 'text.t4_review',
  severity: 'warning',
  title: { zh: '正文“行政复议”件数与表四一致', en: 'Administrative reviews: prose matches table 4' },
  explanation: {
    zh: '正文中“行政复议N件”，应等于表四行政复议的总计；“行政复议N件，均获维持”，表四行政复议的结果维持应为 N（没有尚未审结或纠正的）；“行政复议和行政诉讼N件”应等于表四三个总计之和。总计空白时，按该组各项之和核对。',
    en: 'A sentence stating the number of administrative reviews must match table 4 (review total); "N reviews, all upheld" means table 4 counts N upheld (none pending or corrected); "reviews and lawsuits N" matches all three totals. A blank total is taken as the sum of its group.',
  },
  check: (report) => compareFacts(report, {
    review: { label: inTable('t4', '“行政复议”总计', 'review total'), ids: [t4CellId('review_total')], table: 't4' },
    // 行政复议7件，均获维持: every review upheld, none pending.
    reviewMaintained: {
      label: inTable('t4', '“行政复议”结果维持', 'reviews upheld'), ids: [t4CellId('review_maintained')], table: 't4',
      mention: [{ label: { zh: '尚未审结', en: 'pending' }, id: t4CellId('review_pending') }, { label: { zh: '结果纠正', en: 'corrected' }, id: t4CellId('review_corrected') }],
    },
    reviewAndLitigation: { label: inTable('t4', '行政复议与行政诉讼总计之和', 'review and lawsuit totals'), ids: [t4CellId('review_total'), t4CellId('lit_direct_total'), t4CellId('lit_after_review_total')], table: 't4' },
  }),
});
export default rule;
