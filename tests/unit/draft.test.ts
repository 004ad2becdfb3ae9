// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"disableCSSFileLoading":true,"disableJavaScriptFileLoading":true,"disableJavaScriptEvaluation":true,"disableIframePageLoading":true,"handleDisabledFileLoadingAsSuccess":true}}
/**
 * A draft before publishing: a .docx written from a fixture report, and the same report as
 * Word puts it on the clipboard, give the same cells and verdict as the HTML page; what the
 * panel shows is cleaned of anything that runs or loads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanBody, readDraftFile, readDraftHtml } from '../../entrypoints/options/draft/readDraft.ts';
import { pageFromDocument } from '../../utils/dom/page.ts';
import { analyze } from '../../utils/report/analyze.ts';
import { htmlToDocx, htmlToWordClipboard } from '../helpers/docx.ts';

const seed004 = readFileSync(join(import.meta.dirname, '../fixtures/html/seed-004-shanghai-2021.html'), 'utf8');
const withError = seed004.replace('<td colspan="3">一、本年新收政府信息公开申请数量</td><td>42</td>', '<td colspan="3">一、本年新收政府信息公开申请数量</td><td>43</td>');
const fromPage = (html: string) => analyze(pageFromDocument(new DOMParser().parseFromString(html, 'text/html'), 'page'));

describe('a Word draft', () => {
  it('reads the .docx into the same cells as the HTML page', async () => {
    const page = fromPage(seed004);
    const bytes = await htmlToDocx(seed004);
    const draft = await readDraftFile(new File([bytes], '2021年年报（送审稿）.docx'));
    expect(Object.keys(page.cells).length).toBeGreaterThan(100);
    expect(draft.result.analysis.cells).toEqual(page.cells);
    expect(draft.result.analysis.summary.status).toBe(page.summary.status);
    expect(draft.result.analysis.agency).toBe('上海市医疗保障局');
    expect(draft.source).toBe('draft:2021年年报（送审稿）.docx');
  });

  it('finds the wrong cell of a .docx draft and keeps a ref to it in what is shown', async () => {
    const draft = await readDraftFile(new File([await htmlToDocx(withError)], 'draft.docx'));
    const a = draft.result.analysis;
    expect(a.summary.status).toBe('errors');
    expect(a.cells['t3.new_received.natural']).toBe(43);
    const cell = draft.result.cellRefs.get('t3.new_received.natural') as Element;
    expect(cell.textContent).toBe('43');
    expect(draft.body!.contains(cell)).toBe(true);
  });
});

describe('pasted from Word', () => {
  it('reads the clipboard’s HTML into the same cells as the page', () => {
    const page = fromPage(seed004);
    const draft = readDraftHtml(htmlToWordClipboard(seed004), '粘贴的内容', 'draft:clipboard');
    expect(draft.result.analysis.cells).toEqual(page.cells);
    expect(draft.result.analysis.isReport).toBe(true);
  });

  it('shows nothing that runs, loads or styles', () => {
    const html = htmlToWordClipboard(seed004).replace('<!--StartFragment-->', '<!--StartFragment--><script>alert(1)</script><img src="http://tracker.example.com/x.gif" onerror="alert(2)"><p onclick="alert(3)" style="background:url(http://x.example.com/a.png)">正文</p><iframe src="http://x.example.com/"></iframe>');
    const body = readDraftHtml(html, 'x').body!;
    const markup = body.innerHTML;
    expect(markup).not.toMatch(/<script|<img|<iframe|<style|<link|onclick|onerror|style=|url\(|class=/i);
    expect(body.textContent).toContain('正文');
    expect(body.querySelector('td[colspan]')).not.toBeNull();
  });

  it('cleans in place and keeps spans', () => {
    const doc = new DOMParser().parseFromString('<body><div><font color=red><td>x</td></font><table><tr><td rowspan="2" style="x" class="y">1</td></tr></table></div></body>', 'text/html');
    cleanBody(doc.body);
    expect(doc.body.querySelector('td')!.getAttributeNames()).toEqual(['rowspan']);
  });
});
