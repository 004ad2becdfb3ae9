import { t3CellId } from '../formats.ts';
import { defineRule } from '../checks/rule.ts';
import { compareFacts, inTable } from '../checks/text-compare.ts';

const rule = defineRule({
  id: 'text.t3_forward',
  severity: 'warning',
  title: { zh: '正文“结转下年度”件数与表三一致', en: 'Carried forward: prose matches table 3' },
  explanation: {
    zh: '正文中“结转下年度继续办理N件”，应等于表三“四、结转下年度继续办理”的总计。',
    en: 'A sentence stating how many applications are carried into next year must match table 3, row 4, total.',
  },
  check: (report) => compareFacts(report, {
    carryForward: { label: inTable('t3', '“结转下年度”总计', 'total carried forward'), ids: [t3CellId('carry_forward', 'total')], table: 't3' },
  }),
});
export default rule;
