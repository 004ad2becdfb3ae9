/** Command-line inputs → pages: files, folders (recursively) and URLs. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { pageFromText } from '../utils/report/page.ts';
import type { PageSource } from '../utils/report/types.ts';
import { pageFromHtml } from './cheerioPage.ts';
import { decodeBytes } from './decode.ts';

export const REPORT_EXTENSIONS = new Set(['.html', '.htm', '.shtml', '.xhtml', '.txt']);
const MAX_BYTES = 20 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 20_000;

export const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** Expands folders into the report files under them, in a stable order. */
export async function expandInputs(args: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    if (isUrl(arg)) {
      out.push(arg);
      continue;
    }
    let s;
    try {
      s = await stat(arg);
    } catch {
      out.push(arg); // reported as unreadable, in its place
      continue;
    }
    if (s.isDirectory()) out.push(...(await walk(arg)));
    else out.push(arg);
  }
  return out;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const out: string[] = [];
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (REPORT_EXTENSIONS.has(extname(e.name).toLowerCase())) out.push(p);
  }
  return out;
}

/** Text and markup → a page: HTML when it looks like markup, else a plain-text report. */
export function pageFromContent(text: string, source: string, hint?: 'html' | 'text'): PageSource {
  const html = hint === 'html' || (hint !== 'text' && /<(?:html|body|table|p|div)[\s>]/i.test(text.slice(0, 20000)));
  return html ? pageFromHtml(text, source) : pageFromText(text, source);
}

export async function readInput(input: string): Promise<PageSource> {
  if (isUrl(input)) {
    const res = await fetch(input, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const declared = /charset=([\w-]+)/i.exec(res.headers.get('content-type') ?? '')?.[1];
    return pageFromContent(decodeBytes(bytes, declared).text, input);
  }
  const s = await stat(input);
  if (!s.isFile()) throw new Error('不是文件');
  if (s.size > MAX_BYTES) throw new Error(`文件过大（${Math.round(s.size / 1024 / 1024)} MB，上限 20 MB）`);
  const bytes = await readFile(input);
  const ext = extname(input).toLowerCase();
  return pageFromContent(decodeBytes(bytes).text, input, ext === '.txt' ? 'text' : ext.startsWith('.htm') || ext === '.shtml' ? 'html' : undefined);
}
