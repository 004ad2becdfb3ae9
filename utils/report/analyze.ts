/**
 * The whole pipeline: a page source in, an Analysis out. The content script, the popup, the
 * command line and the tests all run this very function.
 */
import { detect, judgeReport } from './detect.ts';
import { computeFigures } from './figures.ts';
import type { FormatId, TableId } from './formats.ts';
import { extractFacts, findSections, toLines } from './narrative.ts';
import { looksTraditional } from './normalize.ts';
import { RULES, type Report } from './rules/index.ts';
import { cellNumber, readFlattenedTables, readTables, type TableReading } from './tables.ts';
import { textBlocksToTables } from './textTables.ts';
import type { Analysis, Finding, PageSource, Summary, TableVerdict, TextSpan, VerdictStatus } from './types.ts';

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

/** Analysis only (command line, tests). */
export function analyze(page: PageSource): Analysis {
  return analyzePage(page).analysis;
}

export function analyzePage<Ref>(page: PageSource<Ref>): AnalysisWithRefs<Ref> {
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
  };
  const findings: Finding[] = isReport ? RULES.flatMap((rule) => safeCheck(rule, report)) : [];

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
  return { analysis, cellRefs, tableRefs: tables.tableRefs, cellAt };
}

/** A rule that throws must not take the page down: it becomes a finding of its own. */
function safeCheck(rule: (typeof RULES)[number], report: Report): Finding[] {
  try {
    return rule.check(report);
  } catch (e) {
    return [{ id: rule.id, severity: 'info', status: 'skip', message: `校验出错：${(e as Error).message}`, cells: [] }];
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
    const incomplete = fails.filter((f) => f.incomplete).length;
    const skipped = own.filter((f) => f.status === 'skip').length;
    const read = tables[table].found;
    return {
      status: verdictStatus(errors, warnings, incomplete + (read ? 0 : 1) + skipped),
      read, errors, warnings, incomplete, passed: own.filter((f) => f.status === 'pass').length, skipped,
    };
  };
  const errors = failed.filter((f) => f.severity === 'error').length;
  const warnings = failed.filter((f) => f.severity === 'warning' && !f.incomplete).length;
  const incomplete = failed.filter((f) => f.incomplete).length;
  const skipped = live.filter((f) => f.status === 'skip').length;
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
