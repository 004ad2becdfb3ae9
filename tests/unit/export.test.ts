/** What lands on the clipboard or in a file: TSV cells for Excel/WPS, CSV, Markdown, HTML merges. */
import { describe, expect, it } from 'vitest';
import { toCSV, toHTML, toTSV, toDatasetCSV } from '../../utils/report/export.ts';
import { analyzeHtml, seedHtml } from '../helpers/load.ts';

const a = analyzeHtml(seedHtml('004'), 'seed-004.html');

describe('export', () => {
  it('TSV: the tables as cells, label columns then values, numbers without separators', () => {
    const lines = toTSV(a).split('\n');
    expect(lines).toContain('一、本年新收政府信息公开申请数量\t\t\t42\t7\t0\t0\t0\t0\t49');
    expect(lines).toContain('三、本年度办理结果\t（一）予以公开\t\t17\t1\t0\t0\t0\t0\t18');
    expect(lines).toContain('\t（四）无法提供\t1.本机关不掌握相关政府信息\t9\t6\t0\t0\t0\t0\t15');
    expect(lines).toContain('行政处罚\t109');
    expect(lines).toContain('0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0');
  });
  it('CSV: the same cells, comma-separated, CRLF lines, quoted where needed', () => {
    const lines = toCSV({ ...a, title: 'x' }).split('\r\n');
    expect(lines).toContain('一、本年新收政府信息公开申请数量,,,42,7,0,0,0,0,49');
    expect(toCSV(a)).toMatch(/^二、主动公开政府信息情况\r\n/);
  });
  it('HTML keeps the official merges', () => {
    const html = toHTML(a);
    expect(html).toContain('<td rowspan="22">三、本年度办理结果</td>');
    expect(html).toContain('<td rowspan="8">（三）不予公开</td>');
    expect(html).toContain('<td colspan="3">一、本年新收政府信息公开申请数量</td><td>42</td>');
    expect(html).toContain('<th colspan="10">行政诉讼</th>');
  });
  it('the data set: a header of cell ids and a row per report', () => {
    const [head, row] = toDatasetCSV([a]).split('\r\n');
    const h = head.split(',');
    expect(row.split(',')[h.indexOf('t3.result_total.total')]).toBe('49');
    expect(row.split(',')[h.indexOf('agency')]).toBe('上海市医疗保障局');
  });
});
