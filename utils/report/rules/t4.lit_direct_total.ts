import { checkIdentities, defineRule } from '../checks/rule.ts';

const rule = defineRule({
  id: 't4.lit_direct_total',
  severity: 'error',
  table: 't4',
  title: { zh: '表四 行政诉讼（未经复议直接起诉）：总计 = 各结果之和', en: 'Table 4 — Litigation without prior review: total = sum of outcomes' },
  explanation: {
    zh: '表四中行政诉讼（未经复议直接起诉）的“总计”，应等于结果维持、结果纠正、其他结果、尚未审结四项之和。',
    en: 'In table 4, the litigation without prior review total equals maintained + corrected + other + pending.',
  },
  check: (report) => checkIdentities(report, rule.id),
});
export default rule;
