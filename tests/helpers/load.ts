/** Loading fixtures the way users' files reach the engine: text seeds and saved HTML pages. */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { analyze } from '../../utils/report/analyze.ts';
import { pageFromDocument } from '../../utils/dom/page.ts';
import { pageFromText } from '../../utils/report/page.ts';
import { FOLD_FROM, FOLD_TO } from '../../utils/report/quickCheck.ts';
import type { Analysis, Finding } from '../../utils/report/types.ts';
import { pageFromHtml } from '../../cli/cheerioPage.ts';

export const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;

export const SEED_FILES = {
  '000': '000_f7c59bf050b26a62.txt',
  '001': '001_3f39b63bfec8bfd9.txt',
  '002': '002_85b7d79067d9fe35.txt',
  '003': '003_1e2618f252abd06d.txt',
  '004': '004_220ec5b329bb1b46.txt',
} as const;
export const SEED_HTML = {
  '000': 'seed-000-hangzhou-2020.html',
  '001': 'seed-001-wenshang-2023.html',
  '002': 'seed-002-guizhou-2019-traditional.html',
  '003': 'seed-003-shaanxi-2021.html',
  '004': 'seed-004-shanghai-2021.html',
} as const;
export type SeedId = keyof typeof SEED_FILES;

export const readFixture = (path: string) => readFileSync(FIXTURES + path, 'utf8');
export const seedText = (id: SeedId) => readFixture('seeds/' + SEED_FILES[id]);
export const seedHtml = (id: SeedId) => readFixture('html/' + SEED_HTML[id]);

export const analyzeText = (text: string, source = 'test.txt') => analyze(pageFromText(text, source));
export const analyzeHtml = (html: string, source = 'test.html') => analyze(pageFromHtml(html, source));

/** The DOM adapter on a document parsed by happy-dom. */
export function domDocument(html: string): Document {
  const window = new Window({ url: 'https://www.example.gov.cn/zwgk/nb.html' });
  window.document.write(html);
  return window.document as unknown as Document;
}
export const analyzeDom = (html: string, source = 'test.html') => analyze(pageFromDocument(domDocument(html), source));

export const failed = (a: Analysis, id?: string): Finding[] => a.findings.filter((f) => f.status === 'fail' && (!id || f.id === id));
export const errors = (a: Analysis): Finding[] => a.findings.filter((f) => f.status === 'fail' && f.severity === 'error');
export const statusOf = (a: Analysis, id: string) => [...new Set(a.findings.filter((f) => f.id === id).map((f) => f.status))];

/**
 * What XPath's translate(text, FOLD_FROM, FOLD_TO) makes of a text in the detector's quick look:
 * a character of FOLD_FROM becomes FOLD_TO's at the same place, or is dropped past its end.
 * (tests/e2e/extension.e2e.ts holds it to Chromium's own.)
 */
export const foldLikeXPath = (text: string) =>
  Array.from(text, (c) => {
    const at = FOLD_FROM.indexOf(c);
    return at < 0 ? c : (FOLD_TO[at] ?? '');
  }).join('');
