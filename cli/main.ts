/**
 * gov-report-check: the engine on saved pages, folders and URLs.
 *   gov-report-check [--format text|json|csv|tsv|md] [--output FILE] FILE|FOLDER|URL...
 * Exit code 0: no error findings; 1: error findings; 2: unreadable input or bad usage.
 *
 * Start-up matters (a script may call it once per file): the engine and the HTML parser are
 * loaded only once the arguments are understood, so `--help` and usage errors cost nothing.
 */
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import type { Analysis } from '../utils/report/types.ts';
import type { Entry } from './entries.ts';
import type { Loaded } from './inputs.ts';

const FORMATS = ['text', 'json', 'csv', 'tsv', 'md'] as const;
type Format = (typeof FORMATS)[number];

export type { Entry, Failure } from './entries.ts';

/**
 * From this many files on, pages are checked in worker threads (cli/pool.ts); fewer are checked
 * here, where starting a worker would cost more than it saves. One worker per core but one (the
 * main thread reads the files and writes the output), at least one, at most MAX_WORKERS: on a
 * busy 2-core machine a second worker cost more (its own start and warm-up) than it gained.
 */
export const POOL_FROM_FILES = 8;
const MAX_WORKERS = 4;
export const defaultWorkers = () => Math.max(1, Math.min(availableParallelism() - 1, MAX_WORKERS));

const USAGE = `用法 Usage: gov-report-check [--format text|json|csv|tsv|md] [--output 文件] [--timeout 秒] [--jobs 数] 文件|文件夹|网址...

  校验政府信息公开工作年度报告（HTML 网页、网页片段或文本），与浏览器扩展使用同一引擎。
  Checks government information-disclosure annual reports (HTML pages, fragments or text).

  -f, --format text   给人看的结果（默认；终端中带颜色）      human-readable (default)
  -f, --format json   每个输入一个 Analysis 的 JSON 数组      a JSON array, one Analysis per input
  -f, --format csv    数据集：每份报告一行（带 BOM，Excel 可直接打开）
                      the data set, one row per report (UTF-8 with BOM for Excel)
  -f, --format tsv    同上，制表符分隔                        same, tab-separated
  -f, --format md     Markdown 表格和校验发现                 Markdown tables and findings
      --header ids    数据集只写一行英文列名（默认两行：中文列名、列 id）；none 不写表头
                      data set: one header row of ids, or none (default: Chinese labels, then ids)
  -o, --output 文件   写入文件而不是标准输出                  write to FILE instead of stdout
      --timeout 秒    每个文件的时限（默认 30 秒）            time limit per file (default 30 s)
  -j, --jobs 数       检查用的线程数（默认：文件多时为 CPU 核数减一，至少 1；0 不用线程）
                      worker threads (default for many files: cores - 1, at least 1; 0: none)
  -h, --help          显示本帮助                              this help

退出码 Exit code: 0 无错误 no errors · 1 有错误 error findings · 2 无法读取或用法错误 unreadable/bad usage
`;

interface Io {
  out: { write(s: string): unknown; isTTY?: boolean };
  err: { write(s: string): unknown; isTTY?: boolean };
}

export async function main(argv: string[], io: Io = { out: process.stdout, err: process.stderr }): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'text' },
        header: { type: 'string', default: 'labels+ids' },
        output: { type: 'string', short: 'o' },
        timeout: { type: 'string', default: '30' },
        jobs: { type: 'string', short: 'j' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.err.write(`gov-report-check: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals: inputs } = args;
  if (values.help) {
    io.out.write(USAGE);
    return 0;
  }
  const format = values.format as Format;
  if (!FORMATS.includes(format)) {
    io.err.write(`gov-report-check: 未知格式 unknown format “${format}”，可用 ${FORMATS.join('|')}\n`);
    return 2;
  }
  const header = values.header as 'labels+ids' | 'ids' | 'none';
  if (!['labels+ids', 'ids', 'none'].includes(header)) {
    io.err.write(`gov-report-check: 未知表头 unknown --header “${values.header}”，可用 labels+ids|ids|none\n`);
    return 2;
  }
  // Per file, reading the page and analysing it included (at least 0.1 s: the engine builds its
  // tables on the first page's first milliseconds, which a limit must never cut).
  const timeoutSeconds = Number(values.timeout);
  if (!(timeoutSeconds >= 0.1)) {
    io.err.write(`gov-report-check: --timeout 应为不小于 0.1 的秒数 must be seconds ≥ 0.1, not “${values.timeout}”\n`);
    return 2;
  }
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 0 && jobs <= 64)) {
    io.err.write(`gov-report-check: --jobs 应为 0 到 64 的整数 must be a whole number from 0 to 64, not “${values.jobs}”\n`);
    return 2;
  }
  if (inputs.length === 0) {
    io.err.write(USAGE);
    return 2;
  }

  const [{ expandInputs, loadInput }, { visible }, { failure }] = await Promise.all([import('./inputs.ts'), import('./text.ts'), import('./entries.ts')]);
  const files = await expandInputs(inputs);
  const entries: Entry[] = [];
  const progress = files.length > 1;
  const tty = Boolean(io.err.isTTY);
  const workers = jobs ?? (files.length >= POOL_FROM_FILES ? defaultWorkers() : 0);
  const checker = await pageChecker(workers, timeoutSeconds * 1000);
  try {
    // Read ahead while pages are checked; results stay in input order.
    const ahead = Math.max(8, workers * 4);
    const reads = files.map(() => null as Promise<Entry> | null);
    const start = (i: number) => {
      if (i < files.length && !reads[i]) reads[i] = loadInput(files[i]).then(checker.check, (e) => failure(files[i], e));
    };
    for (let i = 0; i < files.length; i++) {
      for (let k = i; k < i + ahead; k++) start(k);
      if (progress && (tty || i % 50 === 0)) io.err.write(`${tty ? '\r\x1b[K' : ''}[${i + 1}/${files.length}] ${visible(files[i])}${tty ? '' : '\n'}`);
      entries.push(await reads[i]!);
      reads[i] = null;
    }
  } finally {
    await checker.close();
  }
  if (progress) io.err.write(`${tty ? '\r\x1b[K' : ''}已检查 ${files.length} 个文件 checked ${files.length} files\n`);
  if (files.length === 0) io.err.write('gov-report-check: 没有找到 .html/.htm/.txt 文件 no report files found\n');

  // Colour only for a person at a terminal, never into a file or a pipe (NO_COLOR respected).
  const color = format === 'text' && !values.output && Boolean(io.out.isTTY) && !process.env.NO_COLOR;
  const checkedAt = new Date().toISOString();
  const output = await render(entries, format, { color, header, checkedAt });
  if (values.output) {
    try {
      await writeFile(values.output, output);
    } catch (e) {
      io.err.write(`gov-report-check: 无法写入 ${values.output}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）\n`);
      return 2;
    }
  } else {
    io.out.write(output);
  }

  const failed = entries.some((e) => 'error' in e) || files.length === 0;
  const errors = entries.some((e) => !('error' in e) && e.isReport && e.summary.errors > 0);
  return failed ? 2 : errors ? 1 : 0;
}

/**
 * Loaded page → its entry, within the time limit: in a pool of `workers` threads, or here (0),
 * the limit then kept by the vm watchdog (timeLimit.ts). Never rejects: a page that fails is
 * its entry, and one bad page never stops the batch.
 */
async function pageChecker(workers: number, timeoutMs: number): Promise<{ check: (loaded: Loaded) => Promise<Entry>; close(): Promise<void> }> {
  if (workers > 0) {
    const { WorkerPool } = await import('./pool.ts');
    const pool = new WorkerPool(workers, timeoutMs);
    return { check: (loaded) => pool.check(loaded), close: () => pool.close() };
  }
  const [{ analyze }, { pageFromLoaded }, { runWithin }, { failure }] = await Promise.all([
    import('../utils/report/analyze.ts'),
    import('./inputs.ts'),
    import('./timeLimit.ts'),
    import('./entries.ts'),
  ]);
  return {
    check: async (loaded) => {
      try {
        return runWithin(timeoutMs, () => analyze(pageFromLoaded(loaded)));
      } catch (e) {
        return failure(loaded.source, e);
      }
    },
    close: async () => {},
  };
}

async function render(entries: Entry[], format: Format, o: { color: boolean; header: 'labels+ids' | 'ids' | 'none'; checkedAt: string }): Promise<string> {
  const { toDataSetCSV, toDataSetTSV, toJSON, toMarkdown, mdText } = await import('../utils/report/export.ts');
  const dataSet = entries.map((e) => ({ ...e, checkedAt: o.checkedAt }));
  switch (format) {
    case 'json':
      // JSON.stringify escapes C0 controls but not DEL, C1 (U+009B is a terminal's CSI) or the
      // bidi overrides: escape them too, so the JSON is as safe on a terminal as the text output.
      return toJSON(entries as Analysis[]).replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';
    case 'csv':
      // A BOM first: Excel on Windows reads a CSV without one as the local code page.
      return toDataSetCSV(dataSet, { header: o.header, bom: true });
    case 'tsv':
      return toDataSetTSV(dataSet, { header: o.header });
    case 'md':
      return entries.map((e) => ('error' in e ? `# ${mdText(e.source)}\n\n无法读取：${mdText(e.error)}\n` : !e.isReport ? `# ${mdText(e.source)}\n\n不是政府信息公开工作年度报告。\n` : toMarkdown(e))).join('\n');
    case 'text': {
      const { formatText } = await import('./text.ts');
      return entries.map((e) => formatText(e, o.color)).join('\n');
    }
  }
}
