import { checkIdentities, defineRule } from '../checks/rule.ts';

/** The identity printed in 表三's own header: 第一项加第二项之和，等于第三项加第四项之和. */
const rule = defineRule({
  id: 't3.balance',
  severity: 'error',
  table: 't3',
  title: { zh: '表三 收支平衡：一+二 = 三(七)+四', en: 'Table 3 balance: new + carried over = handled + carried forward' },
  explanation: {
    zh: '表三表头注明：本年新收加上年结转，等于本年度办理结果（七）总计加结转下年度继续办理。每一列（自然人、各类法人或其他组织、总计）都应成立。',
    en: "Table 3's header note: new applications plus those carried over equal the total handled plus those carried into next year, in every column.",
  },
  check: (report) => checkIdentities(report, rule.id),
});
export default rule;
