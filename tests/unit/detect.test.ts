/**
 * Detection against pages that are reports and gov.cn pages that are not (after
 * github-url-detection: every page through the detector, false positives caught).
 */
import { describe, expect, it } from 'vitest';
import { quickCheck } from '../../utils/report/detect.ts';
import { mapToPairs, matchingMap, SPACES, WHITESPACE } from '../../utils/report/normalize.ts';
import { reportTableWords } from '../../utils/report/formats.ts';
import { REPORT_TABLE_MAP, REPORT_TABLE_WORDS } from '../../utils/report/page.ts';
import { readdirSync } from 'node:fs';
import { holdsBao, namesReportOutright } from '../../utils/dom/names.ts';
import { declaresOther, FOLD_FROM, FOLD_TO, mayBeReport, mayMatchFolded, PAGE_MARKERS, QUICK_MAP, quickMatch, quickWords } from '../../utils/report/quickCheck.ts';
import { normalize, normalizerFor } from '../../utils/report/normalize.ts';
import { analyzeHtml, analyzeText, FIXTURES, foldLikeXPath, readFixture, seedHtml, seedText, SEED_FILES, type SeedId } from '../helpers/load.ts';

const NOT_REPORTS: [string, string][] = [
  ['news', '<title>我局召开2024年工作会议</title><p>会议总结了2023年工作。</p>'],
  ['guide', '<title>政府信息公开指南</title><p>一、主动公开</p><p>二、依申请公开</p><p>申请人可以通过信函、电子邮件方式提出申请。</p>'],
  ['list', readFixture('html/not-report-list.html')],
  ['news with a table', readFixture('html/not-report-news.html')],
  ['government work report', '<title>2023年政府工作报告</title><p>一、2023年工作回顾</p><p>全年地区生产总值增长5.2%。</p>'],
];

describe('detect', () => {
  for (const id of Object.keys(SEED_FILES) as SeedId[]) {
    it(`seed ${id} passes the quick check and the full detection`, () => {
      const text = seedText(id);
      expect(quickCheck('', text)).toBe(true);
      expect(analyzeText(text).isReport).toBe(true);
    });
  }
  for (const [name, html] of NOT_REPORTS) {
    it(`not a report: ${name}`, () => {
      const a = analyzeHtml(html);
      expect(a.isReport).toBe(false);
      expect(a.findings).toEqual([]);
      expect(a.cells).toEqual({});
    });
  }
  it('the quick check ignores ordinary pages', () => {
    expect(quickCheck('我局召开2024年工作会议', '会议总结了2023年工作，部署了2024年任务。')).toBe(false);
    expect(quickCheck('首页', '')).toBe(false);
  });

  it('reads what an article page declares of itself (ArticleTitle, ColumnName), and then its text only when needed', () => {
    const unread = () => {
      throw new Error('the text was read');
    };
    const news = { article: '我局召开2024年医保基金监管工作会议', column: '工作动态' };
    // A page declaring another article is no report, whatever its text: the text is not read.
    expect(declaresOther('平潭综合实验区党工委管委会', news)).toBe(true);
    expect(quickCheck('平潭综合实验区党工委管委会', unread, news)).toBe(false);
    expect(quickCheck('首页', unread, { article: '2023年政府工作报告', column: '政府工作报告' })).toBe(false);
    // The page's title or what it declares names a report: found without reading the text.
    expect(quickCheck('平潭综合实验区党工委管委会', unread, { article: '平潭综合实验区2024年度政府信息公开工作年度报告', column: '' })).toBe(true);
    expect(quickCheck('详细信息', unread, { article: '2023年度报告', column: '政府信息公开年报' })).toBe(true);
    expect(declaresOther('平潭综合实验区2024年度政府信息公开工作年度报告', news)).toBe(false);
    // A declared title with a report word's characters that names none outright: the text decides.
    const near = { article: '2023年度政府信息公开工作报告', column: '通知公告' };
    expect(declaresOther('详细信息', near)).toBe(false);
    expect(quickCheck('详细信息', () => '一、总体情况 二、主动公开政府信息情况', near)).toBe(true);
    expect(quickCheck('详细信息', () => '会议总结了2023年工作。', near)).toBe(false);
    // No declaration (a home page, a column, a site without the metadata): the text decides.
    expect(declaresOther('首页', null)).toBe(false);
    expect(quickCheck('首页', () => '一、总体情况 三、收到和处理政府信息公开申请情况', null)).toBe(true);
  });

  it('every report title the fixtures hold, declared as the article\'s title, is never taken for another article', () => {
    const pages = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    const titles = [...pages.flatMap((f) => /<title>([^<]*)<\/title>/.exec(readFixture(f))?.[1] ?? []), ...Object.keys(SEED_FILES).map((id) => seedText(id as SeedId).split('\n').find((l) => l.trim())!)];
    const reports = titles.filter((t) => quickMatch(t));
    expect(reports.length).toBeGreaterThan(5);
    for (const title of reports) expect(declaresOther('', { article: title, column: '' }), title).toBe(false);
  });

  it('the quick check reads traditional, full-width and spaced writing like normalize()', () => {
    const words = ['政府信息公开工作年度报告', '第二十条第(一)项'];
    const quick = normalizerFor(words);
    for (const written of ['政府信息公開工作年度報告', '政府信息公开 工作\n年度报告', '第二十條第（一）項', '第二十条第\u3000(一)项']) {
      expect(words).toContain(quick(written));
      expect(quick(written)).toBe(normalize(written));
    }
    expect(quickCheck('貴州省2019年政府信息公開工作年度報告', '')).toBe(true);
    expect(quickCheck('', '一、總體情況 …… 三、收到和處理政府信息公開申請情況')).toBe(true);
    expect(quickCheck('政府信息公开指南', '一、主动公开 二、依申请公开')).toBe(false);
  });
});

describe('the quick check\'s gate (mayBeReport) never turns away a text the check itself would take', () => {
  // Texts the quick check meets: every fixture's text (tags dropped), whole and in overlapping
  // slices (many of which hold one marker, or a marker cut in two), and the words themselves in
  // traditional, full-width and spaced writing, alone and in pairs.
  const texts: string[] = [];
  for (const dir of ['seeds', 'shapes', 'html', 'lists', 'real']) {
    for (const name of readdirSync(FIXTURES + dir).filter((n) => /\.(txt|html)$/.test(n))) {
      const text = readFixture(`${dir}/${name}`).replace(/<[^>]*>/g, '');
      texts.push(text.slice(0, 6000));
      for (let at = 0; at < text.length; at += 37) texts.push(text.slice(at, at + 90));
    }
  }
  const words = [...PAGE_MARKERS, '2021年政府信息公开工作年度报告', '2021年度政府信息公开年报', '政府信息公开工作2023年度报告', '信息公开工作2023年度工作报告', '2022年报_', '政务公开工作年度报告'];
  const written = (w: string) => [w, w.replace(/报/g, '報').replace(/开/g, '開').replace(/况/g, '況').replace(/条/g, '條').replace(/项/g, '項').replace(/\(/g, '（').replace(/\)/g, '）'), [...w].join(' ')];
  for (const a of words) for (const b of ['', ...words]) for (const w of written(a)) texts.push(`${w}\n${b}`);

  it('on every text the fixtures and the words give', () => {
    const taken = texts.filter(quickMatch);
    // Not vacuous: many texts are taken, and many are turned away by the gate alone.
    expect(taken.length).toBeGreaterThan(200);
    expect(texts.filter((t) => !mayBeReport(t)).length).toBeGreaterThan(1000);
    expect(taken.filter((t) => !mayBeReport(t))).toEqual([]);
  });
  it('nor does the fold the page\'s XPath makes before it (mayMatchFolded)', () => {
    const taken = texts.filter(quickMatch);
    expect(texts.filter((t) => !mayMatchFolded(foldLikeXPath(t))).length).toBeGreaterThan(1000);
    expect(taken.filter((t) => !mayMatchFolded(foldLikeXPath(t)))).toEqual([]);
    // Written out of QUICK_MAP and the normalizer's white space, as the detector ships them.
    expect(FOLD_FROM).toBe(`${[...QUICK_MAP].filter((_, i) => i % 2 === 0).join('')}${SPACES}度工作`);
    expect(FOLD_TO).toBe([...QUICK_MAP].filter((_, i) => i % 2 === 1).join(''));
    // What it is for: a real portal's news page, its navigation full of 政府信息公开, is turned away.
    expect(mayMatchFolded(foldLikeXPath('首页 政务公开 政府信息公开 政府工作报告 举报中心 3月15日，我区召开2024年医保基金监管工作会议'))).toBe(false);
    expect(mayMatchFolded(foldLikeXPath('平潭综合实验区2024年度 政府信息公開工作年度報告'))).toBe(true);
  });
  it('knows the white space the normalizer drops, code unit by code unit', () => {
    const space = new RegExp(`^${WHITESPACE.source}$`);
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) if (SPACES.includes(String.fromCharCode(c)) !== space.test(String.fromCharCode(c))) differ.push(`U+${c.toString(16)}`);
    expect(differ).toEqual([]);
  });
  it('turns away a real portal page\'s own words (政务公开, 政府信息公开, 政府工作报告 in its navigation) around a news article', () => {
    const real = readFixture('real/pingtan-2024.html');
    const start = real.indexOf('<div class=TRS_Editor>');
    const end = real.indexOf('<div class="article_attachment"');
    const page = (real.slice(0, start) + '<p>3月15日，我区召开2024年医保基金监管工作会议，部署年度重点任务。</p>' + real.slice(end))
      .replaceAll('平潭综合实验区2024年度政府信息公开工作年度报告', '我区召开2024年医保基金监管工作会议')
      .replaceAll('政府信息公开年报', '要闻');
    const text = page.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, '');
    expect(text).toContain('政府信息公开');
    expect(text).toContain('政府工作报告');
    expect(mayBeReport(text.slice(0, 6000))).toBe(false);
  });
  it('turns away the ordinary pages of the fixtures, whose words are common ones', () => {
    expect(mayBeReport('我局召开2024年医保基金监管工作会议_工作动态 3月15日，我局召开2024年医保基金监管工作会议，总结2023年工作，部署2024年重点任务。')).toBe(false);
  });
});

describe('the content scripts ship their character maps made in advance', () => {
  // When the words change, these fail with the new string to paste in.
  it('QUICK_MAP (the detector) is what normalize.ts makes for quickWords()', () => {
    expect(QUICK_MAP).toBe(mapToPairs(matchingMap(quickWords())));
  });
  it('REPORT_TABLE_WORDS (the page reader) are the report tables\' labels the formats hold', () => {
    expect(REPORT_TABLE_WORDS).toEqual(reportTableWords());
  });
  it('REPORT_TABLE_MAP (the page reader) is what normalize.ts makes for the report tables\' labels', () => {
    expect(REPORT_TABLE_MAP).toBe(mapToPairs(matchingMap(reportTableWords())));
  });
});

describe('a title that names the report outright (namesReportOutright) has the checker injected without the quick look', () => {
  const TITLES = [
    ...(Object.keys(SEED_FILES) as SeedId[]).map((id) => /<title>([^<]*)<\/title>/.exec(seedHtml(id))?.[1] ?? ''),
    '平潭综合实验区2024年度政府信息公开工作年度报告_政府信息公开年报_平潭综合实验区党工委管委会',
    '某某区2023年政府信息公开年报',
    '某某局政府信息公开工作2023年度报告 | 某某市人民政府',
  ];
  it('the seeds\' and real pages\' titles, and the other wordings', () => {
    expect(TITLES.filter((t) => !t)).toEqual([]);
    for (const title of TITLES) {
      expect(namesReportOutright(title), title).toBe(true);
      // Never looser than the quick check's own title test, nor than the detector's first look.
      expect(quickCheck(title, ''), title).toBe(true);
      expect(holdsBao(title), title).toBe(true);
    }
  });
  it('not by the column or site joined to another article\'s title, nor by other reports', () => {
    for (const title of [
      '关于2023年政府信息公开工作的说明_政府信息公开年报_某某区人民政府',
      '政府信息公开指南_某某市医疗保障局',
      '2023年政府工作报告',
      '某某区2023年法治政府建设年度报告',
      '政府信息公开工作报告',
      '详细信息',
      '',
    ]) {
      expect(namesReportOutright(title), title).toBe(false);
    }
  });
});
