/**
 * The library: every report the extension checked (on a page, from a list, from a draft), kept
 * in the browser's IndexedDB through `idb` (a 1 kB promise wrapper). Why IndexedDB and not
 * storage.local: thousands of reports of ~20–50 kB each, queried by agency + year (last year's
 * report) and by site without reading everything; storage.local has no indexes, reads whole
 * values, and needs `unlimitedStorage` past 10 MB. IndexedDB of the extension's origin survives
 * browser restarts and extension updates (it is removed only with the extension).
 *
 * One entry per page URL: checking the same URL again replaces the entry but keeps the
 * person's dismissals. Dismissals are kept by the finding's `check` id and written into the
 * stored Analysis as `finding.dismissed`, with the summary recomputed so they leave the counts.
 *
 * Schema versions (DB_VERSION; each step in `upgrade` runs once, in order, from any older one):
 *  1. store `reports` keyed by url: { url, analysis, checkedAt }, index checkedAt.
 *  2. entries gain site, agencyKey, year, origin, publishedAt, prose, dismissals;
 *     indexes agency_year [agencyKey, year], site, year.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { resummarize } from './summary.ts';
import { agencyKey } from './agency.ts';
import { normalize } from '../report/normalize.ts';
import type { Analysis, VerdictStatus } from '../report/types.ts';

export { agencyKey };

export const DB_NAME = 'grc-library';
export const DB_VERSION = 2;
const STORE = 'reports';

export type Origin = 'page' | 'list' | 'draft';

export interface Dismissal {
  reason: string;
  /** ISO time of the dismissal. */
  at: string;
}

export interface LibraryEntry {
  /** The page URL (the key); a draft's file name for drafts. */
  url: string;
  /** The page's host name ('' for drafts and files): same-site matching for cross-year checks. */
  site: string;
  /** agencyKey(analysis.agency): '' when the agency is unknown. */
  agencyKey: string;
  /** The report's year, 0 when unknown (IndexedDB keys cannot be null). */
  year: number;
  origin: Origin;
  /** ISO time the report was (last) checked. */
  checkedAt: string;
  /** Publication date as the page gives it, normalized to YYYY-MM-DD when it could be read. */
  publishedAt?: string;
  /**
   * What the repetition check needs of the prose: its sentences in matching form (see
   * proseSentences in rules/crossyear.repetition.ts), not the whole page.
   */
  prose?: string[];
  /** The person's dismissals, by finding check id (finding.check, or the rule id). */
  dismissals: Record<string, Dismissal>;
  /** The previous year's report the cross-year checks used (its URL), if any. */
  previousUrl?: string;
  /** The Analysis, with the dismissals applied (finding.dismissed, summary recounted). */
  analysis: Analysis;
}

export interface SaveMeta {
  url: string;
  origin: Origin;
  publishedAt?: string;
  prose?: string[];
  /** Defaults to now; imports keep the original time. */
  checkedAt?: string;
  /** The previous year's report the cross-year checks used. */
  previousUrl?: string;
}

export interface ListQuery {
  /** Part of the agency or the title (matched in normalized form: full/half-width, traditional). */
  text?: string;
  year?: number;
  status?: VerdictStatus;
  site?: string;
  origin?: Origin;
}

interface LibrarySchema extends DBSchema {
  reports: {
    key: string;
    value: LibraryEntry;
    indexes: { checkedAt: string; agency_year: [string, number]; site: string; year: number };
  };
}

type UpgradeTx = IDBPTransaction<LibrarySchema, 'reports'[], 'versionchange'>;

/** The finding's key for dismissals: its unique check id, or the rule id for older analyses. */
export const checkKey = (f: { check?: string; id: string }) => f.check ?? f.id;

export function siteOf(url: string): string {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname : '';
  } catch {
    return '';
  }
}

/** The analysis with the dismissals written into its findings and the summary recounted. */
export function applyDismissals(analysis: Analysis, dismissals: Record<string, Dismissal>): Analysis {
  const findings = analysis.findings.map((f) => {
    const d = dismissals[checkKey(f)];
    if (d) return { ...f, dismissed: { reason: d.reason, at: d.at } };
    if (f.dismissed) {
      const { dismissed: _gone, ...rest } = f;
      return rest;
    }
    return f;
  });
  return resummarize({ ...analysis, findings });
}

export class Library {
  #db: Promise<IDBPDatabase<LibrarySchema>> | null = null;

  readonly name: string;

  constructor(name = DB_NAME) {
    this.name = name;
  }

  db(): Promise<IDBPDatabase<LibrarySchema>> {
    this.#db ??= openDB<LibrarySchema>(this.name, DB_VERSION, {
      upgrade: (db, oldVersion, _newVersion, tx) => upgrade(db, oldVersion, tx),
      // Another page (an older extension version) holds the database: let it go so ours opens.
      blocking: () => {
        void this.close();
      },
    });
    return this.#db;
  }

  /** Tell the other pages of the extension (the library page) that the library changed. */
  changed(): void {
    try {
      const channel = new BroadcastChannel(`${this.name}:changed`);
      channel.postMessage(Date.now());
      channel.close();
    } catch {
      // No BroadcastChannel (old browser): the library page shows changes when reloaded.
    }
  }

  /** Calls back when another page or the background changed the library. */
  onChanged(callback: () => void): () => void {
    const channel = new BroadcastChannel(`${this.name}:changed`);
    channel.onmessage = () => callback();
    return () => channel.close();
  }

  async close(): Promise<void> {
    const db = this.#db;
    this.#db = null;
    if (db) (await db).close();
  }

  /** Keep (or replace) the report of meta.url; dismissals of the earlier entry are kept. */
  async saveAnalysis(analysis: Analysis, meta: SaveMeta): Promise<LibraryEntry> {
    const db = await this.db();
    const tx = db.transaction(STORE, 'readwrite');
    const old = await tx.store.get(meta.url);
    const dismissals = { ...(old?.dismissals ?? {}), ...dismissalsIn(analysis) };
    const entry: LibraryEntry = {
      url: meta.url,
      site: siteOf(meta.url),
      agencyKey: agencyKey(analysis.agency),
      year: analysis.year ?? 0,
      origin: meta.origin,
      checkedAt: meta.checkedAt ?? new Date().toISOString(),
      dismissals,
      analysis: applyDismissals(analysis, dismissals),
    };
    const publishedAt = meta.publishedAt ?? old?.publishedAt;
    if (publishedAt) entry.publishedAt = publishedAt;
    const prose = meta.prose ?? old?.prose;
    if (prose) entry.prose = prose;
    if (meta.previousUrl) entry.previousUrl = meta.previousUrl;
    await tx.store.put(entry);
    await tx.done;
    this.changed();
    return entry;
  }

  /** Replace a stored entry as it is (e.g. its cross-year findings recomputed). */
  async putEntry(entry: LibraryEntry): Promise<void> {
    const db = await this.db();
    await db.put(STORE, { ...entry, analysis: applyDismissals(entry.analysis, entry.dismissals) });
    this.changed();
  }

  async getEntry(url: string): Promise<LibraryEntry | undefined> {
    return (await this.db()).get(STORE, url);
  }

  /** Entries matching the query, newest check first (the page sorts further). */
  async listEntries(query: ListQuery = {}): Promise<LibraryEntry[]> {
    const db = await this.db();
    let entries: LibraryEntry[];
    if (query.site !== undefined) entries = await db.getAllFromIndex(STORE, 'site', query.site);
    else if (query.year !== undefined) entries = await db.getAllFromIndex(STORE, 'year', query.year);
    else entries = await db.getAll(STORE);
    const text = query.text ? matchForm(query.text) : '';
    return entries
      .filter(
        (e) =>
          (query.year === undefined || e.year === query.year) &&
          (query.status === undefined || e.analysis.summary.status === query.status) &&
          (query.origin === undefined || e.origin === query.origin) &&
          (!text || matchForm(`${e.analysis.agency ?? ''} ${e.analysis.title}`).includes(text)),
      )
      .sort((a, b) => (a.checkedAt < b.checkedAt ? 1 : a.checkedAt > b.checkedAt ? -1 : 0));
  }

  async count(): Promise<number> {
    return (await this.db()).count(STORE);
  }

  async deleteEntries(urls: string[]): Promise<void> {
    const tx = (await this.db()).transaction(STORE, 'readwrite');
    await Promise.all([...urls.map((u) => tx.store.delete(u)), tx.done]);
    this.changed();
  }

  async clearAll(): Promise<void> {
    await (await this.db()).clear(STORE);
    this.changed();
  }

  /**
   * The report of `agencyKey` for `year` on `site`, for the cross-year checks (the most recently
   * checked one if several pages hold it). An unknown agency or year matches nothing.
   */
  async findByAgencyYear(key: string, year: number, site: string, exceptUrl?: string): Promise<LibraryEntry | undefined> {
    if (!key || !year) return undefined;
    const hits = (await (await this.db()).getAllFromIndex(STORE, 'agency_year', [key, year])).filter(
      (e) => e.site === site && e.url !== exceptUrl && e.origin !== 'draft',
    );
    return hits.sort((a, b) => (a.checkedAt < b.checkedAt ? 1 : -1))[0];
  }

  findPrevious(key: string, year: number, site: string): Promise<LibraryEntry | undefined> {
    return this.findByAgencyYear(key, year - 1, site);
  }

  findNext(key: string, year: number, site: string): Promise<LibraryEntry | undefined> {
    return this.findByAgencyYear(key, year + 1, site);
  }

  /** Dismiss the finding `checkId` of the report at `url` with a reason (null: undo). */
  async setDismissal(url: string, checkId: string, reason: string | null): Promise<LibraryEntry | undefined> {
    const db = await this.db();
    const tx = db.transaction(STORE, 'readwrite');
    const entry = await tx.store.get(url);
    if (!entry) {
      await tx.done;
      return undefined;
    }
    const dismissals = { ...entry.dismissals };
    if (reason === null) delete dismissals[checkId];
    else dismissals[checkId] = { reason: reason.trim() || '已忽略', at: new Date().toISOString() };
    const updated: LibraryEntry = { ...entry, dismissals, analysis: applyDismissals(entry.analysis, dismissals) };
    await tx.store.put(updated);
    await tx.done;
    this.changed();
    return updated;
  }

  /**
   * Every entry, for export, in batches (progress for large libraries): the callback hears
   * how many were read of how many.
   */
  async exportAll(onProgress?: (done: number, total: number) => void): Promise<LibraryEntry[]> {
    const db = await this.db();
    const total = await db.count(STORE);
    const out: LibraryEntry[] = [];
    const BATCH = 200;
    let after: string | undefined;
    for (;;) {
      const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
      const batch = await db.getAll(STORE, range, BATCH);
      out.push(...batch);
      onProgress?.(out.length, total);
      if (batch.length < BATCH) break;
      after = batch[batch.length - 1].url;
    }
    return out;
  }
}

/** The export/import format: the documented Analysis, plus what the library knows of it. */
export interface ExportedAnalysis extends Analysis {
  library?: { url: string; origin: Origin; checkedAt: string; publishedAt?: string; prose?: string[] };
}

/** The JSON export: an array of Analyses (docs/analysis-json.md) with their `library` facts. */
export function toExportJson(entries: LibraryEntry[]): ExportedAnalysis[] {
  return entries.map((e) => ({
    ...e.analysis,
    library: {
      url: e.url,
      origin: e.origin,
      checkedAt: e.checkedAt,
      ...(e.publishedAt ? { publishedAt: e.publishedAt } : {}),
      ...(e.prose ? { prose: e.prose } : {}),
    },
  }));
}

export interface ImportResult {
  imported: number;
  /** Items that are not Analyses, with why (index in the array, reason in Chinese). */
  rejected: { index: number; reason: string }[];
}

/**
 * Restore a library from the JSON export (a backup, or a colleague's set). Accepts plain
 * Analyses too (the command line's --format json output): their URL is their `source`.
 * Dismissals travel inside the findings (finding.dismissed) and are kept.
 */
export async function importInto(library: Library, json: string | unknown): Promise<ImportResult> {
  let data: unknown = json;
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json.replace(/^\ufeff/, ''));
    } catch (e) {
      throw new Error(`不是有效的 JSON：${(e as Error).message}`);
    }
  }
  const items = Array.isArray(data) ? data : [data];
  const result: ImportResult = { imported: 0, rejected: [] };
  for (const [index, item] of items.entries()) {
    const why = notAnAnalysis(item);
    if (why) {
      result.rejected.push({ index, reason: why });
      continue;
    }
    const { library: meta, ...analysis } = item as ExportedAnalysis;
    const url = meta?.url || analysis.source;
    await library.saveAnalysis(analysis as Analysis, {
      url,
      origin: meta?.origin ?? 'page',
      checkedAt: meta?.checkedAt,
      publishedAt: meta?.publishedAt,
      prose: Array.isArray(meta?.prose) ? meta.prose.filter((s): s is string => typeof s === 'string') : undefined,
    });
    result.imported++;
  }
  return result;
}

function notAnAnalysis(item: unknown): string | null {
  if (!item || typeof item !== 'object') return '不是对象';
  const a = item as Partial<Analysis>;
  if (a.schemaVersion !== 2) return `schemaVersion 应为 2，实为 ${String(a.schemaVersion)}`;
  if (typeof a.source !== 'string' || !a.source) return '缺少 source（页面地址）';
  if (!Array.isArray(a.findings) || typeof a.cells !== 'object' || !a.cells) return '缺少 findings 或 cells';
  if (!a.summary || typeof a.summary !== 'object' || !a.tables) return '缺少 summary 或 tables';
  return null;
}

/** Dismissals an Analysis already carries (an import, or an analysis the page had dismissed). */
function dismissalsIn(analysis: Analysis): Record<string, Dismissal> {
  const out: Record<string, Dismissal> = {};
  for (const f of analysis.findings) if (f.dismissed) out[checkKey(f)] = { reason: f.dismissed.reason, at: f.dismissed.at };
  return out;
}

/** Search text in matching form: half-width, simplified, no spaces, lower case. */
const matchForm = (text: string) => normalize(text).toLowerCase();

/** The schema steps; each runs once for a database older than it. */
function upgrade(db: IDBPDatabase<LibrarySchema>, oldVersion: number, tx: UpgradeTx): void {
  if (oldVersion < 1) {
    const store = db.createObjectStore(STORE, { keyPath: 'url' });
    store.createIndex('checkedAt', 'checkedAt');
  }
  if (oldVersion < 2) {
    const store = tx.objectStore(STORE);
    store.createIndex('agency_year', ['agencyKey', 'year']);
    store.createIndex('site', 'site');
    store.createIndex('year', 'year');
    // Version-1 entries held only { url, analysis, checkedAt }: derive the rest.
    if (oldVersion >= 1) void migrateV1Entries(tx);
  }
}

async function migrateV1Entries(tx: UpgradeTx): Promise<void> {
  for (let cursor = await tx.objectStore(STORE).openCursor(); cursor; cursor = await cursor.continue()) {
    const v1 = cursor.value as Partial<LibraryEntry> & { url: string; analysis: Analysis; checkedAt?: string };
    const dismissals = dismissalsIn(v1.analysis);
    const entry: LibraryEntry = {
      url: v1.url,
      site: siteOf(v1.url),
      agencyKey: agencyKey(v1.analysis.agency),
      year: v1.analysis.year ?? 0,
      origin: 'page',
      checkedAt: v1.checkedAt ?? new Date(0).toISOString(),
      dismissals,
      analysis: v1.analysis,
    };
    await cursor.update(entry);
  }
}

/* ------------------------------------------------------------------ the default library */

/** The extension's library (background and options page share it: one extension origin). */
export const library = new Library();

export const saveAnalysis = (analysis: Analysis, meta: SaveMeta) => library.saveAnalysis(analysis, meta);
export const getEntry = (url: string) => library.getEntry(url);
export const listEntries = (query?: ListQuery) => library.listEntries(query);
export const deleteEntries = (urls: string[]) => library.deleteEntries(urls);
export const clearAll = () => library.clearAll();
export const exportAll = (onProgress?: (done: number, total: number) => void) => library.exportAll(onProgress);
export const importAnalyses = (json: string | unknown) => importInto(library, json);
export const findPrevious = (key: string, year: number, site: string) => library.findPrevious(key, year, site);
export const setDismissal = (url: string, checkId: string, reason: string | null) => library.setDismissal(url, checkId, reason);
