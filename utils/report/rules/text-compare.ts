/** Shared by the text.* rules: a number stated in the prose against the same number in a table. */
import type { TableId } from '../formats.ts';
import type { FactKind } from '../narrative.ts';
import type { Finding } from '../types.ts';
import { cellValue, type Report, type Rule } from './rule.ts';

export interface Target {
  /** What the table calls it: 表三“本年新收”总计. */
  label: string;
  /** The cells whose sum the prose states. */
  ids: string[];
  table: TableId;
}

const quote = (s: string) => (s.length > 60 ? s.slice(0, 58) + '…' : s);

export function compareFacts(rule: Rule, report: Report, targets: Partial<Record<FactKind, Target>>): Finding[] {
  const facts = report.facts.filter((f) => f.kind in targets);
  if (facts.length === 0) {
    return [{ id: rule.id, severity: rule.severity, status: 'skip', message: '正文没有写明这一数字', cells: [] }];
  }
  return facts.map((fact): Finding => {
    const target = targets[fact.kind]!;
    const base = { id: rule.id, severity: rule.severity, cells: target.ids, table: target.table };
    const values = target.ids.map((id) => cellValue(report, id));
    if (values.every((v) => !v.known)) {
      return { ...base, status: 'skip', message: `正文写“${quote(fact.sentence)}”，但未读到${target.label}`, actual: fact.value };
    }
    const tableValue = values.reduce((s, v) => s + v.value, 0);
    if (tableValue === fact.value) {
      return { ...base, status: 'pass', message: `正文 ${fact.value} 件与${target.label}一致`, expected: tableValue, actual: fact.value };
    }
    return {
      ...base,
      status: 'fail',
      message: `正文写“${quote(fact.sentence)}”（${fact.value} 件），${target.label}为 ${tableValue}`,
      expected: tableValue,
      actual: fact.value,
    };
  });
}
