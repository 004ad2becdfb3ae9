/**
 * The wrong cell and its right value, on seed 004's page: one wrong cell where a row and a
 * column cross, a cell of the 总计 column or the （七）总计 row, two independent wrong cells, and
 * the cases where no cell can be singled out (two in one row, blanks, 表四).
 */
import { describe, expect, it } from 'vitest';
import type { Values } from '../helpers/official.ts';
import { analyzeHtml, errors } from '../helpers/load.ts';
import { page004, VALUES_004 } from '../helpers/report004.ts';

const n = (id: string) => Number(VALUES_004[id]);
/** Seed 004 with 100 applications added to 4.无正当理由大量反复申请 from natural persons, every identity still holding. */
const MASSIVE_100: Values = {
  't3.not_processed_massive.natural': '100',
  't3.not_processed_massive.total': String(n('t3.not_processed_massive.total') + 100),
  't3.result_total.natural': String(n('t3.result_total.natural') + 100),
  't3.result_total.total': String(n('t3.result_total.total') + 100),
  't3.new_received.natural': String(n('t3.new_received.natural') + 100),
  't3.new_received.total': String(n('t3.new_received.total') + 100),
};
const analyze004 = (changes: Values) => analyzeHtml(page004({ ...MASSIVE_100, ...changes }));

describe('suspects', () => {
  it('the base page holds', () => {
    const a = analyze004({});
    expect(errors(a)).toEqual([]);
    expect(a.suspects).toEqual([]);
  });

  it('4.无正当理由大量反复申请 / 自然人 104 instead of 100: that cell, 应为 100, from its row and its column', () => {
    const a = analyze004({ 't3.not_processed_massive.natural': '104' });
    expect(a.suspects).toEqual([{
      cell: 't3.not_processed_massive.natural',
      actual: 104,
      expected: 100,
      explains: ['t3.row_total/not_processed_massive', 't3.result_total/natural'],
      message: '此格应为 100：按本行合计与自然人列合计推算，现为 104',
      messageEn: 'This cell should be 100, from the row total and the natural persons column total; it is 104',
    }]);
    const failed = errors(a);
    expect(failed.map((f) => f.check)).toEqual(['t3.result_total/natural', 't3.row_total/not_processed_massive']);
    expect(failed.every((f) => f.suspect === 't3.not_processed_massive.natural')).toBe(true);
    expect(failed[1].message).toBe(`「4.无正当理由大量反复申请」行：各类申请人之和 ${n('t3.not_processed_massive.total') + 104}，总计 ${n('t3.not_processed_massive.total') + 100}，相差 4`);
    expect(failed[1].messageEn).toBe(`Row “(5) 4. Mass repeated applications”: the sum of the applicant columns ${n('t3.not_processed_massive.total') + 104}, the total ${n('t3.not_processed_massive.total') + 100}, a difference of 4`);
  });

  it('a cell of the 总计 column, and the （七）总计 row, are named like any other', () => {
    const total = analyze004({ 't3.unable_not_held.total': '16' });
    expect(total.suspects.map((s) => [s.cell, s.expected, s.explains])).toEqual([['t3.unable_not_held.total', 15, ['t3.row_total/unable_not_held', 't3.result_total/total']]]);
    const row = analyze004({ 't3.result_total.legal': '3' });
    expect(row.suspects.map((s) => [s.cell, s.expected, s.explains.length])).toEqual([['t3.result_total.legal', n('t3.result_total.legal'), 3]]);
    const corner = analyze004({ 't3.result_total.total': '150' });
    expect(corner.suspects.map((s) => [s.cell, s.actual, s.expected])).toEqual([['t3.result_total.total', 150, n('t3.result_total.total') + 100]]);
  });

  it('two independent wrong cells: both, each with its value', () => {
    const a = analyze004({ 't3.granted.natural': '20', 't3.carry_forward.commercial': '2' });
    expect(a.suspects.map((s) => [s.cell, s.actual, s.expected]).sort()).toEqual([
      ['t3.carry_forward.commercial', 2, n('t3.carry_forward.commercial')],
      ['t3.granted.natural', 20, n('t3.granted.natural')],
    ]);
  });

  it('two wrong cells in one row: no cell explains it alone, none is named', () => {
    const a = analyze004({ 't3.granted.natural': String(n('t3.granted.natural') + 1), 't3.granted.commercial': String(n('t3.granted.commercial') + 1) });
    expect(errors(a).length).toBeGreaterThan(0);
    expect(a.suspects).toEqual([]);
    expect(errors(a).every((f) => f.suspect === undefined)).toBe(true);
  });

  it('blank cells are never suspects of arithmetic', () => {
    const a = analyze004({ 't3.granted.natural': '' });
    expect(a.suspects).toEqual([]);
    expect(errors(a)).toEqual([]);
  });

  it('表四: the group that is off and by how much, no suspect', () => {
    const a = analyze004({ 't4.cases.review_maintained': '1' });
    expect(a.suspects).toEqual([]);
    const [f] = errors(a);
    expect(f).toMatchObject({ check: 't4.review_total', expected: 1, actual: 0, cells: expect.arrayContaining(['t4.cases.review_total']) });
    expect(f.message).toBe('行政复议：各项之和 1，总计 0，相差 1');
    expect(f.messageEn).toBe('Administrative review: the sum of the outcomes 1, the total 0, a difference of 1');
  });
});
