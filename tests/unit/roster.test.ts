// @vitest-environment happy-dom
/** URLs pasted, and rosters of 单位, URL as Excel and WPS save them (CSV in GBK or with a BOM, XLSX). */
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parseCsv, parsePasted, parseXlsx } from '../../utils/fetch/roster.ts';

describe('pasted URLs', () => {
  it('takes one URL per line, keeps a unit written before it, reports lines without one', () => {
    const r = parsePasted('http://www.a.gov.cn/nb/2023.html\n\n某某市教育局\thttp://jyj.a.gov.cn/nb/t2024.html\n见附件\nhttp://www.a.gov.cn/nb/2023.html\n');
    expect(r.entries).toEqual([{ url: 'http://www.a.gov.cn/nb/2023.html' }, { url: 'http://jyj.a.gov.cn/nb/t2024.html', unit: '某某市教育局' }]);
    expect(r.skipped).toEqual([4]);
  });
});

describe('CSV rosters', () => {
  it('reads a GBK CSV from Excel, with a header, quoted cells and the URL in either column', () => {
    const csv = '单位,网址\r\n"某某市教育局","http://jyj.a.gov.cn/nb/t2024.html"\r\nhttp://wjw.a.gov.cn/nb/2023.html,"某某市卫生健康委员会"\r\n"某某市""数据""局",没有网址\r\n';
    const r = parseCsv(new Uint8Array(iconv.encode(csv, 'gbk')));
    expect(r.entries).toEqual([
      { url: 'http://jyj.a.gov.cn/nb/t2024.html', unit: '某某市教育局' },
      { url: 'http://wjw.a.gov.cn/nb/2023.html', unit: '某某市卫生健康委员会' },
    ]);
    expect(r.skipped).toEqual([4]);
  });

  it('reads UTF-8 with a BOM and tabs', () => {
    const r = parseCsv(new TextEncoder().encode('\ufeff单位\t链接\n某某区司法局\thttp://sfj.b.gov.cn/x.html\n'));
    expect(r.entries).toEqual([{ url: 'http://sfj.b.gov.cn/x.html', unit: '某某区司法局' }]);
    expect(r.skipped).toEqual([]);
  });
});

describe('XLSX rosters', () => {
  it('reads the first sheet: shared strings, inline strings and hyperlinked unit names', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    zip.file(
      'xl/workbook.xml',
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>',
    );
    zip.file('xl/_rels/workbook.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>');
    zip.file('xl/sharedStrings.xml', '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>单位</t></si><si><t>网址</t></si><si><t>某某市教育局</t></si><si><t>http://jyj.a.gov.cn/nb/t2024.html</t></si><si><r><t>某某市</t></r><r><t>民政局</t></r></si></sst>');
    zip.file(
      'xl/worksheets/sheet1.xml',
      `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>
<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>
<row r="3"><c r="A3" t="inlineStr"><is><t>某某市财政局</t></is></c><c r="C3" t="inlineStr"><is><t>https://czj.a.gov.cn/2023nb.html</t></is></c></row>
<row r="4"><c r="B4" t="s"><v>4</v></c></row>
</sheetData><hyperlinks><hyperlink ref="B4" r:id="rId7"/></hyperlinks></worksheet>`,
    );
    zip.file('xl/worksheets/_rels/sheet1.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="hyperlink" Target="http://mzj.a.gov.cn/nb/2023.html" TargetMode="External"/></Relationships>');
    const r = await parseXlsx(await zip.generateAsync({ type: 'uint8array' }));
    expect(r.entries).toEqual([
      { url: 'http://jyj.a.gov.cn/nb/t2024.html', unit: '某某市教育局' },
      { url: 'https://czj.a.gov.cn/2023nb.html', unit: '某某市财政局' },
      { url: 'http://mzj.a.gov.cn/nb/2023.html', unit: '某某市民政局' },
    ]);
    expect(r.skipped).toEqual([]);
  });
});
