import { defineRule } from '../checks/rule.ts';
import { JUMP_FACTOR, jumps, previousSide, sideOfReport } from '../crossyear.ts';

/** Key figures that multiply or collapse year on year: often a typo, sometimes news. */
const rule = defineRule({
  id: 'crossyear.jump',
  severity: 'info',
  title: { zh: '主要数据与上一年度相比大幅变化', en: 'Key figures jump from last year' },
  explanation: {
    zh: `新收申请、办理总数、予以公开、行政复议、行政诉讼、行政许可、行政处罚、行政强制等数据比上一年度增加 ${JUMP_FACTOR} 倍以上或减少到五分之一以下时提示核实（两年都不足 10 的不提示）。`,
    en: `Flags key figures (new applications, handled, granted, reviews, lawsuits, licences, penalties, coercive measures) that grew more than ${JUMP_FACTOR}× or fell below a fifth of last year’s (not when both years are under 10).`,
  },
  check(report) {
    const previous = previousSide(report);
    return previous ? jumps(sideOfReport(report), previous) : [];
  },
});
export default rule;
