/**
 * Seed 004 (上海市医疗保障局 2021: every identity holds, every cell filled) as a gov.cn page in
 * the official layout, with any cells changed: the base of the rule, suspect and summary tests.
 */
import { analyze } from '../../utils/report/analyze.ts';
import { pageFromText } from '../../utils/report/page.ts';
import { govPage, officialT2, officialT3, officialT4, type Values } from './official.ts';
import { seedText } from './load.ts';

/** Seed 004's cells as text ('' for a blank), read from the seed itself. */
export const VALUES_004: Values = Object.fromEntries(
  Object.entries(analyze(pageFromText(seedText('004'), 'seed-004')).cells).map(([k, v]) => [k, v === null ? '' : String(v)]),
);

export const S6_004 = '2021年，我局未发生收取信息处理费的情况。';

export interface Page004Options {
  /** Section 六's text. */
  s6?: string;
  /** Section 一's text. */
  intro?: string;
  /** Tables left off the page (their section headings stay). */
  omit?: ('t2' | 't3' | 't4')[];
}

/** The page of seed 004 with `changes` applied to its cells, and the options. */
export function page004(changes: Values = {}, { s6 = S6_004, intro = '2021年，我局全面开展政府信息公开工作。', omit = [] }: Page004Options = {}): string {
  const v = { ...VALUES_004, ...changes };
  const table = (t: 't2' | 't3' | 't4', html: () => string) => (omit.includes(t) ? '本部分统计表见附件。' : { html: html() });
  return govPage({
    title: '上海市医疗保障局2021年政府信息公开工作年度报告',
    body: [
      { html: '<p>一、总体情况</p>' }, intro,
      { html: '<p>二、主动公开政府信息情况</p>' }, table('t2', () => officialT2(v, '2021')),
      { html: '<p>三、收到和处理政府信息公开申请情况</p>' }, table('t3', () => officialT3(v, '2021')),
      { html: '<p>四、政府信息公开行政复议、行政诉讼情况</p>' }, table('t4', () => officialT4(v)),
      { html: '<p>五、存在的主要问题及改进情况</p>' }, '一是政策解读的多样性、精准性还需进一步提高；二是门户网站栏目设计和管理还需进一步加强。',
      { html: '<p>六、其他需要报告的事项</p>' }, s6,
    ],
  });
}
