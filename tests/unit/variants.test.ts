/**
 * One fixture per way reports are written on real pages. Each is derived from seed 004's
 * tables in the official layout and must read the same values.
 */
import { describe, expect, it } from 'vitest';
import { T3_COLUMNS, t3CellId } from '../../utils/report/formats.ts';
import { splitDigitRun } from '../../utils/report/textTables.ts';
import { govPage, officialT2, officialT3, officialT4, type Values } from '../helpers/official.ts';
import { analyzeHtml, analyzeText, errors, failed, seedText, statusOf } from '../helpers/load.ts';
import { VALUES_004 } from '../helpers/report004.ts';


const TITLE = '上海市医疗保障局2021年政府信息公开工作年度报告';
const page = (t2: string, t3: string, t4: string, extra = '') =>
  govPage({
    title: TITLE,
    body: [
      { html: '<p>一、总体情况</p>' }, '2021年，我局全面开展政府信息公开工作，受理的49件政府信息公开申请均已办结。',
      { html: '<p>二、主动公开政府信息情况</p>' }, { html: t2 },
      { html: '<p>三、收到和处理政府信息公开申请情况</p>' }, { html: t3 },
      { html: '<p>四、政府信息公开行政复议、行政诉讼情况</p>' }, { html: t4 },
      { html: '<p>五、存在的主要问题及改进情况</p>' }, '一是政策解读的多样性、精准性还需进一步提高；二是门户网站栏目设计和管理还需进一步加强。',
      { html: '<p>六、其他需要报告的事项</p>' }, '2021年，我局未发生收取信息处理费的情况。',
      ...(extra ? [{ html: extra }] : []),
    ],
  });

const T2 = officialT2(VALUES_004, '2021');
const T3 = officialT3(VALUES_004, '2021');
const T4 = officialT4(VALUES_004);

/** The checks every variant must pass: the values of seed 004, every identity holding. */
function expectSeed004(html: string) {
  const a = analyzeHtml(html);
  expect(a.isReport).toBe(true);
  expect(a.cells['t3.new_received.natural']).toBe(42);
  expect(a.cells['t3.new_received.commercial']).toBe(7);
  expect(a.cells['t3.unable_not_held.total']).toBe(15);
  expect(a.cells['t3.other_other.total']).toBe(9);
  expect(a.cells['t3.carry_forward.total']).toBe(0);
  expect(a.cells['t2.art20_6.admin_penalty.decisions']).toBe(109);
  expect(a.cells['t2.art20_1.normative_docs.valid']).toBe(25);
  expect(a.cells['t4.cases.lit_after_review_total']).toBe(0);
  expect(Object.keys(a.cells).filter((k) => k.startsWith('t3.'))).toHaveLength(175);
  expect(errors(a)).toEqual([]);
  expect(statusOf(a, 't3.balance')).toEqual(['pass']);
  return a;
}

describe('reading variants', () => {
  it('the official layout with rowspan/colspan', () => expectSeed004(page(T2, T3, T4)));

  it('header rows with explicit empty cells instead of spans', () => {
    const t3 = T3.replace('<td rowspan="2">自然人</td>', '<td>自然人</td>')
      .replace('<td rowspan="2">总计</td>', '<td>总计</td>')
      .replace('<tr><td>商业企业</td>', '<tr><td></td><td>商业企业</td>')
      .replace('<td>其他</td></tr>', '<td>其他</td><td></td></tr>');
    const t4 = T4.replace(/<td rowspan="2">/g, '<td>').replace('<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td>结果维持</td>', '<tr><td></td><td></td><td></td><td></td><td></td><td>结果维持</td>');
    expectSeed004(page(T2, t3, t4));
  });

  it('<th> cells inside <thead>', () => {
    const th = (t: string, rows: number) => {
      const lines = t.split('\n');
      const head = lines.slice(2, 2 + rows).map((l) => l.replace(/<td/g, '<th').replace(/<\/td>/g, '</th>'));
      return [lines[0], '<thead>', ...head, '</thead>', '<tbody>', ...lines.slice(2 + rows)].join('\n');
    };
    expectSeed004(page(T2, th(T3, 3), th(T4, 3)));
  });

  it('Word-pasted markup: MsoNormalTable, <p><span>, <o:p>, <br> inside labels, &nbsp;', () => {
    const word = (t: string) =>
      t.replace('<table class="t3"', '<table class="MsoNormalTable"')
        .replace(/<td([^>]*)>([^<]*)<\/td>/g, (_, attrs, text) =>
          `<td${attrs} style="border:solid windowtext 1.0pt"><p class="MsoNormal" align="center"><span style="font-size:10.5pt;font-family:仿宋_GB2312">${text === '' ? '&nbsp;' : text.replace('商业企业', '商业<br>企业').replace('本年新收', '本年<br>新收')}<o:p></o:p></span></p></td>`);
    expectSeed004(page(word(T2), word(T3), word(T4)));
  });

  it('Word grids whose colspans differ between header and data rows (表二 read in order after the label)', () => {
    const t2 = T2.replace(/<tr><td>行政处罚<\/td><td colspan="3">109<\/td><\/tr>/, '<tr><td colspan="2">行政处罚</td><td>109</td><td></td></tr>')
      .replace(/<tr><td>规范性文件<\/td>/, '<tr><td colspan="2">规范性文件</td>');
    expect(t2).toContain('<td colspan="2">行政处罚</td>');
    expectSeed004(page(t2, T3, T4));
  });

  it('tables split in pieces: a page break inside 表三, 表二 as four tables, 表四’s numbers in a table of their own', () => {
    const rows3 = T3.split('\n');
    const cut = rows3.findIndex((l) => l.includes('信访举报投诉类申请'));
    const t3 = [...rows3.slice(0, cut), '</tbody></table>', '<p style="page-break-before:always"></p>', '<table border="1"><tbody>', ...rows3.slice(cut)].join('\n');
    const t2 = T2.split(/(?=<tr><td colspan="4">)/).map((part, i) => (i === 0 ? part : `</tbody></table>\n<table class="t2-part"><tbody>\n${part}`)).join('');
    const rows4 = T4.split('\n');
    const t4 = [...rows4.slice(0, 5), '</tbody></table>', '<table class="numbers"><tbody>', ...rows4.slice(5)].join('\n');
    expect(t2.match(/<table/g)).toHaveLength(5); // the empty first piece is harmless
    expectSeed004(page(t2, t3, t4));
  });

  it('the report inside an old layout table, next to unrelated tables holding numbers', () => {
    const inner = page(T2, T3, T4).replace(/^[\s\S]*<div id="zoom" class="TRS_Editor">/, '').replace(/<\/div>\s*<\/div>[\s\S]*$/, '');
    const html = `<html><head><title>${TITLE}</title></head><body>
<table width="1000"><tr><td><table><tr><td>访问量</td><td>123456</td><td>今日</td><td>789</td></tr></table></td></tr>
<tr><td><table width="100%"><tr><td width="200"><table><tr><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td><td>6</td><td>7</td><td>8</td><td>9</td><td>10</td><td>11</td><td>12</td><td>13</td><td>14</td><td>15</td></tr></table></td>
<td>${inner}</td></tr></table></td></tr></table></body></html>`;
    expectSeed004(html);
  });

  it('full-width digits, thousands separators, blank cells, —, /, 无 and units in the cell', () => {
    const v: Values = { ...VALUES_004 };
    for (const c of T3_COLUMNS) v[t3CellId('new_received', c.id)] = v[t3CellId('new_received', c.id)].replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    v['t3.denied_state_secret.natural'] = '';
    v['t3.denied_state_secret.total'] = '—';
    v['t3.denied_law_forbidden.natural'] = '/';
    v['t3.denied_law_forbidden.total'] = '无';
    v['t2.art20_8.admin_fees.fee_amount'] = '1,234.5万元';
    v['t2.art20_6.admin_penalty.decisions'] = '109件';
    const a = expectSeed004(page(officialT2(v, '2021'), officialT3(v, '2021'), officialT4(v)));
    expect(a.cells['t3.new_received.total']).toBe(49);
    expect(a.cells['t2.art20_8.admin_fees.fee_amount']).toBe(1234.5);
    expect(a.cells['t3.denied_state_secret.natural']).toBeNull();
    expect(a.cells['t3.denied_law_forbidden.total']).toBeNull();
    expect(failed(a, 'cells.blank')[0].cells).toEqual(expect.arrayContaining(['t3.denied_state_secret.natural', 't3.denied_law_forbidden.total']));
  });

  it('a blank 总计 cell leaves its checks "incomplete" (one finding for the table), never an arithmetic error', () => {
    const v: Values = { ...VALUES_004, 't3.granted.total': '' };
    const a = analyzeHtml(page(T2, officialT3(v, '2021'), T4));
    const row = a.findings.find((f) => f.check === 't3.row_total/granted')!;
    expect(row).toMatchObject({ status: 'skip', severity: 'warning', incomplete: true, expected: 18, actual: null });
    expect(row.message).toBe('「（一）予以公开」行：总计空白，各类申请人之和为 18，未能核对');
    const blank = failed(a, 'cells.blank');
    expect(blank).toHaveLength(1);
    expect(blank[0]).toMatchObject({ table: 't3', severity: 'warning', incomplete: true, cells: ['t3.granted.total'] });
    expect(blank[0].message).toBe('表三 「（一）予以公开」·总计空白，2 项校验因此未能核对');
    expect(errors(a)).toEqual([]);
    expect(a.summary.status).toBe('incomplete');
  });

  it('signed deltas in the 2019 本年增/减 column', () => {
    const a = analyzeHtml(page(officialT2({ 't2.art20_6.admin_penalty.prev_items': '11', 't2.art20_6.admin_penalty.delta': '+12', 't2.art20_6.admin_coercion.delta': '-8' }, '2019'), officialT3(VALUES_004, '2019'), T4));
    expect(a.cells['t2.art20_6.admin_penalty.delta']).toBe(12);
    expect(a.cells['t2.art20_6.admin_coercion.delta']).toBe(-8);
    expect(failed(a, 'cells.non_negative_integer')).toEqual([]);
  });

  it('a table written with spaces between the numbers', () => {
    const a = analyzeText(seedText('004').replace(/\t+/g, '  '));
    expect(a.cells['t3.new_received.total']).toBe(49);
    expect(a.cells['t3.unable_not_held.total']).toBe(15);
    expect(a.cells['t2.art20_6.admin_penalty.decisions']).toBe(109);
    expect(a.cells['t4.cases.review_total']).toBe(0);
    expect(errors(a)).toEqual([]);
  });

  it('digits run together: several splits fit → uncertain, never a guess', () => {
    expect(splitDigitRun('5000005', { groups: [7], constrained: true }).candidates).toEqual([[5, 0, 0, 0, 0, 0, 5]]);
    expect(splitDigitRun('101000011', { groups: [7], constrained: true }).candidates.length).toBeGreaterThan(1);
    expect(splitDigitRun('000000000070007', { groups: [5, 5, 5], constrained: true }).candidates).toEqual([[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7, 0, 0, 0, 7]]);
    expect(splitDigitRun('11-83', { groups: [1, 1, 1], constrained: false, types: ['count', 'signed', 'count'] }).candidates).toEqual([[11, -8, 3]]);
  });
});
