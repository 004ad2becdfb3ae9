/** The command line as a user runs it: files, folders, charsets, formats, exit codes. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { FIXTURES, seedHtml } from '../helpers/load.ts';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const io = { out: { write: (s: string) => ((out += s), true) }, err: { write: (s: string) => ((err += s), true) } };
  const code = await main(argv, io as never);
  return { code, out, err };
}

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

  it('--format csv: one row per report, a column per cell id', async () => {
    const { out, code } = await run('--format', 'csv', FIXTURES + 'seeds');
    const rows = out.trim().split('\r\n').map((l) => l.split(','));
    expect(rows).toHaveLength(6);
    const col = (name: string) => rows[0].indexOf(name);
    expect(col('t3.new_received.total')).toBeGreaterThan(0);
    expect(rows[5][col('t3.new_received.total')]).toBe('49');
    expect(rows[5][col('t4.cases.review_total')]).toBe('0');
    expect(rows[1][col('t2.art20_6.admin_penalty.delta')]).toBe('-8');
    expect(code).toBe(1); // seed 002 lacks sections 一 and 六: an error finding
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
    expect(tsv.out.split('\n')[0].split('\t')).toContain('t3.result_total.total');
  });

  it('bad usage exits 2 with the usage text', async () => {
    expect((await run()).code).toBe(2);
    const bad = await run('--format', 'xml', 'x');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('unknown format');
    expect((await run('--help')).out).toContain('用法');
  });
});
