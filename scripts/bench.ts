/**
 * npm run bench: how fast the engine is, measured here and never asserted in tests.
 *  - analyze() per report: median and p95 over generated pages (seed pages with varied numbers);
 *  - analyze() cold: the first report in a fresh process, as a page sees it once per load;
 *  - the command line's throughput in reports per second over a few hundred saved pages: with
 *    its default worker threads (cores - 1, at least one), with two, and with none (--jobs 0);
 *  - the text reader: analyze() of every text page and shape fixture (reports on one line,
 *    digits run together, mirrors) and of a page whose runs of digits are long and hard to
 *    split, each the median of 9 warm runs; the slowest page is what must stay under 10 ms.
 * What the extension costs a page in Chromium, and its scripts' sizes: npm run bench:browser.
 * The machine's load average is printed before and after: on a shared machine it says how
 * far the numbers can be trusted. Results go into the README by hand.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyze } from '../utils/report/analyze.ts';
import { pageFromHtml } from '../cli/cheerioPage.ts';
import { defaultWorkers } from '../cli/main.ts';
import { pageFromText } from '../utils/report/page.ts';

const root = new URL('..', import.meta.url).pathname;
const loadAtStart = loadavg().map((l) => l.toFixed(2)).join(', ');
const seeds = readdirSync(join(root, 'tests/fixtures/html')).filter((f) => f.startsWith('seed-')).map((f) => readFileSync(join(root, 'tests/fixtures/html', f), 'utf8'));
const COUNT = 300;
// Vary the numbers so no two pages are equal (and some identities fail).
const pages = Array.from({ length: COUNT }, (_, i) => seeds[i % seeds.length].replace(/<td>(\d+)<\/td>/g, (m, d, off) => ((off + i) % 97 === 0 ? `<td>${Number(d) + 1}</td>` : m)));

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

// 1. analyze() alone, on pages already parsed (what the content script does after reading the DOM).
const parsed = pages.map((html, i) => pageFromHtml(html, `bench-${i}.html`));
for (const p of parsed.slice(0, 20)) analyze(p); // warm up
const times = parsed.map((p) => {
  const t = performance.now();
  analyze(p);
  return performance.now() - t;
});

// 1b. Cold: the first analyze() in a fresh process (every function compiled on first use).
const coldScript = `
import { readFileSync } from 'node:fs';
const { pageFromHtml } = await import(${JSON.stringify(join(root, 'cli/cheerioPage.ts'))});
const { analyze } = await import(${JSON.stringify(join(root, 'utils/report/analyze.ts'))});
const page = pageFromHtml(readFileSync(${JSON.stringify(join(root, 'tests/fixtures/html/seed-004-shanghai-2021.html'))}, 'utf8'), 'cold.html');
const t = performance.now();
analyze(page);
console.log(performance.now() - t);`;
const cold = Array.from({ length: 7 }, () => {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', coldScript], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return Number(r.stdout.trim());
});

// 1c. The text reader, page by page: every text fixture, and a flattened page whose runs are hard to split.
const fixture = (dir: string) => readdirSync(join(root, 'tests/fixtures', dir)).filter((f) => /\.(txt|html)$/.test(f)).map((f) => join(root, 'tests/fixtures', dir, f));
const seed000 = readFileSync(join(root, 'tests/fixtures/seeds/000_f7c59bf050b26a62.txt'), 'utf8');
const textPages: [string, ReturnType<typeof pageFromText> | ReturnType<typeof pageFromHtml>][] = [
  ...[...fixture('seeds'), ...fixture('shapes')].map((f) => {
    const content = readFileSync(f, 'utf8');
    return [f.slice(root.length), f.endsWith('.html') ? pageFromHtml(content, f) : pageFromText(content, f)] as [string, ReturnType<typeof pageFromText>];
  }),
  // 表四 as 30 digits (two-digit numbers everywhere) and a row of 表三 glued to the next one.
  ['seed 000 with hard runs (表四 30 digits, 表三 28 digits)', pageFromText(
    seed000.replace('000000000070007', '251311146332151210691812111051').replace('申请数量5000005', '申请数量15843210001170'),
    'hard.txt',
  )],
];
const perPage = textPages.map(([name, page]) => {
  analyze(page);
  const runs = Array.from({ length: 9 }, () => {
    const t = performance.now();
    analyze(page);
    return performance.now() - t;
  });
  return { name, ms: quantile(runs, 0.5) };
}).sort((a, b) => b.ms - a.ms);

// 2. The command line over saved files: read + parse + analyze + JSON, one process, start-up
// included; with its worker threads (the default for this many files) and in one thread.
const dir = mkdtempSync(join(tmpdir(), 'grc-bench-'));
pages.forEach((html, i) => writeFileSync(join(dir, `report-${String(i).padStart(3, '0')}.html`), html));
const cliRun = (...options: string[]) => {
  const t0 = performance.now();
  // Exit code 1 just means some pages have error findings (the varied numbers).
  const run = spawnSync(process.execPath, [join(root, 'cli/bin.mjs'), '--format', 'json', ...options, dir], { stdio: ['ignore', 'ignore', 'ignore'] });
  if ((run.status ?? 2) > 1) throw new Error(`gov-report-check exited ${run.status}`);
  return (performance.now() - t0) / 1000;
};
const cliSeconds = cliRun();
const cliTwoWorkers = cliRun('--jobs', '2');
const cliOneThread = cliRun('--jobs', '0');
rmSync(dir, { recursive: true });

// 2b. The command line's start-up: one small report per process, as a script calling it per file does.
const startups = Array.from({ length: 5 }, () => {
  const t = performance.now();
  spawnSync(process.execPath, [join(root, 'cli/bin.mjs'), '--format', 'json', join(root, 'tests/fixtures/html/seed-003-shaanxi-2021.html')], { stdio: 'ignore' });
  return performance.now() - t;
});

const load = (when: string) => `load average ${when}: ${loadavg().map((l) => l.toFixed(2)).join(', ')} (${availableParallelism()} cores)`;
console.log(`load average at the start: ${loadAtStart}; ${load('at the end')}`);
console.log(`analyze() per report (${COUNT} pages): median ${quantile(times, 0.5).toFixed(2)} ms, p95 ${quantile(times, 0.95).toFixed(2)} ms`);
console.log(`analyze() cold, first report in a fresh process (7 processes): median ${quantile(cold, 0.5).toFixed(1)} ms, min ${Math.min(...cold).toFixed(1)}, max ${Math.max(...cold).toFixed(1)}`);
console.log(`text reader, ${perPage.length} text and shape pages: slowest ${perPage[0].ms.toFixed(2)} ms (${perPage[0].name}), median ${quantile(perPage.map((p) => p.ms), 0.5).toFixed(2)} ms`);
for (const p of perPage.slice(0, 3)) console.log(`  ${p.ms.toFixed(2)} ms  ${p.name}`);
const perSecond = (seconds: number) => `${COUNT} reports in ${seconds.toFixed(2)} s = ${Math.round(COUNT / seconds)} reports/s`;
console.log(`command line (one process, start-up included), default worker threads (${defaultWorkers()}): ${perSecond(cliSeconds)}`);
console.log(`command line, --jobs 2 (two worker threads): ${perSecond(cliTwoWorkers)}`);
console.log(`command line, --jobs 0 (no worker thread): ${perSecond(cliOneThread)}`);
console.log(`command line, one report per process (5 runs): median ${quantile(startups, 0.5).toFixed(0)} ms, min ${Math.min(...startups).toFixed(0)} ms`);
