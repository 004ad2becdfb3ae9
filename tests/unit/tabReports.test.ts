/**
 * A tab's reports as the toolbar and the popup show them: one report per frame with its
 * address and site, the badge summing them up, and who may read them.
 */
import { describe, expect, it } from 'vitest';
import { asNotChecked, mayRead, notCheckedBecause, type FrameReport } from '../../utils/messages.ts';
import { analyzePage } from '../../utils/report/analyze.ts';
import type { Analysis, VerdictStatus } from '../../utils/report/types.ts';
import { badgeOf, orderFrames, sameSite, siteOf } from '../../utils/tabReports.ts';
import { analyzeHtml, seedHtml } from '../helpers/load.ts';

const clean = analyzeHtml(seedHtml('004'));
const wrong = analyzeHtml(seedHtml('004').replace('<td colspan="3">一、本年新收政府信息公开申请数量</td><td>42</td>', '<td colspan="3">一、本年新收政府信息公开申请数量</td><td>43</td>'));

/** The same report with its summary's status set, for the badge's cases. */
function withStatus(status: VerdictStatus, counts: Partial<Analysis['summary']> = {}): Analysis {
  return { ...clean, summary: { ...clean.summary, status, errors: 0, warnings: 0, ...counts } };
}
const frame = (frameId: number, analysis: Analysis, extra: Partial<FrameReport> = {}): FrameReport => ({
  frameId,
  url: `http://www.example.gov.cn/${frameId}.html`,
  isTop: frameId === 0,
  sameSite: true,
  analysis,
  ...extra,
});

describe('the toolbar badge', () => {
  it('the fixtures are what the cases need: a clean report is ok, a wrong cell is an error', () => {
    expect(clean.summary.status).toBe('ok');
    expect(wrong.summary.status).toBe('errors');
    expect(wrong.summary.errors).toBeGreaterThan(0);
  });

  it('sums the errors of every report in the tab and says how many reports there are', () => {
    const badge = badgeOf([frame(0, wrong), frame(3, wrong), frame(5, clean)], 'zh-CN');
    expect(badge.text).toBe(String(wrong.summary.errors * 2));
    expect(badge.colour).toBe('#d93025');
    expect(badge.title).toBe(`年报校验：3 份报告，${wrong.summary.errors * 2} 项错误`);
    expect(badgeOf([frame(0, wrong), frame(3, clean)], 'en-US').title).toBe(`Annual Report Check: 2 reports, ${wrong.summary.errors} error${wrong.summary.errors === 1 ? '' : 's'}`);
  });

  it('follows the summary: amber ! for warnings, amber ? for what could not be checked, green ✓ only when all holds', () => {
    expect(badgeOf([frame(0, withStatus('warnings', { warnings: 2 }))], 'zh-CN')).toEqual({ text: '!', colour: '#e37400', title: '年报校验：1 份报告，无错误，2 项警告' });
    expect(badgeOf([frame(0, withStatus('incomplete'))], 'zh-CN')).toEqual({ text: '?', colour: '#e37400', title: '年报校验：1 份报告，未发现错误，部分内容未能核对' });
    expect(badgeOf([frame(0, clean)], 'zh-CN')).toEqual({ text: '✓', colour: '#188038', title: '年报校验：1 份报告，全部核对无误' });
    // The worst report decides: one clean report does not hide another's unchecked table.
    expect(badgeOf([frame(0, clean), frame(2, withStatus('incomplete'))], 'zh-CN').text).toBe('?');
    expect(badgeOf([], 'zh-CN')).toEqual({ text: '', colour: '#188038', title: '' });
  });

  it('a frame that looked like a report but could not be read is never green', () => {
    const nothing = analyzePage({ source: 'x', title: '某局2021年政府信息公开工作年度报告', blocks: [], notes: [{ reason: 'too-large', zh: '页面过大，未能送去核对', en: 'Page too large to be sent for checking' }] }).analysis;
    expect(nothing.summary.notChecked.map((n) => n.zh)).toContain('页面过大，未能送去核对');
    expect(badgeOf([frame(0, nothing, { unread: nothing.summary.notChecked[0] })], 'zh-CN').text).toBe('?');
    expect(badgeOf([frame(0, { ...nothing, summary: { ...nothing.summary, status: 'ok' } }, { unread: nothing.summary.notChecked[0] })], 'zh-CN').text).toBe('?');
  });
});

describe('frames and sites', () => {
  it('the page itself first, then its frames in order', () => {
    expect(orderFrames([frame(7, clean), frame(0, clean), frame(3, clean)]).map((f) => f.frameId)).toEqual([0, 3, 7]);
  });

  it('tells an agency’s own frames from another site’s', () => {
    expect(siteOf('http://ybj.sh.gov.cn/a/b.html')).toBe('http://sh.gov.cn');
    expect(siteOf('https://www.example.com/x')).toBe('https://example.com');
    expect(siteOf('about:blank')).toBe('');
    expect(siteOf('not a url')).toBe('');
    expect(sameSite('http://report.example.gov.cn:8080/r.html', 'http://www.example.gov.cn:8080/portal.html')).toBe(true);
    expect(sameSite('http://www.other.gov.cn/r.html', 'http://www.example.gov.cn/portal.html')).toBe(false);
    expect(sameSite('https://www.example.gov.cn/r.html', 'http://www.example.gov.cn/portal.html')).toBe(false);
    // The tab's address is unknown to us when the page is not on gov.cn: another site.
    expect(sameSite('http://www.example.gov.cn/r.html', undefined)).toBe(false);
  });
});

describe('who may read a tab’s reports (grc:get)', () => {
  const origin = 'chrome-extension://abcdefghijklmnop';
  it('the extension’s own pages: any tab', () => {
    expect(mayRead({ url: `${origin}/popup.html` }, 12, origin)).toBe(true);
    expect(mayRead({ url: `${origin}/options.html#library`, tab: { id: 3 } }, 12, origin)).toBe(true);
  });
  it('a content script: its own tab only', () => {
    const contentScript = { url: 'http://www.other.gov.cn/frame.html', tab: { id: 5 } };
    expect(mayRead(contentScript, 5, origin)).toBe(true);
    expect(mayRead(contentScript, 6, origin)).toBe(false);
  });
  it('nothing else, not even an address that merely starts like ours', () => {
    expect(mayRead({ url: `${origin}evil/popup.html` }, 12, origin)).toBe(false);
    expect(mayRead({ url: 'chrome-extension://another/popup.html' }, 12, origin)).toBe(false);
    expect(mayRead({}, 12, origin)).toBe(false);
  });
});

describe('a page that could not be sent to the engine', () => {
  it('Chrome’s message-size error becomes "page too large", anything else says what happened', () => {
    expect(notCheckedBecause(new Error('Message length exceeded maximum allowed length.'))).toEqual({ reason: 'too-large', zh: '页面过大，未能送去核对', en: 'Page too large to be sent for checking' });
    expect(notCheckedBecause(new Error('Could not establish connection. Receiving end does not exist.'))).toMatchObject({ reason: 'other', zh: '未能核对此页：Could not establish connection. Receiving end does not exist.' });
  });
  it('what a message claims is kept to the known shape', () => {
    expect(asNotChecked({ reason: 'pwned', zh: 'x'.repeat(1000) })).toEqual({ reason: 'other', zh: 'x'.repeat(300), en: 'This page could not be checked' });
    expect(asNotChecked(undefined).reason).toBe('other');
  });
});
