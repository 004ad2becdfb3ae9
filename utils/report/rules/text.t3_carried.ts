import { t3CellId } from '../formats.ts';
import { defineRule } from '../checks/rule.ts';
import { compareFacts, inTable } from '../checks/text-compare.ts';

const rule = defineRule({
  id: 'text.t3_carried',
  severity: 'warning',
  title: { zh: '正文“上年结转”件数与表三一致', en: 'Carried over: prose matches table 3' },
  explanation: {
    zh: '正文中“上年结转N件”（或“含上年度结转N件”），应等于表三“二、上年结转政府信息公开申请数量”的总计。',
    en: 'A sentence stating how many applications were carried over must match table 3, row 2, total.',
  },
  check: (report) => compareFacts(report, {
    carriedOver: { label: inTable('t3', '“上年结转”总计', 'total carried over'), ids: [t3CellId('carried_over', 'total')], table: 't3' },
  }),
});
export default rule;
