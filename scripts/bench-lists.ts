/**
 * node scripts/bench-lists.ts (after npm run build): how fast the library page checks a list of
 * reports, in Debian's Chromium with the built extension, against a local gov.cn site.
 *
 * The site: one list page linking to REPORTS report pages (the four seed pages and the real
 * 平潭 page in GB2312, in turn, each under its own address). The run starts as a person starts
 * it (options.html?list=…) and ends when the page says so (data-run-finished). Printed: the
 * wall time, reports per minute, and the library page's main-thread time per report (Chrome's
 * TaskDuration: fetching, decoding, parsing, reading, analysis, keeping in the library and
 * drawing the table), which shows what the politeness pause leaves for the work itself.
 * Results go into the README by hand.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { launchWithExtension, root } from '../tests/helpers/browser.ts';

const REPORTS = Number(process.env.REPORTS ?? 30);
const HOST = 'www.example.gov.cn';
const fixture = (p: string) => readFileSync(join(root, 'tests/fixtures', p), 'utf8');
const pages: { body: string | Buffer; type: string }[] = [
  { body: fixture('html/seed-000-hangzhou-2020.html'), type: 'text/html; charset=utf-8' },
  { body: fixture('html/seed-001-wenshang-2023.html'), type: 'text/html; charset=utf-8' },
  { body: fixture('html/seed-003-shaanxi-2021.html'), type: 'text/html; charset=utf-8' },
  { body: fixture('html/seed-004-shanghai-2021.html'), type: 'text/html; charset=utf-8' },
  {
    body: iconv.encode(fixture('real/pingtan-2025.html').replace(/<meta[^>]*charset=[^>]*>/i, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'), 'gbk'),
    type: 'text/html',
  },
];
const links = Array.from({ length: REPORTS }, (_, i) => `<li><a href="/nb/${i}.html">某某市第${i + 1}局${2020 + (i % 5)}年政府信息公开工作年度报告</a></li>`).join('');
const listPage = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body><ul>${links}</ul></body></html>`;

const server = createServer((req, res) => {
  const path = (req.url ?? '').split('?')[0];
  const n = /^\/nb\/(\d+)\.html$/.exec(path)?.[1];
  const page = path === '/nb/index.html' ? { body: listPage, type: 'text/html; charset=utf-8' } : n !== undefined ? pages[Number(n) % pages.length] : undefined;
  if (!page) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': page.type }).end(page.body);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as AddressInfo).port;

const { context, extensionId } = await launchWithExtension();
try {
  const options = await context.newPage();
  const cdp = await context.newCDPSession(options);
  await cdp.send('Performance.enable');
  const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')!.value;
  await options.goto(`chrome-extension://${extensionId}/options.html#library`);
  const busyBefore = await taskSeconds();
  const started = Date.now();
  await options.goto(`chrome-extension://${extensionId}/options.html?list=${encodeURIComponent(`http://${HOST}:${port}/nb/index.html`)}`);
  await options.locator('[data-run-finished="true"]').waitFor({ timeout: REPORTS * 5000 });
  const seconds = (Date.now() - started) / 1000;
  const busy = (await taskSeconds()) - busyBefore;
  const rows = await options.locator('[data-results] tbody tr[data-status]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status')));
  const read = rows.filter((s) => s !== 'unreadable' && s !== 'pending').length;
  console.log(`${REPORTS} report pages linked from one list page (${read} read as reports), Chromium ${context.browser()?.version() ?? ''}`);
  console.log(`  wall time ${seconds.toFixed(1)} s → ${((read / seconds) * 60).toFixed(0)} reports a minute`);
  console.log(`  library page main thread ${(busy * 1000).toFixed(0)} ms in all, ${((busy * 1000) / REPORTS).toFixed(0)} ms a report`);
} finally {
  await context.close();
  server.close();
}
