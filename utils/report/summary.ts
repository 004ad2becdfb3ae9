/**
 * The one verdict every surface shows (chip, panel, badge, popup, command line), derived from
 * the findings and the suspects in one place.
 *
 * Each live (not dismissed) finding falls in one class:
 *  - an error to fix: a failed error-level check; the failed checks one suspect explains count
 *    once, as that suspect;
 *  - a warning or an info: a failed check of that severity;
 *  - not read: a table not found or left without numbers (tables.present), digits that could
 *    not be split (cells.uncertain_split) — they go to `notChecked`, not to the warnings;
 *  - incomplete: a check left open by blank cells (status skip, `incomplete`); the table's one
 *    cells.blank finding says which cells, and goes to `notChecked`;
 *  - passed, or skipped.
 * Status: errors → 'errors'; else warnings → 'warnings'; else anything not checked (a table not
 * read, an incomplete check, a skipped identity, a note from the reading) → 'incomplete'; 'ok'
 * only when everything was checked and holds. Per table likewise.
 */
import { identities, TABLE_IDS, type TableId } from './formats.ts';
import { TABLE_NAMES, TABLE_TITLES } from './labels.ts';
import type { Analysis, Finding, NotChecked, Summary, Suspect, TableInfo, TableVerdict, VerdictStatus } from './types.ts';

/** Rules whose failures mean "not read", not "something to look at". */
const NOT_READ_RULES = new Set(['tables.present', 'cells.uncertain_split']);
/** Rules that check the format's identities (their skips are skipped identities). */
const IDENTITY_RULES = new Set(identities('2021').map((i) => i.rule));
/** notChecked reasons derived from the findings (the others are notes from the reading). */
const DERIVED = new Set<NotChecked['reason']>(['not-found', 'not-filled', 'blank-cells', 'uncertain', 'skipped', 'not-report']);

export interface SummaryInput {
  isReport: boolean;
  findings: Finding[];
  suspects: Suspect[];
  tables: Record<TableId, TableInfo>;
  /** What the reading could not do (prose too long, tables not in the text …), said as is. */
  notes?: NotChecked[];
}

export function summarize({ isReport, findings, suspects, tables, notes = [] }: SummaryInput): Summary {
  const live = findings.filter((f) => !f.dismissed);
  // A page that is no report still keeps the reader's notes: a report nested too deep or cut
  // by the size limits looks like no report, and the person must be told why.
  const notChecked: NotChecked[] = isReport ? [...notChecked_(live, tables), ...notes] : [{ reason: 'not-report', zh: '不是政府信息公开工作年度报告，未校验', en: 'Not an annual report; nothing was checked' }, ...notes];
  const count = (own: Finding[], table?: TableId) => {
    const fails = own.filter((f) => f.status === 'fail');
    const errorFails = fails.filter((f) => f.severity === 'error' && !f.incomplete);
    // A suspect counts once, while at least one failed check it explains is still live.
    const liveSuspects = suspects.filter((s) => (!table || s.cell.startsWith(table + '.')) && errorFails.some((f) => f.suspect === s.cell));
    return {
      errors: liveSuspects.length + errorFails.filter((f) => !f.suspect || !suspects.some((s) => s.cell === f.suspect)).length,
      failedChecks: errorFails.length,
      warnings: fails.filter((f) => f.severity === 'warning' && !f.incomplete && !NOT_READ_RULES.has(f.id)).length,
      infos: fails.filter((f) => f.severity === 'info' && !f.incomplete).length,
      incomplete: own.filter((f) => f.incomplete && f.status === 'skip').length,
      passed: own.filter((f) => f.status === 'pass').length,
      skipped: own.filter((f) => f.status === 'skip' && !f.incomplete).length,
      checks: own.filter((f) => f.status !== 'skip').length,
    };
  };

  const tableVerdict = (table: TableId): TableVerdict => {
    const own = live.filter((f) => f.table === table);
    const c = count(own, table);
    const read = isReport && tables[table].found && !own.some((f) => f.id === 'tables.present' && f.status === 'fail');
    const open = !read || notChecked.some((n) => n.table === table) || c.incomplete > 0;
    return { status: verdictStatus(c.errors, c.warnings, open), read, errors: c.errors, warnings: c.warnings, incomplete: c.incomplete, passed: c.passed, skipped: c.skipped };
  };

  const c = count(live);
  return {
    status: verdictStatus(c.errors, c.warnings, notChecked.length > 0 || c.incomplete > 0),
    errors: c.errors,
    warnings: c.warnings,
    infos: c.infos,
    incomplete: c.incomplete,
    passed: c.passed,
    skipped: c.skipped,
    checks: c.checks,
    failedChecks: c.failedChecks,
    notChecked,
    tables: { t2: tableVerdict('t2'), t3: tableVerdict('t3'), t4: tableVerdict('t4') },
  };
}

/** The summary again after findings were dismissed (the library), keeping the reading's notes. */
export function resummarize(a: Analysis): Summary {
  return summarize({ ...a, notes: a.summary.notChecked.filter((n) => !DERIVED.has(n.reason)) });
}

function verdictStatus(errors: number, warnings: number, open: boolean): VerdictStatus {
  return errors ? 'errors' : warnings ? 'warnings' : open ? 'incomplete' : 'ok';
}

/** What could not be checked, from the findings: tables not read, blanks, uncertain rows, skipped identities. */
function notChecked_(live: Finding[], tables: Record<TableId, TableInfo>): NotChecked[] {
  const out: NotChecked[] = [];
  for (const t of TABLE_IDS) {
    const name = { zh: `${TABLE_NAMES[t].zh}（${TABLE_TITLES[t].zh}）`, en: `${TABLE_NAMES[t].en} (${TABLE_TITLES[t].en})` };
    const own = live.filter((f) => f.table === t);
    if (!tables[t].found) {
      out.push({ table: t, reason: 'not-found', zh: `未找到${name.zh}，其中的数字未能核对`, en: `${name.en} was not found, so its numbers were not checked` });
      continue;
    }
    if (own.some((f) => f.id === 'tables.present' && f.status === 'fail')) {
      out.push({ table: t, reason: 'not-filled', zh: `${name.zh}没有填写数字，未能核对`, en: `${name.en} holds no numbers, so it was not checked` });
      continue;
    }
    for (const f of own.filter((x) => x.id === 'cells.blank' && x.status === 'fail' && x.incomplete)) {
      out.push({ table: t, reason: 'blank-cells', zh: f.message, en: f.messageEn ?? f.message });
    }
    for (const f of own.filter((x) => x.id === 'cells.uncertain_split' && x.status === 'fail')) {
      out.push({ table: t, reason: 'uncertain', zh: f.message, en: f.messageEn ?? f.message });
    }
    const skipped = own.filter((f) => IDENTITY_RULES.has(f.id) && f.status === 'skip' && !f.incomplete);
    if (skipped.length) {
      out.push({
        table: t, reason: 'skipped',
        zh: `${TABLE_NAMES[t].zh} ${skipped.length} 项勾稽关系未校验：${skipped[0].message}${skipped.length > 1 ? ' 等' : ''}`,
        en: `${TABLE_NAMES[t].en}: ${skipped.length} ${skipped.length === 1 ? 'identity was' : 'identities were'} not checked: ${skipped[0].messageEn ?? skipped[0].message}${skipped.length > 1 ? ' …' : ''}`,
      });
    }
  }
  return out;
}
