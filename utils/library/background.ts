/**
 * The library's part of the background (entrypoints/background.ts calls these, nothing else):
 * checking a page with the library and keeping it, dismissals sent by the popup or the overlay,
 * and whether the person turned the extension off on a site.
 */
import { analyzePage, type AnalysisWithRefs } from '../report/analyze.ts';
import type { Analysis, PageSource } from '../report/types.ts';
import { getSettings, isDisabledOn } from '../settings.ts';
import { checkAndKeep } from './check.ts';
import { library } from './store.ts';

/**
 * popup/overlay → background: dismiss the finding `check` of the report at `url` with a
 * reason (null: take the dismissal back). Answer: the report's Analysis with the dismissals
 * applied (finding.dismissed, counts recomputed), or null when the library does not hold it.
 */
export interface DismissMessage {
  type: 'grc:dismiss';
  url: string;
  check: string;
  reason: string | null;
}

/**
 * analyze for a page the checker read, with last year's report from the library, kept in the
 * library. If the library cannot be reached (private window without IndexedDB, quota), the
 * page is still checked: the library is a memory, never a condition.
 */
export async function checkPageWithLibrary<Ref>(page: PageSource<Ref>, url: string): Promise<AnalysisWithRefs<Ref>> {
  try {
    const settings = await getSettings();
    return await checkAndKeep(page, { url: url || page.source, origin: 'page', deadlines: { ...settings.deadlines } });
  } catch (e) {
    console.warn('[年报校验] report library unavailable:', e);
    return analyzePage(page);
  }
}

/** Whether the person turned the extension off on the site of `url` (then nothing is injected). */
export async function turnedOffOn(url: string | undefined): Promise<boolean> {
  if (!url) return false;
  const settings = await getSettings().catch(() => null);
  return settings ? isDisabledOn(settings, url) : false;
}

/**
 * The library's messages; undefined for any other message (the background handles those), and
 * for a dismissal of a report its sender may not change (`mayChange`, given by the background).
 */
export function handleLibraryMessage(message: unknown, mayChange: (url: string) => boolean): Promise<Analysis | null> | undefined {
  const m = message as Partial<DismissMessage> | null;
  if (m?.type !== 'grc:dismiss' || typeof m.url !== 'string' || typeof m.check !== 'string') return undefined;
  if (!mayChange(m.url)) return undefined;
  const reason = typeof m.reason === 'string' ? m.reason.slice(0, 500) : null;
  return library.setDismissal(m.url, m.check, reason).then((entry) => entry?.analysis ?? null);
}
