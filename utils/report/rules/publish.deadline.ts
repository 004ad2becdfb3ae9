import { defineRule } from '../checks/rule.ts';
import { deadlineOf, DEFAULT_DEADLINES } from '../published.ts';

/** 条例 第四十九条: departments publish last year's report by 1月31日, governments by 3月31日. */
const rule = defineRule({
  id: 'publish.deadline',
  severity: 'warning',
  title: { zh: '按时公布年度报告', en: 'Published by the deadline' },
  explanation: {
    zh: '《政府信息公开条例》第四十九条：县级以上人民政府部门应于每年1月31日前、县级以上地方人民政府应于每年3月31日前公布上一年度的年度报告（本地要求更早的，可在设置中修改）。发布日期读自页面（发布时间、PubDate 等）；读不出时不核对。',
    en: 'Regulations art. 49: government departments publish last year’s report by 31 January, governments by 31 March (earlier local deadlines can be set). The date is read from the page (publication date, PubDate meta); when it cannot be read the check is skipped.',
  },
  check(report) {
    const year = report.detection.year;
    const published = typeof report.context?.publishedAt === 'string' ? report.context.publishedAt : null;
    if (!year) return [{ status: 'skip', message: '未能确定报告年度，未核对公开时限', messageEn: 'The report’s year is unknown; deadline not checked' }];
    if (!published) return [{ status: 'skip', message: '未能从页面读出发布日期，未核对公开时限', messageEn: 'No publication date on the page; deadline not checked' }];
    const d = deadlineOf(report.detection.agency ?? report.detection.title, year, { ...DEFAULT_DEADLINES, ...report.context?.deadlines });
    const who = d.kind === 'government' ? '人民政府' : '政府部门';
    const whoEn = d.kind === 'government' ? 'governments' : 'departments';
    const base = { expected: `≤ ${d.date}`, actual: published };
    return published <= d.date
      ? [{ ...base, status: 'pass', message: `发布日期 ${published}，在公开时限 ${d.date} 之前（${who}年报）`, messageEn: `Published ${published}, by the deadline ${d.date} for ${whoEn}` }]
      : [{ ...base, status: 'fail', message: `发布日期 ${published} 晚于公开时限 ${d.date}（${who}年报应于次年${d.label}前公布）`, messageEn: `Published ${published}, after the deadline ${d.date} for ${whoEn}` }];
  },
});
export default rule;
