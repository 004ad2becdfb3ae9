/** Pages built to hurt: absurd spans, a huge table, deep nesting (tables, and 20 000 divs), broken markup. */
import { officialT2, officialT3, officialT4, govPage } from './official.ts';
import { seedHtml } from './load.ts';

export function hostilePages(): Record<string, string> {
  const report = seedHtml('004');
  const spans = report
    .replace('<td colspan="3">一、本年新收政府信息公开申请数量</td>', '<td colspan="100000" rowspan="100000">一、本年新收政府信息公开申请数量</td>')
    .replace('<td colspan="3">二、上年结转政府信息公开申请数量</td>', '<td colspan="0" rowspan="-5">二、上年结转政府信息公开申请数量</td>')
    .replace('<td colspan="5">申请人情况', '<td colspan="abc" rowspan="0">申请人情况');
  const bigRows = Array.from({ length: 20_000 }, (_, i) => `<tr><td>${i}</td><td>${i * 2}</td><td>${i % 7}</td></tr>`).join('');
  const rows20000 = report.replace('<div class="side">', `<div class="side"><table>${bigRows}</table>`);
  let nested = officialT3({}, '2021');
  for (let i = 0; i < 50; i++) nested = `<table><tr><td>${i === 0 ? '<p>三、收到和处理政府信息公开申请情况</p>' : ''}${nested}</td></tr></table>`;
  const deep = govPage({ title: '某局2021年政府信息公开工作年度报告', body: [{ html: nested }] });
  // 20 000 elements deep inside a table beside the report (recursion must stay bounded).
  const deepDivs = report.replace('<div class="side">', `<div class="side"><table><tr><td>${'<div>'.repeat(20_000)}x${'</div>'.repeat(20_000)}</td></tr></table>`);
  const malformed = '<html><body><p>2021年政府信息公开工作年度报告<table><tr><td rowspan=3>三、本年度办理结果<td>（一）予以公开<td>1<td>0</td><tr><td><<<>>>&&#xffff;&#0;</table></div></span><script>alert(1)</script><img src=x onerror=alert(1)>';
  const script = govPage({
    title: '某局2021年政府信息公开工作年度报告',
    body: [{ html: '<p>一、总体情况</p><p>&lt;img src=x onerror=alert(1)&gt;收到申请<b>3</b>件</p>' }, { html: officialT2({}, '2021') }, { html: officialT3({ 't3.new_received.natural': '<script>alert(1)</script>' }, '2021') }, { html: officialT4({}) }],
  });
  return { spans, rows20000, deep, deepDivs, malformed, script };
}
