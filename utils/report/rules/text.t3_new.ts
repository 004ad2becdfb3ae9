import { t3CellId } from '../formats.ts';
import { defineRule } from '../checks/rule.ts';
import { compareFacts, inTable } from '../checks/text-compare.ts';

const rule = defineRule({
  id: 'text.t3_new',
  severity: 'warning',
  title: { zh: '正文“收到申请”件数与表三一致', en: 'Applications received: prose matches table 3' },
  explanation: {
    zh: '正文中“本年新收/收到/受理政府信息公开申请N件”，应等于表三“一、本年新收政府信息公开申请数量”的总计。',
    en: 'A sentence stating how many applications were received must match table 3, row 1, total.',
  },
  check: (report) => compareFacts(report, {
    newReceived: { label: inTable('t3', '“本年新收”总计', 'total of new applications'), ids: [t3CellId('new_received', 'total')], table: 't3' },
  }),
});
export default rule;
