import { sectionText } from '../narrative.ts';
import { normalize } from '../normalize.ts';
import { defineRule } from '../checks/rule.ts';

const MIN_CHARS = 20;

/** 五 must say what went wrong and what will change; 无 is not an answer. */
const rule = defineRule({
  id: 'sections.s5_nonempty',
  severity: 'warning',
  title: { zh: '“存在的主要问题及改进情况”有实质内容', en: 'Section 5 (problems and improvements) has content' },
  explanation: {
    zh: '第五部分应写明工作中存在的主要问题和改进措施。只写“无”或寥寥数字，评估中通常会扣分。',
    en: 'Section 5 should describe the main problems and the improvements; "none" or a few words is not enough.',
  },
  check(report) {
    const text = sectionText(report.lines, report.sections, 's5');
    if (text === null) return [{ status: 'skip', message: '未找到第五部分', messageEn: 'Section 5 was not found' }];
    const n = normalize(text).replace(/[。,;:、]/g, '').length;
    if (n < MIN_CHARS) {
      return [{ status: 'fail', expected: `≥ ${MIN_CHARS} 字`, actual: n, message: `第五部分只有 ${n} 个字`, messageEn: `Section 5 has only ${n} characters` }];
    }
    return [{ status: 'pass', message: `第五部分 ${n} 字`, messageEn: `Section 5 has ${n} characters` }];
  },
});
export default rule;
