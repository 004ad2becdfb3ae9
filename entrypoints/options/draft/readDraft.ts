/**
 * A draft before it is published: a Word document (.docx, read by mammoth, loaded only when
 * one is opened), an HTML file (.html/.htm, in whatever charset Word or WPS saved it), a text
 * file, or what Word puts on the clipboard (its HTML flavour). The HTML is parsed inert
 * (DOMParser), cut down to the elements a report's text and tables need (nothing that runs,
 * loads or styles), then read by the same page walker and engine as a page on the web.
 * The cleaned nodes are what the panel shows, so the engine's cell refs point at them.
 */
import { decodeBytes } from '../../../cli/decode.ts';
import { pageFromDocument } from '../../../utils/dom/page.ts';
import { analyzePage, type AnalysisWithRefs } from '../../../utils/report/analyze.ts';
import { pageFromText } from '../../../utils/report/page.ts';
import type { PageSource } from '../../../utils/report/types.ts';

export interface Draft {
  /** Where it came from: `draft:<file name>` or `draft:clipboard`. */
  source: string;
  name: string;
  /** The cleaned body whose children the panel shows (HTML drafts); null for a text draft. */
  body: HTMLElement | null;
  text: string | null;
  /** What the page walker read: the library checks it again when the person keeps the draft. */
  page: PageSource<Node>;
  result: AnalysisWithRefs<Node>;
  /** mammoth's remarks on a Word file (unsupported features), for the person to see. */
  notes: string[];
}

/** Elements a report needs; anything else is unwrapped (its children kept) or dropped. */
const KEEP = new Set([
  'p', 'div', 'span', 'br', 'b', 'strong', 'i', 'em', 'u', 'sup', 'sub', 'font', 'center', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'colgroup', 'col', 'blockquote', 'pre', 'hr', 'a',
]);
/** Elements dropped with everything inside: they run, load, or hold no report text. */
const DROP = new Set(['script', 'style', 'link', 'meta', 'base', 'iframe', 'frame', 'object', 'embed', 'img', 'svg', 'math', 'video', 'audio', 'source', 'picture', 'canvas', 'form', 'input', 'button', 'select', 'textarea', 'template', 'noscript', 'head', 'title', 'xml']);
const KEEP_ATTRIBUTES = new Set(['colspan', 'rowspan', 'align', 'valign']);

/** Cleans a parsed body in place: no script, no request (images, styles), no event handlers. */
export function cleanBody(body: HTMLElement): HTMLElement {
  const walk = (el: Element) => {
    for (const child of Array.from(el.children)) {
      const tag = child.localName;
      if (DROP.has(tag)) {
        child.remove();
        continue;
      }
      walk(child);
      if (!KEEP.has(tag)) {
        child.replaceWith(...Array.from(child.childNodes));
        continue;
      }
      for (const attr of Array.from(child.attributes)) if (!KEEP_ATTRIBUTES.has(attr.name)) child.removeAttribute(attr.name);
    }
  };
  walk(body);
  // Word's comments (<!--[if gte mso 9]>…) carry settings, not text.
  const comments = body.ownerDocument.createTreeWalker(body, 128 /* NodeFilter.SHOW_COMMENT */);
  const dead: Node[] = [];
  while (comments.nextNode()) dead.push(comments.currentNode);
  for (const c of dead) c.parentNode?.removeChild(c);
  return body;
}

/** An HTML draft (a file, Word's clipboard, mammoth's output) → cleaned body and analysis. */
export function readDraftHtml(html: string, name: string, source = `draft:${name}`): Draft {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const title = doc.title;
  const body = cleanBody(doc.body);
  // The title of a saved Word page is often the file name; the walker reads the text anyway.
  const page = pageFromDocument(doc, source);
  const result = analyzePage(page);
  if (!result.analysis.title && title) result.analysis.title = title;
  return { source, name, body, text: null, page, result, notes: [] };
}

export function readDraftText(text: string, name: string): Draft {
  const source = `draft:${name}`;
  const page = pageFromText(text, source) as unknown as PageSource<Node>;
  const result = analyzePage(page);
  return { source, name, body: null, text, page, result, notes: [] };
}

/** Word → HTML with mammoth, loaded on demand (it is large, and only this page needs it). */
export async function docxToHtml(data: ArrayBuffer): Promise<{ html: string; notes: string[] }> {
  const mammoth = await import('mammoth');
  // mammoth's browser build reads `arrayBuffer`, its Node build (the unit tests) `buffer`;
  // both hand the same bytes to the same zip reader.
  const input = { arrayBuffer: data, buffer: data } as unknown as { arrayBuffer: ArrayBuffer };
  const { value, messages } = await mammoth.convertToHtml(input, { includeDefaultStyleMap: true });
  return { html: value, notes: messages.map((m) => m.message) };
}

export class DraftError extends Error {}

/** A file the person opened. */
export async function readDraftFile(file: File): Promise<Draft> {
  const name = file.name;
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const MAX = 30 * 1024 * 1024;
  if (file.size > MAX) throw new DraftError(`文件过大（${Math.round(file.size / 1024 / 1024)} MB，上限 30 MB）`);
  const data = await file.arrayBuffer();
  if (ext === 'docx') {
    let converted: { html: string; notes: string[] };
    try {
      converted = await docxToHtml(data);
    } catch (e) {
      throw new DraftError(`无法读取此 Word 文件：${(e as Error).message}`);
    }
    const draft = readDraftHtml(converted.html, name);
    draft.notes = converted.notes;
    return draft;
  }
  if (ext === 'doc' || ext === 'wps') throw new DraftError('旧版 Word（.doc）或 WPS 文件请先另存为 .docx 再打开');
  if (ext === 'pdf') throw new DraftError('PDF 暂不能核对：请打开 Word 原稿（.docx）或复制其中文字粘贴到下方');
  let text: string;
  try {
    text = decodeBytes(new Uint8Array(data)).text;
  } catch (e) {
    throw new DraftError(`不是文本或网页文件：${(e as Error).message}`);
  }
  if (ext === 'html' || ext === 'htm' || /<(?:html|body|table)[\s>]/i.test(text.slice(0, 5000))) return readDraftHtml(text, name);
  return readDraftText(text, name);
}
