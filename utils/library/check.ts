/**
 * Check a page with the library's memory, and keep the result: the one entry point for every
 * report the extension checks (the background for pages, the list checker for fetched pages,
 * the draft checker when a person keeps a draft).
 *
 * 1. analyze the page, with the publication date and the deadlines from the settings;
 * 2. when the library holds the same agency's report of the year before on the same site,
 *    analyze again with it (the cross-year rules need it, and the agency and year are known
 *    only once the page was read);
 * 3. store the result (same URL: replaced, dismissals kept) and return it with the dismissals
 *    applied, so the page shows them;
 * 4. when the library already holds the year after (checked first), recompute that report's
 *    cross-year findings against this one.
 */
import { analyzePage, runRules, type AnalysisWithRefs } from '../report/analyze.ts';
import type { Report } from '../report/checks/rule.ts';
import { CROSS_YEAR_CHECKS, sideOfAnalysis } from '../report/crossyear.ts';
import { RULES } from '../report/rules/index.ts';
import type { Analysis, PageSource, ReportContext } from '../report/types.ts';
import { proseOfPage } from './prose.ts';
import { resummarize } from './summary.ts';
import { agencyKey, library as defaultLibrary, siteOf, type Library, type LibraryEntry, type Origin } from './store.ts';

export interface CheckOptions {
  url: string;
  origin: Origin;
  /** Deadlines from the settings (publish.deadline); the engine's defaults otherwise. */
  deadlines?: Record<string, string>;
  /** Keep the result in the library (drafts only when the person asks). Default true. */
  keep?: boolean;
  library?: Library;
}

export interface Checked<Ref> extends AnalysisWithRefs<Ref> {
  /** The library entry (absent when not kept or not a report). */
  entry?: LibraryEntry;
}

const CROSS_YEAR = (id: string) => id.startsWith('crossyear.');

export async function checkAndKeep<Ref>(page: PageSource<Ref>, options: CheckOptions): Promise<Checked<Ref>> {
  const lib = options.library ?? defaultLibrary;
  const context: ReportContext = { publishedAt: page.published ?? null, ...(options.deadlines ? { deadlines: options.deadlines } : {}) };
  let result: Checked<Ref> = analyzePage(page, { context });
  const first = result.analysis;
  if (!first.isReport || options.keep === false) return result;

  const key = agencyKey(first.agency);
  const site = siteOf(options.url);
  const previous = first.year ? await lib.findPrevious(key, first.year, site) : undefined;
  if (previous) {
    result = analyzePage(page, { previous: previous.analysis, context: { ...context, previousProse: previous.prose ?? [] } });
  }
  const prose = proseOfPage(page);
  const entry = await lib.saveAnalysis(result.analysis, {
    url: options.url,
    origin: options.origin,
    publishedAt: page.published,
    prose,
    previousUrl: previous?.url,
  });
  result = { ...result, analysis: entry.analysis, entry };

  const later = first.year ? await lib.findNext(key, first.year, site) : undefined;
  if (later) await lib.putEntry(withCrossYear(later, entry));
  return result;
}

/**
 * A stored report with its cross-year findings recomputed against `previous` (the year before,
 * checked after it): the same checks the rules run, on what the library kept of both (cells,
 * figures, prose sentences), made findings by the engine's own runRules.
 */
export function withCrossYear(entry: LibraryEntry, previous: LibraryEntry): LibraryEntry {
  const a = entry.analysis;
  const current = sideOfAnalysis(a, entry.prose);
  const before = sideOfAnalysis(previous.analysis, previous.prose);
  const rules = RULES.filter((r) => CROSS_YEAR_CHECKS[r.id]).map((r) => ({ ...r, check: () => CROSS_YEAR_CHECKS[r.id](current, before) }));
  // The rules' checks here read only the two sides, never the report.
  const findings = runRules(rules, {} as Report);
  const kept = a.findings.filter((f) => !CROSS_YEAR(f.id));
  const analysis: Analysis = resummarize({ ...a, findings: [...kept, ...findings] });
  return { ...entry, analysis, previousUrl: previous.url };
}
