/**
 * The words of a run's results, once: what each page turned out to be (a report and its
 * verdict, or why it could not be read), and the summary line "共 40 份：32 份相符，5 份有错，
 * 3 份无法读取". The verdict of a report is its own analysis.summary.status, nothing else.
 */
import type { VerdictStatus } from '../report/types.ts';
import type { BatchItem } from './batch.ts';
import type { FetchFailure } from './fetchPage.ts';
import type { PageOutcome } from './readPage.ts';

type Lang = 'zh' | 'en';

/** One bin per row of the results: a report's verdict, or why there is none. */
export type RowStatus = VerdictStatus | 'unreadable' | 'not-report' | 'pending';

export function rowStatus(item: BatchItem): RowStatus {
  const o = item.outcome;
  if (!o || item.state === 'waiting' || item.state === 'running') return item.state === 'cancelled' ? 'unreadable' : 'pending';
  if (o.kind === 'report') return o.analysis.summary.status;
  if (o.kind === 'not-report') return 'not-report';
  return 'unreadable';
}

export const STATUS_LABELS: Record<RowStatus, { zh: string; en: string }> = {
  ok: { zh: '相符', en: 'all right' },
  errors: { zh: '有错', en: 'errors' },
  warnings: { zh: '有警告', en: 'warnings' },
  incomplete: { zh: '未能完全核对', en: 'not fully checked' },
  unreadable: { zh: '无法读取', en: 'could not read' },
  'not-report': { zh: '不是年报', en: 'not a report' },
  pending: { zh: '待核对', en: 'pending' },
};

function failureLine(f: FetchFailure, lang: Lang): string {
  const zh = lang === 'zh';
  switch (f.kind) {
    case 'http':
      return zh ? `无法打开：HTTP ${f.status}` : `Could not load: HTTP ${f.status}`;
    case 'timeout':
      return zh ? `无法打开：超时（${f.ms / 1000} 秒无响应）` : `Could not load: timed out after ${f.ms / 1000} s`;
    case 'too-large':
      return zh ? `页面过大（超过 ${Math.round(f.maxBytes / 1024 / 1024)} MB），未读取` : `Page too large (over ${Math.round(f.maxBytes / 1024 / 1024)} MB), not read`;
    case 'not-allowed':
      return zh ? '不在可核对的网站之列（仅 gov.cn 及设置中添加的网站）' : 'Not on a site the extension may read (gov.cn and the sites added in the settings)';
    case 'network':
      return zh ? `无法打开：网络错误（${f.message}）` : `Could not load: network error (${f.message})`;
    case 'cancelled':
      return zh ? '已取消' : 'Cancelled';
  }
}

/** What the row's 说明 column says. */
export function outcomeLine(o: PageOutcome, lang: Lang): string {
  const zh = lang === 'zh';
  switch (o.kind) {
    case 'report':
      return '';
    case 'list':
      return zh ? `列表页：${o.reading.reports.length} 份年报链接` : `List page: ${o.reading.reports.length} report links`;
    case 'attachment':
      return zh ? `附件：${o.fileType}，暂不能在线核对` : `Attachment (${o.fileType}): cannot be checked online yet`;
    case 'images':
      return zh ? `报告仅以图片发布（${o.images} 张），无法核对` : `The report is published only as images (${o.images}); cannot be checked`;
    case 'shell':
      return zh ? '页面内容由脚本填充，需在标签页中打开核对' : 'The page is filled in by scripts; open it in a tab to check it';
    case 'not-report':
      return zh ? '不是政府信息公开工作年度报告' : 'Not an information-disclosure annual report';
    case 'failed':
      return failureLine(o.failure, lang);
  }
}

/** "共 40 份：32 份相符，5 份有错，3 份无法读取" — report rows only, list pages not counted. */
export function runSummary(items: BatchItem[], lang: Lang): string {
  const rows = items.filter((i) => i.kind === 'report');
  const count = (s: RowStatus) => rows.filter((i) => rowStatus(i) === s).length;
  const zh = lang === 'zh';
  const parts: string[] = [];
  const always: RowStatus[] = ['ok', 'errors'];
  for (const s of ['ok', 'errors', 'warnings', 'incomplete', 'unreadable', 'not-report', 'pending'] as RowStatus[]) {
    const n = count(s);
    if (n === 0 && !always.includes(s) && !(s === 'unreadable')) continue;
    parts.push(zh ? `${n} 份${STATUS_LABELS[s].zh}` : `${n} ${STATUS_LABELS[s].en}`);
  }
  return zh ? `共 ${rows.length} 份：${parts.join('，')}` : `${rows.length} in all: ${parts.join(', ')}`;
}
