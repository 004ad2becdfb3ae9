// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"disableCSSFileLoading":true,"disableJavaScriptFileLoading":true,"disableJavaScriptEvaluation":true,"disableIframePageLoading":true,"handleDisabledFileLoadingAsSuccess":true}}
/**
 * A list page of reports, shaped like a real gov.cn 栏目 page (TRS/CMS markup, truncated
 * titles kept in the title attribute, relative links, navigation and footer links, a notice
 * about reports, a PDF, a traditional-character title, a pager by plain links or by script).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectAnchors } from '../../utils/fetch/anchors.ts';
import { parseHtml } from '../../utils/fetch/readPage.ts';
import { attachmentType, isReportList, readListPage, reportTitle } from '../../utils/report/links.ts';

const dir = join(import.meta.dirname, '../fixtures/lists');
const LIST_URL = 'http://www.example.gov.cn/zwgk/nb/index.html';

function read(file: string, url = LIST_URL) {
  const { anchors, base, scriptHints } = collectAnchors(parseHtml(readFileSync(join(dir, file), 'utf8')));
  return readListPage(anchors, url, { base: base || url, scriptHints });
}

describe('report links on a list page', () => {
  const list = read('list-plain-paging.html');

  it('finds each report once, with its full title, year and agency', () => {
    expect(list.reports.map((r) => [r.url, r.title, r.year, r.agency])).toEqual([
      ['http://www.example.gov.cn/zwgk/nb/202401/t20240125_1001.html', '某某市教育局2023年政府信息公开工作年度报告', 2023, '某某市教育局'],
      ['http://www.example.gov.cn/zwgk/nb/202401/t20240126_1002.html', '2023年某某市卫生健康委员会政府信息公开工作年度报告', 2023, '某某市卫生健康委员会'],
      ['http://www.example.gov.cn/zwgk/nb/202401/t20240129_1003.html', '【文字版】某某市医疗保障局2023年度政府信息公开工作年度报告', 2023, '某某市医疗保障局'],
      ['http://www.example.gov.cn/zwgk/nb/202401/P020240130.pdf', '某某市财政局2023年政府信息公开工作年度报告.pdf', 2023, '某某市财政局'],
      ['http://www.example.gov.cn/zwgk/nb/202401/t20240131_1004.html', '某某市人民政府2023年政府信息公开工作年度报告'.replace('公开', '公開').replace('年度报告', '年度報告'), 2023, '某某市人民政府'],
    ]);
    expect(isReportList(list)).toBe(true);
  });

  it('marks the PDF as an attachment and the pages as pages', () => {
    expect(list.reports.filter((r) => r.attachment).map((r) => r.attachment)).toEqual(['PDF']);
  });

  it('leaves out the notice about reports, navigation and footer links', () => {
    expect(list.reports.some((r) => r.title.includes('通知'))).toBe(false);
    expect(list.reports.some((r) => r.url.includes('conac') || r.url.endsWith('/zwgk/'))).toBe(false);
  });

  it('follows the pager’s plain links (page numbers and 下一页), not 首页 or the page itself', () => {
    expect(list.nextPages).toEqual(['http://www.example.gov.cn/zwgk/nb/index_1.html', 'http://www.example.gov.cn/zwgk/nb/index_2.html']);
    // 上一页 is javascript:; on the first page: that is no script pager.
    expect(list.scriptPaging).toBe(false);
  });
});

describe('a list that pages by script', () => {
  const list = read('list-script-paging.html', 'http://www.example.gov.cn/qzf/nb/index.shtml');

  it('reads the reports it links to and reports the script pager instead of guessing index_1.shtml', () => {
    expect(list.reports.map((r) => r.agency)).toEqual(['某某区人民政府', '某某区司法局']);
    expect(list.nextPages).toEqual([]);
    expect(list.scriptPaging).toBe(true);
    expect(list.scriptLinks).toBe(1);
  });
});

describe('titles and files', () => {
  it('reads report titles, and refuses titles about reports', () => {
    expect(reportTitle('平潭综合实验区2024年度政府信息公开工作年度报告')).toEqual({ year: 2024, agency: '平潭综合实验区' });
    expect(reportTitle('2022年政府信息公开工作年度报告')).toEqual({ year: 2022, agency: null });
    expect(reportTitle('关于2023年度政府信息公开工作年度报告的说明')).toBeNull();
    expect(reportTitle('某某市2023年政府信息公开工作年度报告评估结果的通报')).toBeNull();
    expect(reportTitle('政策解读')).toBeNull();
    expect(reportTitle('政府信息公开年报')).toBeNull();
  });

  it('knows attachments by their extension', () => {
    expect(attachmentType('http://x.gov.cn/a/P0201.pdf')).toBe('PDF');
    expect(attachmentType('http://x.gov.cn/a/年报.DOCX?v=1')).toBe('Word');
    expect(attachmentType('http://x.gov.cn/a/年报.wps')).toBe('WPS');
    expect(attachmentType('http://x.gov.cn/a/t2024.html')).toBeUndefined();
  });
});
