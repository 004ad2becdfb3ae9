import { t3CellId } from '../formats.ts';
import { defineRule } from '../checks/rule.ts';
import { compareFacts, inTable } from '../checks/text-compare.ts';

const rule = defineRule({
  id: 'text.t3_result_total',
  severity: 'warning',
  title: { zh: '正文“办结/答复申请”件数与表三一致', en: 'Applications handled: prose matches table 3' },
  explanation: {
    zh: '正文中关于依申请公开的“办结/答复/办理N件”，应等于表三“（七）总计”的总计列。',
    en: 'A sentence about applications handled (办结/答复) must match table 3, (7) total.',
  },
  check: (report) => compareFacts(report, {
    resultTotal: { label: inTable('t3', '“（七）总计”', '(7) total'), ids: [t3CellId('result_total', 'total')], table: 't3' },
  }),
});
export default rule;
