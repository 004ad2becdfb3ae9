/**
 * One verdict for every surface: the status rules of summary (errors, warnings, incomplete,
 * ok), what counts once, what is listed as not checked, per table and for the page.
 */
import { describe, expect, it } from 'vitest';
import { resummarize } from '../../utils/report/analyze.ts';
import { T3_ROWS, t3CellId } from '../../utils/report/formats.ts';
import type { Analysis } from '../../utils/report/types.ts';
import type { Values } from '../helpers/official.ts';
import { analyzeHtml, analyzeText, seedHtml, seedText } from '../helpers/load.ts';
import { page004, VALUES_004 } from '../helpers/report004.ts';

const n = (id: string) => Number(VALUES_004[id]);
const plus = (id: string, k: number): Values => ({ [id]: String(n(id) + k) });
const statuses = (a: Analysis) => [a.summary.status, a.summary.tables.t2.status, a.summary.tables.t3.status, a.summary.tables.t4.status];

describe('summary', () => {
  it('everything checked and holding: ok, and nothing listed as not checked', () => {
    const a = analyzeHtml(page004());
    expect(statuses(a)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(a.summary).toMatchObject({ errors: 0, warnings: 0, incomplete: 0, failedChecks: 0, notChecked: [] });
    expect(a.summary.passed).toBe(a.findings.filter((f) => f.status === 'pass').length);
    expect(a.summary.checks).toBe(a.summary.passed);
  });

  it('one wrong cell of 表三 is one error (its suspect), though two checks failed', () => {
    const a = analyzeHtml(page004(plus('t3.granted.natural', 2)));
    expect(a.suspects).toHaveLength(1);
    expect(a.summary).toMatchObject({ status: 'errors', errors: 1, failedChecks: 2 });
    expect(a.summary.tables.t3).toMatchObject({ status: 'errors', errors: 1, read: true });
    expect(a.summary.tables.t4.status).toBe('ok');
  });

  it('a negative count that is also the suspect is one error, not two', () => {
    const a = analyzeHtml(page004({ 't3.granted.natural': '-1' }));
    expect(a.suspects.map((x) => [x.cell, x.actual, x.expected])).toEqual([['t3.granted.natural', -1, n('t3.granted.natural')]]);
    expect(a.findings.find((f) => f.id === 'cells.non_negative_integer' && f.status === 'fail')).toMatchObject({ suspect: 't3.granted.natural' });
    expect(a.summary).toMatchObject({ errors: 1, failedChecks: 3 });
  });

  it('two independent wrong cells are two errors; a 表四 group off is one', () => {
    expect(analyzeHtml(page004({ ...plus('t3.granted.natural', 2), ...plus('t3.carry_forward.commercial', 1) })).summary).toMatchObject({ errors: 2, failedChecks: 4 });
    const t4 = analyzeHtml(page004(plus('t4.cases.lit_direct_maintained', 3)));
    expect(t4.summary).toMatchObject({ status: 'errors', errors: 1, failedChecks: 1 });
    expect(t4.summary.tables.t4).toMatchObject({ status: 'errors', errors: 1 });
    expect(t4.summary.tables.t3.status).toBe('ok');
  });

  it('two wrong cells in one row (no suspect): each failed check counts', () => {
    const a = analyzeHtml(page004({ ...plus('t3.granted.natural', 1), ...plus('t3.granted.commercial', 1) }));
    expect(a.suspects).toEqual([]);
    expect(a.summary.errors).toBe(a.summary.failedChecks);
    expect(a.summary.errors).toBe(3);
  });

  it('a page whose 表四 could not be read is never ok: incomplete, and says so', () => {
    const a = analyzeHtml(page004({}, { omit: ['t4'] }));
    expect(a.tables.t4.found).toBe(false);
    expect(statuses(a)).toEqual(['incomplete', 'ok', 'ok', 'incomplete']);
    expect(a.summary).toMatchObject({ errors: 0, warnings: 0 });
    expect(a.summary.tables.t4).toMatchObject({ read: false, status: 'incomplete' });
    expect(a.summary.notChecked).toEqual([
      { table: 't4', reason: 'not-found', zh: '未找到表四（政府信息公开行政复议、行政诉讼情况），其中的数字未能核对', en: 'Table 4 (Administrative reviews and lawsuits) was not found, so its numbers were not checked' },
    ]);
  });

  it('only checks left open by blank cells: incomplete, one entry for the table', () => {
    const a = analyzeHtml(page004({ 't3.granted.total': '' }));
    expect(statuses(a)).toEqual(['incomplete', 'ok', 'incomplete', 'ok']);
    expect(a.summary).toMatchObject({ errors: 0, warnings: 0, incomplete: 2 });
    expect(a.summary.notChecked).toEqual([{ table: 't3', reason: 'blank-cells', zh: '表三 「（一）予以公开」·总计空白，2 项校验因此未能核对', en: 'Table 3: row “(1) Granted”, total is blank; 2 checks could not be done because of them' }]);
  });

  it('a blank 总计 column: one finding, checked column by column, incomplete', () => {
    const blank = Object.fromEntries(T3_ROWS['2021'].map((r) => [t3CellId(r.id, 'total'), '']));
    const a = analyzeHtml(page004(blank));
    const findings = a.findings.filter((f) => f.status === 'fail');
    expect(findings.map((f) => [f.check, f.message])).toEqual([['cells.blank/t3', '表三 总计列 25 行空白，已按各列之和核对']]);
    expect(findings[0].messageEn).toBe('Table 3: the total column is blank in 25 rows; checked column by column instead');
    expect(a.summary).toMatchObject({ status: 'incomplete', errors: 0, warnings: 0 });
    // Every applicant column was checked; the rows' totals and the 总计 column's identities were not.
    expect(a.findings.filter((f) => f.id === 't3.balance' && f.status === 'pass')).toHaveLength(6);
    // Rows whose parts are all 0 agree with a blank total taken as 0; the others are open, and
    // so are the 总计 column's two identities.
    const open = T3_ROWS['2021'].filter((r) => n(t3CellId(r.id, 'total')) > 0).length;
    expect(open).toBeGreaterThan(5);
    expect(a.summary.incomplete).toBe(open + 2);
  });

  it('a warning and nothing else: warnings', () => {
    const a = analyzeText(seedText('003'));
    expect(a.summary).toMatchObject({ status: 'warnings', errors: 0, warnings: 1 });
    expect(a.summary.tables.t4.status).toBe('warnings');
  });

  it('dismissed findings are left out of the counts (a suspect goes when its checks are dismissed)', () => {
    const a = analyzeHtml(page004({ ...plus('t3.granted.natural', 2), ...plus('t4.cases.review_other', 1) }));
    expect(a.summary.errors).toBe(2);
    for (const f of a.findings) if (f.suspect) f.dismissed = { reason: '已与原件核对', at: '2026-01-01' };
    expect(resummarize(a)).toMatchObject({ status: 'errors', errors: 1, failedChecks: 1 });
    for (const f of a.findings) if (f.status === 'fail') f.dismissed = { reason: '已与原件核对', at: '2026-01-01' };
    expect(resummarize(a)).toMatchObject({ status: 'ok', errors: 0, failedChecks: 0 });
  });

  it('reading notes are kept when the summary is made again', () => {
    const a = analyzeHtml(page004());
    a.summary.notChecked.push({ reason: 'prose-cap', zh: '正文过长，超出部分未核对', en: 'The text is too long; the rest was not checked' });
    const again = resummarize(a);
    expect(again.status).toBe('incomplete');
    expect(again.notChecked.map((x) => x.reason)).toEqual(['prose-cap']);
  });

  it('seed 002 (tables empty or missing): the tables are listed as not read, the missing sections are the error', () => {
    const a = analyzeHtml(seedHtml('002'));
    expect(a.summary.status).toBe('errors');
    expect(a.summary.errors).toBe(1);
    expect(a.summary.tables.t3).toMatchObject({ read: false, status: 'incomplete' });
    expect(a.summary.notChecked.map((x) => [x.table, x.reason])).toEqual([['t2', 'not-filled'], ['t3', 'not-filled'], ['t4', 'not-filled']]);
  });

  it('a page that is not a report: nothing checked, never ok', () => {
    const a = analyzeText('今天天气很好。');
    expect(a.summary).toMatchObject({ status: 'incomplete', errors: 0, notChecked: [{ reason: 'not-report' }] });
  });
});
