/**
 * One report, every layout the project reads (issue 7 item 3): the same title, prose and cell
 * values written as the official HTML tables, a Word paste, tables split in pieces, a report
 * inside a layout table, header rows with explicit empty cells, traditional characters,
 * full-width digits, and as text with tabs, pipes, spaces, or the digits of each row run
 * together. A blank cell is written as each layout writes it: an empty <td>, an empty field
 * between two separators.
 */
import { readFileSync } from 'node:fs';
import { analyze } from '../../utils/report/analyze.ts';
import { RESULT_GROUPS, T2_BLOCKS, T3_COLUMNS, T3_ROWS, T4_COLUMNS, t2CellId, t3CellId, t4CellId, type FormatId } from '../../utils/report/formats.ts';
import { headingOf } from '../../utils/report/narrative.ts';
import { normalize, SIMPLIFIED, TRADITIONAL } from '../../utils/report/normalize.ts';
import { pageFromText } from '../../utils/report/page.ts';
import { govPage, officialT2, officialT3, officialT4, type Values } from './official.ts';
import { FIXTURES, SEED_FILES, type SeedId } from './load.ts';

export interface ReportParts {
  title: string;
  format: FormatId;
  values: Values;
  /** Headings and paragraphs in order; a table stands right after the heading of 二, 三, 四. */
  body: ({ heading: string; table?: 't2' | 't3' | 't4' } | string)[];
}

const TABLE_OF = { s2: 't2', s3: 't3', s4: 't4' } as const;

/** A seed report's title, prose and values (its tables' own lines dropped: the layouts write them). */
export function seedParts(id: SeedId): ReportParts {
  const text = readFileSync(FIXTURES + 'seeds/' + SEED_FILES[id], 'utf8');
  const a = analyze(pageFromText(text, id));
  const values: Values = {};
  for (const [cell, v] of Object.entries(a.cells)) values[cell] = v === null ? '' : String(v);
  const body: ReportParts['body'] = [];
  let section: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const heading = headingOf(normalize(line));
    if (heading) {
      section = heading.id;
      body.push({ heading: line, table: TABLE_OF[section as keyof typeof TABLE_OF] });
      continue;
    }
    if (section === 's2' || section === 's3' || section === 's4') continue;
    body.push(line);
  }
  const title = a.agency && !a.title.includes(a.agency) ? a.agency + a.title : a.title;
  return { title, format: a.format === '2019' ? '2019' : '2021', values, body };
}

/* ------------------------------------------------------------------ HTML layouts */

const s2t = new Map<string, string>();
Array.from(SIMPLIFIED).forEach((s, i) => s2t.has(s) || s2t.set(s, Array.from(TRADITIONAL)[i]));
export const toTraditional = (s: string) => Array.from(s).map((c) => s2t.get(c) ?? c).join('');
const fullWidthDigits = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

interface HtmlOptions {
  label?: (s: string) => string;
  value?: (s: string) => string;
  table?: (html: string, table: 't2' | 't3' | 't4') => string;
  /** Wrap the article (a layout table around it). */
  wrap?: (article: string, title: string) => string;
}

function html(parts: ReportParts, o: HtmlOptions = {}): string {
  const label = o.label ?? ((s: string) => s);
  const values: Values = o.value ? Object.fromEntries(Object.entries(parts.values).map(([k, v]) => [k, v === '' ? '' : o.value!(v)])) : parts.values;
  const tables = { t2: officialT2(values, parts.format, label), t3: officialT3(values, parts.format, label), t4: officialT4(values, label) };
  const body: (string | { html: string })[] = [];
  for (const part of parts.body) {
    if (typeof part === 'string') body.push(label(part));
    else {
      body.push({ html: `<p><strong>${label(part.heading)}</strong></p>` });
      if (part.table) body.push({ html: o.table ? o.table(tables[part.table], part.table) : tables[part.table] });
    }
  }
  // No CMS date in the header: every layout, text ones included, reads the report's own date.
  const page = govPage({ title: label(parts.title), body, published: null });
  return o.wrap ? o.wrap(page, label(parts.title)) : page;
}

const word = (t: string) =>
  t.replace('<table class="t3"', '<table class="MsoNormalTable"').replace(/<td([^>]*)>([^<]*)<\/td>/g, (_, attrs, text) =>
    `<td${attrs} style="border:solid windowtext 1.0pt"><p class="MsoNormal" align="center"><span style="font-size:10.5pt;font-family:仿宋_GB2312">${text === '' ? '&nbsp;' : text.replace('商业企业', '商业<br>企业').replace('本年新收', '本年<br>新收')}<o:p></o:p></span></p></td>`);

function split(t: string, table: 't2' | 't3' | 't4'): string {
  if (table === 't3') {
    const rows = t.split('\n');
    const cut = rows.findIndex((l) => l.includes('信访举报投诉类申请'));
    return [...rows.slice(0, cut), '</tbody></table>', '<p style="page-break-before:always"></p>', '<table border="1"><tbody>', ...rows.slice(cut)].join('\n');
  }
  if (table === 't2') return t.split(/(?=<tr><td colspan="4">)/).map((part, i) => (i === 0 ? part : `</tbody></table>\n<table class="t2-part"><tbody>\n${part}`)).join('');
  const rows = t.split('\n');
  return [...rows.slice(0, 5), '</tbody></table>', '<table class="numbers"><tbody>', ...rows.slice(5)].join('\n');
}

function explicitBlanks(t: string, table: 't2' | 't3' | 't4'): string {
  if (table === 't3') {
    return t.replace('<td rowspan="2">自然人</td>', '<td>自然人</td>').replace('<td rowspan="2">总计</td>', '<td>总计</td>')
      .replace('<tr><td>商业企业</td>', '<tr><td></td><td>商业企业</td>').replace('<td>其他</td></tr>', '<td>其他</td><td></td></tr>');
  }
  if (table === 't4') {
    return t.replace(/<td rowspan="2">/g, '<td>')
      .replace('<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td>结果维持</td>', '<tr><td></td><td></td><td></td><td></td><td></td><td>结果维持</td>');
  }
  return t;
}

function nested(page: string, title: string): string {
  const inner = page.replace(/^[\s\S]*<div id="zoom" class="TRS_Editor">/, '').replace(/<\/div>\s*<\/div>[\s\S]*$/, '');
  return `<html><head><title>${title}</title></head><body>
<table width="1000"><tr><td><table><tr><td>访问量</td><td>123456</td><td>今日</td><td>789</td></tr></table></td></tr>
<tr><td><table width="100%"><tr><td width="200"><table><tr><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td><td>6</td><td>7</td></tr></table></td>
<td>${inner}</td></tr></table></td></tr></table></body></html>`;
}

/* ------------------------------------------------------------------ text layouts */

type Sep = 'tab' | 'pipe' | 'space' | 'flattened';

/** One row as text: label cells, then values; a blank value is an empty field between separators. */
function textRow(labels: string[], values: string[], sep: Sep): string {
  if (sep === 'flattened') return labels.filter(Boolean).join('') + values.join('');
  if (sep === 'space') return [labels.filter(Boolean).join(' '), ...values].join(' ');
  const cells = [...labels, ...values];
  return sep === 'tab' ? cells.join('\t') : `${cells.join(' | ')} |`;
}

function textT2(v: Values, format: FormatId, sep: Sep): string[] {
  const lines: string[] = [];
  for (const b of T2_BLOCKS[format]) {
    lines.push(b.caption);
    lines.push(sep === 'tab' || sep === 'pipe' ? textRow(['信息内容'], b.columns.map((c) => c.label), sep) : `信息内容${b.columns.map((c) => c.label).join('')}`);
    for (const r of b.rows) lines.push(textRow([r.label], b.columns.map((c) => v[t2CellId(b.id, r.id, c.id)] ?? ''), sep));
  }
  return lines;
}

function textT3(v: Values, format: FormatId, sep: Sep): string[] {
  const header = sep === 'tab' || sep === 'pipe'
    ? [textRow(['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'], ['申请人情况'], sep), textRow([''], ['自然人', '法人或其他组织', '', '', '', '', '总计'], sep), textRow(['', ''], T3_COLUMNS.slice(1, 6).map((c) => c.label), sep)]
    : ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况', '自然人', '法人或其他组织总计', T3_COLUMNS.slice(1, 6).map((c) => c.label).join('')];
  const lines = [...header];
  let lastGroup: string | undefined;
  for (const r of T3_ROWS[format]) {
    const values = T3_COLUMNS.map((c) => v[t3CellId(r.id, c.id)] ?? '');
    const labels: string[] = [];
    if (r.id === 'granted') labels.push('三、本年度办理结果');
    else if (r.group && r.group !== lastGroup && !(format === '2019' && r.group === 'other')) labels.push(RESULT_GROUPS[r.group]);
    else if (['partial', 'result_total', 'other_processing'].includes(r.id) || r.group) labels.push('');
    lastGroup = r.group;
    lines.push(textRow([...labels, r.label], values, sep));
  }
  return lines;
}

function textT4(v: Values, sep: Sep): string[] {
  const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const values = T4_COLUMNS.map((c) => v[t4CellId(c.id)] ?? '');
  if (sep === 'flattened') return ['行政复议行政诉讼', ...outcomes, '未经复议直接起诉复议后起诉', ...outcomes, ...outcomes, values.join('')];
  if (sep === 'space') return ['行政复议 行政诉讼', `${outcomes.join(' ')} 未经复议直接起诉 复议后起诉`, [...outcomes, ...outcomes].join(' '), values.join(' ')];
  return [
    textRow(['行政复议'], ['', '', '', '', '行政诉讼'], sep),
    textRow([], [...outcomes, '未经复议直接起诉', '', '', '', '', '复议后起诉'], sep),
    textRow([], ['', '', '', '', '', ...outcomes, ...outcomes], sep),
    textRow([], values, sep),
  ];
}

function text(parts: ReportParts, sep: Sep): string {
  const lines = [parts.title];
  for (const part of parts.body) {
    if (typeof part === 'string') lines.push(part);
    else {
      lines.push(part.heading);
      if (part.table === 't2') lines.push(...textT2(parts.values, parts.format, sep));
      if (part.table === 't3') lines.push(...textT3(parts.values, parts.format, sep));
      if (part.table === 't4') lines.push(...textT4(parts.values, sep));
    }
  }
  return lines.join('\n');
}

/* ------------------------------------------------------------------ every layout */

export type Layout = { name: string; kind: 'html' | 'text'; content: string };

export function layouts(parts: ReportParts): Layout[] {
  return [
    { name: 'HTML, official layout', kind: 'html', content: html(parts) },
    { name: 'HTML, Word paste', kind: 'html', content: html(parts, { table: word }) },
    { name: 'HTML, tables split in pieces', kind: 'html', content: html(parts, { table: split }) },
    { name: 'HTML, inside a layout table', kind: 'html', content: html(parts, { wrap: nested }) },
    { name: 'HTML, header rows with explicit empty cells', kind: 'html', content: html(parts, { table: explicitBlanks }) },
    { name: 'HTML, traditional characters', kind: 'html', content: html(parts, { label: toTraditional }) },
    { name: 'HTML, full-width digits', kind: 'html', content: html(parts, { value: fullWidthDigits }) },
    { name: 'text, tab-separated', kind: 'text', content: text(parts, 'tab') },
    { name: 'text, pipe-separated', kind: 'text', content: text(parts, 'pipe') },
    { name: 'text, space-separated', kind: 'text', content: text(parts, 'space') },
    { name: 'text, digits run together', kind: 'text', content: text(parts, 'flattened') },
  ];
}
