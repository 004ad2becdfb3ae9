/**
 * The prose against the tables when a total is blank (the sum of the row's parts stands for
 * it, never 0), and "复议7件，均获维持" against 表四's 维持 and 尚未审结.
 */
import { describe, expect, it } from 'vitest';
import { T3_APPLICANT_COLUMN_IDS, t3CellId } from '../../utils/report/formats.ts';
import type { Analysis } from '../../utils/report/types.ts';
import type { Values } from '../helpers/official.ts';
import { analyzeHtml } from '../helpers/load.ts';
import { page004 } from '../helpers/report004.ts';

/** 本年新收 258 + 12 + 1 + 1 + 3 from the applicant kinds, its 总计 left blank. */
const NEW_275: Values = {
  ...Object.fromEntries(T3_APPLICANT_COLUMN_IDS.map((c, i) => [t3CellId('new_received', c), String([258, 12, 1, 1, 3, 0][i])])),
  't3.new_received.total': '',
};
const t3New = (a: Analysis) => a.findings.filter((f) => f.id === 'text.t3_new');
const reviews = (a: Analysis) => a.findings.filter((f) => f.id === 'text.t4_review');

describe('prose against the tables', () => {
  it('a blank 总计: the sentence is compared with the sum of its row (275), never with 0', () => {
    const wrong = analyzeHtml(page004(NEW_275, { intro: '2021年，我局共收到政府信息公开申请258件。' }));
    const [f] = t3New(wrong);
    expect(f).toMatchObject({ status: 'fail', expected: 275, actual: 258, cells: ['t3.new_received.total'] });
    expect(f.message).toBe('正文写“2021年,我局共收到政府信息公开申请258件。”（258 件），表三“本年新收”总计空白，各项之和为 275');
    expect(f.messageEn).toBe('The text says 258 (“2021年,我局共收到政府信息公开申请258件。”); Table 3’s total of new applications is blank; its parts add up to 275');
    expect(f.message).not.toMatch(/为 0/);

    const right = analyzeHtml(page004(NEW_275, { intro: '2021年，我局共收到政府信息公开申请275件。' }));
    expect(t3New(right)).toMatchObject([{ status: 'pass', expected: 275, actual: 275 }]);
  });

  it('a blank 总计 whose row is blank too: not checked (incomplete), not compared with 0', () => {
    const blank = Object.fromEntries([...T3_APPLICANT_COLUMN_IDS, 'total'].map((c) => [t3CellId('new_received', c), '']));
    const a = analyzeHtml(page004(blank, { intro: '2021年，我局共收到政府信息公开申请49件。' }));
    expect(t3New(a)).toMatchObject([{ status: 'skip', incomplete: true, actual: 49 }]);
  });

  it('"行政复议7件，均获维持" against 表四: all 7 upheld passes; 5 upheld and 2 pending fails, naming 尚未审结', () => {
    const t4 = (maintained: number, pending: number): Values => ({
      't4.cases.review_maintained': String(maintained), 't4.cases.review_pending': String(pending), 't4.cases.review_total': String(maintained + pending),
    });
    const text = '2021年，我局全面开展政府信息公开工作。本年度发生政府信息公开行政复议7件，均获维持。';
    const held = analyzeHtml(page004(t4(7, 0), { intro: text }));
    expect(reviews(held).map((f) => [f.status, f.expected, f.actual])).toEqual([['pass', 7, 7], ['pass', 7, 7]]);

    const a = analyzeHtml(page004(t4(5, 2), { intro: text }));
    const [count, upheld] = reviews(a);
    expect(count).toMatchObject({ status: 'pass', expected: 7 });
    expect(upheld).toMatchObject({ status: 'fail', expected: 5, actual: 7, cells: ['t4.cases.review_maintained'], table: 't4' });
    expect(upheld.message).toMatch(/表四“行政复议”结果维持为 5，尚未审结 2$/);
    expect(upheld.messageEn).toMatch(/Table 4’s reviews upheld is 5, pending 2$/);
  });
});
