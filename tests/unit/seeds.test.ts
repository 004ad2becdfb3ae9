/**
 * The five real reports, each as its text and as a gov.cn page in the official layout. The
 * expected values were read by hand from the seed files.
 */
import { describe, expect, it } from 'vitest';
import { analyzeHtml, analyzeText, errors, failed, seedHtml, seedText, statusOf, type SeedId } from '../helpers/load.ts';

const both = (id: SeedId) => [
  ['text', analyzeText(seedText(id), id)],
  ['html', analyzeHtml(seedHtml(id), id)],
] as const;

describe('seed 000: 杭州市医疗保障局 2020, tables flattened so that digits run together', () => {
  const a = analyzeText(seedText('000'));
  it('is a 2020 report in the 2019 format', () => {
    expect(a).toMatchObject({ isReport: true, year: 2020, format: '2019', agency: '杭州市医疗保障局' });
    expect(a.tables.t3.source).toBe('flattened');
  });
  it('recovers the digits of 表三 so that every identity holds', () => {
    expect(a.cells['t3.new_received.natural']).toBe(5);
    expect(a.cells['t3.new_received.total']).toBe(5);
    expect(a.cells['t3.carried_over.total']).toBe(1);
    expect(a.cells['t3.granted.total']).toBe(5);
    expect(a.cells['t3.unable_not_held.natural']).toBe(1);
    expect(a.cells['t3.other_processing.total']).toBe(0);
    expect(a.cells['t3.result_total.total']).toBe(6);
    expect(a.cells['t3.carry_forward.total']).toBe(0);
    for (const id of ['t3.balance', 't3.result_total', 't3.row_total', 't4.review_total', 't4.lit_direct_total', 't4.lit_after_review_total']) {
      expect(statusOf(a, id), id).toEqual(['pass']);
    }
    expect(errors(a)).toEqual([]);
  });
  it('recovers 表四 (7 lawsuits after review, all maintained) and 表二 with a signed 本年增/减', () => {
    expect(a.cells['t4.cases.lit_after_review_maintained']).toBe(7);
    expect(a.cells['t4.cases.lit_after_review_total']).toBe(7);
    expect(a.cells['t4.cases.review_total']).toBe(0);
    expect(a.cells['t2.art20_1.normative_docs.total_public']).toBe(7);
    expect(a.cells['t2.art20_6.admin_penalty.prev_items']).toBe(11);
    expect(a.cells['t2.art20_6.admin_penalty.delta']).toBe(-8);
    expect(a.cells['t2.art20_6.admin_penalty.decisions']).toBe(3);
  });
  it('does not guess 政府集中采购 "36705283.86": several splits fit, the row is uncertain', () => {
    expect(a.cells['t2.art20_9.central_procurement.projects']).toBeNull();
    expect(a.tables.t2.uncertainRows).toEqual(['t2.art20_9.central_procurement']);
    expect(failed(a, 'cells.uncertain_split')[0].cells).toContain('t2.art20_9.central_procurement.amount');
  });
  it('matches the prose: 收到5件, 答复6件, 含结转1件, 行政复议和行政诉讼7件', () => {
    expect(statusOf(a, 'text.t3_new')).toEqual(['pass']);
    expect(statusOf(a, 'text.t3_result_total')).toEqual(['pass']);
    expect(statusOf(a, 'text.t3_carried')).toEqual(['pass']);
    expect(statusOf(a, 'text.t4_review')).toEqual(['pass']);
    expect(statusOf(a, 'text.group_totals')).toEqual(['pass']);
  });
  it('as an HTML page reads the same values', () => {
    const h = analyzeHtml(seedHtml('000'));
    expect(h.tables.t3.source).toBe('html');
    expect(h.cells['t3.result_total.total']).toBe(6);
    expect(h.cells['t4.cases.lit_after_review_total']).toBe(7);
    expect(errors(h)).toEqual([]);
  });
});

describe('seed 001: 汶上县医疗保障局 2023, pipe-separated tables', () => {
  for (const [kind, a] of both('001')) {
    it(`${kind}: a 2023 report in the 2021 format, every table zero but 行政处罚 28`, () => {
      expect(a).toMatchObject({ isReport: true, year: 2023, format: '2021', agency: '汶上县医疗保障局' });
      expect(a.cells['t2.art20_6.admin_penalty.decisions']).toBe(28);
      expect(a.cells['t3.new_received.total']).toBe(0);
      expect(a.cells['t3.other_other.total']).toBe(0);
      expect(a.cells['t4.cases.lit_after_review_total']).toBe(0);
      expect(Object.keys(a.cells).filter((k) => k.startsWith('t3.'))).toHaveLength(175);
      expect(failed(a)).toEqual([]);
      expect(statusOf(a, 's6.fee_statement')).toEqual(['pass']);
    });
  }
  it('reads "未收到依申请公开事项" as 0 applications, matching 表三', () => {
    expect(statusOf(analyzeText(seedText('001')), 'text.t3_new')).toEqual(['pass']);
  });
});

describe('seed 002: 贵州省医疗保障局 2019, traditional characters, tables empty', () => {
  for (const [kind, a] of both('002')) {
    it(`${kind}: recognised as a 2019 report in traditional characters`, () => {
      expect(a).toMatchObject({ isReport: true, year: 2019, format: '2019', traditional: true });
    });
    it(`${kind}: says the tables are missing or empty, and the identities are not checked`, () => {
      const tables = failed(a, 'tables.present');
      expect(tables.length).toBeGreaterThanOrEqual(2);
      expect(tables.some((f) => f.table === 't3' && f.message.includes('没有填写任何数字'))).toBe(true);
      expect(statusOf(a, 't3.balance')).toEqual(['skip']);
      // Cells were read (表三's rows were found), and every one of them is blank.
      const t3 = Object.keys(a.cells).filter((k) => k.startsWith('t3.'));
      expect(t3.length).toBeGreaterThanOrEqual(kind === 'html' ? 161 : 7);
      expect(Object.values(a.cells).every((v) => v === null)).toBe(true);
    });
    it(`${kind}: 一、总体情况 and 六 are not on the page`, () => {
      expect(failed(a, 'sections.present')[0].message).toBe('缺少：一、总体情况；六、其他需要报告的事项');
    });
  }
});

describe('seed 003: 陕西省医疗保障局 2021, tab-separated tables', () => {
  for (const [kind, a] of both('003')) {
    it(`${kind}: reads the tables, typo 本年度止件数 included`, () => {
      expect(a).toMatchObject({ isReport: true, year: 2021, format: '2021', agency: '陕西省医疗保障局' });
      expect(a.cells['t3.new_received.natural']).toBe(3);
      expect(a.cells['t3.granted.total']).toBe(3);
      expect(a.cells['t2.art20_1.normative_docs.made']).toBe(1);
      expect(a.cells['t2.art20_1.normative_docs.repealed']).toBe(0);
      expect(a.cells['t2.art20_1.normative_docs.valid']).toBe(13);
      expect(errors(a)).toEqual([]);
    });
    it(`${kind}: the text says 行政复议1件, 表四 says 0`, () => {
      const [f] = failed(a, 'text.t4_review');
      expect(f).toMatchObject({ severity: 'warning', expected: 0, actual: 1, cells: ['t4.cases.review_total'] });
      expect(f.message).toContain('行政复议1件');
    });
  }
});

describe('seed 004: 上海市医疗保障局 2021, tab-separated tables with a page break inside 表三', () => {
  for (const [kind, a] of both('004')) {
    it(`${kind}: every cell read, every identity holds`, () => {
      expect(a).toMatchObject({ isReport: true, year: 2021, format: '2021', agency: '上海市医疗保障局' });
      expect(a.cells['t3.new_received.natural']).toBe(42);
      expect(a.cells['t3.new_received.commercial']).toBe(7);
      expect(a.cells['t3.new_received.total']).toBe(49);
      expect(a.cells['t3.unable_not_held.commercial']).toBe(6);
      expect(a.cells['t3.unable_not_held.total']).toBe(15);
      expect(a.cells['t3.unable_unclear.total']).toBe(0);
      expect(a.cells['t3.other_other.total']).toBe(9);
      expect(a.cells['t3.result_total.total']).toBe(49);
      expect(a.cells['t2.art20_6.admin_penalty.decisions']).toBe(109);
      expect(a.figures).toMatchObject({ newReceived: 49, granted: 18, unable: 19, otherProcessing: 10, adminPenalty: 109, grantedShare: 0.3673 });
      expect(failed(a)).toEqual([]);
    });
  }
  it('matches 受理的 49 件政府信息公开申请 in the prose', () => {
    expect(statusOf(analyzeText(seedText('004')), 'text.t3_new')).toEqual(['pass']);
  });
});
