/**
 * One run of checks over many pages: URLs pasted or from a roster, or the reports a list page
 * links to (its later pages followed through plain links, up to a limit the person sets).
 * Every page goes through the polite queue (queue.ts) and fetchPage, is read by readPage
 * (DOMParser, the page walker, the engine) and, when it is a report, kept in the library.
 *
 * Knows nothing of the interface: the panel subscribes to changes and renders `items`.
 */
import type { Analysis, PageSource } from '../report/types.ts';
import { attachmentType, type ListReading } from '../report/links.ts';
import { DEFAULT_LIMITS, fetchPage, type FetchLike, type FetchLimits } from './fetchPage.ts';
import { CancelledError, PoliteQueue } from './queue.ts';
import { readPage, type PageOutcome } from './readPage.ts';

export type ItemKind = 'report' | 'list';

export interface BatchItem {
  id: number;
  /** What the item is meant to be: a report page, or a list page to expand. */
  kind: ItemKind;
  url: string;
  /** 单位 from a roster, or the agency the list's link title names. */
  unit?: string;
  /** The link's title on the list page. */
  linkTitle?: string;
  linkYear?: number | null;
  state: 'waiting' | 'running' | 'done' | 'cancelled';
  outcome?: PageOutcome;
  /** Set once the report is kept in the library (or why keeping it failed). */
  stored?: boolean;
  /** The page could not be read here and was checked in a tab instead (an empty shell). */
  readInTab?: boolean;
  storeError?: string;
}

export interface BatchDeps {
  allowed: (url: string) => boolean | Promise<boolean>;
  /**
   * Keeps a report in the library; answers the analysis as kept (the library may add what
   * only it knows, such as last year's report's checks).
   */
  keep: (report: { analysis: Analysis; page: PageSource<Node>; publishedAt?: string }, url: string) => Promise<Analysis>;
  fetch?: FetchLike;
  limits?: FetchLimits;
  queue?: PoliteQueue;
  /** How many list pages of one list to read, the first included. */
  maxListPages?: number;
}

export const DEFAULT_MAX_LIST_PAGES = 5;

export class BatchRun {
  items: BatchItem[] = [];
  /** List pages that page on by a script: reported, not followed. */
  scriptPagedLists: string[] = [];
  /** List pages not read because the person's limit was reached. */
  pagesOverLimit: string[] = [];
  private nextId = 1;
  private deps: BatchDeps;
  private readonly queue: PoliteQueue;
  /** List pages taken on per list (its first page included), against maxListPages. */
  private listPagesPlanned = new Map<string, number>();
  private listOf = new Map<string, string>();
  private listeners = new Set<() => void>();

  constructor(deps: BatchDeps) {
    this.deps = deps;
    this.queue = deps.queue ?? new PoliteQueue();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed() {
    for (const l of this.listeners) l();
  }

  /** Adds report pages (pasted URLs, a roster) and starts checking them. */
  addReports(entries: { url: string; unit?: string }[]): void {
    for (const e of entries) {
      if (this.items.some((i) => i.url === e.url)) continue;
      this.start(this.push({ kind: 'report', url: e.url, unit: e.unit }));
    }
    this.changed();
  }

  /** Adds a list page: its report links are added as they are found. */
  addList(url: string): void {
    if (this.items.some((i) => i.url === url)) return;
    this.listOf.set(url, url);
    this.listPagesPlanned.set(url, 1);
    this.start(this.push({ kind: 'list', url }));
    this.changed();
  }

  /** An item already read (a roster row or link that needs no fetch, e.g. a PDF). */
  private push(partial: Omit<BatchItem, 'id' | 'state'> & { state?: BatchItem['state'] }): BatchItem {
    const item: BatchItem = { id: this.nextId++, state: 'waiting', ...partial };
    this.items.push(item);
    return item;
  }

  private start(item: BatchItem) {
    // A link to a file is never fetched: we cannot read it online, and say so.
    const fileType = attachmentType(item.url);
    if (fileType) {
      item.kind = 'report';
      item.state = 'done';
      item.outcome = { kind: 'attachment', title: item.linkTitle ?? '', fileType, url: item.url };
      return;
    }
    item.state = 'waiting';
    this.queue
      .run(async (signal) => {
        item.state = 'running';
        this.changed();
        const result = await fetchPage(item.url, { allowed: this.deps.allowed, fetch: this.deps.fetch, limits: this.deps.limits ?? DEFAULT_LIMITS, signal });
        if (!result.ok) return { kind: 'failed', failure: result.failure } as PageOutcome;
        if ('binary' in result) return { kind: 'attachment', title: item.linkTitle ?? '', fileType: '文件', url: result.url } as PageOutcome;
        return readPage(result.text, result.url);
      })
      .then(
        async (outcome) => {
          if (outcome.kind === 'failed' && outcome.failure.kind === 'cancelled') {
            item.state = 'cancelled';
            return;
          }
          // A URL given as a possible list turned out to be one report (or no list): a row like any other.
          if (item.kind === 'list' && outcome.kind !== 'list') item.kind = 'report';
          // A report is done once the library kept it (its row shows the kept verdict), so a
          // finished run never shows a report as it was before the library checked it.
          if (outcome.kind === 'report') await this.keep(item, outcome);
          else item.outcome = outcome;
          item.state = 'done';
          if (outcome.kind === 'list') this.expand(item, outcome.reading);
        },
        (e) => {
          item.state = e instanceof CancelledError ? 'cancelled' : 'done';
          if (!(e instanceof CancelledError)) item.outcome = { kind: 'failed', failure: { kind: 'network', message: (e as Error).message } };
        },
      )
      .finally(() => this.changed());
  }

  private async keep(item: BatchItem, report: Extract<PageOutcome, { kind: 'report' }>) {
    try {
      const kept = await this.deps.keep(report, item.url);
      item.outcome = { ...report, analysis: kept };
      item.stored = true;
    } catch (e) {
      item.outcome = report;
      item.stored = false;
      item.storeError = (e as Error).message || String(e);
    }
  }

  /** A list page read: its reports become items; its later pages are followed up to the limit. */
  private expand(page: BatchItem, reading: ListReading) {
    const root = this.listOf.get(page.url) ?? page.url;
    for (const link of reading.reports) {
      if (this.items.some((i) => i.url === link.url)) continue;
      this.start(this.push({ kind: 'report', url: link.url, unit: link.agency ?? undefined, linkTitle: link.title, linkYear: link.year }));
    }
    if (reading.scriptPaging && !this.scriptPagedLists.includes(page.url)) this.scriptPagedLists.push(page.url);
    const limit = this.deps.maxListPages ?? DEFAULT_MAX_LIST_PAGES;
    let planned = this.listPagesPlanned.get(root) ?? 1;
    for (const next of reading.nextPages) {
      if (this.items.some((i) => i.url === next)) continue;
      if (planned >= limit) {
        if (!this.pagesOverLimit.includes(next)) this.pagesOverLimit.push(next);
        continue;
      }
      this.listPagesPlanned.set(root, ++planned);
      this.listOf.set(next, root);
      this.start(this.push({ kind: 'list', url: next }));
    }
  }

  /** The person changed the page limit: it counts for list pages found from now on. */
  setMaxListPages(n: number) {
    this.deps.maxListPages = n;
  }

  pause() {
    this.queue.pause();
    this.changed();
  }

  resume() {
    this.queue.resume();
    this.changed();
  }

  get paused(): boolean {
    return this.queue.isPaused;
  }

  cancel() {
    this.queue.cancel();
    this.changed();
  }

  /** Fetches again every page that failed to load or was cancelled. */
  retryFailed() {
    for (const item of this.items) {
      if (item.state === 'cancelled' || item.outcome?.kind === 'failed' || (item.outcome?.kind === 'report' && item.stored === false)) {
        item.outcome = undefined;
        item.stored = undefined;
        item.storeError = undefined;
        this.start(item);
      }
    }
    this.changed();
  }

  /** Records what a tab found for a page the run could not read (an empty shell opened in a tab). */
  settle(url: string, analysis: Analysis) {
    const item = this.items.find((i) => i.url === url);
    if (!item) return;
    // Read in the tab: the page stays there; the row needs only the analysis.
    item.outcome = { kind: 'report', analysis, page: { source: url, title: analysis.title, blocks: [] } };
    item.stored = true;
    item.readInTab = true;
    item.state = 'done';
    this.changed();
  }

  /** Progress: pages done of all (list pages included), and those under way. */
  get progress(): { done: number; total: number; running: number } {
    const done = this.items.filter((i) => i.state === 'done' || i.state === 'cancelled').length;
    return { done, total: this.items.length, running: this.items.filter((i) => i.state === 'running').length };
  }

  get finished(): boolean {
    return this.items.every((i) => i.state === 'done' || i.state === 'cancelled');
  }
}
