/**
 * One page, fetched politely: only from a site the person may check (allowed.ts), without
 * cookies or a referrer, within a time limit, and never more than a size cap (the body is
 * read as a stream and dropped past the cap, so a huge or endless page costs nothing more).
 * The bytes are decoded as gov.cn pages need: the charset of the Content-Type header, else
 * the <meta> tag, else the bytes (UTF-8 when they are valid UTF-8, GB18030 otherwise, which
 * covers GBK and GB2312) — the same decoder the command line uses.
 *
 * Nothing here parses or runs the page: the caller hands the text to DOMParser.
 */
import { decodeBytes, NotTextError } from '../../cli/decode.ts';

export interface FetchLimits {
  /** The whole request, headers and body, must finish within this many milliseconds. */
  timeoutMs: number;
  /** At most this many bytes of body are read. */
  maxBytes: number;
}

export const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 20_000, maxBytes: 8 * 1024 * 1024 };

/** Why a page could not be read: each becomes a sentence in the results (reasons.ts). */
export type FetchFailure =
  | { kind: 'not-allowed' }
  | { kind: 'timeout'; ms: number }
  | { kind: 'http'; status: number }
  | { kind: 'too-large'; maxBytes: number }
  | { kind: 'network'; message: string }
  | { kind: 'cancelled' };

export type FetchResult =
  | { ok: true; url: string; status: number; contentType: string; text: string; charset: string }
  /** A file that is not a web page (PDF, Word, an image…): its type, never its bytes. */
  | { ok: true; url: string; status: number; contentType: string; binary: true }
  | { ok: false; url: string; failure: FetchFailure };

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Content types that are pages (or text) we can read; anything else is a file. */
const PAGE_TYPES = /^(?:text\/html|application\/xhtml\+xml|text\/plain|text\/xml|application\/xml)\b/i;

export async function fetchPage(
  url: string,
  options: { limits?: FetchLimits; signal?: AbortSignal; fetch?: FetchLike; allowed: (url: string) => boolean | Promise<boolean> },
): Promise<FetchResult> {
  const { limits = DEFAULT_LIMITS, signal, allowed } = options;
  const doFetch: FetchLike = options.fetch ?? ((u, init) => fetch(u, init));
  if (!(await allowed(url))) return { ok: false, url, failure: { kind: 'not-allowed' } };
  if (signal?.aborted) return { ok: false, url, failure: { kind: 'cancelled' } };

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limits.timeoutMs);
  const onCancel = () => controller.abort();
  signal?.addEventListener('abort', onCancel);
  const failed = (e: unknown): FetchResult => {
    if (timedOut) return { ok: false, url, failure: { kind: 'timeout', ms: limits.timeoutMs } };
    if (signal?.aborted) return { ok: false, url, failure: { kind: 'cancelled' } };
    return { ok: false, url, failure: { kind: 'network', message: (e as Error)?.message || String(e) } };
  };
  try {
    const res = await doFetch(url, {
      signal: controller.signal,
      // A check reads a public page: no cookies, no referrer, nothing about the person.
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      redirect: 'follow',
      cache: 'no-cache',
    });
    const finalUrl = res.url || url;
    // A redirect may lead off the allowed sites: nothing is read from there.
    if (finalUrl !== url && !(await allowed(finalUrl))) {
      void res.body?.cancel().catch(() => {});
      return { ok: false, url, failure: { kind: 'not-allowed' } };
    }
    if (!res.ok) {
      void res.body?.cancel().catch(() => {});
      return { ok: false, url, failure: { kind: 'http', status: res.status } };
    }
    const contentType = res.headers.get('content-type') ?? '';
    if (contentType && !PAGE_TYPES.test(contentType)) {
      void res.body?.cancel().catch(() => {});
      return { ok: true, url: finalUrl, status: res.status, contentType, binary: true };
    }
    const bytes = await readCapped(res, limits.maxBytes);
    if (!bytes) return { ok: false, url, failure: { kind: 'too-large', maxBytes: limits.maxBytes } };
    const declared = /charset\s*=\s*["']?([\w-]+)/i.exec(contentType)?.[1] ?? null;
    try {
      const { text, charset } = decodeBytes(bytes, declared);
      return { ok: true, url: finalUrl, status: res.status, contentType, text, charset };
    } catch (e) {
      // A file served without a telling Content-Type (NUL bytes: PDF, zip, image).
      if (e instanceof NotTextError) return { ok: true, url: finalUrl, status: res.status, contentType, binary: true };
      throw e;
    }
  } catch (e) {
    return failed(e);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onCancel);
  }
}

/**
 * The body, read chunk by chunk; null as soon as it passes `maxBytes` (the rest is never read).
 * The library page's fetcher and the command line's URLs both read through it.
 */
export async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    void res.body?.cancel().catch(() => {});
    return null;
  }
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
