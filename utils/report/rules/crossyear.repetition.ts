import { defineRule } from '../checks/rule.ts';
import { previousSide, REPETITION_LIMIT, repetitionOutcome, sideOfReport } from '../crossyear.ts';

/** How much of the prose is last year's, word for word (numbers aside). */
const rule = defineRule({
  id: 'crossyear.repetition',
  severity: 'warning',
  title: { zh: '正文与上一年度报告重复率', en: 'Prose repeated from last year’s report' },
  explanation: {
    zh: `正文中与同一机关上一年度报告逐句相同（数字不计）的文字所占比例；第三方评估对重复率超过 ${REPETITION_LIMIT * 100}% 的年报扣分。重复的句子可在页面上标出。`,
    en: `The share of the prose that repeats the same agency’s report of the previous year sentence for sentence (numbers aside); evaluators deduct points above ${REPETITION_LIMIT * 100}%. The repeated sentences can be highlighted on the page.`,
  },
  check(report) {
    const previous = previousSide(report);
    return previous ? [repetitionOutcome(sideOfReport(report), previous)] : [];
  },
});
export default rule;
