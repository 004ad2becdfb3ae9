/**
 * The cross-year rules and the publication deadline on real pages (平潭综合实验区 2024 → 2025),
 * and the library's part: whichever year is checked first, the later report ends with the same
 * cross-year findings.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { analyze } from '../../utils/report/analyze.ts';
import { pageFromText } from '../../utils/report/page.ts';
import { readPublished, toIsoDate, deadlineOf } from '../../utils/report/published.ts';
import { proseSentences, repetition } from '../../utils/report/crossyear.ts';
import { checkAndKeep } from '../../utils/library/check.ts';
import { Library } from '../../utils/library/store.ts';
import { pageFromHtml } from '../../cli/cheerioPage.ts';
import { PINGTAN_2024_URL, PINGTAN_2025_URL, pingtan2025With, pingtanPage, withCells } from '../helpers/pingtan.ts';
import { readFixture, seedHtml } from '../helpers/load.ts';
import type { Analysis, Finding } from '../../utils/report/types.ts';

const of = (a: Analysis, id: string) => a.findings.filter((f) => f.id === id);
const one = (a: Analysis, check: string) => a.findings.find((f) => f.check === check)!;

describe('crossyear.carried_over', () => {
  it('passes when 上年结转 equals last year’s 结转下年度 in every column (real 2024 → 2025: all 0)', () => {
    const found = of(pingtan2025With(), 'crossyear.carried_over');
    expect(found.map((f) => f.status)).toEqual(Array(7).fill('pass'));
  });
  it('warns on the 上年结转 cell of the column that differs, naming both reports and values', () => {
    const a = pingtan2025With((p) => withCells(p, { 't3.carry_forward.natural': 6, 't3.carry_forward.total': 6 }));
    const failed = of(a, 'crossyear.carried_over').filter((f) => f.status === 'fail');
    expect(failed.map((f) => f.check)).toEqual(['crossyear.carried_over/natural', 'crossyear.carried_over/total']);
    const total = failed[1];
    expect(total).toMatchObject({ severity: 'warning', table: 't3', cells: ['t3.carried_over.total'], expected: 6, actual: 0 });
    expect(total.message).toContain('本报告上年结转 0 件');
    expect(total.message).toContain('《平潭综合实验区2024年度政府信息公开工作年度报告》结转下年度继续办理 6 件');
    // A warning: the report's own arithmetic verdict is untouched, the summary counts it.
    expect(a.summary.warnings).toBeGreaterThanOrEqual(2);
  });
  it('says nothing without last year’s report (the command line, a first visit)', () => {
    expect(of(analyze(pingtanPage(2025)), 'crossyear.carried_over')).toEqual([]);
  });
});

describe('crossyear.in_force', () => {
  it('fails on the real pair: 440 + 58 − 45 = 453 in force expected, 546 written', () => {
    const f = one(pingtan2025With(), 'crossyear.in_force/normative_docs');
    expect(f).toMatchObject({ status: 'fail', expected: 453, actual: 546, table: 't2' });
    expect(f.cells).toEqual(['t2.art20_1.normative_docs.valid', 't2.art20_1.normative_docs.made', 't2.art20_1.normative_docs.repealed']);
    expect(one(pingtan2025With(), 'crossyear.in_force/regulations').status).toBe('pass');
  });
  it('is skipped when either report is in the 2019 format', () => {
    const f = of(pingtan2025With((p) => ({ ...p, format: '2019' })), 'crossyear.in_force');
    expect(f.map((x) => x.status)).toEqual(['skip']);
  });
});

describe('crossyear.repetition', () => {
  it('measures the share of real prose repeated (2025 vs 2024: low) and lists the repeated sentences as written', () => {
    const f = of(pingtan2025With(), 'crossyear.repetition')[0];
    expect(f.status).toBe('pass');
    expect(Number.parseInt(String(f.actual), 10)).toBeLessThan(50);
    expect(f.quotes?.length).toBeGreaterThan(0);
    // As the page wrote them (to be found on the page), not in matching form.
    for (const q of f.quotes!) expect(readFixture('real/pingtan-2025.html')).toContain(q.slice(0, 12));
  });
  it('fails above 50%, numbers aside: last year’s text with this year’s numbers is still a copy', () => {
    const lastYear = ['2024年，我区共收到政府信息公开申请218件，全部按时答复。', '一是加强组织领导，完善工作机制，压实工作责任。', '二是强化平台建设，优化政府网站栏目设置。'];
    const thisYear = ['2025年，我区共收到政府信息公开申请154件，全部按时答复。', '一是加强组织领导，完善工作机制，压实工作责任。', '二是强化平台建设，优化政府网站栏目设置。', '三是新增政策解读专栏，发布解读文章82篇并同步图解。'];
    const r = repetition(proseSentences(thisYear), proseSentences(lastYear));
    expect(r.repeated.length).toBe(3);
    expect(r.share).toBeGreaterThan(0.5);
  });
  it('leaves the page around the report out (menus and footer are the same every year)', () => {
    const f = of(pingtan2025With(), 'crossyear.repetition')[0];
    for (const q of f.quotes!) expect(q).not.toMatch(/版权所有|主办单位|网站标识码|^[一二三四五六]、/);
  });
});

describe('crossyear.jump', () => {
  it('flags 行政复议 7 → 36 (more than 5×) as info on its cell, and not the figures that changed less', () => {
    const a = pingtan2025With();
    const fails = of(a, 'crossyear.jump').filter((f) => f.status === 'fail');
    expect(fails.map((f) => f.check)).toEqual(['crossyear.jump/reviewTotal']);
    expect(fails[0]).toMatchObject({ severity: 'info', expected: 7, actual: 36, cells: ['t4.cases.review_total'] });
    expect(a.summary.errors).toBe(0);
  });
  it('ignores small numbers (1 → 6)', () => {
    const a = pingtan2025With((p) => withCells(p, {}, { reviewTotal: 36 * 6, litigationTotal: 1 }));
    expect(one(a, 'crossyear.jump/reviewTotal').status).toBe('fail');
    const b = analyze(pingtanPage(2025), { previous: withCells(analyze(pingtanPage(2024)), {}, { litigationTotal: 1 }) });
    expect(one(b, 'crossyear.jump/litigationTotal').status).toBe('pass'); // 1 → 9: both under 10
  });
});

describe('publication date', () => {
  it('reads the CMS meta tag and labelled header dates in their usual forms', () => {
    expect(pingtanPage(2025).published).toBe('2026-03-10'); // <meta name="PubDate" content="2026-03-10 12:56">
    expect(pageFromHtml(seedHtml('004'), 'x').published).toBe('2022-01-28'); // 发布时间：2022-01-28 09:30
    expect(toIsoDate('发布日期：2024-01-25', true)).toBe('2024-01-25');
    expect(toIsoDate('来源：本站 时间:2021-01-25 15:38', true)).toBe('2021-01-25');
    expect(toIsoDate('发布时间：2022年1月8日', true)).toBe('2022-01-08');
    expect(toIsoDate('发布日期：２０２４－０１－２５'.replace(/－/g, '-'), true)).toBe('2024-01-25');
    expect(toIsoDate('日期：2021-02-30', true)).toBeUndefined();
  });
  it('never takes a date from the report’s body (成文日期, 统计时限) for the publication date', () => {
    const text = ['某某局2023年政府信息公开工作年度报告', '本报告统计时限为2023年1月1日至2023年12月31日。', '某某局', '2024年1月20日'].join('\n');
    expect(pageFromText(text, 'x.txt').published).toBeUndefined();
    expect(readPublished(null, [{ kind: 'text', text: '成文日期：2024-01-20' }])).toBe('2024-01-20');
  });
});

describe('publish.deadline', () => {
  it('a government’s report by 3月31日: 平潭 2025 published 2026-03-10 passes', () => {
    expect(one(analyze(pingtanPage(2025)), 'publish.deadline')).toMatchObject({ status: 'pass', actual: '2026-03-10', expected: '≤ 2026-03-31' });
  });
  it('a department’s report by 1月31日: 上海市医疗保障局 2021 published 2022-01-28 passes, on 2022-02-15 fails', () => {
    expect(one(analyze(pageFromHtml(seedHtml('004'), 'x')), 'publish.deadline').status).toBe('pass');
    const late = one(analyze(pageFromHtml(seedHtml('004').replace('发布时间：2022-01-28', '发布时间：2022-02-15'), 'x')), 'publish.deadline');
    expect(late).toMatchObject({ status: 'fail', severity: 'warning', expected: '≤ 2022-01-31', actual: '2022-02-15' });
    expect(late.message).toContain('1月31日');
  });
  it('a locality’s earlier deadline from the settings applies', () => {
    const f = one(analyze(pingtanPage(2025), { context: { deadlines: { government: '03-01' } } }), 'publish.deadline');
    expect(f).toMatchObject({ status: 'fail', expected: '≤ 2026-03-01' });
  });
  it('no date on the page: skipped with the reason, never failed', () => {
    const html = readFixture('real/pingtan-2025.html').replace(/<meta name="PubDate"[^>]*>/, '').replace(/时间：2026-03-10 12:56/g, '');
    const f = one(analyze(pageFromHtml(html, 'x')), 'publish.deadline');
    expect(f.status).toBe('skip');
    expect(f.message).toContain('未能从页面读出发布日期');
  });
  it('tells governments from departments by the agency’s name', () => {
    const kind = (n: string) => deadlineOf(n, 2023, { department: '01-31', government: '03-31' }).kind;
    expect(['汶上县人民政府', '平潭综合实验区', '平潭综合实验区管委会', '杭州市西湖区'].map(kind)).toEqual(Array(4).fill('government'));
    expect(['上海市医疗保障局', '汶上县人民政府办公室', '陕西省发展和改革委员会', '杭州市医疗保障局（杭州市医疗保险办）'].map(kind)).toEqual(Array(4).fill('department'));
  });
});

describe('the library runs the cross-year checks whichever year is checked first', () => {
  let n = 0;
  const libs: Library[] = [];
  const fresh = () => {
    const l = new Library(`crossyear-${++n}`);
    libs.push(l);
    return l;
  };
  afterEach(async () => {
    for (const l of libs.splice(0)) await l.close();
  });
  const crossYear = (a: Analysis) =>
    a.findings.filter((f) => f.id.startsWith('crossyear.')).map((f: Finding) => ({ check: f.check, status: f.status, message: f.message, expected: f.expected, actual: f.actual }));

  it('earlier first: the later page is analyzed with it, and names which report was used', async () => {
    const library = fresh();
    await checkAndKeep(pingtanPage(2024), { url: PINGTAN_2024_URL, origin: 'page', library });
    const later = await checkAndKeep(pingtanPage(2025), { url: PINGTAN_2025_URL, origin: 'page', library });
    expect(later.entry?.previousUrl).toBe(PINGTAN_2024_URL);
    expect(one(later.analysis, 'crossyear.in_force/normative_docs').status).toBe('fail');
  });

  it('later first: checking the earlier one afterwards gives the stored later report the same cross-year findings', async () => {
    const inOrder = fresh();
    await checkAndKeep(pingtanPage(2024), { url: PINGTAN_2024_URL, origin: 'page', library: inOrder });
    const expected = crossYear((await checkAndKeep(pingtanPage(2025), { url: PINGTAN_2025_URL, origin: 'page', library: inOrder })).analysis);

    const reversed = fresh();
    const first = await checkAndKeep(pingtanPage(2025), { url: PINGTAN_2025_URL, origin: 'page', library: reversed });
    expect(crossYear(first.analysis)).toEqual([]);
    await checkAndKeep(pingtanPage(2024), { url: PINGTAN_2024_URL, origin: 'page', library: reversed });
    const updated = (await reversed.getEntry(PINGTAN_2025_URL))!;
    expect(updated.previousUrl).toBe(PINGTAN_2024_URL);
    expect(crossYear(updated.analysis)).toEqual(expected);
    expect(updated.analysis.summary.warnings).toBe(first.analysis.summary.warnings + 1); // in_force
  });

  it('another site’s copy of last year’s report is not used', async () => {
    const library = fresh();
    await checkAndKeep(pingtanPage(2024), { url: 'https://mirror.example.com/pingtan-2024.html', origin: 'page', library });
    const later = await checkAndKeep(pingtanPage(2025), { url: PINGTAN_2025_URL, origin: 'page', library });
    expect(crossYear(later.analysis)).toEqual([]);
    expect(later.entry?.previousUrl).toBeUndefined();
  });

  it('a dismissal survives checking the page again, and leaves the counts', async () => {
    const library = fresh();
    await checkAndKeep(pingtanPage(2024), { url: PINGTAN_2024_URL, origin: 'page', library });
    const before = (await checkAndKeep(pingtanPage(2025), { url: PINGTAN_2025_URL, origin: 'page', library })).analysis;
    await library.setDismissal(PINGTAN_2025_URL, 'crossyear.in_force/normative_docs', '已与填报单位核实');
    const again = (await checkAndKeep(pingtanPage(2025), { url: PINGTAN_2025_URL, origin: 'page', library })).analysis;
    expect(one(again, 'crossyear.in_force/normative_docs').dismissed?.reason).toBe('已与填报单位核实');
    expect(again.summary.warnings).toBe(before.summary.warnings - 1);
  });
});
