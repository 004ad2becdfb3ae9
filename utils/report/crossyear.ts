/**
 * The cross-year checks' arithmetic, on one year's report and the year before of the same
 * agency (the library finds that one: same agencyKey, same site). Pure and page-free, so that
 * the rules (rules/crossyear.*.ts, on a page being analyzed) and the library (re-checking a
 * stored later report when its earlier year arrives afterwards) run the very same code.
 */
import { T3_COLUMNS, t2CellId, t3CellId } from './formats.ts';
import { normalize } from './normalize.ts';
import { computeFigures } from './figures.ts';
import { cellNumber } from './tables.ts';
import type { Outcome, Report } from './checks/rule.ts';
import type { Line, SectionHit } from './narrative.ts';
import type { Analysis, Figures } from './types.ts';

/** What a cross-year check needs of one year's report. */
export interface YearSide {
  url: string;
  title: string;
  year: number | null;
  format: string;
  cell(id: string): number | null;
  figures: Figures;
  /** Prose sentences in matching form (proseSentences); absent when not kept. */
  prose?: string[];
  /** The same sentences as the page wrote them (only for the report being analyzed). */
  proseText?: string[];
}

/** The report being analyzed, as a side of the comparison. */
export function sideOfReport(report: Report, url = ''): YearSide {
  const sentences = proseSentenceList(reportProse(report.lines, report.sections));
  return {
    url,
    title: report.detection.title,
    year: report.detection.year,
    format: report.format,
    cell: (id) => cellNumber(report.cells.get(id)),
    figures: computeFigures(report.cells, report.format),
    prose: sentences.map((s) => s.key),
    proseText: sentences.map((s) => s.text),
  };
}

/**
 * Last year's report the library gave analyze (options.previous), with its prose sentences
 * (context.previousProse), or null when there is none.
 */
export function previousSide(report: Report): YearSide | null {
  if (!report.previous) return null;
  const prose = report.context?.previousProse;
  return sideOfAnalysis(report.previous, Array.isArray(prose) ? prose.filter((s): s is string => typeof s === 'string') : undefined);
}

/** A stored report (the library's), as a side of the comparison. */
export function sideOfAnalysis(a: Analysis, prose?: string[]): YearSide {
  return { url: a.source, title: a.title, year: a.year, format: a.format, cell: (id) => a.cells[id] ?? null, figures: a.figures, prose };
}


/** How a report is named in messages: its title, or its year. */
export const nameOf = (s: Pick<YearSide, 'title' | 'year'>) => (s.title ? `《${s.title}》` : `${s.year ?? '上一'}年度报告`);
const nameEn = (s: Pick<YearSide, 'title' | 'year'>) => `the ${s.year ?? 'previous'} report`;

/* ------------------------------------------------------------------ carried over */

/** 上年结转 (year N) = 结转下年度继续办理 (year N−1), per applicant column. */
export function carriedOver(current: YearSide, previous: YearSide): Outcome[] {
  const out: Outcome[] = [];
  for (const col of T3_COLUMNS) {
    const here = t3CellId('carried_over', col.id);
    const there = t3CellId('carry_forward', col.id);
    const a = current.cell(here);
    const b = previous.cell(there);
    const where = `${col.label}列`;
    if (a === null || b === null) {
      // A blank in either report: nothing to compare in this column (the blank is reported by cells.blank).
      out.push({ at: col.id, status: 'skip', cells: [here], message: `上年结转（${where}）：${a === null ? '本报告' : '上一年度报告'}此格为空，未核对`, messageEn: `Carried over (${col.id}): blank in ${a === null ? 'this' : 'the previous'} report; not checked` });
      continue;
    }
    const both = `本报告上年结转 ${a} 件，${nameOf(previous)}结转下年度继续办理 ${b} 件（${where}）`;
    out.push(
      a === b
        ? { at: col.id, status: 'pass', cells: [here], expected: b, actual: a, message: `上年结转与上一年度结转下年度相符：${both}`, messageEn: `Carried over matches ${nameEn(previous)}'s carried forward: ${a} (${col.id})` }
        : { at: col.id, status: 'fail', cells: [here], expected: b, actual: a, message: `上年结转应等于上一年度的结转下年度继续办理：${both}`, messageEn: `Carried over should equal ${nameEn(previous)}'s carried forward: ${a} here, ${b} there (${col.id})` },
    );
  }
  return out;
}

/* ------------------------------------------------------------------ in force */

const IN_FORCE_ROWS = [
  { id: 'regulations', zh: '规章', en: 'regulations' },
  { id: 'normative_docs', zh: '行政规范性文件', en: 'normative documents' },
];

/** 2021 format: 现行有效(N) = 现行有效(N−1) + 本年制发(N) − 本年废止(N), for 规章 and 行政规范性文件. */
export function inForce(current: YearSide, previous: YearSide): Outcome[] {
  if (current.format !== '2021' || previous.format !== '2021') {
    return [{ status: 'skip', message: '现行有效件数的跨年度核对只适用于2021年新版格式的两份报告，未核对', messageEn: 'In-force counts are compared only between two reports in the 2021 format; not checked' }];
  }
  return IN_FORCE_ROWS.map((row) => {
    const valid = t2CellId('art20_1', row.id, 'valid');
    const made = t2CellId('art20_1', row.id, 'made');
    const repealed = t2CellId('art20_1', row.id, 'repealed');
    const cells = [valid, made, repealed];
    const [v, m, r, before] = [current.cell(valid), current.cell(made), current.cell(repealed), previous.cell(valid)];
    if (v === null || before === null) {
      return { at: row.id, status: 'skip', cells, message: `现行有效${row.zh}件数：${v === null ? '本报告' : '上一年度报告'}此格为空，未核对`, messageEn: `In-force ${row.en}: blank in ${v === null ? 'this' : 'the previous'} report; not checked` } satisfies Outcome;
    }
    const expected = before + (m ?? 0) - (r ?? 0);
    const sum = `${nameOf(previous)}现行有效 ${before} + 本年制发 ${m ?? '空'} − 本年废止 ${r ?? '空'} = ${expected}，本报告为 ${v}`;
    return v === expected
      ? { at: row.id, status: 'pass', cells, expected, actual: v, message: `现行有效${row.zh}件数与上一年度相衔接：${sum}`, messageEn: `In-force ${row.en} follow from last year: ${before} + ${m ?? 0} − ${r ?? 0} = ${v}` }
      : { at: row.id, status: 'fail', cells, expected, actual: v, message: `现行有效${row.zh}件数应为上年现行有效 + 本年制发 − 本年废止：${sum}`, messageEn: `In-force ${row.en} should be last year's ${before} + made ${m ?? 0} − repealed ${r ?? 0} = ${expected}, but is ${v}` };
  });
}

/* ------------------------------------------------------------------ repetition */

/** Evaluators deduct points when more than half of the prose repeats last year's. */
export const REPETITION_LIMIT = 0.5;
/** Sentences shorter than this (in characters, after masking numbers) are headings or fragments. */
const MIN_SENTENCE = 12;

/**
 * The prose as sentences in matching form, numbers masked (a sentence copied with this year's
 * numbers is still copied): split at 。！？； and line ends; short lines and lines that are
 * mostly digits (table rows written as text) left out. Idempotent: its output, fed back as
 * lines, gives itself (the library re-checks from stored sentences).
 */
export function proseSentences(lines: string[]): string[] {
  return proseSentenceList(lines).map((s) => s.key);
}

/** Lines after the last section heading that still belong to the report (then comes the page footer). */
const LAST_SECTION_LINES = 40;
const FOOTER = /版权所有|主办单位|主办[:：]|承办[:：]|网站标识码|ICP备|公网安备|网站地图|联系我们/;
const TITLE = /政府信息公开.{0,6}年度?报告/;

/**
 * The report's own prose, without the page around it (menus, footer: the same every year on a
 * site, they would count as repeated): from the title line (or the first section) to the end of
 * section 六, headings left out.
 */
export function reportProse(lines: Line[], sections: SectionHit[]): string[] {
  if (!sections.length) return [];
  const first = sections[0].lineIndex;
  let start = first;
  for (let i = first - 1; i >= Math.max(0, first - 30); i--) if (lines[i].text.length < 80 && TITLE.test(lines[i].norm)) start = i + 1;
  const last = Math.max(...sections.map((s) => s.lineIndex));
  const headings = new Set(sections.map((s) => s.lineIndex));
  const out: string[] = [];
  for (let i = start; i < lines.length && i <= last + LAST_SECTION_LINES; i++) {
    if (i > last && FOOTER.test(lines[i].text)) break;
    if (!headings.has(i)) out.push(lines[i].text);
  }
  return out;
}

/** proseSentences with each sentence's own text beside its key (for highlighting on the page). */
export function proseSentenceList(lines: string[]): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = [];
  for (const line of lines) {
    for (const text of line.split(/[。！？；!?;]+/)) {
      const piece = normalize(text);
      const digits = (piece.match(/\d/g) ?? []).length;
      const key = piece.replace(/\d+(?:\.\d+)?/g, '#').replace(/^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|#[.、])/, '');
      if (key.length < MIN_SENTENCE || digits > piece.length / 4) continue;
      out.push({ key, text: text.trim() });
    }
  }
  return out;
}

/** The share of this year's prose (by characters) found word for word in last year's, and which sentences. */
export function repetition(currentProse: string[], previousProse: string[], currentText = currentProse): { share: number; repeated: string[]; total: number } {
  const before = new Set(previousProse);
  let all = 0;
  let same = 0;
  const repeated: string[] = [];
  currentProse.forEach((s, i) => {
    all += s.length;
    if (before.has(s)) {
      same += s.length;
      repeated.push(currentText[i] ?? s);
    }
  });
  return { share: all ? same / all : 0, repeated, total: currentProse.length };
}

export function repetitionOutcome(current: YearSide, previous: YearSide): Outcome {
  if (!current.prose?.length || !previous.prose?.length) {
    return { status: 'skip', message: `${current.prose?.length ? nameOf(previous) : '本报告'}没有可比对的正文，未核对重复率`, messageEn: 'No prose to compare; repetition not checked' };
  }
  const r = repetition(current.prose, previous.prose, current.proseText);
  const pct = Math.round(r.share * 100);
  const counts = `${r.total} 句中 ${r.repeated.length} 句与${nameOf(previous)}相同`;
  const base = { expected: `≤ ${REPETITION_LIMIT * 100}%`, actual: `${pct}%`, quotes: r.repeated };
  return r.share > REPETITION_LIMIT
    ? { ...base, status: 'fail', message: `正文与上一年度报告重复 ${pct}%，超过 ${REPETITION_LIMIT * 100}%（${counts}）`, messageEn: `${pct}% of the prose repeats ${nameEn(previous)} (over ${REPETITION_LIMIT * 100}%): ${r.repeated.length} of ${r.total} sentences` }
    : { ...base, status: 'pass', message: `正文与上一年度报告重复 ${pct}%（${counts}）`, messageEn: `${pct}% of the prose repeats ${nameEn(previous)}: ${r.repeated.length} of ${r.total} sentences` };
}

/* ------------------------------------------------------------------ jumps */

/** Year on year more than this many times (or less than its inverse) is worth a look. */
export const JUMP_FACTOR = 5;
/** Below this (in both years) a ratio says nothing: 1 → 6 is not news. */
const JUMP_FLOOR = 10;

/** The figures compared year on year, each with the cell that holds it. */
export const JUMP_FIGURES: { key: keyof Figures; cell: string; zh: string; en: string }[] = [
  { key: 'newReceived', cell: t3CellId('new_received', 'total'), zh: '本年新收申请', en: 'new applications' },
  { key: 'resultTotal', cell: t3CellId('result_total', 'total'), zh: '办理总数', en: 'requests handled' },
  { key: 'granted', cell: t3CellId('granted', 'total'), zh: '予以公开', en: 'granted' },
  { key: 'reviewTotal', cell: 't4.cases.review_total', zh: '行政复议', en: 'administrative reviews' },
  { key: 'litigationTotal', cell: 't4.cases.lit_direct_total', zh: '行政诉讼', en: 'lawsuits' },
  { key: 'adminLicense', cell: t2CellId('art20_5', 'admin_license', 'decisions'), zh: '行政许可', en: 'licences' },
  { key: 'adminPenalty', cell: t2CellId('art20_6', 'admin_penalty', 'decisions'), zh: '行政处罚', en: 'penalties' },
  { key: 'adminCoercion', cell: t2CellId('art20_6', 'admin_coercion', 'decisions'), zh: '行政强制', en: 'coercive measures' },
];

export function jumps(current: YearSide, previous: YearSide): Outcome[] {
  const out: Outcome[] = [];
  for (const f of JUMP_FIGURES) {
    const now = current.figures[f.key];
    const then = previous.figures[f.key];
    if (now === null || then === null) continue;
    const cells = [f.cell];
    const change = `${nameOf(previous)} ${then} → 本报告 ${now}`;
    const big = Math.max(now, then) >= JUMP_FLOOR && (then === 0 || now === 0 || now / then > JUMP_FACTOR || then / now > JUMP_FACTOR);
    out.push(
      big
        ? { at: f.key, status: 'fail', cells, expected: then, actual: now, message: `${f.zh}与上一年度相比变化超过 ${JUMP_FACTOR} 倍：${change}，请核实`, messageEn: `${f.en} changed more than ${JUMP_FACTOR}× from ${nameEn(previous)}: ${then} → ${now}; please verify` }
        : { at: f.key, status: 'pass', cells, expected: then, actual: now, message: `${f.zh}与上一年度相比无异常变化：${change}`, messageEn: `${f.en}: ${then} → ${now}` },
    );
  }
  if (!out.length) out.push({ status: 'skip', message: '两份报告没有可比的主要数据，未核对', messageEn: 'No key figures in both reports; not checked' });
  return out;
}

/* ------------------------------------------------------------------ by rule */

/**
 * Each cross-year rule's check on two sides: the rules run it on the page being analyzed, the
 * library on two stored reports (the earlier one checked after the later).
 */
export const CROSS_YEAR_CHECKS: Record<string, (current: YearSide, previous: YearSide) => Outcome[]> = {
  'crossyear.carried_over': carriedOver,
  'crossyear.in_force': inForce,
  'crossyear.repetition': (current, previous) => [repetitionOutcome(current, previous)],
  'crossyear.jump': jumps,
};
