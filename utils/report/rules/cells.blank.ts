import { defineRule } from './rule.ts';

/** Blank cells are often meant as 0; list them so the author can fill them in. */
const rule = defineRule({
  id: 'cells.blank',
  severity: 'info',
  title: { zh: '空白单元格', en: 'Blank cells' },
  explanation: {
    zh: '表格中留空、或填写“—”“/”“无”的单元格。统计表应填写数字，没有发生的填 0。计算时空白按 0 计，但会另行标出。',
    en: 'Cells left empty or written as —, / or 无. Statistical tables should hold numbers (0 when nothing happened); blanks count as 0 in sums but are listed.',
  },
  check(report) {
    const blanks = [...report.cells.values()].filter((c) => !c.uncertain && (c.value.kind === 'blank' || c.value.kind === 'placeholder'));
    if (report.cells.size === 0) return [{ id: rule.id, severity: rule.severity, status: 'skip', message: '没有读到表格数值，未校验', cells: [] }];
    if (blanks.length === 0) return [{ id: rule.id, severity: rule.severity, status: 'pass', message: '没有空白单元格', cells: [] }];
    const byTable = (t: string) => blanks.filter((c) => c.table === t).length;
    const parts = (['t2', 't3', 't4'] as const).filter((t) => byTable(t) > 0).map((t) => `${{ t2: '表二', t3: '表三', t4: '表四' }[t]} ${byTable(t)} 个`);
    return [{
      id: rule.id, severity: rule.severity, status: 'fail', cells: blanks.map((c) => c.id),
      message: `${blanks.length} 个单元格为空白或“—/无”（${parts.join('，')}），计算时按 0 计`,
      actual: blanks.length, expected: 0,
    }];
  },
});
export default rule;
