/**
 * Test helpers: tables 二/三/四 in the official HTML layout (rowspan/colspan as in the
 * format documents), and a gov.cn-like page around them (navigation, a calendar, a footer:
 * unrelated tables holding numbers). Used to write the committed fixtures and to derive the
 * reading variants.
 */
import { RESULT_GROUPS, T2_BLOCKS, T3_COLUMNS, T3_ROWS, T4_COLUMNS, t2CellId, t3CellId, t4CellId, type FormatId } from '../../utils/report/formats.ts';

export type Values = Record<string, string>;

/** Text written into HTML (or the .docx writer's XML) as text. */
export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const td = (text: string, attrs = '') => `<td${attrs}>${esc(text)}</td>`;

export function officialT2(values: Values, format: FormatId, label: (s: string) => string = (s) => s): string {
  const rows: string[] = [];
  for (const b of T2_BLOCKS[format]) {
    rows.push(`<tr>${td(label(b.caption), ' colspan="4"')}</tr>`);
    const single = b.columns.length === 1;
    rows.push(`<tr>${td(label('信息内容'))}${b.columns.map((c) => td(label(c.label), single ? ' colspan="3"' : b.columns.length === 2 && c === b.columns[1] ? ' colspan="2"' : '')).join('')}</tr>`);
    for (const r of b.rows) {
      rows.push(
        `<tr>${td(label(r.label))}${b.columns
          .map((c) => td(values[t2CellId(b.id, r.id, c.id)] ?? '', single ? ' colspan="3"' : b.columns.length === 2 && c === b.columns[1] ? ' colspan="2"' : ''))
          .join('')}</tr>`,
      );
    }
  }
  return `<table class="t2" border="1" cellspacing="0">\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

export function officialT3(values: Values, format: FormatId, label: (s: string) => string = (s) => s): string {
  const rows: string[] = [];
  rows.push(`<tr>${td(label('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'), ' colspan="3" rowspan="3"')}${td(label('申请人情况'), ' colspan="7"')}</tr>`);
  rows.push(`<tr>${td(label('自然人'), ' rowspan="2"')}${td(label('法人或其他组织'), ' colspan="5"')}${td(label('总计'), ' rowspan="2"')}</tr>`);
  rows.push(`<tr>${T3_COLUMNS.slice(1, 6).map((c) => td(label(c.label))).join('')}</tr>`);
  const list = T3_ROWS[format];
  const resultRows = list.filter((r) => !['new_received', 'carried_over', 'carry_forward'].includes(r.id));
  const groupCount = (g: string) => list.filter((r) => r.group === g).length;
  let lastGroup: string | undefined;
  for (const r of list) {
    let labels = '';
    if (['new_received', 'carried_over', 'carry_forward'].includes(r.id)) labels = td(label(r.label), ' colspan="3"');
    else {
      if (r.id === 'granted') labels += td(label('三、本年度办理结果'), ` rowspan="${resultRows.length}"`);
      const grouped = r.group && !(format === '2019' && r.group === 'other');
      if (grouped) {
        if (r.group !== lastGroup) labels += td(label(RESULT_GROUPS[r.group!]), ` rowspan="${groupCount(r.group!)}"`);
        labels += td(label(r.label));
      } else labels += td(label(r.label), ' colspan="2"');
    }
    lastGroup = r.group;
    rows.push(`<tr>${labels}${T3_COLUMNS.map((c) => td(values[t3CellId(r.id, c.id)] ?? '')).join('')}</tr>`);
  }
  return `<table class="t3" border="1" cellspacing="0">\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

export function officialT4(values: Values, label: (s: string) => string = (s) => s): string {
  const h = (s: string, a = '') => td(label(s), a);
  const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return `<table class="t4" border="1" cellspacing="0">
<tbody>
<tr>${h('行政复议', ' colspan="5"')}${h('行政诉讼', ' colspan="10"')}</tr>
<tr>${outcomes.map((o) => h(o, ' rowspan="2"')).join('')}${h('未经复议直接起诉', ' colspan="5"')}${h('复议后起诉', ' colspan="5"')}</tr>
<tr>${[...outcomes, ...outcomes].map((o) => h(o)).join('')}</tr>
<tr>${T4_COLUMNS.map((c) => td(values[t4CellId(c.id)] ?? '')).join('')}</tr>
</tbody>
</table>`;
}

export interface PageParts {
  title: string;
  /** Paragraphs and headings in order; `{table: 't3'}` stands where a table goes. */
  body: (string | { html: string })[];
  charset?: string;
  /**
   * The CMS's 发布时间 line in the page header; null: none (the report's own date then stands).
   * Default: 28 January of the year after the one the title names, in time for the deadline.
   */
  published?: string | null;
}

function defaultPublished(title: string): string {
  const year = Number(/(\d{4})\s*年/.exec(title)?.[1] ?? 2021);
  return `${year + 1}-01-28 09:30`;
}

/** A page shaped like a gov.cn article: navigation, breadcrumbs, the article, a footer. */
export function govPage(parts: PageParts): string {
  const paragraphs = parts.body
    .map((p) => (typeof p === 'string' ? `<p style="text-indent:2em;">${esc(p)}</p>` : p.html))
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="${parts.charset ?? 'utf-8'}">
<title>${esc(parts.title)}_政府信息公开</title>
</head>
<body>
<div class="header"><table class="nav"><tr><td><a href="/">首页</a></td><td><a href="/zwgk/">政务公开</a></td><td><a href="/bsfw/">办事服务</a></td><td><a href="/hdjl/">互动交流</a></td></tr></table></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府信息公开年报</div>
<div class="article">
<h1 class="title">${esc(parts.title)}</h1>
<div class="info">${parts.published === null ? '' : `发布时间：${parts.published ?? defaultPublished(parts.title)}　`}来源：本站　浏览次数：1234</div>
<div id="zoom" class="TRS_Editor">
${paragraphs}
</div>
</div>
<div class="side"><table class="calendar"><caption>2022年1月</caption>
<tr><th>日</th><th>一</th><th>二</th><th>三</th><th>四</th><th>五</th><th>六</th></tr>
<tr><td></td><td></td><td></td><td></td><td></td><td></td><td>1</td></tr>
<tr><td>2</td><td>3</td><td>4</td><td>5</td><td>6</td><td>7</td><td>8</td></tr>
<tr><td>9</td><td>10</td><td>11</td><td>12</td><td>13</td><td>14</td><td>15</td></tr></table></div>
<div class="footer"><table><tr><td>主办单位：本机关办公室</td><td>网站标识码：6100000035</td><td>ICP备案：陕ICP备12345678号-1</td><td>公安备案 61010402000123号</td></tr></table></div>
</body>
</html>
`;
}

/** The article of a page made by govPage: what a portal renders by script, or frames anew. */
export function articleOf(page: string): string {
  const article = /<div id="zoom" class="TRS_Editor">([\s\S]*?)<\/div>\s*<\/div>/.exec(page);
  if (!article) throw new Error('not a page made by govPage');
  return article[1];
}
