/**
 * npm run bench:browser: what the extension costs the page it runs on, in Debian's Chromium
 * with the built extension (npm run build first).
 *
 * For each page, Chromium traces the load until the extension is done with it, and the main
 * thread's tasks that ran our scripts are added up (see ourTime), per script: the detector
 * (every gov.cn page), the checker (page reading, injected only into frames that look like
 * reports) and the overlay (the checker's second half, injected only where a report was
 * found). Style and layout that the browser does later, in its own tasks, are not counted.
 *
 * The floor is a baseline extension whose content script only reads document.title: what any
 * content script costs on this machine and browser. It runs in a browser of its own, loads
 * interleaved with ours. Loaded beside ours it always ran second, and a second extension's
 * script finds the page's per-process script state already made by the first (the interfaces
 * of the document's wrappers, the compiled built-ins): it measured about half its cost alone,
 * 0.2–0.25 ms against 0.45–0.5 ms on the news page.
 *
 * To tell the checker's own parts apart, the page reader (utils/dom/page.ts, the same walk the
 * checker runs) is also timed alone on each report page, cold in a fresh page as the checker
 * meets it: what is left of the checker's time is its start-up (compile, WXT, the first quick
 * check), the message to the background and back, and drawing the overlay. The analysis itself
 * runs in the background's service worker, not on the page (entrypoints/background.ts).
 * The machine's load average is printed beside the results. Results go into the README by hand.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';
import type { BrowserContext, Page } from 'playwright-core';
import { EXTENSION_DIR, launchWithExtension, launchWithExtensions, root, serveGovCn } from '../tests/helpers/browser.ts';
import { articleOf } from '../tests/helpers/official.ts';
import { ourTasks, ourTime, traced, type Script } from '../tests/helpers/trace.ts';

const RUNS = Number(process.env.RUNS ?? 15);
const fixtures = join(root, 'tests/fixtures/html');
const fixture = (name: string) => readFileSync(join(fixtures, name), 'utf8');

/** A portal's navigation: many links and list items around the article, as gov.cn sites have. */
function portalChrome(links: number): string {
  const items = Array.from({ length: links }, (_, i) => `<li><a href="/art/${i}.html">关于印发第${i}号工作方案的通知</a><span>2024-03-${String((i % 28) + 1).padStart(2, '0')}</span></li>`);
  return `<div class="nav"><ul>${items.join('')}</ul></div>`;
}
const seed004 = fixture('seed-004-shanghai-2021.html');

/**
 * A real portal's article page as crawled (tests/fixtures/real/pingtan-2024.html: its navigation,
 * styles and scripts), carrying a news article where it carried the report: an ordinary page
 * as gov.cn sites serve them.
 */
function realPortalNews(): string {
  const real = readFileSync(join(root, 'tests/fixtures/real/pingtan-2024.html'), 'utf8');
  const start = real.indexOf('<div class=TRS_Editor>');
  let depth = 0;
  let end = start;
  for (const m of real.slice(start).matchAll(/<(\/?)div\b[^>]*>/g)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) {
      end = start + m.index + m[0].length;
      break;
    }
  }
  const news = /<div id="zoom">([\s\S]*?)<\/div><\/body>/.exec(fixture('not-report-news.html'))![1];
  return (real.slice(0, start) + `<div class=TRS_Editor>${news}</div>` + real.slice(end))
    .replaceAll('平潭综合实验区2024年度政府信息公开工作年度报告', '我区召开2024年医保基金监管工作会议')
    .replaceAll('政府信息公开年报', '要闻');
}
const article = articleOf(seed004);

/** `html` without its ArticleTitle and ColumnName metadata. */
function undeclared(html: string): string {
  const out = html.replace(/<meta name="(?:ArticleTitle|ColumnName)"[^>]*>/g, '');
  if (/ArticleTitle|ColumnName/.test(out)) throw new Error('the real page declares its article in a form the benchmark does not remove');
  return out;
}

/** `html` under the title `title`. */
function retitled(html: string, title: string): string {
  const out = html.replace(/<title>[^<]*<\/title>/, `<title>${title}</title>`);
  if (!out.includes(title)) throw new Error('the page has no title the benchmark can replace');
  return out;
}

/** Pages, with whether the extension should end up marking cells on them. */
const pages: Record<string, { html: string; report: boolean; what: string }> = {
  '/news.html': { html: fixture('not-report-news.html'), report: false, what: 'ordinary page (news article)' },
  '/real-news.html': { html: realPortalNews(), report: false, what: 'ordinary page (a real portal\'s article page, a news article in it)' },
  // The same real page without the metadata the guideline asks for (ArticleTitle, ColumnName), as
  // sites that do not follow it serve their pages: the detector goes by the title alone (before
  // the title gate, mayBeNamedReport, it read the page's text here).
  '/real-news-undeclared.html': {
    html: undeclared(realPortalNews()),
    report: false,
    what: 'ordinary page (the same real article page, without the metadata that declares its article)',
  },
  // An ordinary page whose title holds 报 (a notice, 通报): the detector's title gate lets it
  // through, so its text is read as before the gate. Such pages pay what every page paid then.
  '/news-bao.html': {
    html: retitled(fixture('not-report-news.html'), '关于2024年医保基金监管工作情况的通报_工作动态'),
    report: false,
    what: 'ordinary page whose title holds 报 (the news page as a notice, 通报)',
  },
  '/portal.html': {
    html: `<!doctype html><html><head><meta charset="utf-8"><title>某某市人民政府门户网站</title></head><body>${portalChrome(5000)}</body></html>`,
    report: false,
    what: 'large ordinary page (portal, 5000 links)',
  },
  '/list.html': { html: fixture('not-report-list.html'), report: false, what: 'list of report links (looks like a report at first)' },
  '/report.html': { html: seed004, report: true, what: 'report (seed 004, 2021 format)' },
  '/report-2020.html': { html: fixture('seed-000-hangzhou-2020.html'), report: true, what: 'report (seed 000, 2019 format)' },
  '/large-report.html': {
    html: `<!doctype html><html><head><meta charset="utf-8"><title>上海市医疗保障局2021年政府信息公开工作年度报告</title></head><body>${portalChrome(3000)}<div id="zoom">${article}${article.replace(/<table[\s\S]*?<\/table>/g, '').repeat(20)}</div>${portalChrome(2000)}</body></html>`,
    report: true,
    what: 'large report (seed 004 in a portal with 5000 links, prose ×20)',
  },
};

/** An unpacked extension whose content script does nearly nothing: the floor. */
function baselineExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'grc-baseline-'));
  const manifest = {
    manifest_version: 3,
    name: 'baseline',
    version: '1.0',
    content_scripts: [{ matches: ['*://*.gov.cn/*'], js: ['baseline.js'], run_at: 'document_idle', all_frames: true }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'baseline.js'), 'void document.title;\n');
  return dir;
}

/** Loads `url` in `page` while Chromium traces it, until the extension is done with it. */
async function measure(page: Page, url: string, report: boolean, floor = false) {
  const events = await traced(page, async () => {
    await page.goto(url);
    if (report && !floor) await page.locator('[data-grc-chip]').first().waitFor({ timeout: 15_000 });
    // The detector runs at idle; the checker settles after its own overlay.
    await page.waitForTimeout(1000);
  });
  const tasks = ourTasks(events, url);
  // The floor's browser has only the baseline extension: its time is all there is to read.
  if (floor) return { ...ourTime(tasks), longest: 0, longestWork: 0 };
  const marked = await page.locator('[data-grc-cell]').count();
  if (report !== marked > 0) throw new Error(`${url}: expected ${report ? 'a checked report' : 'no trace'}, found ${marked} marked cells`);
  // Our longest task, and the same without the frame the browser draws in it (see OurTask).
  const longest = Math.max(0, ...tasks.map((t) => t.ms));
  const longestWork = Math.max(0, ...tasks.map((t) => t.ms - t.frameMs));
  return { ...ourTime(tasks), longest, longestWork };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The page reader of the checker (utils/dom/page.ts), bundled to run in a page. */
const reader = buildSync({
  stdin: { contents: `import { pageFromDocument } from './utils/dom/page.ts'; globalThis.__grcRead = pageFromDocument;`, resolveDir: root, loader: 'ts' },
  bundle: true,
  format: 'iife',
  minify: true,
  write: false,
}).outputFiles[0].text;

/** Reading `url`'s DOM once, cold, in a fresh page (ms). */
async function readOnce(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.addScriptTag({ content: reader });
  return page.evaluate(() => {
    const t = performance.now();
    (globalThis as unknown as { __grcRead: (d: Document) => unknown }).__grcRead(document);
    return performance.now() - t;
  });
}
const max = (xs: number[]) => Math.max(...xs);

const { server, port } = await serveGovCn(Object.fromEntries(Object.entries(pages).map(([path, p]) => [path, () => p.html])));
const { context } = await launchWithExtension();
const floorContext = await launchWithExtensions([baselineExtension()]);
const loadAtStart = loadavg().map((l) => l.toFixed(2)).join(', ');
try {
  const rows: string[] = [];
  const reading: string[] = [];
  // ONLY=report limits the run to the pages whose path holds that word.
  for (const [path, { report, what }] of Object.entries(pages).filter(([p]) => p.includes(process.env.ONLY ?? ''))) {
    const runs: (Record<Script, number> & { longest: number; longestWork: number })[] = [];
    const load = async (browser: BrowserContext, floor: boolean) => {
      const page = await browser.newPage();
      // Same-site blank first, so that the traced navigation stays in one renderer process.
      await page.goto(`http://www.example.gov.cn:${port}/blank`);
      const r = await measure(page, `http://www.example.gov.cn:${port}${path}`, report, floor);
      await page.close();
      return r;
    };
    for (let i = 0; i < RUNS + 1; i++) {
      const ours = await load(context, false);
      const floor = await load(floorContext, true);
      // The first run warms Chromium's caches.
      if (i > 0) runs.push({ ...ours, baseline: floor.baseline });
    }
    const col = (f: (r: (typeof runs)[number]) => number) => median(runs.map(f)).toFixed(1);
    const kb = (Buffer.byteLength(pages[path].html) / 1024).toFixed(0);
    const ours = (r: (typeof runs)[number]) => r.detector + r.checker + r.overlay;
    rows.push(`| ${what}, ${kb} kB | ${col((r) => r.detector)} | ${col((r) => r.checker)} | ${col((r) => r.overlay)} | ${col(ours)} (max ${max(runs.map(ours)).toFixed(1)}) | ${col((r) => r.baseline)} | ${col((r) => r.longest)} (${col((r) => r.longestWork)}) |`);
    if (report) {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const page = await context.newPage();
        times.push(await readOnce(page, `http://www.example.gov.cn:${port}${path}`));
        await page.close();
      }
      reading.push(`| ${what} | ${median(times).toFixed(1)} (max ${max(times).toFixed(1)}) |`);
    }
  }
  console.log(`Main-thread time of the tasks that ran each content script, per page load, ms, median of ${RUNS} loads:\n`);
  console.log('| page | detector | checker | overlay | ours in all | floor (a script that reads the title, alone) | our longest task (without the frame drawn in it) |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(r);
  console.log('');
  if (reading.length) {
    console.log(`Of the checker's time, reading the page (utils/dom/page.ts) alone, cold in a fresh page, ms, median of ${RUNS}:\n`);
    console.log('| page | reading |');
    console.log('| --- | --- |');
    for (const r of reading) console.log(r);
    console.log('');
  }
  console.log(`load average at the start: ${loadAtStart}; at the end: ${loadavg().map((l) => l.toFixed(2)).join(', ')} (${availableParallelism()} cores)`);
  for (const script of ['detector.js', 'look.js', 'content-scripts/checker.js', 'overlay.js']) {
    const file = join(EXTENSION_DIR, script);
    console.log(`${script}: ${(statSync(file).size / 1024).toFixed(1)} kB minified, ${(gzipSync(readFileSync(file)).length / 1024).toFixed(1)} kB gzipped`);
  }
} finally {
  await context.close();
  await floorContext.close();
  server.close();
}
