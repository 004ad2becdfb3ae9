import { sectionText } from '../narrative.ts';
import { normalize } from '../normalize.ts';
import { defineRule } from '../checks/rule.ts';

/** The year in the title, the statistics period and the overview should be the same. */
const rule = defineRule({
  id: 'year.consistency',
  severity: 'warning',
  title: { zh: '报告年度前后一致', en: 'The report year is stated consistently' },
  explanation: {
    zh: '标题中的年度、“统计期限自某年1月1日至12月31日”中的年度、“一、总体情况”中写的工作年度应一致。总体情况通篇写上一年，往往是照抄上年报告。',
    en: 'The year in the title, in the statistics period and in the overview should agree; an overview about the previous year often means last year’s text was copied.',
  },
  check(report) {
    const year = report.detection.year;
    if (year === null) return [{ status: 'skip', message: '未能确定报告年度', messageEn: 'The report year could not be determined' }];
    const all = report.lines.map((l) => l.norm).join('\n');
    const period = /(?:统计|期限|时限|期间)[^。]{0,20}?(20\d{2})年1月1日[^。]{0,12}?(?:(20\d{2})年)?12月31日/.exec(all);
    if (period) {
      const from = Number(period[1]);
      const to = period[2] ? Number(period[2]) : from;
      if (from !== year || to !== year) {
        return [{
          status: 'fail', expected: year, actual: from !== year ? from : to,
          message: `报告年度为 ${year} 年，统计期限却写作 ${from} 年至 ${to} 年`,
          messageEn: `The report is for ${year}, but the statistics period says ${from} to ${to}`,
        }];
      }
    }
    const overview = sectionText(report.lines, report.sections, 's1');
    if (overview) {
      const counts = new Map<number, number>();
      for (const m of normalize(overview).matchAll(/(20\d{2})年(?!\d{0,2}月\d{0,2}日前)/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
      const own = counts.get(year) ?? 0;
      const prev = counts.get(year - 1) ?? 0;
      if (prev >= 2 && prev > own) {
        return [{
          status: 'fail', expected: year, actual: year - 1,
          message: `“一、总体情况”中 ${year - 1} 年出现 ${prev} 次、${year} 年只有 ${own} 次，可能沿用了上年的报告`,
          messageEn: `The overview names ${year - 1} ${prev} times and ${year} only ${own} times; last year’s text may have been reused`,
        }];
      }
    }
    return [{ status: 'pass', message: `报告年度 ${year} 年，前后一致`, messageEn: `The year ${year} is stated consistently` }];
  },
});
export default rule;
