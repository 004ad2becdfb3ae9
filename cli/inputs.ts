/** Command-line inputs → pages: files, folders (recursively) and URLs, each bounded in size. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { pageFromText } from '../utils/report/page.ts';
import type { PageSource } from '../utils/report/types.ts';
import { pageFromHtml } from './cheerioPage.ts';
import { decodeBytes } from './decode.ts';
import { readCapped } from '../utils/fetch/fetchPage.ts';

/** What a folder is searched for. A file named on the command line is read whatever its name, unless NOT_REPORT_EXTENSIONS. */
export const REPORT_EXTENSIONS = new Set(['.html', '.htm', '.shtml', '.xhtml', '.txt']);
/** Files that are never a report page, even when named: documentation, data, code. */
const NOT_REPORT_EXTENSIONS = new Set(['.md', '.markdown', '.json', '.csv', '.tsv', '.js', '.mjs', '.ts', '.css', '.xml', '.yml', '.yaml']);
export const MAX_MB = 20;
const MAX_BYTES = MAX_MB * 1024 * 1024;
const FETCH_TIMEOUT_MS = 20_000;

export const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** An input that cannot be read, with the reason in a person's words (no stack, no errno). */
export class InputError extends Error {}

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

/**
 * Text and markup → a page: HTML when it looks like markup (a whole page or a bare fragment:
 * an article body that starts with <p>, <span>, <table>, <div>, <font> …), else plain text.
 */
export function pageFromContent(text: string, source: string, hint?: 'html' | 'text'): PageSource {
  const html = hint === 'html' || (hint !== 'text' && /<(?:!doctype|html|head|body|table|p|div|span|font|br|h[1-6]|section|article)[\s>/]/i.test(text.slice(0, 20000)));
  return html ? pageFromHtml(text, source) : pageFromText(text, source);
}

/** The reason a file cannot be read, in Chinese (Node's ENOENT and friends are for programmers). */
function fileError(e: NodeJS.ErrnoException, path: string): Error {
  switch (e.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new InputError(`找不到文件：${path}`);
    case 'EACCES':
    case 'EPERM':
      return new InputError(`没有读取权限：${path}`);
    case 'EISDIR':
      return new InputError(`是文件夹，不是文件：${path}`);
    default:
      return new InputError(`无法读取 ${path}（${e.code ?? e.message}）`);
  }
}

/** A URL's body, streamed and stopped past MAX_BYTES (a hostile or broken server cannot fill the memory). */
async function fetchBytes(url: string): Promise<{ bytes: Uint8Array; declared?: string }> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
  } catch (e) {
    const name = (e as Error).name;
    throw new InputError(name === 'TimeoutError' ? `网址 ${FETCH_TIMEOUT_MS / 1000} 秒内没有响应：${url}` : `无法访问网址：${url}（${(e as Error).message}）`);
  }
  if (!res.ok) throw new InputError(`网址返回 HTTP ${res.status}：${url}`);
  const bytes = await readCapped(res, MAX_BYTES);
  if (!bytes) throw new InputError(`响应超过 ${MAX_MB} MB，未读取：${url}`);
  const declared = /charset=([\w-]+)/i.exec(res.headers.get('content-type') ?? '')?.[1];
  return { bytes, declared };
}

/** An input's bytes, read; turning them into a page is synchronous (pageFromLoaded), so one time limit covers it with the analysis. */
export interface Loaded {
  source: string;
  bytes: Uint8Array;
  /** The charset the HTTP header declared. */
  declared?: string;
  hint?: 'html' | 'text';
}

export async function loadInput(input: string): Promise<Loaded> {
  if (isUrl(input)) return { source: input, ...(await fetchBytes(input)) };
  const ext = extname(input).toLowerCase();
  if (NOT_REPORT_EXTENSIONS.has(ext)) throw new InputError(`不是报告网页或文本：${ext} 文件不读取（读取 .html、.htm、.txt 等）`);
  let bytes: Buffer;
  try {
    const s = await stat(input);
    if (s.isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
    if (s.size > MAX_BYTES) throw new InputError(`文件过大（${Math.round(s.size / 1024 / 1024)} MB，上限 ${MAX_MB} MB）：${input}`);
    bytes = await readFile(input);
  } catch (e) {
    throw e instanceof InputError ? e : fileError(e as NodeJS.ErrnoException, input);
  }
  const hint = ext === '.txt' ? 'text' : ext.startsWith('.htm') || ext === '.shtml' || ext === '.xhtml' ? 'html' : undefined;
  return { source: input, bytes, hint };
}

export function pageFromLoaded(l: Loaded): PageSource {
  return pageFromContent(decodeBytes(l.bytes, l.declared).text, l.source, l.hint);
}

export async function readInput(input: string): Promise<PageSource> {
  return pageFromLoaded(await loadInput(input));
}
