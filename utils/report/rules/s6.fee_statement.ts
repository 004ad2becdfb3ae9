import { defineRule } from '../checks/rule.ts';
import { s6MentionsFee } from '../checks/s6-fee.ts';

/** Since 2021, 六 reports whether 信息处理费 was collected (国办函〔2020〕109号). */
const rule = defineRule({
  id: 's6.fee_statement',
  severity: 'warning',
  title: { zh: '第六部分说明信息处理费收取情况', en: 'Section 6 states the information-processing fee' },
  explanation: {
    zh: '按 2021 年格式，“六、其他需要报告的事项”应报告收取信息处理费的情况（收取的写明件数和金额，未收取的写明未收取）。注意：表二的“行政事业性收费”是另一回事。',
    en: 'Under the 2021 format, section 6 reports whether information-processing fees were collected. Table 2’s administrative fees are a different thing.',
  },
  check(report) {
    if (report.format !== '2021') return [{ status: 'skip', message: '2019 年格式的报告无此要求', messageEn: 'Not required in the 2019 format' }];
    const mentions = s6MentionsFee(report);
    if (mentions === null) return [{ status: 'skip', message: '未找到第六部分', messageEn: 'Section 6 was not found' }];
    if (!mentions) {
      return [{ status: 'fail', expected: '说明信息处理费', actual: '未提及', message: '第六部分没有说明信息处理费的收取情况', messageEn: 'Section 6 does not say whether information-processing fees were collected' }];
    }
    return [{ status: 'pass', message: '第六部分说明了信息处理费的收取情况', messageEn: 'Section 6 states the information-processing fees' }];
  },
});
export default rule;
