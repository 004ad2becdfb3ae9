/** Shared by the text.* rules: a number stated in the prose against the same number in a table. */
import type { TableId, Words } from '../formats.ts';
import type { FactKind } from '../narrative.ts';
import { cellValue, type Outcome, type Report } from './rule.ts';

export interface Target {
  /** What the table calls it: 表三“本年新收”总计. */
  label: Words;
  /** The cells whose sum the prose states. */
  ids: string[];
  table: TableId;
}

const quote = (s: string) => (s.length > 60 ? s.slice(0, 58) + '…' : s);

/** One outcome per sentence that states one of the targets' numbers (at: its index). */
export function compareFacts(report: Report, targets: Partial<Record<FactKind, Target>>): Outcome[] {
  const facts = report.facts.filter((f) => f.kind in targets);
  if (facts.length === 0) {
    return [{ status: 'skip', message: '正文没有写明这一数字', messageEn: 'The text does not state this number' }];
  }
  return facts.map((fact, i): Outcome => {
    const target = targets[fact.kind]!;
    const base = { at: String(i), cells: target.ids, table: target.table };
    const values = target.ids.map((id) => cellValue(report, id));
    const said = `正文写“${quote(fact.sentence)}”（${fact.value} 件）`;
    const saidEn = `The text says ${fact.value} (“${quote(fact.sentence)}”)`;
    if (values.every((v) => !v.known)) {
      return { ...base, status: 'skip', message: `${said}，但未读到${target.label.zh}`, messageEn: `${saidEn}, but ${target.label.en} was not read`, actual: fact.value };
    }
    const tableValue = values.reduce((s, v) => s + v.value, 0);
    if (tableValue === fact.value) {
      return { ...base, status: 'pass', message: `正文 ${fact.value} 件与${target.label.zh}一致`, messageEn: `The text’s ${fact.value} matches ${target.label.en}`, expected: tableValue, actual: fact.value };
    }
    return {
      ...base, status: 'fail', expected: tableValue, actual: fact.value,
      message: `${said}，${target.label.zh}为 ${tableValue}`,
      messageEn: `${saidEn}; ${target.label.en} is ${tableValue}`,
    };
  });
}
