/**
 * A tab's reports, one per frame that holds one: the order the popup lists them in, which
 * site each frame is from, and the toolbar badge that sums them up. Pure functions, so that
 * the background stays thin and the rules are unit-tested (tests/unit/tabReports.test.ts).
 */
import type { FrameReport } from './messages.ts';
import type { VerdictStatus } from './report/types.ts';

/**
 * Suffixes under which a site is the third label from the right (`example.gov.cn`), as in the
 * Public Suffix List for the hosts this extension runs on; other hosts use the last two labels.
 * Enough to tell an agency's own frames from another agency's, without shipping the list.
 */
const TWO_LABEL_SUFFIXES = /\.(gov|edu|com|net|org|ac)\.cn$|\.(gov|com|net|org|edu)\.(hk|mo|tw)$/;

/** The scheme and registrable domain of an address (`http://example.gov.cn`), or '' when there is none. */
export function siteOf(url: string | undefined): string {
  if (!url) return '';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '';
  }
  if (!/^https?:$/.test(parsed.protocol) || !parsed.hostname) return '';
  const labels = parsed.hostname.toLowerCase().split('.');
  const keep = TWO_LABEL_SUFFIXES.test(`.${parsed.hostname.toLowerCase()}`) ? 3 : 2;
  return `${parsed.protocol}//${labels.slice(-keep).join('.')}`;
}

/**
 * Whether a frame is from the same site as the tab's page. The tab's address is only known to
 * us on gov.cn pages (no `tabs` permission): a report framed by any other page is from another
 * site by definition.
 */
export function sameSite(frameUrl: string, topUrl: string | undefined): boolean {
  const site = siteOf(frameUrl);
  return site !== '' && site === siteOf(topUrl);
}

/** The popup's order: the page itself first, then its frames in the order they reported. */
export function orderFrames(frames: FrameReport[]): FrameReport[] {
  return [...frames].sort((a, b) => Number(b.isTop) - Number(a.isTop) || a.frameId - b.frameId);
}

/** A frame's one status: a page that could not be read is never better than 'incomplete'. */
export function frameStatus(frame: FrameReport): VerdictStatus {
  const status = frame.analysis.summary.status;
  return frame.unread && status === 'ok' ? 'incomplete' : status;
}

const WORST_FIRST: VerdictStatus[] = ['errors', 'warnings', 'incomplete', 'ok'];

/** The tab's status: the worst of its reports'. */
export function tabStatus(frames: FrameReport[]): VerdictStatus {
  return WORST_FIRST.find((s) => frames.some((f) => frameStatus(f) === s)) ?? 'ok';
}

export const BADGE_COLOURS: Record<VerdictStatus, string> = {
  errors: '#d93025', // red: errors to fix
  warnings: '#e37400', // amber
  incomplete: '#e37400', // amber
  ok: '#188038', // green
};

/**
 * What the badge shows:
 *  - red, the number of errors to fix, summed over the tab's reports;
 *  - amber '!': no error, but warnings to look at;
 *  - amber '?': no error found, but something could not be checked (a table not read, blank
 *    cells, a page too large or too deeply nested, a page that could not be sent to the engine);
 *  - green '✓': every report checked, and everything holds;
 *  - nothing: no report in the tab.
 */
export const BADGE_TEXT: Record<Exclude<VerdictStatus, 'errors'>, string> = { warnings: '!', incomplete: '?', ok: '✓' };

export interface Badge {
  text: string;
  colour: string;
  /** The tooltip: how many reports, and the verdict in words ('' is the extension's name). */
  title: string;
}

export function badgeOf(frames: FrameReport[], language: string): Badge {
  if (frames.length === 0) return { text: '', colour: BADGE_COLOURS.ok, title: '' };
  const status = tabStatus(frames);
  const errors = frames.reduce((n, f) => n + f.analysis.summary.errors, 0);
  const warnings = frames.reduce((n, f) => n + f.analysis.summary.warnings, 0);
  const zh = /^zh/i.test(language);
  const reports = zh ? `${frames.length} 份报告` : `${frames.length} report${frames.length === 1 ? '' : 's'}`;
  const verdict = zh
    ? { errors: `${errors} 项错误`, warnings: `无错误，${warnings} 项警告`, incomplete: '未发现错误，部分内容未能核对', ok: '全部核对无误' }[status]
    : {
        errors: `${errors} error${errors === 1 ? '' : 's'}`,
        warnings: `no errors, ${warnings} warning${warnings === 1 ? '' : 's'}`,
        incomplete: 'no errors found, some parts could not be checked',
        ok: 'everything checked and holds',
      }[status];
  return {
    text: status === 'errors' ? String(errors) : BADGE_TEXT[status],
    colour: BADGE_COLOURS[status],
    title: zh ? `年报校验：${reports}，${verdict}` : `Annual Report Check: ${reports}, ${verdict}`,
  };
}
