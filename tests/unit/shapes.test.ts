/**
 * Real pages as they come (issue 8): one fixture per shape a report's text reaches us in, with
 * the values a person reads from it. The fixtures (tests/fixtures/shapes) are made up in the
 * shapes seen on real gov.cn pages and their mirror copies; the two portal pages in
 * tests/fixtures/real are real (see their .url files).
 */
import { describe, expect, it } from 'vitest';
import { quickCheck } from '../../utils/report/detect.ts';
import type { Analysis } from '../../utils/report/types.ts';
import { analyzeDom, analyzeHtml, analyzeText, errors, failed, readFixture, statusOf } from '../helpers/load.ts';

const shape = (name: string) => readFixture('shapes/' + name);
const text = (name: string) => analyzeText(shape(name), name);

/** Every identity of 表三 and 表四 ran and holds; no error but those of the rules named. */
function identitiesHold(a: Analysis, except: string[] = []) {
  for (const id of ['t3.balance', 't3.result_total', 't3.row_total', 't4.review_total', 't4.lit_direct_total', 't4.lit_after_review_total']) {
    expect(statusOf(a, id), id).toEqual(['pass']);
  }
  expect(errors(a).filter((f) => !except.includes(f.id))).toEqual([]);
}

const T3_ROW_IDS = (a: Analysis) => Object.keys(a.cells).filter((k) => k.startsWith('t3.'));

describe('a whole report on one line', () => {
  const page = shape('oneline-2021.txt');
  it('has no line break at all (the fixture is what it claims)', () => expect(page.includes('\n')).toBe(false));

  const a = text('oneline-2021.txt');
  it('is a 2021 report of 某某区人民政府办公室 in the 2021 format, with its six sections', () => {
    expect(a).toMatchObject({ isReport: true, year: 2021, agency: '某某区人民政府办公室', format: '2021' });
    expect(statusOf(a, 'sections.present')).toEqual(['pass']);
  });
  it('reads 表三 through a run with spaces, a glued next-row number, a label repeated after a page break and a space inside a label', () => {
    expect(a.tables.t3.source).toBe('flattened');
    expect(T3_ROW_IDS(a)).toHaveLength(175);
    expect(a.cells['t3.new_received.natural']).toBe(41);
    expect(a.cells['t3.new_received.total']).toBe(43);
    expect(a.cells['t3.granted.total']).toBe(15);
    // 1010000011: several splits fit the row; the columns' identities leave one.
    expect(a.cells['t3.unable_not_held.natural']).toBe(10);
    expect(a.cells['t3.unable_not_held.commercial']).toBe(1);
    expect(a.cells['t3.unable_not_held.total']).toBe(11);
    // 2.重复申请10000013.要求提供公开出版物: the 3 is the next row's number.
    expect(a.cells['t3.not_processed_repeat.total']).toBe(1);
    expect(a.cells['t3.not_processed_publication.total']).toBe(0);
    // （七）总计43 2 00 0 045
    expect(a.cells['t3.result_total.natural']).toBe(43);
    expect(a.cells['t3.result_total.commercial']).toBe(2);
    expect(a.cells['t3.result_total.total']).toBe(45);
    expect(a.cells['t3.carry_forward.total']).toBe(0);
    expect(a.tables.t3.uncertainRows).toEqual([]);
  });
  it('reads 表四 from 15 digits in one run under the heading with the typo 行政法复议', () => {
    expect(a.cells['t4.cases.review_maintained']).toBe(1);
    expect(a.cells['t4.cases.review_total']).toBe(1);
    expect(a.cells['t4.cases.lit_direct_pending']).toBe(1);
    expect(a.cells['t4.cases.lit_direct_total']).toBe(1);
    expect(a.cells['t4.cases.lit_after_review_total']).toBe(0);
  });
  it('reads 表二 and every identity holds; the prose matches the tables', () => {
    expect(a.cells['t2.art20_1.normative_docs.valid']).toBe(5);
    expect(a.cells['t2.art20_5.admin_license.decisions']).toBe(1236);
    expect(a.cells['t2.art20_6.admin_penalty.decisions']).toBe(87);
    identitiesHold(a);
    for (const id of ['text.t3_new', 'text.t3_carried', 'text.t3_result_total', 'text.group_totals']) expect(statusOf(a, id), id).toEqual(['pass']);
  });
  it('a heading named inside a sentence is not cut out as a heading (…见三、收到和处理政府信息公开申请情况。)', () => {
    const mention = analyzeText(page.replace('（二）依申请公开情况。', '（二）依申请公开情况。具体数据见三、收到和处理政府信息公开申请情况。'));
    expect(statusOf(mention, 'sections.present')).toEqual(['pass']);
    expect(mention.cells['t3.result_total.total']).toBe(45);
    expect(statusOf(mention, 't3.balance')).toEqual(['pass']);
  });
  it('a 总计 that does not equal its rows still raises the error', () => {
    // 442000046 splits as 44 2 … 46 or 4 42 … 46 and neither balances: 自然人 and 商业企业 stay
    // unknown, but 总计 is 46 either way, and 43 + 2 ≠ 46 + 0 is an error whichever split is right.
    const wrong = analyzeText(page.replace('（七）总计43 2 00 0 045', '（七）总计44 2 00 0 046'));
    expect(wrong.cells['t3.result_total.total']).toBe(46);
    expect(wrong.cells['t3.result_total.natural']).toBeNull();
    expect(failed(wrong, 't3.balance').some((f) => f.severity === 'error' && f.cells.includes('t3.result_total.total'))).toBe(true);
    expect(failed(wrong, 't3.result_total').some((f) => f.severity === 'error' && f.cells.includes('t3.result_total.total'))).toBe(true);
  });
  it('reads 表四 written with spaces, and as 17 digits in one run', () => {
    const spaced = analyzeText(page.replace('总计100010001100000', '总计 1 0 0 0 1 0 0 0 1 1 0 0 0 0 0'));
    expect(spaced.cells['t4.cases.review_total']).toBe(1);
    expect(spaced.cells['t4.cases.lit_direct_total']).toBe(1);
    identitiesHold(spaced);
    const long = analyzeText(page.replace('总计100010001100000', '总计12300150001100000'));
    expect(long.cells['t4.cases.review_maintained']).toBe(12);
    expect(long.cells['t4.cases.review_corrected']).toBe(3);
    expect(long.cells['t4.cases.review_total']).toBe(15);
  });
});

describe('a 2019-format report on one line, numbers separated by spaces', () => {
  const page = shape('oneline-2019-spaced.txt');
  const a = text('oneline-2019-spaced.txt');
  it('is a 2020 report of 某某县人民政府 in the 2019 format (title: 人民政府2020年信息公开工作年度报告)', () => {
    expect(page.includes('\n')).toBe(false);
    expect(a).toMatchObject({ isReport: true, year: 2020, agency: '某某县人民政府', format: '2019' });
    expect(statusOf(a, 'sections.present')).toEqual(['pass']);
  });
  it('reads every table, 本年增/减 signed, and every identity holds', () => {
    expect(T3_ROW_IDS(a)).toHaveLength(23 * 7);
    expect(a.cells['t3.new_received.total']).toBe(141);
    expect(a.cells['t3.unable_not_held.natural']).toBe(30);
    expect(a.cells['t3.other_processing.total']).toBe(4);
    expect(a.cells['t3.result_total.total']).toBe(142);
    expect(a.cells['t3.carry_forward.total']).toBe(5);
    expect(a.cells['t4.cases.review_total']).toBe(12);
    expect(a.cells['t4.cases.lit_direct_total']).toBe(10);
    expect(a.cells['t2.art20_5.admin_license.delta']).toBe(5);
    expect(a.cells['t2.art20_6.admin_penalty.delta']).toBe(-3);
    expect(a.cells['t2.art20_9.central_procurement.amount']).toBe(152.35);
    identitiesHold(a);
    expect(statusOf(a, 'text.t4_review')).toEqual(['pass']);
    expect(statusOf(a, 'text.t4_litigation')).toEqual(['pass']);
  });
  it('reads 表四 as 17 digits in one run', () => {
    const run = analyzeText(page.replace('8 2 1 1 12 5 1 0 4 10 1 0 0 0 1', '82111251041010001'));
    expect(run.cells['t4.cases.review_total']).toBe(12);
    expect(run.cells['t4.cases.lit_direct_total']).toBe(10);
    expect(run.cells['t4.cases.lit_after_review_total']).toBe(1);
  });
});

describe('the opening of a report only', () => {
  const a = text('opening-only.txt');
  it('is a report, with its year, agency and format', () => {
    expect(a).toMatchObject({ isReport: true, year: 2023, agency: '某某市生态环境局', format: '2021' });
  });
  it('says plainly that the tables are not in the text, instead of six 缺少 errors', () => {
    expect(a.summary.notChecked.map((n) => n.reason)).toContain('tables-not-in-text');
    const note = a.summary.notChecked.find((n) => n.reason === 'tables-not-in-text')!;
    expect(note.zh).toContain('表');
    expect(note.en.length).toBeGreaterThan(0);
    expect(failed(a, 'sections.present')).toEqual([]);
    expect(failed(a, 'tables.present')).toEqual([]);
    expect(errors(a)).toEqual([]);
    expect(a.summary.status).toBe('incomplete');
  });
  it('without its title line, 一、总体情况 and the standard sub-topics still make it a report', () => {
    const untitled = analyzeText(shape('opening-only.txt').split('\n').slice(1).join('\n'));
    expect(untitled).toMatchObject({ isReport: true, year: 2023 });
  });
});

describe('title wordings', () => {
  // Seed-like body: the mirror without headings has no title line, so each wording is the only title.
  const body = shape('mirror-fragment-t2.txt');
  const cases: [string, string, number, string | null][] = [
    ['no 政府', '某某县水利局2022年信息公开工作年度报告', 2022, '某某县水利局'],
    ['本级政府(机关)', '某某市本级政府(机关)2022年政府信息公开工作年度报告', 2022, '某某市本级政府(机关)'],
    ['year after 工作', '某某街道办事处政府信息公开工作2022年度报告', 2022, '某某街道办事处'],
    ['人民政府…年信息公开', '某某县人民政府2022年信息公开工作年度报告', 2022, '某某县人民政府'],
    ['2022年报 in a heading', '某某县交通运输局2022年报', 2022, '某某县交通运输局'],
    ['the title inside the intro', '根据《条例》规定，现公布某某镇2022年政府信息公开工作年度报告。', 2022, '某某镇'],
  ];
  for (const [name, title, year, agency] of cases) {
    it(name, () => {
      const a = analyzeText(`${title}\n${body}`);
      expect(a).toMatchObject({ isReport: true, year, agency });
      expect(a.cells['t3.new_received.total']).toBe(4);
    });
  }
  it('no year in the title (某某县水利局信息公开工作年度报告): the year of the statistics period', () => {
    const a = analyzeText(`某某县水利局信息公开工作年度报告\n本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。\n${body.replace(/2022年/g, '2021年')}`);
    expect(a).toMatchObject({ isReport: true, year: 2022, agency: '某某县水利局' });
  });
});

describe('mirror copies', () => {
  it('pinyin after traditional characters, the 一、 heading dropped, a dropped ordinal, a pipe table one cell per line', () => {
    const a = text('mirror-pinyin.txt');
    expect(a).toMatchObject({ isReport: true, year: 2022, agency: '某某县民政局', format: '2021', traditional: true });
    // 、主動(dòng)公開政府信息情況 is section 二 despite the dropped 二.
    expect(failed(a, 'sections.present').map((f) => f.message)).toEqual(['缺少：一、总体情况']);
    expect(a.cells['t2.art20_1.normative_docs.valid']).toBe(6);
    expect(a.cells['t2.art20_5.admin_license.decisions']).toBe(14);
    expect(a.cells['t3.new_received.natural']).toBe(8);
    expect(a.cells['t3.carried_over.total']).toBe(1);
    expect(a.cells['t3.granted.total']).toBe(6);
    expect(a.cells['t3.unable_not_held.total']).toBe(3);
    expect(a.cells['t3.result_total.total']).toBe(10);
    expect(T3_ROW_IDS(a)).toHaveLength(175);
    expect(a.cells['t4.cases.review_total']).toBe(1);
    identitiesHold(a, ['sections.present']);
    expect(statusOf(a, 'text.t3_new')).toEqual(['pass']);
    expect(statusOf(a, 'text.t3_carried')).toEqual(['pass']);
  });
  it('a page that starts with 表二 as pipe rows, without any heading', () => {
    const a = text('mirror-fragment-t2.txt');
    expect(a).toMatchObject({ isReport: true, year: 2022, format: '2021' });
    expect(a.cells['t2.art20_1.normative_docs.valid']).toBe(11);
    expect(a.cells['t2.art20_5.admin_license.decisions']).toBe(305);
    expect(a.cells['t3.new_received.total']).toBe(4);
    expect(a.cells['t3.result_total.total']).toBe(4);
    expect(a.cells['t4.cases.review_total']).toBe(0);
    // The mirror kept no heading at all: that the sections are missing is what the page shows.
    identitiesHold(a, ['sections.present']);
  });
  it('a flip-book: page headers (Page 9 - 2022年报_某某县交通运输局), 表四’s header stacked one character per line', () => {
    const a = text('mirror-flipbook.txt');
    expect(a).toMatchObject({ isReport: true, year: 2022, agency: '某某县交通运输局', format: '2021' });
    expect(a.cells['t3.new_received.total']).toBe(9);
    expect(a.cells['t3.unable_not_held.total']).toBe(3);
    expect(a.cells['t3.result_total.total']).toBe(10);
    expect(T3_ROW_IDS(a)).toHaveLength(175);
    expect(a.cells['t4.cases.lit_direct_maintained']).toBe(1);
    expect(a.cells['t4.cases.lit_direct_total']).toBe(1);
    expect(a.cells['t2.art20_5.admin_license.decisions']).toBe(2516);
    identitiesHold(a);
  });
});

describe('reports before 2019: an older format, no arithmetic claimed', () => {
  for (const [file, year, agency] of [['older-2015.txt', 2015, '某某县人民政府'], ['older-2012.txt', 2012, '某某市统计局']] as const) {
    it(file, () => {
      const a = text(file);
      expect(a).toMatchObject({ isReport: true, year, agency, format: 'older' });
      expect(errors(a)).toEqual([]);
      expect(a.findings.filter((f) => /^(t3|t4|cells|sections|tables|text)\./.test(f.id) && f.status === 'fail')).toEqual([]);
      expect(a.summary.notChecked.map((n) => n.reason)).toContain('older-format');
      expect(a.summary.status).not.toBe('ok');
    });
  }
});

describe('a bare HTML fragment with numbers in their own inline elements', () => {
  const html = shape('fragment-inline-numbers.html');
  for (const [adapter, analyzeWith] of [['cheerio', analyzeHtml], ['happy-dom', analyzeDom]] as const) {
    it(`${adapter}: read like a page; 行政复议<span>36</span>起 is read as the sentence a person sees`, () => {
      const a = analyzeWith(html, 'fragment.html');
      expect(a).toMatchObject({ isReport: true, year: 2024, agency: '某某市自然资源和规划局', format: '2021' });
      expect(a.cells['t3.new_received.total']).toBe(36);
      expect(a.cells['t4.cases.review_total']).toBe(36);
      identitiesHold(a);
      expect(statusOf(a, 'text.t4_review')).toEqual(['pass']);
      expect(statusOf(a, 'text.t4_litigation')).toEqual(['pass']);
      expect(statusOf(a, 'text.t3_new')).toEqual(['pass']);
    });
  }
  it('a sentence that disagrees with 表四 is caught across the inline elements', () => {
    const a = analyzeHtml(html.replace('行政复议<span lang="EN-US">36</span>起', '行政复议<span lang="EN-US">35</span>起'));
    expect(failed(a, 'text.t4_review')[0]).toMatchObject({ expected: 36, actual: 35 });
  });
  it('both adapters give the same Analysis', () => {
    expect(analyzeDom(html, 'f.html')).toEqual(analyzeHtml(html, 'f.html'));
  });
});

describe('prose past the engine’s length cap', () => {
  it('is reported as not checked, never skipped silently', () => {
    const long = '2021年，我局持续推进政务公开工作，做好政策解读和回应关切。'.repeat(8000);
    const a = analyzeText(`${shape('mirror-flipbook.txt')}\n${long}\n全年收到政府信息公开申请9件。`);
    expect(a.isReport).toBe(true);
    expect(a.summary.notChecked.map((n) => n.reason)).toContain('prose-cap');
  });
});

describe('the year', () => {
  it('from YYYY年报 (the flip-book has no other title)', () => expect(text('mirror-flipbook.txt').year).toBe(2022));
  it('from the statistics period when the title has none', () => {
    const a = analyzeText(shape('opening-only.txt').replace('某某市生态环境局2023年政府信息公开工作年度报告', '某某市生态环境局政府信息公开工作年度报告').replace(/2023年，/g, '今年，'));
    expect(a.year).toBe(2023);
  });
  it('from the years most written once the page is judged a report', () => {
    expect(text('mirror-fragment-t2.txt').year).toBe(2022);
  });
});

describe('pages that are not reports stay out', () => {
  const negatives: [string, () => Analysis][] = [
    ['a 年报解读 page (文字解读, 一、编制背景, the contents sentence)', () => text('not-jiedu.txt')],
    ['a list page of report titles on one line', () => text('not-list-oneline.txt')],
    ['a 政府信息公开指南 on one line (二、依申请公开除上述主动公开的…)', () => text('not-guide-oneline.txt')],
    ['the 国办 format notice with its template headings and blank tables', () => analyzeHtml(shape('not-format-notice.html'))],
    ['a half-year statistics page', () => text('not-halfyear.txt')],
  ];
  for (const [name, run] of negatives) {
    it(name, () => {
      const a = run();
      expect(a.isReport).toBe(false);
      expect(a.findings).toEqual([]);
      expect(a.cells).toEqual({});
    });
  }
});

describe('two real portal pages (平潭综合实验区, TRS, Word-pasted tables)', () => {
  const real = (year: number) => analyzeHtml(readFixture(`real/pingtan-${year}.html`), `pingtan-${year}.html`);
  it('2025: 本年新收 154, 结转下年度 6, 行政复议 36, every identity holds', () => {
    const a = real(2025);
    expect(a).toMatchObject({ isReport: true, year: 2025, agency: '平潭综合实验区', format: '2021' });
    expect(a.cells['t3.new_received.total']).toBe(154);
    expect(a.cells['t3.carry_forward.total']).toBe(6);
    expect(a.cells['t4.cases.review_total']).toBe(36);
    expect(T3_ROW_IDS(a)).toHaveLength(175);
    identitiesHold(a);
  });
  it('the DOM adapter reads them as the command line does', () => {
    for (const year of [2024, 2025]) {
      const html = readFixture(`real/pingtan-${year}.html`);
      expect(analyzeDom(html, 'p.html')).toEqual(analyzeHtml(html, 'p.html'));
    }
  });
  it('2024: every identity holds', () => {
    const a = real(2024);
    expect(a).toMatchObject({ isReport: true, year: 2024, format: '2021' });
    expect(T3_ROW_IDS(a)).toHaveLength(175);
    identitiesHold(a);
  });
});

describe('the detector’s quick check lets every report shape through (else the checker never runs on it)', () => {
  const reports = ['oneline-2021.txt', 'oneline-2019-spaced.txt', 'opening-only.txt', 'mirror-pinyin.txt', 'mirror-fragment-t2.txt', 'mirror-flipbook.txt', 'older-2015.txt', 'older-2012.txt'];
  for (const name of reports) it(name, () => expect(quickCheck('', shape(name))).toBe(true));
  it('fragment-inline-numbers.html (its text, as the detector samples it)', () => {
    expect(quickCheck('', shape('fragment-inline-numbers.html').replace(/<[^>]+>/g, ''))).toBe(true);
  });
});
