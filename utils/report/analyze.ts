/**
 * The whole pipeline: a page source in, an Analysis out. The content script, the popup, the
 * command line and the tests all run this very function.
 */
import { detect, judgeReport } from './detect.ts';
import { computeFigures } from './figures.ts';
import type { FormatId, TableId } from './formats.ts';
import { extractFacts, findSections, toLines } from './narrative.ts';
import { looksTraditional } from './normalize.ts';
import { RULES, type Outcome, type Report, type Rule } from './rules/index.ts';
import { cellNumber, readFlattenedTables, readTables, type TableReading } from './tables.ts';
import { textBlocksToTables } from './textTables.ts';
import type { Analysis, Finding, PageSource, ReportContext, Summary, TableVerdict, VerdictStatus } from './types.ts';

export const SCHEMA_VERSION = 2 as const;

export interface AnalysisWithRefs<Ref> {
  analysis: Analysis;
  /** Cell id → the page's own cell (DOM element), for outlines and 定位. */
  cellRefs: Map<string, Ref>;
  /** The page's table elements holding each table. */
  tableRefs: Record<TableId, Ref[]>;
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
  const formats: FormatId[] = detection.format === 'unknown' ? ['2021', '2019'] : [detection.format];
  let reading: TableReading<Ref> | undefined;
  let format: FormatId = formats[0];
  for (const f of formats) {
    const r = readTables(blocks, f, sections);
    readFlattenedTables(r, lines, sections, f);
    if (!reading || r.cells.size > reading.cells.size) {
      reading = r;
      format = f;
    }
  }
  const tables = reading!;
  const { isReport, confidence } = judgeReport(detection, sections.length, {
    t2: tables.info.t2.found,
    t3: tables.info.t3.found,
    t4: tables.info.t4.found,
  });

  const report: Report = {
    format,
    detection,
    cells: tables.cells as Report['cells'],
    tables: tables.info,
    lines,
    sections,
    facts: isReport ? extractFacts(lines) : [],
    previous: options.previous,
    context: options.context,
  };
  const findings: Finding[] = isReport ? runRules(RULES, report) : [];

  const cells: Record<string, number | null> = {};
  const cellRefs = new Map<string, Ref>();
  for (const c of tables.cells.values()) {
    cells[c.id] = cellNumber(c);
    if (c.ref !== undefined) cellRefs.set(c.id, c.ref);
  }

  const analysis: Analysis = {
    schemaVersion: SCHEMA_VERSION,
    source: page.source,
    isReport,
    title: detection.title,
    agency: detection.agency,
    year: detection.year,
    format: isReport ? (detection.format === 'unknown' && tables.cells.size === 0 ? 'unknown' : format) : 'unknown',
    confidence,
    traditional: looksTraditional(textBlocks.slice(0, 200).map((t) => t.text).join('')),
    tables: tables.info,
    cells: isReport ? cells : {},
    findings,
    // TODO(issue 7): suspects and the grouped verdict are filled in by the verdict work.
    suspects: [],
    figures: computeFigures(tables.cells as Report['cells'], format),
    summary: summarize(findings, tables.info),
  };
  return { analysis, cellRefs, tableRefs: tables.tableRefs };
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

/** The one verdict every surface shows (see Summary in types.ts). */
export function summarize(findings: Finding[], tables: Analysis['tables']): Summary {
  const live = findings.filter((f) => !f.dismissed);
  const failed = live.filter((f) => f.status === 'fail');
  const tableVerdict = (table: TableId): TableVerdict => {
    const own = live.filter((f) => f.table === table);
    const fails = own.filter((f) => f.status === 'fail');
    const errors = fails.filter((f) => f.severity === 'error').length;
    const warnings = fails.filter((f) => f.severity === 'warning' && !f.incomplete).length;
    const incomplete = own.filter((f) => f.incomplete && f.status === 'skip').length;
    const skipped = own.filter((f) => f.status === 'skip' && !f.incomplete).length;
    const read = tables[table].found;
    return {
      status: verdictStatus(errors, warnings, incomplete + (read ? 0 : 1) + skipped),
      read, errors, warnings, incomplete, passed: own.filter((f) => f.status === 'pass').length, skipped,
    };
  };
  const errors = failed.filter((f) => f.severity === 'error').length;
  const warnings = failed.filter((f) => f.severity === 'warning' && !f.incomplete).length;
  const incomplete = live.filter((f) => f.incomplete && f.status === 'skip').length;
  const skipped = live.filter((f) => f.status === 'skip' && !f.incomplete).length;
  const notRead = (['t2', 't3', 't4'] as TableId[]).filter((t) => !tables[t].found).length;
  return {
    status: verdictStatus(errors, warnings, incomplete + notRead),
    errors,
    warnings,
    infos: failed.filter((f) => f.severity === 'info').length,
    incomplete,
    passed: live.filter((f) => f.status === 'pass').length,
    skipped,
    checks: live.filter((f) => f.status !== 'skip').length,
    failedChecks: errors,
    notChecked: [],
    tables: { t2: tableVerdict('t2'), t3: tableVerdict('t3'), t4: tableVerdict('t4') },
  };
}

function verdictStatus(errors: number, warnings: number, unchecked: number): VerdictStatus {
  return errors ? 'errors' : warnings ? 'warnings' : unchecked ? 'incomplete' : 'ok';
}
