import { identities, rowWords, T3_COLUMNS, T3_ROWS, TABLE_IDS, type TableId } from '../formats.ts';
import { cellLabel, TABLE_NAMES } from '../labels.ts';
import type { CellReading } from '../tables.ts';
import { checkIdentity, defineRule, type Outcome, type Report } from '../checks/rule.ts';

/** A column with at least this many blank rows is named as a column, not cell by cell. */
const COLUMN_RUN = 3;
/** Single cells named in the sentence; the rest are counted. */
const NAMED = 3;

/**
 * Blank cells are often meant as 0; name them so the author can fill them in. This is also the
 * one finding per table that says which checks blanks left unfinished (the identity checks
 * themselves are listed as skipped with `incomplete`, not as a dozen near-identical lines).
 */
const rule = defineRule({
  id: 'cells.blank',
  severity: 'info',
  title: { zh: '空白单元格', en: 'Blank cells' },
  explanation: {
    zh: '表格中留空、或填写“—”“/”“无”的单元格。统计表应填写数字，没有发生的填 0。空白不当作错误：能按 0 核对的照常核对，核对不了的列为“未能核对”。',
    en: 'Cells left empty or written as —, / or 无. Statistical tables should hold numbers (0 when nothing happened). A blank is not an error: checks that hold with it as 0 are done, the others are listed as not checked.',
  },
  check(report) {
    if (report.cells.size === 0) return [{ status: 'skip', message: '没有读到表格数值，未校验', messageEn: 'No table values were read; not checked' }];
    return TABLE_IDS.filter((t) => report.tables[t].found).map((t) => blanksOf(report, t));
  },
});
export default rule;

const isBlank = (c: CellReading) => !c.uncertain && (c.value.kind === 'blank' || c.value.kind === 'placeholder');

function blanksOf(report: Report, table: TableId): Outcome {
  const name = TABLE_NAMES[table];
  const blanks = [...report.cells.values()].filter((c) => c.table === table && isBlank(c));
  if (blanks.length === 0) return { at: table, table, status: 'pass', message: `${name.zh}没有空白单元格`, messageEn: `${name.en} has no blank cells` };
  if (![...report.cells.values()].some((c) => c.table === table && !isBlank(c))) {
    // An empty table: tables.present says so, once.
    return { at: table, table, status: 'skip', message: `${name.zh}没有填写数字，不逐格列出空白`, messageEn: `${name.en} holds no numbers; blanks not listed one by one` };
  }

  const results = identities(report.format).filter((i) => i.table === table).map((i) => ({ i, o: checkIdentity(report, i) }));
  const unsettled = results.filter((r) => r.o.incomplete);
  const { zh, en, totalColumn } = describe(report, table, blanks);
  // 总计 left blank while every applicant column could be checked on its own.
  const byColumns = totalColumn && unsettled.every((r) => r.i.rule === 't3.row_total' || r.i.check.endsWith('/total'));
  let tailZh: string;
  let tailEn: string;
  if (unsettled.length === 0) {
    tailZh = '，按 0 计算，不影响核对';
    tailEn = '; taken as 0, every check could still be done';
  } else if (byColumns) {
    tailZh = '，已按各列之和核对';
    tailEn = '; checked column by column instead';
  } else {
    tailZh = `，${unsettled.length} 项校验因此未能核对`;
    tailEn = `; ${unsettled.length} checks could not be done because of them`;
  }
  return {
    at: table, table, status: 'fail', incomplete: unsettled.length > 0 || undefined,
    cells: blanks.map((c) => c.id), actual: blanks.length, expected: 0,
    message: `${name.zh} ${zh}${tailZh}`,
    messageEn: `${name.en}: ${en}${tailEn}`,
  };
}

/** 总计列 20 行空白；「1.属于国家秘密」·自然人 空白 — columns where many rows are blank, then single cells. */
function describe(report: Report, table: TableId, blanks: CellReading[]): { zh: string; en: string; totalColumn: boolean } {
  const zh: string[] = [];
  const en: string[] = [];
  let rest = blanks;
  let totalColumn = false;
  if (table === 't3') {
    for (const col of T3_COLUMNS) {
      const own = rest.filter((c) => c.id.endsWith('.' + col.id));
      if (own.length < COLUMN_RUN) continue;
      zh.push(`${col.label}列 ${own.length} 行空白`);
      en.push(`the ${col.en} column is blank in ${own.length} rows`);
      if (col.id === 'total') totalColumn = true;
      rest = rest.filter((c) => !own.includes(c));
    }
  }
  if (table === 't3') {
    const rows = T3_ROWS[report.format];
    for (const row of rows) {
      const own = rest.filter((c) => c.id.startsWith(`t3.${row.id}.`));
      if (own.length < COLUMN_RUN) continue;
      const words = rowWords(row);
      zh.push(`${words.zh} ${own.length} 格空白`);
      en.push(`${own.length} cells of ${words.en} are blank`);
      rest = rest.filter((c) => !own.includes(c));
    }
  }
  if (rest.length) {
    const short = (lang: 'zh' | 'en') => (id: string) => cellLabel(id, report.format, lang, { table: false });
    const named = rest.slice(0, NAMED).map((c) => c.id);
    const more = rest.length - named.length;
    zh.push(`${named.map(short('zh')).join('、')}${more > 0 ? ` 等 ${rest.length} 格` : ''}空白`);
    en.push(`${named.map(short('en')).join('; ')}${more > 0 ? ` and ${more} more cells` : ''} ${rest.length === 1 ? 'is' : 'are'} blank`);
  }
  return { zh: zh.join('，'), en: en.join('; '), totalColumn };
}
