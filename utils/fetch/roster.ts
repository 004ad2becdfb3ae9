/**
 * What a person hands in to check many reports: URLs pasted one per line, or a roster
 * (花名册) of 单位, URL as CSV (UTF-8 or GBK, as Excel and WPS save it) or XLSX. Whatever the
 * column order, the URL is the cell that is a web address (or a cell's hyperlink, in a
 * workbook) and the unit is the first other cell with text; a header row has no URL and is
 * skipped. Lines that hold no URL are returned, so the person sees what was left out.
 */
import { decodeBytes } from '../../cli/decode.ts';

export interface RosterEntry {
  url: string;
  unit?: string;
}

export interface Roster {
  entries: RosterEntry[];
  /** 1-based line (row) numbers that held text but no web address. */
  skipped: number[];
}

const URL_IN_TEXT = /https?:\/\/[^\s"'<>，。；、]+/i;

function toUrl(cell: string): string | null {
  const m = URL_IN_TEXT.exec(cell.trim());
  if (!m) return null;
  try {
    return new URL(m[0]).href;
  } catch {
    return null;
  }
}

function fromRows(rows: { cells: string[]; links?: (string | undefined)[] }[]): Roster {
  const entries: RosterEntry[] = [];
  const skipped: number[] = [];
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const cells = row.cells.map((c) => c.trim());
    // The URL written in a cell; else a cell's hyperlink (whose text may be the unit itself).
    const urlAt = cells.findIndex((c) => toUrl(c) !== null);
    let url = urlAt >= 0 ? toUrl(cells[urlAt]) : null;
    if (!url && row.links) {
      const linked = row.links.find((l) => l && toUrl(l));
      url = linked ? toUrl(linked) : null;
    }
    if (!url) {
      if (cells.some((c) => c)) skipped.push(i + 1);
      return;
    }
    if (seen.has(url)) return;
    seen.add(url);
    const unit = cells.find((c, j) => j !== urlAt && c && !toUrl(c));
    entries.push(unit ? { url, unit } : { url });
  });
  // A header row (单位, 网址) is no omission.
  if (skipped[0] === 1 && rows[0] && rows[0].cells.some((c) => /单位|名称|网址|链接|url|地址/i.test(c))) skipped.shift();
  return { entries, skipped };
}

/** Pasted text: one URL per line (a unit before it, separated by a tab or comma, is kept). */
export function parsePasted(text: string): Roster {
  return fromRows(text.split(/\r\n?|\n/).map((line) => ({ cells: line.split(/\t|,|，/) })));
}

/** CSV as Excel/WPS write it: quoted fields, doubled quotes, commas or tabs, a BOM or GBK. */
export function parseCsv(bytes: Uint8Array): Roster {
  const { text } = decodeBytes(bytes);
  const separator = !text.split('\n')[0].includes(',') && text.includes('\t') ? '\t' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === separator) row.push(cell), (cell = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell), rows.push(row), (row = []), (cell = '');
    } else cell += ch;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return fromRows(rows.map((cells) => ({ cells })));
}

/**
 * The first sheet of an XLSX workbook: shared and inline strings, numbers as written, and
 * cell hyperlinks (a unit's name linked to its report). jszip is loaded only when a
 * workbook is opened.
 */
export async function parseXlsx(data: ArrayBuffer | Uint8Array): Promise<Roster> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(data);
  const xml = async (path: string) => {
    const file = zip.file(path);
    return file ? new DOMParser().parseFromString(await file.async('string'), 'application/xml') : null;
  };
  const workbook = await xml('xl/workbook.xml');
  const rels = await xml('xl/_rels/workbook.xml.rels');
  const firstSheet = workbook?.getElementsByTagName('sheet')[0];
  const relId = firstSheet?.getAttribute('r:id') ?? firstSheet?.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id');
  const target = Array.from(rels?.getElementsByTagName('Relationship') ?? []).find((r) => r.getAttribute('Id') === relId)?.getAttribute('Target') ?? 'worksheets/sheet1.xml';
  const sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  const sheet = await xml(sheetPath);
  if (!sheet) throw new Error('工作簿中没有工作表');

  const shared = Array.from((await xml('xl/sharedStrings.xml'))?.getElementsByTagName('si') ?? []).map((si) =>
    Array.from(si.getElementsByTagName('t')).map((t) => t.textContent ?? '').join(''),
  );
  const sheetRelsPath = sheetPath.replace(/([^/]+)$/, '_rels/$1.rels');
  const sheetRels = await xml(sheetRelsPath);
  const linkTargets = new Map(Array.from(sheetRels?.getElementsByTagName('Relationship') ?? []).map((r) => [r.getAttribute('Id'), r.getAttribute('Target') ?? '']));
  const links = new Map<string, string>();
  for (const h of Array.from(sheet.getElementsByTagName('hyperlink'))) {
    const id = h.getAttribute('r:id') ?? h.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id');
    const href = id ? linkTargets.get(id) : undefined;
    if (href) links.set(h.getAttribute('ref') ?? '', href);
  }

  const column = (ref: string) => {
    const letters = /^[A-Z]+/.exec(ref)?.[0] ?? 'A';
    return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  };
  const rows: { cells: string[]; links: (string | undefined)[] }[] = [];
  for (const r of Array.from(sheet.getElementsByTagName('row'))) {
    const cells: string[] = [];
    const rowLinks: (string | undefined)[] = [];
    for (const c of Array.from(r.getElementsByTagName('c'))) {
      const ref = c.getAttribute('r') ?? '';
      const at = ref ? column(ref) : cells.length;
      const type = c.getAttribute('t');
      const v = c.getElementsByTagName('v')[0]?.textContent ?? '';
      const text =
        type === 's' ? (shared[Number(v)] ?? '') : type === 'inlineStr' ? Array.from(c.getElementsByTagName('t')).map((t) => t.textContent ?? '').join('') : v;
      while (cells.length < at) cells.push('');
      cells[at] = text;
      rowLinks[at] = links.get(ref);
    }
    rows.push({ cells, links: rowLinks });
  }
  return fromRows(rows);
}
