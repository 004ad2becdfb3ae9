/**
 * The two official formats as data: every table, row, column and identity the engine knows,
 * with the id of the data contract and the Chinese label beside it, once.
 *
 * Source: the spec files (国办公开办函〔2021〕30号 and 〔2019〕60号). They are too large to ship in the
 * content script, so this is the compact form; tests/unit/formats.test.ts keeps it equal to
 * the spec copies in tests/fixtures/spec.
 */

export type FormatId = '2021' | '2019';
export type TableId = 't2' | 't3' | 't4';
/** The three tables a report's format has, in the report's order (二, 三, 四). */
export const TABLE_IDS: readonly TableId[] = ['t2', 't3', 't4'];

export interface ColumnDef {
  id: string;
  label: string;
  /** The label in English, for English readers (labels.ts composes the words people read). */
  en?: string;
}

export interface RowDef {
  id: string;
  label: string;
  /** The label in English. */
  en?: string;
  /** A shorter label for sentences, where the official one is long or ambiguous (3.其他). */
  short?: string;
  /** Substrings (normalized, simplified) that identify the row label. */
  match: string[];
  /** The result group (（三）不予公开 …) the row belongs to, if any. */
  group?: ResultGroup;
}

export type ResultGroup = 'denied' | 'unable' | 'not_processed' | 'other';

/* ------------------------------------------------------------------ 表三 */

export const T3_COLUMNS: ColumnDef[] = [
  { id: 'natural', label: '自然人', en: 'natural persons' },
  { id: 'commercial', label: '商业企业', en: 'commercial enterprises' },
  { id: 'research', label: '科研机构', en: 'research institutions' },
  { id: 'social', label: '社会公益组织', en: 'public-interest organisations' },
  { id: 'legal', label: '法律服务机构', en: 'legal service agencies' },
  { id: 'other', label: '其他', en: 'other organisations' },
  { id: 'total', label: '总计', en: 'total' },
];
export const T3_COLUMN_IDS = T3_COLUMNS.map((c) => c.id);
/** Every column but 总计: the applicant kinds that add up to 总计. */
export const T3_APPLICANT_COLUMN_IDS = T3_COLUMN_IDS.slice(0, 6);

const T3_ROWS_HEAD: RowDef[] = [
  { id: 'new_received', label: '一、本年新收政府信息公开申请数量', en: '1. New applications this year', match: ['本年新收'] },
  { id: 'carried_over', label: '二、上年结转政府信息公开申请数量', en: '2. Carried over from last year', match: ['上年结转'] },
  { id: 'granted', label: '（一）予以公开', en: '(1) Granted', match: ['予以公开'] },
  { id: 'partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', en: '(2) Partly granted', short: '（二）部分公开', match: ['部分公开'] },
  { id: 'denied_state_secret', label: '1.属于国家秘密', en: '(3) 1. State secret', match: ['国家秘密'], group: 'denied' },
  { id: 'denied_law_forbidden', label: '2.其他法律行政法规禁止公开', en: '(3) 2. Forbidden by other laws', match: ['法律行政法规禁止', '禁止公开'], group: 'denied' },
  { id: 'denied_security_stability', label: '3.危及“三安全一稳定”', en: '(3) 3. Endangers security or stability', match: ['三安全一稳定', '危及'], group: 'denied' },
  { id: 'denied_third_party', label: '4.保护第三方合法权益', en: '(3) 4. Third-party rights', match: ['第三方合法权益', '第三方'], group: 'denied' },
  { id: 'denied_internal_affairs', label: '5.属于三类内部事务信息', en: '(3) 5. Internal affairs', match: ['内部事务'], group: 'denied' },
  { id: 'denied_process_info', label: '6.属于四类过程性信息', en: '(3) 6. Process information', match: ['过程性信息'], group: 'denied' },
  { id: 'denied_enforcement_file', label: '7.属于行政执法案卷', en: '(3) 7. Enforcement files', match: ['行政执法案卷', '执法案卷'], group: 'denied' },
  { id: 'denied_admin_query', label: '8.属于行政查询事项', en: '(3) 8. Administrative enquiries', match: ['行政查询'], group: 'denied' },
  { id: 'unable_not_held', label: '1.本机关不掌握相关政府信息', en: '(4) 1. Not held', match: ['不掌握'], group: 'unable' },
  { id: 'unable_need_creation', label: '2.没有现成信息需要另行制作', en: '(4) 2. Would have to be created', match: ['另行制作', '没有现成信息'], group: 'unable' },
  { id: 'unable_unclear', label: '3.补正后申请内容仍不明确', en: '(4) 3. Still unclear after correction', match: ['仍不明确', '补正后'], group: 'unable' },
  { id: 'not_processed_petition', label: '1.信访举报投诉类申请', en: '(5) 1. Petitions and complaints', match: ['信访', '举报投诉'], group: 'not_processed' },
  { id: 'not_processed_repeat', label: '2.重复申请', en: '(5) 2. Repeated applications', match: ['重复申请'], group: 'not_processed' },
  { id: 'not_processed_publication', label: '3.要求提供公开出版物', en: '(5) 3. Publications requested', match: ['公开出版物'], group: 'not_processed' },
  { id: 'not_processed_massive', label: '4.无正当理由大量反复申请', en: '(5) 4. Mass repeated applications', match: ['大量反复'], group: 'not_processed' },
  { id: 'not_processed_confirm', label: '5.要求行政机关确认或重新出具已获取信息', en: '(5) 5. Confirmation of information held', match: ['确认或重新出具', '重新出具'], group: 'not_processed' },
];

const T3_ROWS_TAIL: RowDef[] = [
  // '总计' is also a column header: the reader accepts a bare 总计 only after the result rows.
  { id: 'result_total', label: '（七）总计', en: '(7) Total', match: ['(七)总计', '七)总计'] },
  { id: 'carry_forward', label: '四、结转下年度继续办理', en: '4. Carried forward to next year', match: ['结转下年度'] },
];

export const T3_ROWS: Record<FormatId, RowDef[]> = {
  '2021': [
    ...T3_ROWS_HEAD,
    { id: 'other_no_correction', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', en: '(6) 1. Not corrected in time', short: '（六）1.逾期不补正', match: ['逾期不补正'], group: 'other' },
    { id: 'other_no_fee', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', en: '(6) 2. Fee not paid', short: '（六）2.逾期未缴费', match: ['收费通知', '缴纳费用'], group: 'other' },
    // A bare '其他' is also a column header: the reader takes it only right after other_no_fee.
    { id: 'other_other', label: '3.其他', en: '(6) 3. Other', short: '（六）3.其他', match: ['其他'], group: 'other' },
    ...T3_ROWS_TAIL,
  ],
  '2019': [
    ...T3_ROWS_HEAD,
    { id: 'other_processing', label: '（六）其他处理', en: '(6) Other handling', match: ['其他处理'], group: 'other' },
    ...T3_ROWS_TAIL,
  ],
};

export const RESULT_GROUPS: Record<ResultGroup, string> = {
  denied: '（三）不予公开',
  unable: '（四）无法提供',
  not_processed: '（五）不予处理',
  other: '（六）其他处理',
};

export const RESULT_GROUPS_EN: Record<ResultGroup, string> = {
  denied: '(3) Denied',
  unable: '(4) Unable to provide',
  not_processed: '(5) Not processed',
  other: '(6) Other handling',
};

/** The cells of one result group in one column (the key figures and the prose check share them). */
export function resultGroupCells(format: FormatId, group: ResultGroup, column: string): string[] {
  return t3ResultDetailRows(format).filter((r) => r.group === group).map((r) => t3CellId(r.id, column));
}

/** Rows (（一）…（六）) that add up to （七）总计. */
export function t3ResultDetailRows(format: FormatId): RowDef[] {
  const rows = T3_ROWS[format];
  const from = rows.findIndex((r) => r.id === 'granted');
  const to = rows.findIndex((r) => r.id === 'result_total');
  return rows.slice(from, to);
}

/* ------------------------------------------------------------------ 表四 */

const T4_OUTCOMES: ColumnDef[] = [
  { id: 'maintained', label: '结果维持', en: 'upheld' },
  { id: 'corrected', label: '结果纠正', en: 'corrected' },
  { id: 'other', label: '其他结果', en: 'other outcome' },
  { id: 'pending', label: '尚未审结', en: 'pending' },
  { id: 'total', label: '总计', en: 'total' },
];

export interface T4Group {
  id: 'review' | 'lit_direct' | 'lit_after_review';
  label: string;
  en: string;
  ruleId: string;
}

export const T4_GROUPS: T4Group[] = [
  { id: 'review', label: '行政复议', en: 'Administrative review', ruleId: 't4.review_total' },
  { id: 'lit_direct', label: '行政诉讼·未经复议直接起诉', en: 'Lawsuits without prior review', ruleId: 't4.lit_direct_total' },
  { id: 'lit_after_review', label: '行政诉讼·复议后起诉', en: 'Lawsuits after review', ruleId: 't4.lit_after_review_total' },
];

export const T4_COLUMNS: (ColumnDef & { group: T4Group['id']; outcome: string })[] = T4_GROUPS.flatMap(
  (g) =>
    T4_OUTCOMES.map((o) => ({ id: `${g.id}_${o.id}`, label: `${g.label}·${o.label}`, en: `${g.en}, ${o.en}`, group: g.id, outcome: o.id })),
);

/* ------------------------------------------------------------------ 表二 */

export interface T2Column extends ColumnDef {
  /** count: non-negative integer; signed: 2019 本年增/减; amount: money, may be decimal. */
  type: 'count' | 'signed' | 'amount';
}

export interface T2Block {
  id: string;
  caption: string;
  /** The article item in the caption: 第二十条第（一）项 → '一'. */
  item: string;
  columns: T2Column[];
  rows: RowDef[];
}

const count = (id: string, label: string, en: string): T2Column => ({ id, label, en, type: 'count' });
const PREV_DELTA: T2Column[] = [count('prev_items', '上一年项目数量', 'items last year'), { id: 'delta', label: '本年增/减', en: 'change this year', type: 'signed' }];

export const T2_BLOCKS: Record<FormatId, T2Block[]> = {
  '2021': [
    {
      id: 'art20_1', caption: '第二十条第（一）项', item: '一',
      columns: [count('made', '本年制发件数', 'issued this year'), count('repealed', '本年废止件数', 'repealed this year'), count('valid', '现行有效件数', 'in force')],
      rows: [
        { id: 'regulations', label: '规章', en: 'Regulations', match: ['规章'] },
        { id: 'normative_docs', label: '行政规范性文件', en: 'Normative documents', match: ['规范性文件'] },
      ],
    },
    {
      id: 'art20_5', caption: '第二十条第（五）项', item: '五',
      columns: [count('decisions', '本年处理决定数量', 'decisions this year')],
      rows: [{ id: 'admin_license', label: '行政许可', en: 'Administrative licences', match: ['行政许可'] }],
    },
    {
      id: 'art20_6', caption: '第二十条第（六）项', item: '六',
      columns: [count('decisions', '本年处理决定数量', 'decisions this year')],
      rows: [
        { id: 'admin_penalty', label: '行政处罚', en: 'Administrative penalties', match: ['行政处罚'] },
        { id: 'admin_coercion', label: '行政强制', en: 'Administrative coercion', match: ['行政强制'] },
      ],
    },
    {
      id: 'art20_8', caption: '第二十条第（八）项', item: '八',
      columns: [{ id: 'fee_amount', label: '本年收费金额（单位：万元）', en: 'fees this year (10,000 yuan)', type: 'amount' }],
      rows: [{ id: 'admin_fees', label: '行政事业性收费', en: 'Administrative fees', match: ['行政事业性收费'] }],
    },
  ],
  '2019': [
    {
      id: 'art20_1', caption: '第二十条第（一）项', item: '一',
      columns: [count('new_made', '本年新制作数量', 'made this year'), count('new_public', '本年新公开数量', 'published this year'), count('total_public', '对外公开总数量', 'published in total')],
      rows: [
        { id: 'regulations', label: '规章', en: 'Regulations', match: ['规章'] },
        { id: 'normative_docs', label: '规范性文件', en: 'Normative documents', match: ['规范性文件'] },
      ],
    },
    {
      id: 'art20_5', caption: '第二十条第（五）项', item: '五',
      columns: [...PREV_DELTA, count('decisions', '处理决定数量', 'decisions this year')],
      rows: [
        { id: 'admin_license', label: '行政许可', en: 'Administrative licences', match: ['行政许可'] },
        { id: 'other_mgmt_services', label: '其他对外管理服务事项', en: 'Other management services', match: ['其他对外管理服务事项'] },
      ],
    },
    {
      id: 'art20_6', caption: '第二十条第（六）项', item: '六',
      columns: [...PREV_DELTA, count('decisions', '处理决定数量', 'decisions this year')],
      rows: [
        { id: 'admin_penalty', label: '行政处罚', en: 'Administrative penalties', match: ['行政处罚'] },
        { id: 'admin_coercion', label: '行政强制', en: 'Administrative coercion', match: ['行政强制'] },
      ],
    },
    {
      id: 'art20_8', caption: '第二十条第（八）项', item: '八',
      columns: PREV_DELTA,
      rows: [{ id: 'admin_fees', label: '行政事业性收费', en: 'Administrative fees', match: ['行政事业性收费'] }],
    },
    {
      id: 'art20_9', caption: '第二十条第（九）项', item: '九',
      columns: [count('projects', '采购项目数量', 'procurement projects'), { id: 'amount', label: '采购总金额', en: 'total amount', type: 'amount' }],
      rows: [{ id: 'central_procurement', label: '政府集中采购', en: 'Central government procurement', match: ['政府集中采购'] }],
    },
  ],
};

/* ------------------------------------------------------------------ sections */

export interface SectionDef {
  id: 's1' | 's2' | 's3' | 's4' | 's5' | 's6';
  ordinal: string;
  title: string;
  /** The title in English. */
  en: string;
  /** A heading is the ordinal + 、 followed, within a short distance, by one of these. */
  keywords: string[];
}

export const SECTIONS: SectionDef[] = [
  { id: 's1', ordinal: '一', title: '总体情况', en: 'Overview', keywords: ['总体情况', '概述', '基本情况'] },
  { id: 's2', ordinal: '二', title: '主动公开政府信息情况', en: 'Information published proactively', keywords: ['主动公开'] },
  { id: 's3', ordinal: '三', title: '收到和处理政府信息公开申请情况', en: 'Applications received and handled', keywords: ['收到和处理', '依申请', '处理政府信息公开申请'] },
  { id: 's4', ordinal: '四', title: '政府信息公开行政复议、行政诉讼情况', en: 'Administrative reviews and lawsuits', keywords: ['行政复议', '行政诉讼', '复议', '诉讼'] },
  { id: 's5', ordinal: '五', title: '存在的主要问题及改进情况', en: 'Main problems and improvements', keywords: ['问题', '改进'] },
  { id: 's6', ordinal: '六', title: '其他需要报告的事项', en: 'Other matters to report', keywords: ['其他需要报告', '其他需报告', '其他事项'] },
];

/* ------------------------------------------------------------------ detection */

/** Words only one of the formats uses (normalized, simplified). */
export const FORMAT_SIGNATURES: Record<FormatId, string[]> = {
  '2021': ['本年制发件数', '本年废止件数', '现行有效件数', '逾期不补正', '本年收费金额', '收费通知'],
  '2019': ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '政府集中采购', '其他对外管理服务事项'],
};


/** The format a report of this year must use. */
export function formatForYear(year: number): FormatId {
  return year >= 2021 ? '2021' : '2019';
}

export const FORMAT_DOC_NO: Record<FormatId, string> = {
  '2021': '国办公开办函〔2021〕30号',
  '2019': '国办公开办函〔2019〕60号',
};

/* ------------------------------------------------------------------ cell ids */

/**
 * One string per cell id, made on first use: every page keys its cells by these ids (maps,
 * the Analysis' cells), and a string built afresh on each page is hashed afresh on each page.
 * Keyed by the parts, which are the formats' own constants (so the memo is bounded by them).
 */
const ID_MEMO = new Map<string, string | Map<string, unknown>>();
function memoId(parts: string[], make: () => string): string {
  let level: Map<string, unknown> = ID_MEMO;
  for (let i = 0; i < parts.length - 1; i++) {
    let next = level.get(parts[i]) as Map<string, unknown> | undefined;
    if (!next) level.set(parts[i], (next = new Map()));
    level = next;
  }
  let id = level.get(parts[parts.length - 1]) as string | undefined;
  if (id === undefined) level.set(parts[parts.length - 1], (id = make()));
  return id;
}
export const t3CellId = (row: string, col: string) => memoId(['t3', row, col], () => `t3.${row}.${col}`);
export const t4CellId = (col: string) => memoId(['t4', col], () => `t4.cases.${col}`);
export const t2CellId = (block: string, row: string, col: string) => memoId(['t2', block, row, col], () => `t2.${block}.${row}.${col}`);

/** Every cell id of a format, in table order: the columns of the data-set CSV. */
export function allCellIds(format: FormatId): string[] {
  const ids: string[] = [];
  for (const b of T2_BLOCKS[format]) for (const r of b.rows) for (const c of b.columns) ids.push(t2CellId(b.id, r.id, c.id));
  for (const r of T3_ROWS[format]) for (const c of T3_COLUMNS) ids.push(t3CellId(r.id, c.id));
  for (const c of T4_COLUMNS) ids.push(t4CellId(c.id));
  return ids;
}

/** Human label of a cell id (now in labels.ts, with English; re-exported for old imports). */
export { cellLabel } from './labels.ts';

/* ------------------------------------------------------------------ identities */

/** Words for people, in Chinese and English. */
export interface Words {
  zh: string;
  en: string;
}

/**
 * One arithmetic identity of the format: the cells of `total` add up to the same as the cells
 * of `parts`. The rules check them, the suspects are found from them, the reader of
 * run-together digits settles splits with them: they are written here once.
 */
export interface Identity {
  /** The rule that checks it (t3.balance …). */
  rule: string;
  /** Unique check id: the rule id and where, e.g. `t3.balance/natural`, `t4.review_total`. */
  check: string;
  table: TableId;
  /** Where it is checked, in a person's words: 自然人列, 「（一）予以公开」行, 行政复议. */
  where: Words;
  /** What it is, as the ground for a suspect's value: 本行合计, 自然人列合计. */
  basis: Words;
  /** The side that states a total, and the side that adds up to it. */
  total: { label: Words; cells: string[] };
  parts: { label: Words; cells: string[] };
}

const T3_BALANCE_WORDS = {
  total: { zh: '一、二项之和', en: 'rows 1 + 2' },
  parts: { zh: '三（七）、四项之和', en: 'rows 3 (7) + 4' },
};

/** A row in a sentence: 「（一）予以公开」行 / row “(1) Granted”. */
export function rowWords(r: RowDef): Words {
  return { zh: `「${r.short ?? r.label}」行`, en: `row “${r.en ?? r.id}”` };
}

const IDENTITIES = new Map<FormatId, Identity[]>();

/** The identities of a format, in the order the rules list them (built once per format; do not mutate). */
export function identities(format: FormatId): Identity[] {
  let known = IDENTITIES.get(format);
  if (!known) IDENTITIES.set(format, (known = buildIdentities(format)));
  return known;
}

function buildIdentities(format: FormatId): Identity[] {
  const out: Identity[] = [];
  const col = (c: ColumnDef): Words => ({ zh: `${c.label}列`, en: `${c.en} column` });
  for (const c of T3_COLUMNS) {
    out.push({
      rule: 't3.balance', check: `t3.balance/${c.id}`, table: 't3', where: col(c),
      basis: { zh: `${c.label}列收支平衡`, en: `the balance of the ${c.en} column` },
      total: { label: T3_BALANCE_WORDS.total, cells: [t3CellId('new_received', c.id), t3CellId('carried_over', c.id)] },
      parts: { label: T3_BALANCE_WORDS.parts, cells: [t3CellId('result_total', c.id), t3CellId('carry_forward', c.id)] },
    });
  }
  for (const c of T3_COLUMNS) {
    out.push({
      rule: 't3.result_total', check: `t3.result_total/${c.id}`, table: 't3', where: col(c),
      basis: { zh: `${c.label}列合计`, en: `the ${c.en} column total` },
      total: { label: { zh: '（七）总计', en: '(7) total' }, cells: [t3CellId('result_total', c.id)] },
      parts: { label: { zh: '（一）至（六）各项之和', en: 'the sum of (1)–(6)' }, cells: t3ResultDetailRows(format).map((r) => t3CellId(r.id, c.id)) },
    });
  }
  for (const r of T3_ROWS[format]) {
    out.push({
      rule: 't3.row_total', check: `t3.row_total/${r.id}`, table: 't3', where: rowWords(r),
      basis: { zh: '本行合计', en: 'the row total' },
      total: { label: { zh: '总计', en: 'the total' }, cells: [t3CellId(r.id, 'total')] },
      parts: { label: { zh: '各类申请人之和', en: 'the sum of the applicant columns' }, cells: T3_APPLICANT_COLUMN_IDS.map((c) => t3CellId(r.id, c)) },
    });
  }
  for (const g of T4_GROUPS) {
    const cols = T4_COLUMNS.filter((c) => c.group === g.id);
    out.push({
      rule: g.ruleId, check: g.ruleId, table: 't4', where: { zh: g.label, en: g.en },
      basis: { zh: `${g.label}总计`, en: `the ${g.en.toLowerCase()} total` },
      total: { label: { zh: '总计', en: 'the total' }, cells: cols.filter((c) => c.outcome === 'total').map((c) => t4CellId(c.id)) },
      parts: { label: { zh: '各项之和', en: 'the sum of the outcomes' }, cells: cols.filter((c) => c.outcome !== 'total').map((c) => t4CellId(c.id)) },
    });
  }
  return out;
}

/**
 * Words of a report table's labels (表二/三/四, both formats, in matching form): what the page
 * reader looks for to tell a report table (written out there as REPORT_TABLE_WORDS).
 */
export function reportTableWords(): string[] {
  const words = [
    ...Object.values(T3_ROWS).flatMap((rows) => rows.flatMap((r) => r.match)),
    ...T4_GROUPS.map((g) => g.label.split('·')[0]),
    ...Object.values(T2_BLOCKS).flatMap((blocks) => blocks.flatMap((b) => b.rows.flatMap((r) => r.match))),
    ...Object.values(FORMAT_SIGNATURES).flat(),
  ]
    // Three characters or more: '其他' or '规章' stand in any long list.
    .filter((w) => w.length >= 3 && !/[（）()]/.test(w));
  return [...new Set(words)];
}
