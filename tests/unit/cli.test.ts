/** The command line as a user runs it: files, folders, charsets, formats, exit codes. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { PageLimitError, pageFromHtml } from '../../cli/cheerioPage.ts';
import { main, POOL_FROM_FILES } from '../../cli/main.ts';
import { TimeLimitError, runWithin } from '../../cli/timeLimit.ts';
import { FIXTURES, seedHtml } from '../helpers/load.ts';
import { parseCsv } from '../helpers/csv.ts';

async function run(...argv: string[]) {
  return runOn(false, ...argv);
}
/** The command line with stdout a terminal (isTTY) or a pipe. */
async function runOn(tty: boolean, ...argv: string[]) {
  let out = '';
  let err = '';
  const io = { out: { write: (s: string) => ((out += s), true), isTTY: tty }, err: { write: (s: string) => ((err += s), true) } };
  const code = await main(argv, io);
  return { code, out, err };
}
/** CSV text → rows of fields (quoted fields with commas, quotes and line breaks). */

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'grc-cli-'));
  mkdirSync(join(dir, 'nested', 'deeper'), { recursive: true });
  // A GBK page that declares its charset, and one that does not (GB18030 sniffed).
  const gbk = seedHtml('004').replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">');
  writeFileSync(join(dir, 'gbk.html'), iconv.encode(gbk, 'gbk'));
  writeFileSync(join(dir, 'nested', 'deeper', 'undeclared.htm'), iconv.encode(seedHtml('003').replace('<meta charset="utf-8">', ''), 'gb18030'));
  writeFileSync(join(dir, 'nested', 'notes.md'), '# not a report file');
  writeFileSync(join(dir, 'binary.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
});

describe('gov-report-check', () => {
  it('--format json prints one Analysis per input, in order, with isReport false and error entries', async () => {
    const { code, out } = await run('--format', 'json', FIXTURES + 'seeds/003_1e2618f252abd06d.txt', FIXTURES + 'html/not-report-news.html', join(dir, 'missing.html'));
    const list = JSON.parse(out);
    expect(list.map((a: { isReport: boolean }) => a.isReport)).toEqual([true, false, false]);
    expect(list[0]).toMatchObject({ schemaVersion: 2, year: 2021, format: '2021', agency: '陕西省医疗保障局' });
    expect(list[0].cells['t3.new_received.total']).toBe(3);
    expect(list[0].findings.find((f: { id: string; status: string }) => f.id === 'text.t4_review' && f.status === 'fail')).toMatchObject({ expected: 0, actual: 1 });
    expect(list[2].error).toBeTruthy();
    expect(code).toBe(2);
  });

  it('reads GBK/GB2312 pages, from the meta tag or by sniffing the bytes, and walks folders', async () => {
    const { out, err } = await run('--format', 'json', dir);
    const list = JSON.parse(out);
    const sources = list.map((a: { source: string }) => a.source.replace(dir, ''));
    expect(sources).toEqual(['/binary.html', '/gbk.html', '/nested/deeper/undeclared.htm']);
    expect(list[0].error).toContain('二进制');
    expect(list[1]).toMatchObject({ isReport: true, agency: '上海市医疗保障局' });
    expect(list[1].cells['t3.new_received.total']).toBe(49);
    expect(list[2]).toMatchObject({ isReport: true, agency: '陕西省医疗保障局' });
    expect(err).toContain('已检查 3 个文件');
  });

  it('--format csv: a UTF-8 BOM, Chinese column labels over the ids, one row per report with its provenance', async () => {
    const { out, code } = await run('--format', 'csv', FIXTURES + 'seeds');
    expect(out.startsWith('\uFEFF')).toBe(true); // Excel on Windows reads the file as UTF-8
    const rows = parseCsv(out.slice(1));
    expect(rows).toHaveLength(7); // two header rows, five seeds
    const [labels, ids] = rows;
    const col = (name: string) => ids.indexOf(name);
    expect(labels[col('t3.new_received.total')]).toBe('表三「一、本年新收政府信息公开申请数量」·总计');
    expect(labels[col('agency')]).toBe('机关');
    expect(rows[6][col('t3.new_received.total')]).toBe('49');
    expect(rows[6][col('t4.cases.review_total')]).toBe('0');
    expect(rows[6][col('agency')]).toBe('上海市医疗保障局');
    expect(rows[6][col('source')]).toBe(FIXTURES + 'seeds/004_220ec5b329bb1b46.txt');
    expect(rows[6][col('checkedAt')]).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(rows[2][col('t2.art20_6.admin_penalty.delta')]).toBe('-8'); // a negative number stays a number
    expect(code).toBe(1); // seed 002 lacks sections 一 and 六: an error finding
    const idsOnly = parseCsv((await run('--format', 'csv', '--header', 'ids', FIXTURES + 'seeds')).out.slice(1));
    expect(idsOnly[0]).toEqual(ids);
    expect(idsOnly).toHaveLength(6);
  });

  it('text output names the finding in Chinese; exit 0 without error findings', async () => {
    const { out, code } = await run(FIXTURES + 'seeds/003_1e2618f252abd06d.txt');
    expect(out).toContain('陕西省医疗保障局');
    expect(out).toContain('正文写“办理信息公开行政复议1件');
    expect(out).not.toContain('\x1b['); // not a terminal: no colour
    expect(code).toBe(0);
  });

  it('md and tsv formats', async () => {
    const md = await run('--format', 'md', FIXTURES + 'html/seed-004-shanghai-2021.html');
    expect(md.out).toContain('## 三、收到和处理政府信息公开申请情况');
    expect(md.out).toMatch(/\| 一、本年新收政府信息公开申请数量 \|  \|  \| 42 \| 7 \| 0 \| 0 \| 0 \| 0 \| 49 \|/);
    const tsv = await run('--format', 'tsv', FIXTURES + 'html/seed-004-shanghai-2021.html');
    expect(tsv.out.split('\n')[1].split('\t')).toContain('t3.result_total.total');
    expect(tsv.out.startsWith('\uFEFF')).toBe(false); // TSV is for pasting: no BOM
  });

  it('options the node:util way: --format=json, -f json, -o FILE; bad usage exits 2 with the usage text', async () => {
    expect((await run()).code).toBe(2);
    const bad = await run('--format', 'xml', 'x');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('unknown format');
    const unknown = await run('--colour', 'x');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('--colour');
    expect((await run('--help')).out).toContain('用法');
    const seed = FIXTURES + 'seeds/003_1e2618f252abd06d.txt';
    expect(JSON.parse((await run('--format=json', seed)).out)[0].year).toBe(2021);
    expect(JSON.parse((await run('-f', 'json', seed)).out)[0].year).toBe(2021);
    // -o: the file gets the output, stdout stays empty whatever wraps the command (npm's notices).
    const file = join(dir, 'out.csv');
    const written = await run('-f', 'csv', '-o', file, seed);
    expect(written.out).toBe('');
    expect(readFileSync(file, 'utf8').startsWith('\uFEFF来源')).toBe(true);
  });

  it('a missing file says so in Chinese, exit 2 (no raw ENOENT)', async () => {
    const { code, out } = await run(join(dir, 'no-such-report.html'));
    expect(out).toContain(`找不到文件：${join(dir, 'no-such-report.html')}`);
    expect(out).not.toMatch(/ENOENT|errno|stat /);
    expect(code).toBe(2);
  });

  it('a Markdown file is not a report, even one that talks about reports (the README)', async () => {
    const { code, out } = await run('-f', 'json', new URL('../../README.md', import.meta.url).pathname);
    const [entry] = JSON.parse(out);
    expect(entry).toMatchObject({ isReport: false });
    expect(entry.error).toContain('.md 文件不读取');
    expect(entry.findings).toBeUndefined();
    expect(code).toBe(2);
  });

  it('a bare HTML fragment (a TRS/CMS article body with Word-pasted cells, no <html>/<body>) is read like a page', async () => {
    const { code, out } = await run('-f', 'json', FIXTURES + 'html/fragment-trs-word-2024.html');
    const [a] = JSON.parse(out);
    expect(a).toMatchObject({ isReport: true, year: 2024, format: '2021' });
    // Values a person reads in the fragment's tables (平潭综合实验区 2024).
    expect(a.cells['t3.new_received.total']).toBe(218);
    expect(a.cells['t3.result_total.total']).toBe(218);
    expect(a.cells['t2.art20_1.normative_docs.valid']).toBe(440);
    expect(a.cells['t4.cases.review_total']).toBe(7);
    expect(a.cells['t4.cases.lit_after_review_total']).toBe(19);
    expect(code).toBe(0);
  });

  it('--format text: page text cannot drive the terminal (escapes shown, not sent); colour only on a terminal and only ours', async () => {
    const hostile = seedHtml('004')
      .replace(/<title>[^<]*<\/title>/, '<title>\x1b]0;pwned\x07上海市医疗保障局2021年政府信息公开工作年度报告\x1b[2J</title>')
      .replace('上海市医疗保障局', '上海市医疗保障局\x9b31m');
    const file = join(dir, 'hostile\x1b[1mname.html');
    writeFileSync(file, hostile);
    const piped = await run(file);
    expect(piped.out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/); // no control character at all, not even ours
    expect(piped.out).toContain('␛]0;pwned␇');
    expect(piped.out).toContain('hostile␛[1mname.html');
    const tty = await runOn(true, file);
    expect(tty.out).toContain('\x1b[1m'); // colour on a terminal
    // Every escape left is one of our colour codes (ESC [ digits m), and no C1 control remains.
    expect(tty.out.replace(/\x1b\[[0-9;]*m/g, '')).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    // JSON too: every control character escaped, the value intact once parsed.
    const json = await run('-f', 'json', file);
    expect(json.out).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
    expect(JSON.parse(json.out)[0].title).toContain('\x1b]0;pwned\x07');
  });

  it('--format text: one wrong cell is one error, named with the value it should have, the checks it explains beneath it', async () => {
    const file = join(dir, 'one-wrong-cell.html');
    writeFileSync(file, seedHtml('004').replace('<td colspan="3">一、本年新收政府信息公开申请数量</td><td>42</td>', '<td colspan="3">一、本年新收政府信息公开申请数量</td><td>43</td>'));
    const { out } = await run(file);
    const errorLines = out.split('\n').filter((l) => l.trimStart().startsWith('✗ 错误'));
    // As many error lines as the summary counts errors (the popup and the panel count the same).
    expect(out).toContain('✗ 1 项错误');
    expect(errorLines).toEqual(['  ✗ 错误 表三「一、本年新收政府信息公开申请数量」·自然人：此格应为 42：按本行合计与自然人列收支平衡推算，现为 43 [t3.new_received.natural]']);
    expect(out).toMatch(/\n {6}↳ 自然人列：三（七）、四项之和 42，一、二项之和 43，相差 1 \[t3\.balance\]\n/);
    expect(out).toMatch(/\n {6}↳ 「一、本年新收政府信息公开申请数量」行：各类申请人之和 50，总计 49，相差 1 \[t3\.row_total\]/);
  });

  it('--format text: the identity line of labels.ts, and a verdict that never says 无错误 when a table was not read', async () => {
    const ok = await run(FIXTURES + 'html/seed-004-shanghai-2021.html');
    expect(ok.out).toContain('机关：上海市医疗保障局　年度：2021　格式：2021 年格式（国办公开办函〔2021〕30号）');
    // The same report without its 表四: nothing wrong found, but not everything checked.
    const noT4 = seedHtml('004').replace(/<table class="t4"[\s\S]*?<\/table>/, '');
    const file = join(dir, 'no-t4.html');
    writeFileSync(file, noT4);
    const [a] = JSON.parse((await run('-f', 'json', file)).out);
    expect(a.tables.t4.found).toBe(false);
    expect(a.summary.errors).toBe(0);
    const { out } = await run(file);
    expect(out).not.toContain('无错误');
    expect(out).toContain('未找到表四');
    expect(out).toContain('⚠ 未发现错误，但有未能核对的内容');
  });

  it('a page nested past the parser bound is refused with a clear message, fast; a URL response past 20 MB is stopped', async () => {
    const deep = join(dir, 'deep.html');
    writeFileSync(deep, '<html><body>' + '<div>'.repeat(30_000) + '一、总体情况' + '</div>'.repeat(30_000) + '</body></html>');
    const r = await run('-f', 'json', deep);
    expect(JSON.parse(r.out)[0].error).toContain('页面嵌套过深');
    expect(r.code).toBe(2);

    // A server that streams 25 MB without announcing its length, and one that announces it.
    const server = createServer((req, res) => {
      if (req.url === '/announced') res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(25 * 1024 * 1024) });
      else res.writeHead(200, { 'content-type': 'text/html; charset=gbk' });
      const chunk = Buffer.alloc(1024 * 1024, 0x61);
      let sent = 0;
      const pump = () => {
        while (sent < 25 && !res.destroyed) {
          sent++;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => {});
      pump();
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const port = (server.address() as AddressInfo).port;
    try {
      const streamed = await run('-f', 'json', `http://127.0.0.1:${port}/streamed`, `http://127.0.0.1:${port}/announced`);
      const [a, b] = JSON.parse(streamed.out);
      expect(a.error).toContain('响应超过 20 MB');
      expect(b.error).toContain('响应超过 20 MB');
      expect(streamed.code).toBe(2);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('reading one page stops at its deadline with a clear message (parse and walk alike)', () => {
    const big = '<html><body>' + '<p>一、总体情况</p>'.repeat(20_000) + '</body></html>';
    expect(() => pageFromHtml(big, 'big.html', { deadlineMs: 0 })).toThrow(PageLimitError);
    expect(() => pageFromHtml(big, 'big.html', { deadlineMs: 0 })).toThrow('读取超时');
    expect(pageFromHtml(big, 'big.html').blocks.length).toBe(20_000);
  });

  it('a time limit per file, analysis included: the slow file is reported, the next one still checked', async () => {
    const spin = () => {
      for (const t = Date.now(); Date.now() - t < 5000; );
    };
    expect(() => runWithin(50, spin)).toThrow(TimeLimitError);
    expect(runWithin(1000, () => 42)).toBe(42);
    expect(() => runWithin(1000, () => {
      throw new Error('own error');
    })).toThrow('own error');

    // A 5 MB report page (seconds of work) under a 0.1 s limit, then a small one.
    const body = seedHtml('004').replace(/^[\s\S]*<body>|<\/body>[\s\S]*$/g, '');
    const slow = join(dir, 'slow.html');
    writeFileSync(slow, `<html><body>${body.repeat(Math.ceil(5e6 / Buffer.byteLength(body)))}</body></html>`);
    const r = await run('-f', 'json', '--timeout', '0.1', slow, FIXTURES + 'seeds/003_1e2618f252abd06d.txt');
    const [a, b] = JSON.parse(r.out);
    expect(a.error).toContain('检查超时（超过 0.1 秒）');
    expect(b).toMatchObject({ isReport: true, agency: '陕西省医疗保障局' });
    expect(r.code).toBe(2);
    expect((await run('--timeout', 'soon', slow)).code).toBe(2);
  });

  it('the bin: its compiled bundle (node_modules/.cache) answers exactly as the TypeScript, and knows what it was built from', () => {
    const bin = new URL('../../cli/bin.mjs', import.meta.url).pathname;
    const seed = FIXTURES + 'html/seed-004-shanghai-2021.html';
    const node = process.execPath; // Node 22 (vitest runs on the project's Node)
    const viaBundle = execFileSync(node, [bin, '-f', 'json', seed], { encoding: 'utf8' });
    const viaTs = execFileSync(node, [bin, '-f', 'json', seed], { encoding: 'utf8', env: { ...process.env, GRC_NO_BUNDLE: '1' } });
    expect(JSON.parse(viaBundle)).toEqual(JSON.parse(viaTs));
    expect(JSON.parse(viaBundle)[0].cells['t3.new_received.total']).toBe(49);
    // The pool's worker, bundled beside the command line and as TypeScript.
    const two = [seed, FIXTURES + 'seeds/003_1e2618f252abd06d.txt'];
    const pooledBundle = JSON.parse(execFileSync(node, [bin, '-f', 'json', '-j', '2', ...two], { encoding: 'utf8' }));
    const pooledTs = JSON.parse(execFileSync(node, [bin, '-f', 'json', '-j', '2', ...two], { encoding: 'utf8', env: { ...process.env, GRC_NO_BUNDLE: '1' } }));
    expect(pooledBundle).toEqual(pooledTs);
    expect(pooledBundle[0]).toEqual(JSON.parse(viaBundle)[0]);
    expect(pooledBundle[1]).toMatchObject({ isReport: true, agency: '陕西省医疗保障局' });
    const manifest = JSON.parse(readFileSync(new URL('../../node_modules/.cache/gov-report-check/inputs.json', import.meta.url), 'utf8'));
    expect(Object.keys(manifest.inputs)).toEqual(expect.arrayContaining(['cli/main.ts', 'cli/inputs.ts', 'cli/worker.ts', 'utils/report/analyze.ts', 'utils/report/export.ts', 'package-lock.json']));
  });

  it('many files are checked in worker threads with the same answers as in one thread, in input order', async () => {
    // Every fixture page, a binary file, an empty one and a missing one: more than POOL_FROM_FILES.
    const many = mkdtempSync(join(tmpdir(), 'grc-many-'));
    const pages = ['seeds', 'shapes', 'html'].flatMap((d) => readdirSync(FIXTURES + d).map((f) => join(FIXTURES, d, f)));
    pages.forEach((p, i) => writeFileSync(join(many, `${String(i).padStart(2, '0')}-${basename(p)}`), readFileSync(p)));
    writeFileSync(join(many, '90-binary.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
    writeFileSync(join(many, '91-empty.txt'), '');
    const inputs = [many, join(many, 'missing.html')];
    expect(pages.length).toBeGreaterThan(POOL_FROM_FILES);
    const inThread = await run('-f', 'json', '-j', '0', ...inputs);
    const pooled = await run('-f', 'json', ...inputs); // the default for this many files: worker threads
    const twoWorkers = await run('-f', 'json', '-j', '2', ...inputs);
    const list = JSON.parse(inThread.out);
    expect(list).toHaveLength(pages.length + 3);
    expect(list.map((a: { source: string }) => basename(a.source))).toEqual([...readdirSync(many).sort(), 'missing.html']);
    expect(list.filter((a: { isReport: boolean }) => a.isReport).length).toBeGreaterThanOrEqual(10);
    expect(list.at(-3).error).toContain('二进制');
    expect(list.at(-1).error).toContain('找不到文件');
    expect(JSON.parse(pooled.out)).toEqual(list);
    expect(JSON.parse(twoWorkers.out)).toEqual(list);
    expect([pooled.code, twoWorkers.code]).toEqual([inThread.code, inThread.code]);
    expect((await run('-j', 'many', many)).err).toContain('--jobs');
  });

  it('in worker threads too, the slow file is stopped at its time limit and the files after it are checked', async () => {
    const body = seedHtml('004').replace(/^[\s\S]*<body>|<\/body>[\s\S]*$/g, '');
    const slow = join(dir, 'slow-pooled.html');
    writeFileSync(slow, `<html><body>${body.repeat(Math.ceil(5e6 / Buffer.byteLength(body)))}</body></html>`);
    const seed = FIXTURES + 'seeds/003_1e2618f252abd06d.txt';
    const r = await run('-f', 'json', '-j', '2', '--timeout', '0.5', seed, slow, seed, seed, slow, seed);
    const list = JSON.parse(r.out);
    const late = '检查超时（超过 0.5 秒），未能完成 (took over 0.5 s)';
    expect(list.map((a: { error?: string }) => a.error ?? 'ok')).toEqual(['ok', late, 'ok', 'ok', late, 'ok']);
    for (const i of [0, 2, 3, 5]) expect(list[i]).toMatchObject({ isReport: true, agency: '陕西省医疗保障局' });
    expect(r.code).toBe(2);
  });
});
