/** Shared by the text.* rules: a number stated in the prose against the same number in a table. */
import { identities, type Identity, type TableId, type Words } from '../formats.ts';
import { TABLE_NAMES } from '../labels.ts';
import type { FactKind } from '../narrative.ts';
import { cellValue, type Outcome, type Report } from './rule.ts';

export interface Target {
  /** What the table calls it: 表三“本年新收”总计. */
  label: Words;
  /** The cells whose sum the prose states. */
  ids: string[];
  table: TableId;
  /** Other cells worth naming when the numbers differ (尚未审结 beside 结果维持). */
  mention?: { label: Words; id: string }[];
}

/** 表三“本年新收”总计 / Table 3’s total of new applications: the table's name from labels.ts. */
export const inTable = (table: TableId, zh: string, en: string): Words => ({ zh: `${TABLE_NAMES[table].zh}${zh}`, en: `${TABLE_NAMES[table].en}’s ${en}` });

const quote = (s: string) => (s.length > 60 ? s.slice(0, 58) + '…' : s);

/** The identity whose total is this one cell, by the row or the group (not by a column). */
function totalOf(report: Report, id: string): Identity | undefined {
  return identities(report.format).find((i) => i.total.cells.length === 1 && i.total.cells[0] === id && (i.rule === 't3.row_total' || i.table === 't4'));
}

/**
 * What the table says for these cells: their sum, where a blank total stands for the sum of its
 * row's parts (258 + 12 + 1 + 1 + 3, never 0); null when a blank has nothing to stand for it.
 */
function tableValue(report: Report, ids: string[]): { value: number | null; bySum: boolean } {
  let value = 0;
  let bySum = false;
  for (const id of ids) {
    const v = cellValue(report, id);
    if (v.known && !v.blank) {
      value += v.value;
      continue;
    }
    const identity = v.known ? totalOf(report, id) : undefined;
    const parts = identity?.parts.cells.map((p) => cellValue(report, p)) ?? [];
    if (!parts.some((p) => p.known && !p.blank)) return { value: null, bySum };
    value += parts.reduce((s, p) => s + p.value, 0);
    bySum = true;
  }
  return { value, bySum };
}

/** One outcome per sentence that states one of the targets' numbers (at: its index). */
export function compareFacts(report: Report, targets: Partial<Record<FactKind, Target>>): Outcome[] {
  const facts = report.facts.filter((f) => f.kind in targets);
  if (facts.length === 0) {
    return [{ status: 'skip', message: '正文没有写明这一数字', messageEn: 'The text does not state this number' }];
  }
  return facts.map((fact, i): Outcome => {
    const target = targets[fact.kind]!;
    const base = { at: String(i), cells: target.ids, table: target.table };
    const said = `正文写“${quote(fact.sentence)}”（${fact.value} 件）`;
    const saidEn = `The text says ${fact.value} (“${quote(fact.sentence)}”)`;
    if (target.ids.every((id) => !cellValue(report, id).known)) {
      return { ...base, status: 'skip', message: `${said}，但未读到${target.label.zh}`, messageEn: `${saidEn}, but ${target.label.en} was not read`, actual: fact.value };
    }
    const { value, bySum } = tableValue(report, target.ids);
    if (value === null) {
      return {
        ...base, status: 'skip', incomplete: true, actual: fact.value,
        message: `${said}，${target.label.zh}空白，未能核对`,
        messageEn: `${saidEn}, but ${target.label.en} is blank; not checked`,
      };
    }
    // A blank total was replaced by the sum of its row: say so.
    const what = bySum ? { zh: `${target.label.zh}空白，各项之和`, en: `${target.label.en} is blank; its parts add up to` } : { zh: target.label.zh, en: `${target.label.en} is` };
    if (value === fact.value) {
      return {
        ...base, status: 'pass', expected: value, actual: fact.value,
        message: `正文 ${fact.value} 件与${bySum ? `${target.label.zh}（空白，按各项之和）` : target.label.zh}一致`,
        messageEn: `The text’s ${fact.value} matches ${target.label.en}${bySum ? ' (blank; the sum of its parts)' : ''}`,
      };
    }
    const extra = (target.mention ?? []).flatMap((m) => {
      const v = cellValue(report, m.id);
      return v.known && !v.blank && v.value > 0 ? [{ zh: `${m.label.zh} ${v.value}`, en: `${m.label.en} ${v.value}` }] : [];
    });
    return {
      ...base, status: 'fail', expected: value, actual: fact.value,
      message: `${said}，${what.zh}为 ${value}${extra.map((e) => `，${e.zh}`).join('')}`,
      messageEn: `${saidEn}; ${what.en} ${value}${extra.map((e) => `, ${e.en}`).join('')}`,
    };
  });
}
