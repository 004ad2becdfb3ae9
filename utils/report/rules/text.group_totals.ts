import { RESULT_GROUPS, RESULT_GROUPS_EN, resultGroupCells, t3CellId, type ResultGroup } from '../formats.ts';
import type { FactKind } from '../narrative.ts';
import { defineRule } from '../checks/rule.ts';
import { compareFacts, inTable, type Target } from '../checks/text-compare.ts';

/** 予以公开及部分公开258件, 无法提供265件 …: the prose against the 总计 column of each group. */
const rule = defineRule({
  id: 'text.group_totals',
  severity: 'info',
  title: { zh: '正文中的办理结果件数与表三一致', en: 'Result counts in the prose match table 3' },
  explanation: {
    zh: '正文写到的“予以公开N件”“部分公开N件”“予以公开及部分公开N件”“不予公开N件”“无法提供N件”“不予处理N件”“其他处理N件”，应等于表三总计列中对应的行（或一组行）之和。',
    en: 'Counts of granted, partly granted, denied, unable, not processed and other results in the prose must equal the matching rows (or row groups) of table 3’s total column.',
  },
  check(report) {
    const f = report.format;
    const target = (zh: string, en: string, ids: string[]): Target => ({ label: inTable('t3', `“${zh}”总计`, `total of “${en}”`), ids, table: 't3' });
    const group = (g: ResultGroup) => target(RESULT_GROUPS[g], RESULT_GROUPS_EN[g], resultGroupCells(f, g, 'total'));
    const targets: Partial<Record<FactKind, Target>> = {
      granted: target('（一）予以公开', '(1) Granted', [t3CellId('granted', 'total')]),
      partial: target('（二）部分公开', '(2) Partly granted', [t3CellId('partial', 'total')]),
      grantedOrPartial: target('予以公开+部分公开', 'granted + partly granted', [t3CellId('granted', 'total'), t3CellId('partial', 'total')]),
      denied: group('denied'),
      unable: group('unable'),
      notProcessed: group('not_processed'),
      otherProcessing: group('other'),
    };
    return compareFacts(report, targets);
  },
});
export default rule;
