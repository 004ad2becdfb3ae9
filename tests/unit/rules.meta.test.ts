/**
 * Conventions kept by a test (STYLE.md): one file per rule named by its id, a Chinese and an
 * English title and explanation, and for every rule a fixture where it passes and one where
 * it fails.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../utils/report/rules/index.ts';
import type { Analysis } from '../../utils/report/types.ts';
import { govPage, officialT2, officialT3, officialT4, type Values } from '../helpers/official.ts';
import { analyzeHtml, analyzeText, seedHtml, seedText } from '../helpers/load.ts';
import { VALUES_004 } from './variants.test.ts';

const RULE_DIR = new URL('../../utils/report/rules/', import.meta.url).pathname;

const t004 = () => seedText('004');
const h004 = () => seedHtml('004');
const t000 = () => seedText('000');
const with004 = (changes: Values, s6 = '2021年，我局未发生收取信息处理费的情况。') =>
  govPage({
    title: '上海市医疗保障局2021年政府信息公开工作年度报告',
    body: [
      { html: '<p>一、总体情况</p>' }, '2021年，我局全面开展政府信息公开工作。',
      { html: '<p>二、主动公开政府信息情况</p>' }, { html: officialT2({ ...VALUES_004, ...changes }, '2021') },
      { html: '<p>三、收到和处理政府信息公开申请情况</p>' }, { html: officialT3({ ...VALUES_004, ...changes }, '2021') },
      { html: '<p>四、政府信息公开行政复议、行政诉讼情况</p>' }, { html: officialT4({ ...VALUES_004, ...changes }) },
      { html: '<p>五、存在的主要问题及改进情况</p>' }, '一是政策解读的多样性、精准性还需进一步提高；二是门户网站栏目设计和管理还需进一步加强。',
      { html: '<p>六、其他需要报告的事项</p>' }, s6,
    ],
  });

/** For every rule id: a page where it passes, and one where it fails. */
const FIXTURES: Record<string, { pass: () => Analysis; fail: () => Analysis }> = {
  'tables.present': { pass: () => analyzeHtml(h004()), fail: () => analyzeText(seedText('002')) },
  't3.balance': { pass: () => analyzeHtml(h004()), fail: () => analyzeHtml(with004({ 't3.carry_forward.legal': '2', 't3.carry_forward.total': '2' })) },
  't3.result_total': { pass: () => analyzeHtml(h004()), fail: () => analyzeHtml(with004({ 't3.denied_admin_query.research': '1', 't3.denied_admin_query.total': '1' })) },
  't3.row_total': { pass: () => analyzeHtml(h004()), fail: () => analyzeHtml(with004({ 't3.granted.natural': '16' })) },
  't4.review_total': { pass: () => analyzeHtml(h004()), fail: () => analyzeHtml(with004({ 't4.cases.review_maintained': '1' })) },
  't4.lit_direct_total': { pass: () => analyzeHtml(h004()), fail: () => analyzeHtml(with004({ 't4.cases.lit_direct_corrected': '2' })) },
  't4.lit_after_review_total': { pass: () => analyzeHtml(h004()), fail: () => analyzeHtml(with004({ 't4.cases.lit_after_review_total': '3' })) },
  'cells.non_negative_integer': { pass: () => analyzeHtml(h004()), fail: () => analyzeHtml(with004({ 't3.other_other.social': '-1', 't3.other_other.legal': '1' })) },
  'cells.blank': { pass: () => analyzeHtml(h004()), fail: () => analyzeHtml(with004({ 't3.denied_state_secret.natural': '' })) },
  'cells.uncertain_split': { pass: () => analyzeText(t000().replace('36705283.86', '00')), fail: () => analyzeText(t000()) },
  'sections.present': { pass: () => analyzeHtml(h004()), fail: () => analyzeText(seedText('002')) },
  'sections.s5_nonempty': { pass: () => analyzeHtml(h004()), fail: () => analyzeText(t004().replace(/五、存在的主要问题及改进情况[\s\S]*六、其他需要报告的事项/, '五、存在的主要问题及改进情况\n\n无。\n\n六、其他需要报告的事项')) },
  'year.consistency': { pass: () => analyzeText(seedText('003')), fail: () => analyzeText(seedText('003').replace('统计时限为 2021 年 1 月 1 日至 2021 年 12 月 31 日', '统计时限为 2020 年 1 月 1 日至 2020 年 12 月 31 日')) },
  'format.outdated': { pass: () => analyzeHtml(h004()), fail: () => analyzeText(t000().replace('杭州市医疗保障局2020年政府信息公开工作年度报告', '杭州市医疗保障局2021年政府信息公开工作年度报告')) },
  's6.fee_statement': { pass: () => analyzeHtml(h004()), fail: () => analyzeHtml(with004({}, '本年度无其他需要报告的事项。')) },
  's6.fee_vs_t3': {
    pass: () => analyzeHtml(with004({ 't3.other_no_fee.natural': '1', 't3.other_no_fee.total': '1' })),
    fail: () => analyzeHtml(with004({ 't3.other_no_fee.natural': '1', 't3.other_no_fee.total': '1' }, '本年度无其他需要报告的事项。')),
  },
  'text.t3_new': { pass: () => analyzeText(t004()), fail: () => analyzeText(t004().replace('受理的 49 件', '受理的 48 件')) },
  'text.t3_carried': { pass: () => analyzeText(t000()), fail: () => analyzeText(t000().replace('含2019年度结转1件', '含2019年度结转2件')) },
  'text.t3_forward': { pass: () => analyzeText(t004() + '\n本年度结转下年度继续办理0件。'), fail: () => analyzeText(t004() + '\n本年度结转下年度继续办理3件。') },
  'text.t3_result_total': { pass: () => analyzeText(t000()), fail: () => analyzeText(t000().replace('答复依申请公开6件', '答复依申请公开7件')) },
  'text.t4_review': { pass: () => analyzeText(t000()), fail: () => analyzeText(seedText('003')) },
  'text.t4_litigation': { pass: () => analyzeText(t004() + '\n本年度发生行政诉讼0件。'), fail: () => analyzeText(t004() + '\n本年度发生行政诉讼2件。') },
  'text.group_totals': { pass: () => analyzeText(t000()), fail: () => analyzeText(t000().replace('予以公开的5件', '予以公开的4件')) },
};

describe('rules', () => {
  it('one file per rule, named by its id', () => {
    const files = readdirSync(RULE_DIR).filter((f) => /^[a-z0-9]+\.[a-z0-9_]+\.ts$/.test(f)).map((f) => f.slice(0, -3)).sort();
    expect(files).toEqual(RULES.map((r) => r.id).sort());
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      it('has a Chinese and an English title and explanation', () => {
        for (const text of [rule.title.zh, rule.explanation.zh]) expect(text).toMatch(/[\u4e00-\u9fff]{2}/);
        expect(rule.title.en.length).toBeGreaterThan(5);
        expect(rule.explanation.en.length).toBeGreaterThan(20);
        expect(['error', 'warning', 'info']).toContain(rule.severity);
      });
      it('has a fixture where it passes and one where it fails', () => {
        const fx = FIXTURES[rule.id];
        expect(fx, `fixtures for ${rule.id}`).toBeDefined();
        const pass = fx.pass().findings.filter((f) => f.id === rule.id);
        const fail = fx.fail().findings.filter((f) => f.id === rule.id);
        expect(pass.length).toBeGreaterThan(0);
        expect(pass.every((f) => f.status === 'pass'), JSON.stringify(pass.filter((f) => f.status !== 'pass'))).toBe(true);
        expect(fail.some((f) => f.status === 'fail')).toBe(true);
        for (const f of fail.filter((x) => x.status === 'fail')) expect(f.message).toMatch(/[\u4e00-\u9fff]/);
      });
    });
  }
});
