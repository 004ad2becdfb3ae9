/** The three 总计 groups of 表四 share one check: 总计 = 维持 + 纠正 + 其他 + 尚未审结. */
import { T4_COLUMNS, T4_GROUPS, t4CellId, type T4Group } from '../formats.ts';
import { checkIdentity, skipMissingTable, type Rule, type Report } from './rule.ts';

export function checkT4Group(rule: Rule, report: Report, group: T4Group['id']) {
  const missing = skipMissingTable(rule, report, 't4', '表四');
  if (missing) return [missing];
  const cols = T4_COLUMNS.filter((c) => c.group === group);
  const label = T4_GROUPS.find((g) => g.id === group)!.label;
  return [
    checkIdentity(
      report,
      rule,
      { label: '总计', ids: cols.filter((c) => c.outcome === 'total').map((c) => t4CellId(c.id)) },
      { label: '维持+纠正+其他+尚未审结', ids: cols.filter((c) => c.outcome !== 'total').map((c) => t4CellId(c.id)) },
      label,
    ),
  ];
}
