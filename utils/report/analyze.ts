/**
 * The whole pipeline: a page source in, an Analysis out. The content script, the popup, the
 * command line and the tests all run this very function.
 */
import { detect, judgeReport } from './detect.ts';
import { computeFigures } from './figures.ts';
import type { FormatId, TableId } from './formats.ts';
import { extractFacts, findSections, openingTopics, proseBeyondCap, toLines } from './narrative.ts';
import { looksTraditional } from './normalize.ts';
import { RULES, type Outcome, type Report, type Rule } from './rules/index.ts';
import { cellNumber, readFlattenedTables, readingNotes, readTables, type TableReading } from './tables.ts';
import { findSuspects, markExplained } from './suspects.ts';
import { textBlocksToTables } from './textTables.ts';
import { summarize } from './summary.ts';
import type { Analysis, Finding, NotChecked, PageSource, ReportContext, TextSpan } from './types.ts';

export { resummarize, summarize } from './summary.ts';

export const SCHEMA_VERSION = 2 as const;

export interface AnalysisWithRefs<Ref> {
  analysis: Analysis;
  /** Cell id → the page's own cell (DOM element), for outlines and 定位. */
  cellRefs: Map<string, Ref>;
  /** The page's table elements holding each table. */
  tableRefs: Record<TableId, Ref[]>;
  /** For cells of tables written as text: where the value stands in its text block (cellRefs gives the block). */
  cellAt: Map<string, TextSpan>;
}

/** What the caller knows beside the page (the library: last year's report, the publication date). */
export interface AnalyzeOptions {
  /** Last year's report of the same agency, for the cross-year rules. */
  previous?: Analysis;
  context?: ReportContext;
}

/** Analysis only (command line, tests). */
export function analyze(page: PageSource, options?: AnalyzeOptions): Analysis {
  return analyzePage(page, options).analysis;
}

export function analyzePage<Ref>(page: PageSource<Ref>, options: AnalyzeOptions = {}): AnalysisWithRefs<Ref> {
  const blocks = textBlocksToTables(page.blocks);
  const textBlocks = blocks.flatMap((b, blockIndex) => (b.kind === 'text' ? [{ text: b.text, blockIndex }] : []));
  const lines = toLines(textBlocks);
  const tableText = blocks
    .flatMap((b) => (b.kind === 'table' ? b.rows.slice(0, 60).map((r) => r.map((c) => c.text).join(' ')) : []))
    .join('\n');
  const detection = detect(page.title, lines.map((l) => l.norm), tableText);
  const sections = findSections(lines);

  // Read in the detected format; when nothing tells, read both ways and keep the better.
  // A report before the 2019 format has none of the formats' tables: nothing is read as one.
  const formats: FormatId[] = detection.older ? [] : detection.format === 'unknown' ? ['2021', '2019'] : [detection.format];
  let reading: TableReading<Ref> = readTables([], '2019', []);
  let format: FormatId = formats[0] ?? '2019';
  for (const f of formats) {
    const r = readTables(blocks, f, sections);
    readFlattenedTables(r, lines, sections, f, blocks);
    if (f === formats[0] || r.cells.size > reading.cells.size) {
      reading = r;
      format = f;
    }
  }
  const tables = reading;
  const { isReport, confidence } = judgeReport(detection, sections.length, {
    t2: tables.info.t2.found,
    t3: tables.info.t3.found,
    t4: tables.info.t4.found,
  }, openingTopics(lines, sections));
  const notes = readingNotes({ older: detection.older, tables: tables.info, sections, proseBeyondCap: proseBeyondCap(lines) });

  const report: Report = {
    format,
    detection,
    cells: tables.cells as Report['cells'],
    tables: tables.info,
    lines,
    sections,
    facts: isReport ? extractFacts(lines) : [],
    previous: options.previous,
    // The page's own publication date unless the caller knows better (publish.deadline).
    context: page.published ? { publishedAt: page.published, ...options.context } : options.context,
  };
  // Rules that cannot say anything about the page as read are not run (see readingNotes).
  const findings: Finding[] = isReport ? runRules(RULES.filter((rule) => notes.runs(rule.id)), report) : [];
  const suspects = isReport ? findSuspects(report, findings) : [];
  // What the reading could not do (the page reader's size and depth limits, a prose cap reached,
  // tables not in the text …), said once in the summary: never green for what was not read.
  const notChecked: NotChecked[] = [...(page.notes ?? []), ...(isReport ? [...(tables.notes ?? []), ...notes.notes] : [])];
  markExplained(findings, suspects);

  const cells: Record<string, number | null> = {};
  const cellRefs = new Map<string, Ref>();
  const cellAt = new Map<string, TextSpan>();
  for (const c of tables.cells.values()) {
    cells[c.id] = cellNumber(c);
    if (c.ref !== undefined) cellRefs.set(c.id, c.ref);
    if (c.at) cellAt.set(c.id, c.at);
  }

  const analysis: Analysis = {
    schemaVersion: SCHEMA_VERSION,
    source: page.source,
    isReport,
    title: detection.title,
    agency: detection.agency,
    year: detection.year,
    format: !isReport ? 'unknown' : detection.older ? 'older' : detection.format === 'unknown' && tables.cells.size === 0 ? 'unknown' : format,
    confidence,
    traditional: looksTraditional(textBlocks.slice(0, 200).map((t) => t.text).join('')),
    tables: tables.info,
    cells: isReport ? cells : {},
    findings,
    suspects,
    figures: computeFigures(tables.cells as Report['cells'], format),
    summary: summarize({ isReport, findings, suspects, tables: tables.info, notes: notChecked }),
  };
  return { analysis, cellRefs, tableRefs: tables.tableRefs, cellAt };
}

/**
 * Runs the rules and makes findings of their outcomes: the rule's id, severity and table are
 * added here, once, with a check id unique in the Analysis (`<rule id>/<at>`).
 */
export function runRules(rules: Rule[], report: Report): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    const outcomes = safeCheck(rule, report);
    outcomes.forEach((o, i) => {
      let check = o.at !== undefined ? `${rule.id}/${o.at}` : outcomes.length === 1 ? rule.id : `${rule.id}/${i}`;
      // A rule that names two outcomes alike still gets two ids (the meta-test reports it).
      for (let n = 2; seen.has(check); n++) check = `${check.replace(/#\d+$/, '')}#${n}`;
      seen.add(check);
      findings.push(toFinding(rule, o, check));
    });
  }
  return findings;
}

function toFinding(rule: Rule, o: Outcome, check: string): Finding {
  const f: Finding = {
    id: rule.id,
    check,
    // A check left unfinished by blank cells is never an arithmetic error.
    severity: o.incomplete ? 'warning' : rule.severity,
    status: o.status,
    message: o.message,
    messageEn: o.messageEn,
    cells: o.cells ?? [],
  };
  if (o.expected !== undefined) f.expected = o.expected;
  if (o.actual !== undefined) f.actual = o.actual;
  if (o.incomplete) f.incomplete = true;
  if (o.quotes?.length) f.quotes = o.quotes;
  const table = o.table ?? rule.table;
  if (table) f.table = table;
  return f;
}

/** A rule that throws must not take the page down: it becomes a finding of its own. */
function safeCheck(rule: Rule, report: Report): Outcome[] {
  try {
    return rule.check(report);
  } catch (e) {
    const why = (e as Error).message;
    return [{ at: 'error', status: 'skip', message: `校验出错：${why}`, messageEn: `The check failed: ${why}` }];
  }
}
