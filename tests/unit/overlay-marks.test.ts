/**
 * What the overlay marks, from the Analysis alone: the suspect cell in error with its value,
 * the other cells of the identities it explains related, unexplained failures in error;
 * dismissed findings and blank-cell incompleteness mark nothing. And a text table's value is
 * found again in the page's own text nodes (utils/dom/highlight.ts), whitespace and all.
 */
import { describe, expect, it } from 'vitest';
import { cellMarks, locateCell, problemCells } from '../../components/marks.ts';
import { displayFigure } from '../../components/FigureList.tsx';
import { rangeInBlock } from '../../utils/dom/highlight.ts';
import { pageFromDocument } from '../../utils/dom/page.ts';
import { messages } from '../../utils/i18n.ts';
import { groupDigits } from '../../utils/report/labels.ts';
import { analyzePage } from '../../utils/report/analyze.ts';
import type { Analysis, Finding } from '../../utils/report/types.ts';
import { domDocument, readFixture } from '../helpers/load.ts';
import { esc } from '../helpers/official.ts';

const seed004 = readFixture('html/seed-004-shanghai-2021.html');
const withError = seed004.replace('<td colspan="3">一、本年新收政府信息公开申请数量</td><td>42</td>', '<td colspan="3">一、本年新收政府信息公开申请数量</td><td>43</td>');

/** The engine's Analysis of the page with one wrong cell, which it names as the suspect. */
function analysisWithSuspect(): Analysis {
  const { analysis } = analyzePage(pageFromDocument(domDocument(withError)));
  const failed = analysis.findings.filter((f) => f.status === 'fail' && f.severity === 'error');
  expect(failed.map((f) => f.id).sort()).toEqual(['t3.balance', 't3.row_total']);
  expect(analysis.suspects.map((s) => [s.cell, s.actual, s.expected])).toEqual([['t3.new_received.natural', 43, 42]]);
  expect([...analysis.suspects[0].explains].sort()).toEqual(failed.map((f) => f.check).sort());
  return analysis;
}

describe('cell marks', () => {
  it('one suspect: that cell in error with its value, the other cells of its identities related', () => {
    const a = analysisWithSuspect();
    const marks = cellMarks(a);
    const errors = [...marks].filter(([, m]) => m.status === 'error');
    expect(errors.map(([id]) => id)).toEqual(['t3.new_received.natural']);
    expect(errors[0][1].suspect?.expected).toBe(42);
    expect(errors[0][1].findings).toHaveLength(2);
    expect(marks.get('t3.new_received.total')?.status).toBe('related');
    expect(marks.get('t3.carried_over.natural')?.status).toBe('related');
    expect(problemCells(a)).toEqual(['t3.new_received.natural']);
    for (const f of a.findings.filter((x) => x.status === 'fail' && x.severity === 'error')) expect(locateCell(a, f)).toBe('t3.new_received.natural');
  });

  it('no suspect: the cells of a failed identity stay in error', () => {
    const { analysis } = analyzePage(pageFromDocument(domDocument(withError)));
    const marks = cellMarks({ ...analysis, suspects: [] });
    expect(marks.get('t3.new_received.natural')?.status).toBe('error');
    expect(marks.get('t3.new_received.total')?.status).toBe('error');
    expect([...marks.values()].some((m) => m.status === 'related')).toBe(false);
  });

  it('dismissed findings, notes and blank-cell incompleteness mark nothing', () => {
    const { analysis } = analyzePage(pageFromDocument(domDocument(withError)));
    const quiet = (f: Finding): Finding => (f.status === 'fail' ? { ...f, dismissed: { reason: '已与填报单位核实', at: '2026-01-01' } } : f);
    expect(cellMarks({ ...analysis, suspects: [], findings: analysis.findings.map(quiet) }).size).toBe(0);
    const incomplete = analysis.findings.map((f) => (f.status === 'fail' ? { ...f, incomplete: true, severity: 'warning' as const } : f));
    expect(cellMarks({ ...analysis, suspects: [], findings: incomplete }).size).toBe(0);
  });
});

describe('text-table values found in the page text', () => {
  it('maps the engine offsets back to the text nodes, across elements and collapsed spaces', () => {
    const lines = readFixture('seeds/004_220ec5b329bb1b46.txt')
      .split('\n')
      .map((l) => (l.startsWith('一、本年新收') ? l.replace('\t42\t', '\t43\t') : l));
    // One line split over several nodes, with runs of spaces and a non-breaking space the page wrote.
    const html = `<html><head><title>上海市医疗保障局2021年政府信息公开工作年度报告</title></head><body>${lines
      .map((l) => (l.startsWith('一、本年新收') ? `<p>\n  一、本年新收<b>政府信息公开</b>申请数量 &nbsp; <span>43</span>   7 0 0 0 0 49</p>` : `<p>${esc(l)}</p>`))
      .join('\n')}</body></html>`;
    const doc = domDocument(html);
    const { cellRefs, cellAt, analysis } = analyzePage(pageFromDocument(doc));
    expect(analysis.tables.t3.source).toBe('text');
    const range = (id: string) => rangeInBlock(cellRefs.get(id) as Node, cellAt.get(id)!)?.toString();
    expect(range('t3.new_received.natural')).toBe('43');
    expect(range('t3.new_received.commercial')).toBe('7');
    expect(range('t3.new_received.total')).toBe('49');
    expect(range('t3.carried_over.natural')).toBe('0');
  });
});

describe('words', () => {
  it('groups large numbers for people, not the share', () => {
    expect(groupDigits(11398889)).toBe('11,398,889');
    expect(displayFigure('newReceived', 11398889)).toBe('11,398,889');
    expect(displayFigure('grantedShare', 0.5)).toBe('50.0%');
    expect(displayFigure('newReceived', null)).toBe('—');
  });

  it('English has every word Chinese has, without Chinese punctuation', () => {
    const zh = messages('zh-CN');
    const en = messages('en-US');
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    const verdict = { status: 'incomplete' as const, read: true, errors: 0, warnings: 0, incomplete: 2, passed: 10, skipped: 1 };
    const strings = Object.entries(en).map(([k, v]) => (typeof v === 'function' ? (v as (...a: unknown[]) => string)(...(k === 'status' ? ['errors', verdict] : [verdict, verdict])) : String(v)));
    for (const s of strings) expect(s).not.toMatch(/[\u3000-\u303f\uff00-\uffef]/);
    expect(zh.chip(verdict)).toBe('⚠ 未能核对 3 项');
    expect(zh.status('ok', verdict)).toBe('✓ 全部相符');
    expect(zh.chip({ ...verdict, read: false })).toBe('⚠ 未能读取');
  });
});

/** Renders into a happy-dom document set as the global one (Preact renders into `document`). */
async function inDocument(run: (app: HTMLElement, render: <P>(component: (props: P) => unknown, props: P) => void) => Promise<void> | void) {
  const preact = await import('preact');
  const doc = domDocument('<html><body><div id="app"></div></body></html>');
  const g = globalThis as Record<string, unknown>;
  const saved = g.document;
  g.document = doc;
  const app = doc.getElementById('app')!;
  try {
    await run(app, (component, props) => preact.render(preact.h(component as never, props as never), app));
  } finally {
    g.document = saved;
  }
}

describe('findings list', () => {
  const list = import('../../components/FindingList.tsx');
  it('shows a dismissed finding struck through with its reason, not counted; rule texts behind a toggle; ids in a small line', async () => {
    const { FindingList } = await list;
    await inDocument(async (app, render) => {
      const { analysis } = analyzePage(pageFromDocument(domDocument(withError)));
      const [first, second] = analysis.findings.filter((f) => f.status === 'fail' && f.severity === 'error');
      const findings = [first, { ...second, dismissed: { reason: '已与填报单位核实', at: '2026-01-01' } }];
      const rules = { [first.id]: { title: { zh: '表三 收支平衡', en: 'Table 3 balance' }, explanation: { zh: '每一列都应成立。', en: 'In every column.' } } };
      render(FindingList, { findings, suspects: [], format: analysis.format, t: messages('zh-CN'), rules });
      expect(app.querySelector('.grc-error .grc-count')?.textContent).toBe('1');
      const dismissed = app.querySelector('li.grc-dismissed')!;
      expect(dismissed.querySelector('s')?.textContent).toBe(second.message);
      expect(dismissed.querySelector('.grc-reason')?.textContent).toBe('已忽略：已与填报单位核实');
      const live = app.querySelector('li:not(.grc-dismissed)')!;
      expect(live.querySelector('details.grc-rule summary')?.textContent).toBe('表三 收支平衡');
      expect(live.querySelector('details.grc-rule p')?.textContent).toBe('每一列都应成立。');
      expect(live.querySelector('.grc-ids')?.textContent).toContain('t3.new_received.natural');
      expect(live.querySelector('.grc-message')?.textContent).not.toContain('t3.');
    });
  });

  it('one wrong cell is one error: the suspect’s sentence with 定位, the two checks it explains beneath it', async () => {
    const { FindingList } = await list;
    await inDocument(async (app, render) => {
      const a = analysisWithSuspect();
      const located: string[] = [];
      render(FindingList, { findings: a.findings, suspects: a.suspects, format: a.format, t: messages('zh-CN'), onLocate: (f) => located.push(f.check!) });
      // The list counts what the summary counts.
      expect(app.querySelector('.grc-error .grc-count')?.textContent).toBe(String(a.summary.errors));
      expect(a.summary.errors).toBe(1);
      const suspect = app.querySelector('li.grc-suspect')!;
      expect(suspect.getAttribute('data-suspect')).toBe('t3.new_received.natural');
      // Named by its row and column, not by its id.
      expect(suspect.querySelector('.grc-where')?.textContent).toMatch(/^表三「.*新收.*」·自然人$/);
      expect(suspect.querySelector(':scope > .grc-message')?.textContent).toBe(a.suspects[0].message);
      expect(a.suspects[0].message).toMatch(/^此格应为 42：.*现为 43$/);
      const explained = [...suspect.querySelectorAll('ul.grc-explains > li')].map((li) => li.getAttribute('data-check'));
      expect(explained.sort()).toEqual([...a.suspects[0].explains].sort());
      // One 定位, the suspect's.
      expect(app.querySelectorAll('.grc-error .grc-locate')).toHaveLength(1);
      (suspect.querySelector('.grc-locate') as HTMLElement).click();
      expect(located).toHaveLength(1);
      expect(a.findings.find((f) => f.check === located[0])?.suspect).toBe('t3.new_received.natural');
    });
  });
});
