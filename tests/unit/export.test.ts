/** What lands on the clipboard or in a file: TSV cells for Excel/WPS, CSV, Markdown, HTML merges, the data set. */
import { describe, expect, it } from 'vitest';
import { T2_BLOCKS } from '../../utils/report/formats.ts';
import {
  dataSetRows,
  spreadsheetText,
  toCSV,
  toDataSetCSV,
  toDataSetTSV,
  toHTML,
  toMarkdown,
  toTableHTML,
  toTableTSV,
  toTSV,
} from '../../utils/report/export.ts';
import type { Analysis } from '../../utils/report/types.ts';
import { analyzeHtml, seedHtml } from '../helpers/load.ts';
import { parseCsv } from '../helpers/csv.ts';

const a = analyzeHtml(seedHtml('004'), 'https://ybj.sh.gov.cn/xxgk/2022/nb.html');
/** The same report as a hostile page would name itself. */
const hostile: Analysis = {
  ...a,
  title: '=HYPERLINK("http://evil.example/x","点此查看")2021年度报告',
  agency: '+上海市<img src=x onerror=alert(1)>医保|局',
  source: '@evil.html',
};

/** CSV text → rows of fields (quoted fields with commas, quotes and line breaks). */

describe('export', () => {
  it('TSV: the tables as cells, label columns then values, numbers without separators', () => {
    const lines = toTSV(a).split('\n');
    expect(lines).toContain('一、本年新收政府信息公开申请数量\t\t\t42\t7\t0\t0\t0\t0\t49');
    expect(lines).toContain('三、本年度办理结果\t（一）予以公开\t\t17\t1\t0\t0\t0\t0\t18');
    expect(lines).toContain('\t（四）无法提供\t1.本机关不掌握相关政府信息\t9\t6\t0\t0\t0\t0\t15');
    expect(lines).toContain('行政处罚\t109');
    expect(lines).toContain('0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0');
  });

  it('CSV: the same cells, comma-separated, CRLF lines, each table after its title', () => {
    const csv = toCSV(a);
    const lines = csv.split('\r\n');
    expect(lines).toContain('一、本年新收政府信息公开申请数量,,,42,7,0,0,0,0,49');
    expect(csv).toMatch(/^二、主动公开政府信息情况\r\n/);
    expect(lines).toContain('三、收到和处理政府信息公开申请情况');
    expect(lines).toContain('四、政府信息公开行政复议、行政诉讼情况');
  });

  it('HTML keeps the official merges', () => {
    const html = toHTML(a);
    expect(html).toContain('<td rowspan="22">三、本年度办理结果</td>');
    expect(html).toContain('<td rowspan="8">（三）不予公开</td>');
    expect(html).toContain('<td colspan="3">一、本年新收政府信息公开申请数量</td><td>42</td>');
    expect(html).toContain('<th colspan="10">行政诉讼</th>');
  });

  it('copy one table: TSV pure cells; HTML with a caption naming agency, year, table and page address (escaped)', () => {
    const tsv = toTableTSV(a, 't3');
    expect(tsv.split('\n')).toContain('一、本年新收政府信息公开申请数量\t\t\t42\t7\t0\t0\t0\t0\t49');
    expect(tsv).not.toContain('上海市医疗保障局');
    expect(tsv).not.toContain('http');
    expect(tsv).not.toContain('行政诉讼'); // only 表三
    const html = toTableHTML(a, 't3');
    expect(html).toContain('<caption>上海市医疗保障局 2021年度 表三 收到和处理政府信息公开申请情况　来源：https://ybj.sh.gov.cn/xxgk/2022/nb.html</caption>');
    expect(html).not.toContain('行政诉讼');
    expect(toTableHTML(hostile, 't4')).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(toHTML(a).match(/<caption>/g)).toHaveLength(3);
  });

  it('spreadsheet formula injection: text starting with = + - @ tab or CR is written as text, numbers stay numbers', () => {
    expect(['=1+1', '+86', '-x', '@SUM(A1)', '\tx', '\rx'].map(spreadsheetText)).toEqual(["'=1+1", "'+86", "'-x", "'@SUM(A1)", "'\tx", "'\rx"]);
    expect(spreadsheetText('上海市')).toBe('上海市');
    const rows = parseCsv(toDataSetCSV([hostile]));
    const ids = rows[1];
    const row = rows[2];
    expect(row[ids.indexOf('title')]).toBe(`'=HYPERLINK("http://evil.example/x","点此查看")2021年度报告`);
    expect(row[ids.indexOf('agency')]).toBe("'+上海市<img src=x onerror=alert(1)>医保|局");
    expect(row[ids.indexOf('source')]).toBe("'@evil.html");
    // A negative number is a number (表二's 增/减 column of a 2019 report), never quoted.
    const negative = { ...a, cells: { ...a.cells, 't3.new_received.total': -3 } };
    expect(parseCsv(toDataSetCSV([negative]))[2][ids.indexOf('t3.new_received.total')]).toBe('-3');
    const tsvRow = toDataSetTSV([hostile]).split('\n')[2].split('\t');
    expect(tsvRow[ids.indexOf('source')]).toBe("'@evil.html");
    expect(tsvRow[ids.indexOf('title')]).toBe(`"'=HYPERLINK(""http://evil.example/x"",""点此查看"")2021年度报告"`);
  });

  it('the data set: one function for every surface, Chinese labels over ids, provenance and verdict columns', () => {
    const rows = dataSetRows([{ ...a, checkedAt: '2026-02-01T08:00:00.000Z' }, { source: 'gone.html', isReport: false, error: '找不到文件：gone.html' }]);
    expect(rows).toHaveLength(4);
    const [labels, ids, report, unreadable] = rows;
    const at = (r: unknown[], id: string) => r[ids.indexOf(id)];
    expect(ids.slice(0, 13)).toEqual(['source', 'title', 'agency', 'year', 'format', 'isReport', 'status', 'errors', 'warnings', 'incomplete', 'notChecked', 'error', 'checkedAt']);
    expect(at(labels, 'agency')).toBe('机关');
    expect(at(labels, 't4.cases.review_total')).toBe('表四 行政复议·总计');
    expect(at(report, 't3.result_total.total')).toBe(49);
    expect(at(report, 'agency')).toBe('上海市医疗保障局');
    expect(at(report, 'source')).toBe('https://ybj.sh.gov.cn/xxgk/2022/nb.html');
    expect(at(report, 'year')).toBe(2021);
    expect(at(report, 'checkedAt')).toBe('2026-02-01T08:00:00.000Z');
    expect(at(report, 'status')).toBe(a.summary.status === 'ok' ? '全部核对无错误' : a.summary.status === 'warnings' ? '有警告' : at(report, 'status'));
    expect(at(unreadable, 'error')).toBe('找不到文件：gone.html');
    expect(at(unreadable, 'status')).toBe('无法读取');
    expect(dataSetRows([a], { header: 'ids' })[0]).toEqual(ids);
    expect(dataSetRows([a], { header: 'none' })).toEqual([report.map((x) => (x === '2026-02-01T08:00:00.000Z' ? '' : x))]);
    // The CSV and TSV writers write exactly these rows.
    expect(parseCsv(toDataSetCSV([a]))[2][ids.indexOf('t3.result_total.total')]).toBe('49');
    expect(toDataSetCSV([a], { bom: true }).startsWith('\uFEFF来源')).toBe(true);
  });

  it('Markdown: 表二 one well-formed table per block; page text escaped (HTML, pipes)', () => {
    const md = toMarkdown(hostile);
    const lines = md.split('\n');
    // Every Markdown table has as many cells per row as its header.
    const tables: string[][] = [];
    lines.forEach((l, i) => {
      if (!l.startsWith('|')) return;
      if (!lines[i - 1]?.startsWith('|')) tables.push([]);
      tables.at(-1)!.push(l);
    });
    expect(tables.length).toBeGreaterThanOrEqual(6);
    const cellsOf = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    for (const t of tables) for (const row of t) expect(cellsOf(row)).toBe(cellsOf(t[0]));
    for (const b of T2_BLOCKS['2021']) expect(md).toContain(`### ${b.caption}`);
    expect(lines).toContain('| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |');
    expect(lines).toContain('| 行政处罚 | 109 |');
    // Page text is text: no live HTML, no pipe that splits a cell.
    expect(md).not.toContain('<img');
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;医保\\|局');
    expect(md).toContain('# =HYPERLINK');
  });
});
