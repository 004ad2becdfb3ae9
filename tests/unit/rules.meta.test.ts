/**
 * Conventions kept by a test (STYLE.md): rules/ holds one file per rule named by its id and
 * nothing else but its index, each rule has a Chinese and an English title and explanation, a
 * fixture where it passes and one where it fails, its findings have unique check ids and an
 * English sentence, and the README's table lists exactly the rules there are.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES, ruleTexts } from '../../utils/report/rules/index.ts';
import type { Analysis } from '../../utils/report/types.ts';
import type { Values } from '../helpers/official.ts';
import { analyzeHtml, analyzeText, seedHtml, seedText } from '../helpers/load.ts';
import { page004 } from '../helpers/report004.ts';
import { pingtan2025With, pingtanPage, withCells } from '../helpers/pingtan.ts';
import { analyze } from '../../utils/report/analyze.ts';
import { proseOfPage } from '../../utils/library/prose.ts';

const RULE_DIR = new URL('../../utils/report/rules/', import.meta.url).pathname;
const README = new URL('../../README.md', import.meta.url).pathname;

const t004 = () => seedText('004');
const h004 = () => seedHtml('004');
const t000 = () => seedText('000');
const with004 = (changes: Values, s6?: string) => page004(changes, s6 === undefined ? {} : { s6 });
/** 2025's own prose, as if last year's report had said the same. */
const analyzeProse2025 = () => proseOfPage(pingtanPage(2025));

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

// Cross-year rules: 2025 of 平潭 with 2024 as last year's report (real pages), as found or changed.
Object.assign(FIXTURES, {
  'crossyear.carried_over': {
    pass: () => pingtan2025With(),
    fail: () => pingtan2025With((a) => withCells(a, { 't3.carry_forward.natural': 6, 't3.carry_forward.total': 6 })),
  },
  'crossyear.in_force': {
    pass: () => pingtan2025With((a) => withCells(a, { 't2.art20_1.normative_docs.valid': 533 })),
    fail: () => pingtan2025With(),
  },
  'crossyear.repetition': {
    pass: () => pingtan2025With(),
    fail: () => pingtan2025With(undefined, { context: { previousProse: analyzeProse2025() } }),
  },
  'crossyear.jump': {
    pass: () => pingtan2025With((a) => withCells(a, {}, { reviewTotal: 30 })),
    fail: () => pingtan2025With(),
  },
  'publish.deadline': {
    pass: () => analyze(pingtanPage(2025)),
    fail: () => analyze(pingtanPage(2025), { context: { deadlines: { government: '03-01' } } }),
  },
} satisfies typeof FIXTURES);

describe('rules', () => {
  it('rules/ holds exactly one file per rule, named by its id, and index.ts', () => {
    // Every file counts: a helper or a stray file here fails instead of being skipped.
    const files = readdirSync(RULE_DIR).sort();
    expect(files).toEqual([...RULES.map((r) => `${r.id}.ts`), 'index.ts'].sort());
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it("the README's table of what is checked lists every rule id and no other", () => {
    const readme = readFileSync(README, 'utf8');
    const section = readme.slice(readme.indexOf('## What is checked'), readme.indexOf('\n## ', readme.indexOf('## What is checked') + 1));
    const rows = section.split('\n').filter((l) => l.startsWith('| `'));
    const listed = rows.flatMap((l) => [...l.split('|')[1].matchAll(/`([^`]+)`/g)].map((m) => m[1]));
    expect(listed.sort()).toEqual(RULES.map((r) => r.id).sort());
    // And each row's severity is the rules' own.
    for (const l of rows) {
      const [, ids, severity] = l.split('|').map((x) => x.trim());
      for (const [, id] of ids.matchAll(/`([^`]+)`/g)) expect(RULES.find((r) => r.id === id)!.severity, id).toBe(severity);
    }
  });

  it('ruleTexts() gives every rule its titles and explanations for the surfaces', () => {
    const texts = ruleTexts();
    expect(Object.keys(texts).sort()).toEqual(RULES.map((r) => r.id).sort());
    expect(texts['t3.balance'].title.zh).toBe(RULES.find((r) => r.id === 't3.balance')!.title.zh);
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
      it('its findings have unique check ids and a sentence in each language, without cell ids', () => {
        const fx = FIXTURES[rule.id];
        for (const a of [fx.pass(), fx.fail()]) {
          const checks = a.findings.map((f) => f.check);
          expect(new Set(checks).size, 'check ids unique').toBe(checks.length);
          for (const f of a.findings.filter((x) => x.id === rule.id)) {
            expect(f.check === rule.id || f.check!.startsWith(rule.id + '/'), f.check).toBe(true);
            expect(f.check).not.toMatch(/#/);
            expect(f.message).toMatch(/[\u4e00-\u9fff]/);
            expect(f.messageEn, f.check).toMatch(/^[^\u4e00-\u9fff]*[A-Za-z]{3}/);
            for (const text of [f.message, f.messageEn!]) expect(text, f.check).not.toMatch(/\bt[234]\.[a-z_]+/);
          }
        }
      });
    });
  }
});
