/**
 * A Word document (.docx) written from a fixture report's HTML, as a person's draft would be:
 * WordprocessingML paragraphs for the prose, real Word tables for the tables, with merged
 * cells as Word writes them (w:gridSpan across, w:vMerge down). Zipped with jszip; no Word
 * library is involved, so the test reads a file shaped by the format, not by our reader.
 */
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import JSZip from 'jszip';
import { esc } from './official.ts';

const run = (text: string, bold = false) => `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
const paragraph = (text: string, bold = false) => `<w:p>${run(text, bold)}</w:p>`;

function table($: cheerio.CheerioAPI, el: Element): string {
  // Lay the cells on a grid first: Word needs, on every row, a cell for each grid column
  // (a vMerge continuation where a cell from above reaches down).
  const rows = $(el).find('tr').toArray();
  const covered: { colSpan: number; origin: boolean }[][] = rows.map(() => []);
  const cells: { text: string; colSpan: number; rowSpan: number; row: number; col: number }[] = [];
  rows.forEach((tr, r) => {
    let c = 0;
    for (const td of $(tr).children('td, th').toArray()) {
      while (covered[r][c]) c++;
      const colSpan = Number($(td).attr('colspan') ?? 1) || 1;
      const rowSpan = Number($(td).attr('rowspan') ?? 1) || 1;
      cells.push({ text: $(td).text().trim(), colSpan, rowSpan, row: r, col: c });
      for (let dr = 0; dr < rowSpan && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < colSpan; dc++) covered[r + dr][c + dc] = { colSpan, origin: dr === 0 };
      }
      c += colSpan;
    }
  });
  const width = Math.max(...covered.map((row) => row.length));
  const out: string[] = [`<w:tbl><w:tblPr><w:tblBorders><w:insideH w:val="single"/><w:insideV w:val="single"/></w:tblBorders></w:tblPr><w:tblGrid>${'<w:gridCol w:w="900"/>'.repeat(width)}</w:tblGrid>`];
  rows.forEach((_tr, r) => {
    out.push('<w:tr>');
    for (let c = 0; c < width; ) {
      const cell = cells.find((x) => x.col === c && x.row <= r && r < x.row + x.rowSpan);
      if (!cell) {
        out.push('<w:tc><w:p/></w:tc>');
        c++;
        continue;
      }
      const props = `${cell.colSpan > 1 ? `<w:gridSpan w:val="${cell.colSpan}"/>` : ''}${cell.rowSpan > 1 ? (cell.row === r ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>') : ''}`;
      const body = cell.row === r ? cell.text.split('\n').map((line) => paragraph(line)).join('') || '<w:p/>' : '<w:p/>';
      out.push(`<w:tc><w:tcPr>${props}</w:tcPr>${body}</w:tc>`);
      c += cell.colSpan;
    }
    out.push('</w:tr>');
  });
  out.push('</w:tbl>');
  return out.join('');
}

/** The report of an HTML page (its h1 and article) as a .docx. */
export async function htmlToDocx(html: string, articleSelector = "#zoom"): Promise<Uint8Array<ArrayBuffer>> {
  const $ = cheerio.load(html);
  const body: string[] = [];
  const h1 = $('h1').first().text().trim();
  if (h1) body.push(paragraph(h1, true));
  const walk = (nodes: AnyNode[]) => {
    for (const node of nodes) {
      if (node.type !== 'tag') {
        const text = $(node).text().trim();
        if (text) body.push(paragraph(text));
        continue;
      }
      const el = node as Element;
      if (el.name === 'table') {
        const caption = $(el).children('caption').text().trim();
        if (caption) body.push(paragraph(caption, true));
        body.push(table($, el), '<w:p/>');
      } else if (el.name === 'p' || /^h\d$/.test(el.name)) {
        body.push(paragraph($(el).text().trim(), $(el).find('strong, b').length > 0));
      } else walk(el.children);
    }
  };
  walk($(articleSelector).first().contents().toArray());

  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body.join('')}<w:sectPr/></w:body></w:document>`,
  );
  return (await zip.generateAsync({ type: 'uint8array' })) as Uint8Array<ArrayBuffer>;
}

/**
 * The report as Word puts it on the clipboard (its text/html flavour): the Office namespaces,
 * mso styles, StartFragment comments, every cell's text in <p class=MsoNormal><span> with
 * <o:p></o:p>, widths and borders on the cells.
 */
export function htmlToWordClipboard(html: string, articleSelector = '#zoom'): string {
  const $ = cheerio.load(html);
  const article = $(articleSelector).first();
  article.find('td, th').each((_i, td) => {
    const text = $(td).text().trim();
    $(td).attr('width', '64').attr('valign', 'top').attr('style', "border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt");
    $(td).html(`<p class=MsoNormal align=center style='text-align:center'><span lang=EN-US style='font-size:10.5pt;font-family:仿宋_GB2312'>${esc(text)}<o:p></o:p></span></p>`);
  });
  article.find('table').attr('class', 'MsoNormalTable').attr('border', '1').attr('cellspacing', '0').attr('cellpadding', '0');
  article.find('p').not('td p, th p').each((_i, p) => {
    $(p).attr('class', 'MsoNormal').attr('style', 'text-indent:32.0pt;mso-char-indent-count:2.0');
    $(p).append('<o:p></o:p>');
  });
  return `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft Word 15">
<link rel=File-List href="file:///C:/Users/ADMINI~1/AppData/Local/Temp/msohtmlclip1/01/clip_filelist.xml">
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->
<style><!-- p.MsoNormal {margin:0cm;text-align:justify;font-size:10.5pt;font-family:等线;} @page WordSection1 {size:595.3pt 841.9pt;} --></style></head>
<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'><!--StartFragment-->
<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:16.0pt;font-family:方正小标宋简体'>${esc($('h1').first().text().trim())}<o:p></o:p></span></b></p>
${article.html()}
<!--EndFragment--></body></html>`;
}
