/**
 * The polite fetcher with a fake fetch: charsets (header, meta tag, bytes), time-outs, the
 * streamed size cap, status codes, the allowed sites, and the concurrency and pause limits.
 */
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { allowedSites, isGovCn } from '../../utils/fetch/allowed.ts';
import { fetchPage, type FetchLike } from '../../utils/fetch/fetchPage.ts';
import { CancelledError, PoliteQueue } from '../../utils/fetch/queue.ts';

const GOV = 'http://www.example.gov.cn/nb/2021.html';
const TITLE = '上海市医疗保障局2021年政府信息公开工作年度报告';
const gbk = (s: string) => new Uint8Array(iconv.encode(s, 'gbk'));
const utf8 = (s: string) => new TextEncoder().encode(s);

function respond(body: Uint8Array | ReadableStream<Uint8Array>, headers: Record<string, string> = {}, status = 200, url = ''): Response {
  const res = new Response(body as BodyInit, { status, headers });
  if (url) Object.defineProperty(res, 'url', { value: url });
  return res;
}
const fakeFetch = (make: () => Response): FetchLike => async () => make();
const allowed = (url: string) => isGovCn(url);

describe('charsets', () => {
  const html = (meta: string) => `<html><head>${meta}<title>${TITLE}</title></head><body><p>本年新收政府信息公开申请数量</p></body></html>`;

  it('decodes GBK named by the Content-Type header', async () => {
    const r = await fetchPage(GOV, { allowed, fetch: fakeFetch(() => respond(gbk(html('')), { 'content-type': 'text/html; charset=GBK' })) });
    expect(r.ok && 'text' in r && r.text).toContain(TITLE);
    expect(r.ok && 'text' in r && r.charset).toBe('gbk'); // the decoder's own name for the label
  });

  it('decodes GB2312 named by the meta tag when the header says nothing', async () => {
    const r = await fetchPage(GOV, { allowed, fetch: fakeFetch(() => respond(gbk(html('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')), { 'content-type': 'text/html' })) });
    expect(r.ok && 'text' in r && r.text).toContain('本年新收政府信息公开申请数量');
  });

  it('recognises GB18030 from the bytes alone (no header charset, no meta)', async () => {
    const r = await fetchPage(GOV, { allowed, fetch: fakeFetch(() => respond(gbk(html('')), { 'content-type': 'text/html' })) });
    expect(r.ok && 'text' in r && r.text).toContain(TITLE);
    expect(r.ok && 'text' in r && r.charset).toBe('gb18030');
  });

  it('keeps UTF-8 as UTF-8', async () => {
    const r = await fetchPage(GOV, { allowed, fetch: fakeFetch(() => respond(utf8(html('<meta charset="utf-8">')), { 'content-type': 'text/html' })) });
    expect(r.ok && 'text' in r && r.charset).toBe('utf-8');
    expect(r.ok && 'text' in r && r.text).toContain(TITLE);
  });
});

describe('limits and failures', () => {
  afterEach(() => vi.useRealTimers());

  it('gives up after the time limit, also while the body is still coming', async () => {
    // Headers arrive at once; the body never ends.
    const slowBody = (signal: AbortSignal) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(utf8('<html><body>'));
          signal.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
        },
      });
    const fetch: FetchLike = async (_url, init) => respond(slowBody(init.signal!), { 'content-type': 'text/html' });
    const r = await fetchPage(GOV, { allowed, fetch, limits: { timeoutMs: 50, maxBytes: 1e6 } });
    expect(r).toEqual({ ok: false, url: GOV, failure: { kind: 'timeout', ms: 50 } });
  });

  it('gives up when the server never answers', async () => {
    const fetch: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const r = await fetchPage(GOV, { allowed, fetch, limits: { timeoutMs: 30, maxBytes: 1e6 } });
    expect(r.ok === false && r.failure).toEqual({ kind: 'timeout', ms: 30 });
  });

  it('stops reading past the size cap, without reading the rest of an endless body', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x41));
      },
    });
    const r = await fetchPage(GOV, { allowed, fetch: fakeFetch(() => respond(endless, { 'content-type': 'text/html' })), limits: { timeoutMs: 5000, maxBytes: 1024 * 1024 } });
    expect(r.ok === false && r.failure).toEqual({ kind: 'too-large', maxBytes: 1024 * 1024 });
    // 16 chunks of 64 kB fill the cap; the 17th passes it. Nothing more is pulled.
    expect(pulled).toBeLessThanOrEqual(19);
  });

  it('refuses a declared Content-Length over the cap before reading', async () => {
    const r = await fetchPage(GOV, { allowed, fetch: fakeFetch(() => respond(utf8('x'), { 'content-type': 'text/html', 'content-length': '99999999' })), limits: { timeoutMs: 5000, maxBytes: 1000 } });
    expect(r.ok === false && r.failure.kind).toBe('too-large');
  });

  it('reports the status code of a page that failed to load', async () => {
    const r = await fetchPage(GOV, { allowed, fetch: fakeFetch(() => respond(utf8('not found'), {}, 404)) });
    expect(r).toEqual({ ok: false, url: GOV, failure: { kind: 'http', status: 404 } });
  });

  it('names a network error', async () => {
    const r = await fetchPage(GOV, { allowed, fetch: async () => Promise.reject(new TypeError('Failed to fetch')) });
    expect(r.ok === false && r.failure).toEqual({ kind: 'network', message: 'Failed to fetch' });
  });

  it('treats a PDF as a file (by type, or by its bytes), never as text', async () => {
    const byType = await fetchPage(GOV, { allowed, fetch: fakeFetch(() => respond(utf8('%PDF-1.7'), { 'content-type': 'application/pdf' })) });
    expect(byType.ok && 'binary' in byType).toBe(true);
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 0]);
    const bySniff = await fetchPage(GOV, { allowed, fetch: fakeFetch(() => respond(bytes, {})) });
    expect(bySniff.ok && 'binary' in bySniff).toBe(true);
  });

  it('never requests a site that is not gov.cn or added, nor follows a redirect off them', async () => {
    const fetch = vi.fn(fakeFetch(() => respond(utf8('<p>hi</p>'), { 'content-type': 'text/html' }, 200, 'http://evil.example.com/')));
    const offSite = await fetchPage('http://example.com/report.html', { allowed, fetch });
    expect(offSite.ok === false && offSite.failure.kind).toBe('not-allowed');
    expect(fetch).not.toHaveBeenCalled();
    const redirected = await fetchPage(GOV, { allowed, fetch });
    expect(redirected.ok === false && redirected.failure.kind).toBe('not-allowed');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('sends no cookies and no referrer', async () => {
    const fetch = vi.fn(fakeFetch(() => respond(utf8('<p>hi</p>'), { 'content-type': 'text/html' })));
    await fetchPage(GOV, { allowed, fetch });
    expect(fetch.mock.calls[0][1]).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
  });
});

describe('allowed sites', () => {
  it('accepts gov.cn and its subdomains only', () => {
    expect(isGovCn('https://www.gov.cn/zhengce/')).toBe(true);
    expect(isGovCn('http://ybj.sh.gov.cn:8080/a.html')).toBe(true);
    expect(isGovCn('http://gov.cn.example.com/')).toBe(false);
    expect(isGovCn('http://examplegov.cn/')).toBe(false);
    expect(isGovCn('file:///etc/passwd')).toBe(false);
  });

  it('accepts another site only with a host permission the person granted', async () => {
    const granted = new Set(['https://www.pingtan.example.org/*']);
    const check = allowedSites(async (origin) => granted.has(origin));
    expect(await check('https://www.pingtan.example.org/nb.html')).toBe(true);
    expect(await check('https://other.example.org/nb.html')).toBe(false);
    expect(await check('http://www.example.gov.cn/')).toBe(true);
  });
});

describe('the polite queue', () => {
  afterEach(() => vi.useRealTimers());

  it('runs at most two requests at a time, and starts them at least the pause apart', async () => {
    vi.useFakeTimers();
    const queue = new PoliteQueue({ concurrency: 2, pauseMs: 1000 });
    let running = 0;
    let most = 0;
    const starts: number[] = [];
    const task = () =>
      queue.run(async () => {
        starts.push(Date.now());
        running++;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 3000));
        running--;
      });
    const t0 = Date.now();
    const all = Promise.all(Array.from({ length: 6 }, task));
    await vi.advanceTimersByTimeAsync(60_000);
    await all;
    expect(most).toBe(2);
    expect(starts).toHaveLength(6);
    for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(1000);
    // Two at a time, three seconds each: the sixth starts no earlier than six seconds in.
    expect(starts[5] - t0).toBeGreaterThanOrEqual(6000);
  });

  it('pauses (nothing new starts), resumes, and cancels what waits', async () => {
    vi.useFakeTimers();
    const queue = new PoliteQueue({ concurrency: 2, pauseMs: 0 });
    const started: number[] = [];
    const results: string[] = [];
    const tasks = Array.from({ length: 5 }, (_, i) =>
      queue
        .run(async (signal) => {
          started.push(i);
          await new Promise<void>((resolve, reject) => {
            const t = setTimeout(resolve, 1000);
            signal.addEventListener('abort', () => (clearTimeout(t), reject(new CancelledError())));
          });
        })
        .then(
          () => results.push(`${i}:done`),
          (e) => results.push(`${i}:${e instanceof CancelledError ? 'cancelled' : 'error'}`),
        ),
    );
    queue.pause();
    await vi.advanceTimersByTimeAsync(1500);
    // The first two had started before the pause; they finish, nothing new starts.
    expect(started).toEqual([0, 1]);
    expect(results.sort()).toEqual(['0:done', '1:done']);
    queue.resume();
    await vi.advanceTimersByTimeAsync(10);
    expect(started).toEqual([0, 1, 2, 3]);
    queue.cancel();
    await vi.advanceTimersByTimeAsync(10);
    await Promise.all(tasks);
    expect(started).toEqual([0, 1, 2, 3]);
    expect(results.sort()).toEqual(['0:done', '1:done', '2:cancelled', '3:cancelled', '4:cancelled']);
  });
});
