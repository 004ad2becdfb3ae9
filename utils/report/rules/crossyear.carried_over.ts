import { defineRule } from '../checks/rule.ts';
import { carriedOver, previousSide, sideOfReport } from '../crossyear.ts';

/** 上年结转 of year N is last year's 结转下年度继续办理: the library holds last year's report. */
const rule = defineRule({
  id: 'crossyear.carried_over',
  severity: 'warning',
  table: 't3',
  title: { zh: '上年结转与上一年度结转下年度一致', en: 'Carried over matches last year’s carried forward' },
  explanation: {
    zh: '表三“二、上年结转政府信息公开申请数量”应等于同一机关上一年度报告表三“四、结转下年度继续办理”，逐列核对。仅在报告库中有同一机关、同一网站上一年度的报告时核对。',
    en: 'Table 3’s applications carried over from last year should equal, column by column, the applications carried forward in the same agency’s report of the previous year. Checked when the library holds that report (same agency, same site).',
  },
  check(report) {
    const previous = previousSide(report);
    return previous ? carriedOver(sideOfReport(report), previous) : [];
  },
});
export default rule;
