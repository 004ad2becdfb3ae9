import { RESULT_GROUPS, t3CellId, t3ResultDetailRows, type FormatId, type ResultGroup } from '../formats.ts';
import type { FactKind } from '../narrative.ts';
import { defineRule, type Report } from './rule.ts';
import { compareFacts, type Target } from './text-compare.ts';

const groupIds = (format: FormatId, group: ResultGroup) =>
  t3ResultDetailRows(format).filter((r) => r.group === group).map((r) => t3CellId(r.id, 'total'));

/** 予以公开及部分公开258件, 无法提供265件 …: the prose against the 总计 column of each group. */
const rule = defineRule({
  id: 'text.group_totals',
  severity: 'info',
  title: { zh: '正文中的办理结果件数与表三一致', en: 'Result counts in the prose match table 3' },
  explanation: {
    zh: '正文写到的“予以公开N件”“部分公开N件”“予以公开及部分公开N件”“不予公开N件”“无法提供N件”“不予处理N件”“其他处理N件”，应等于表三总计列中对应的行（或一组行）之和。',
    en: 'Counts of granted, partly granted, denied, unable, not processed and other results in the prose must equal the matching rows (or row groups) of table 3’s total column.',
  },
  check(report: Report) {
    const f = report.format;
    const target = (label: string, ids: string[]): Target => ({ label: `表三“${label}”总计`, ids, table: 't3' });
    const targets: Partial<Record<FactKind, Target>> = {
      granted: target('（一）予以公开', [t3CellId('granted', 'total')]),
      partial: target('（二）部分公开', [t3CellId('partial', 'total')]),
      grantedOrPartial: target('予以公开+部分公开', [t3CellId('granted', 'total'), t3CellId('partial', 'total')]),
      denied: target(RESULT_GROUPS.denied, groupIds(f, 'denied')),
      unable: target(RESULT_GROUPS.unable, groupIds(f, 'unable')),
      notProcessed: target(RESULT_GROUPS.not_processed, groupIds(f, 'not_processed')),
      otherProcessing: target(RESULT_GROUPS.other, groupIds(f, 'other')),
    };
    return compareFacts(rule, report, targets);
  },
});
export default rule;
