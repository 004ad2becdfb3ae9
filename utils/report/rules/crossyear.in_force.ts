import { defineRule } from '../checks/rule.ts';
import { inForce, previousSide, sideOfReport } from '../crossyear.ts';

/** 现行有效 carries on from last year: + 本年制发 − 本年废止 (2021 format). */
const rule = defineRule({
  id: 'crossyear.in_force',
  severity: 'warning',
  table: 't2',
  title: { zh: '现行有效件数与上一年度衔接', en: 'In-force counts follow from last year' },
  explanation: {
    zh: '2021年格式表二第二十条第（一）项：本年现行有效件数 = 上一年度现行有效件数 + 本年制发件数 − 本年废止件数，规章和行政规范性文件分别核对。仅在报告库中有同一机关上一年度的报告时核对。',
    en: 'Table 2, item 1 (2021 format): this year’s regulations and normative documents in force = last year’s in force + made this year − repealed this year. Checked when the library holds last year’s report of the same agency.',
  },
  check(report) {
    const previous = previousSide(report);
    return previous ? inForce(sideOfReport(report), previous) : [];
  },
});
export default rule;
