/**
 * gov-report-check: the engine on saved pages, folders and URLs.
 *   gov-report-check [--format text|json|csv|tsv|md] FILE|FOLDER|URL...
 * Exit code 0: no error findings; 1: error findings; 2: unreadable input or bad usage.
 */
import { analyze } from '../utils/report/analyze.ts';
import { toDatasetCSV, toJSON, toMarkdown } from '../utils/report/export.ts';
import type { Analysis } from '../utils/report/types.ts';
import { expandInputs, readInput } from './inputs.ts';
import { formatText } from './text.ts';

const FORMATS = ['text', 'json', 'csv', 'tsv', 'md'] as const;
type Format = (typeof FORMATS)[number];

export interface Failure {
  source: string;
  isReport: false;
  error: string;
}
export type Entry = Analysis | Failure;

const USAGE = `用法 Usage: gov-report-check [--format text|json|csv|tsv|md] 文件|文件夹|网址...

  校验政府信息公开工作年度报告（HTML 或文本），与浏览器扩展使用同一引擎。
  Checks government information-disclosure annual reports (HTML or text).

  --format text   给人看的结果（默认；终端中带颜色）  human-readable (default)
  --format json   每个输入一个 Analysis 的 JSON 数组  a JSON array, one Analysis per input
  --format csv    每份报告一行、每个单元格一列        one row per report, a column per cell id
  --format tsv    同上，制表符分隔                    same, tab-separated
  --format md     Markdown 表格和校验发现             Markdown tables and findings
  -h, --help      显示本帮助

退出码 Exit code: 0 无错误 no errors · 1 有错误 error findings · 2 无法读取或用法错误 unreadable/bad usage
`;

export async function main(argv: string[], io = { out: process.stdout, err: process.stderr }): Promise<number> {
  let format: Format = 'text';
  const inputs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') {
      io.out.write(USAGE);
      return 0;
    }
    if (a === '--format' || a === '-f' || a.startsWith('--format=')) {
      const value = a.includes('=') ? a.split('=')[1] : argv[++i];
      if (!FORMATS.includes(value as Format)) {
        io.err.write(`gov-report-check: 未知格式 unknown format “${value ?? ''}”，可用 ${FORMATS.join('|')}\n`);
        return 2;
      }
      format = value as Format;
      continue;
    }
    if (a.startsWith('-') && a !== '-') {
      io.err.write(`gov-report-check: 未知选项 unknown option ${a}\n\n${USAGE}`);
      return 2;
    }
    inputs.push(a);
  }
  if (inputs.length === 0) {
    io.err.write(USAGE);
    return 2;
  }

  const files = await expandInputs(inputs);
  const entries: Entry[] = [];
  const progress = files.length > 1;
  const tty = Boolean((io.err as NodeJS.WriteStream).isTTY);
  // Read ahead a few files while analysing the current one; results stay in input order.
  const reads = files.map(() => null as Promise<Entry> | null);
  const start = (i: number) => {
    if (i < files.length && !reads[i]) {
      reads[i] = readInput(files[i]).then(analyze, (e: Error) => ({ source: files[i], isReport: false as const, error: e.message || String(e) }));
    }
  };
  for (let i = 0; i < files.length; i++) {
    for (let k = i; k < i + 8; k++) start(k);
    if (progress && (tty || i % 50 === 0)) io.err.write(`${tty ? '\r\x1b[K' : ''}[${i + 1}/${files.length}] ${files[i]}${tty ? '' : '\n'}`);
    entries.push(await reads[i]!);
    reads[i] = null;
  }
  if (progress) io.err.write(`${tty ? '\r\x1b[K' : ''}已检查 ${files.length} 个文件 checked ${files.length} files\n`);
  if (files.length === 0) io.err.write('gov-report-check: 没有找到 .html/.htm/.txt 文件 no report files found\n');

  const color = format === 'text' && Boolean((io.out as NodeJS.WriteStream).isTTY) && !process.env.NO_COLOR;
  io.out.write(render(entries, format, color));

  const failed = entries.some((e) => 'error' in e) || files.length === 0;
  const errors = entries.some((e) => !('error' in e) && e.summary.errors > 0);
  return failed ? 2 : errors ? 1 : 0;
}

function render(entries: Entry[], format: Format, color: boolean): string {
  switch (format) {
    case 'json':
      return toJSON(entries as Analysis[]) + '\n';
    case 'csv':
      return toDatasetCSV(entries.map(asDataset));
    case 'tsv':
      return toDatasetCSV(entries.map(asDataset), '\t');
    case 'md':
      return entries.map((e) => ('error' in e ? `# ${e.source}\n\n无法读取：${e.error}\n` : toMarkdown(e))).join('\n');
    case 'text':
      return entries.map((e) => formatText(e, color)).join('\n');
  }
}

const asDataset = (e: Entry) => ('error' in e ? { source: e.source, error: e.error } : e);
