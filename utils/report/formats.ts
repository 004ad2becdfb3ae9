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

export interface ColumnDef {
  id: string;
  label: string;
}

export interface RowDef {
  id: string;
  label: string;
  /** Substrings (normalized, simplified) that identify the row label. */
  match: string[];
  /** The result group (（三）不予公开 …) the row belongs to, if any. */
  group?: ResultGroup;
}

export type ResultGroup = 'denied' | 'unable' | 'not_processed' | 'other';

/* ------------------------------------------------------------------ 表三 */

export const T3_COLUMNS: ColumnDef[] = [
  { id: 'natural', label: '自然人' },
  { id: 'commercial', label: '商业企业' },
  { id: 'research', label: '科研机构' },
  { id: 'social', label: '社会公益组织' },
  { id: 'legal', label: '法律服务机构' },
  { id: 'other', label: '其他' },
  { id: 'total', label: '总计' },
];
export const T3_COLUMN_IDS = T3_COLUMNS.map((c) => c.id);
/** Every column but 总计: the applicant kinds that add up to 总计. */
export const T3_APPLICANT_COLUMN_IDS = T3_COLUMN_IDS.slice(0, 6);

const T3_ROWS_HEAD: RowDef[] = [
  { id: 'new_received', label: '一、本年新收政府信息公开申请数量', match: ['本年新收'] },
  { id: 'carried_over', label: '二、上年结转政府信息公开申请数量', match: ['上年结转'] },
  { id: 'granted', label: '（一）予以公开', match: ['予以公开'] },
  { id: 'partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', match: ['部分公开'] },
  { id: 'denied_state_secret', label: '1.属于国家秘密', match: ['国家秘密'], group: 'denied' },
  { id: 'denied_law_forbidden', label: '2.其他法律行政法规禁止公开', match: ['法律行政法规禁止', '禁止公开'], group: 'denied' },
  { id: 'denied_security_stability', label: '3.危及“三安全一稳定”', match: ['三安全一稳定', '危及'], group: 'denied' },
  { id: 'denied_third_party', label: '4.保护第三方合法权益', match: ['第三方合法权益', '第三方'], group: 'denied' },
  { id: 'denied_internal_affairs', label: '5.属于三类内部事务信息', match: ['内部事务'], group: 'denied' },
  { id: 'denied_process_info', label: '6.属于四类过程性信息', match: ['过程性信息'], group: 'denied' },
  { id: 'denied_enforcement_file', label: '7.属于行政执法案卷', match: ['行政执法案卷', '执法案卷'], group: 'denied' },
  { id: 'denied_admin_query', label: '8.属于行政查询事项', match: ['行政查询'], group: 'denied' },
  { id: 'unable_not_held', label: '1.本机关不掌握相关政府信息', match: ['不掌握'], group: 'unable' },
  { id: 'unable_need_creation', label: '2.没有现成信息需要另行制作', match: ['另行制作', '没有现成信息'], group: 'unable' },
  { id: 'unable_unclear', label: '3.补正后申请内容仍不明确', match: ['仍不明确', '补正后'], group: 'unable' },
  { id: 'not_processed_petition', label: '1.信访举报投诉类申请', match: ['信访', '举报投诉'], group: 'not_processed' },
  { id: 'not_processed_repeat', label: '2.重复申请', match: ['重复申请'], group: 'not_processed' },
  { id: 'not_processed_publication', label: '3.要求提供公开出版物', match: ['公开出版物'], group: 'not_processed' },
  { id: 'not_processed_massive', label: '4.无正当理由大量反复申请', match: ['大量反复'], group: 'not_processed' },
  { id: 'not_processed_confirm', label: '5.要求行政机关确认或重新出具已获取信息', match: ['确认或重新出具', '重新出具'], group: 'not_processed' },
];

const T3_ROWS_TAIL: RowDef[] = [
  // '总计' is also a column header: the reader accepts a bare 总计 only after the result rows.
  { id: 'result_total', label: '（七）总计', match: ['(七)总计', '七)总计'] },
  { id: 'carry_forward', label: '四、结转下年度继续办理', match: ['结转下年度'] },
];

export const T3_ROWS: Record<FormatId, RowDef[]> = {
  '2021': [
    ...T3_ROWS_HEAD,
    { id: 'other_no_correction', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', match: ['逾期不补正'], group: 'other' },
    { id: 'other_no_fee', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', match: ['收费通知', '缴纳费用'], group: 'other' },
    // A bare '其他' is also a column header: the reader takes it only right after other_no_fee.
    { id: 'other_other', label: '3.其他', match: ['其他'], group: 'other' },
    ...T3_ROWS_TAIL,
  ],
  '2019': [
    ...T3_ROWS_HEAD,
    { id: 'other_processing', label: '（六）其他处理', match: ['其他处理'], group: 'other' },
    ...T3_ROWS_TAIL,
  ],
};

export const RESULT_GROUPS: Record<ResultGroup, string> = {
  denied: '（三）不予公开',
  unable: '（四）无法提供',
  not_processed: '（五）不予处理',
  other: '（六）其他处理',
};

/** Rows (（一）…（六）) that add up to （七）总计. */
export function t3ResultDetailRows(format: FormatId): RowDef[] {
  const rows = T3_ROWS[format];
  const from = rows.findIndex((r) => r.id === 'granted');
  const to = rows.findIndex((r) => r.id === 'result_total');
  return rows.slice(from, to);
}

/* ------------------------------------------------------------------ 表四 */

const T4_OUTCOMES: ColumnDef[] = [
  { id: 'maintained', label: '结果维持' },
  { id: 'corrected', label: '结果纠正' },
  { id: 'other', label: '其他结果' },
  { id: 'pending', label: '尚未审结' },
  { id: 'total', label: '总计' },
];

export interface T4Group {
  id: 'review' | 'lit_direct' | 'lit_after_review';
  label: string;
  ruleId: string;
}

export const T4_GROUPS: T4Group[] = [
  { id: 'review', label: '行政复议', ruleId: 't4.review_total' },
  { id: 'lit_direct', label: '行政诉讼·未经复议直接起诉', ruleId: 't4.lit_direct_total' },
  { id: 'lit_after_review', label: '行政诉讼·复议后起诉', ruleId: 't4.lit_after_review_total' },
];

export const T4_COLUMNS: (ColumnDef & { group: T4Group['id']; outcome: string })[] = T4_GROUPS.flatMap(
  (g) =>
    T4_OUTCOMES.map((o) => ({ id: `${g.id}_${o.id}`, label: `${g.label}·${o.label}`, group: g.id, outcome: o.id })),
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

const count = (id: string, label: string): T2Column => ({ id, label, type: 'count' });
const PREV_DELTA: T2Column[] = [count('prev_items', '上一年项目数量'), { id: 'delta', label: '本年增/减', type: 'signed' }];

export const T2_BLOCKS: Record<FormatId, T2Block[]> = {
  '2021': [
    {
      id: 'art20_1', caption: '第二十条第（一）项', item: '一',
      columns: [count('made', '本年制发件数'), count('repealed', '本年废止件数'), count('valid', '现行有效件数')],
      rows: [
        { id: 'regulations', label: '规章', match: ['规章'] },
        { id: 'normative_docs', label: '行政规范性文件', match: ['规范性文件'] },
      ],
    },
    {
      id: 'art20_5', caption: '第二十条第（五）项', item: '五',
      columns: [count('decisions', '本年处理决定数量')],
      rows: [{ id: 'admin_license', label: '行政许可', match: ['行政许可'] }],
    },
    {
      id: 'art20_6', caption: '第二十条第（六）项', item: '六',
      columns: [count('decisions', '本年处理决定数量')],
      rows: [
        { id: 'admin_penalty', label: '行政处罚', match: ['行政处罚'] },
        { id: 'admin_coercion', label: '行政强制', match: ['行政强制'] },
      ],
    },
    {
      id: 'art20_8', caption: '第二十条第（八）项', item: '八',
      columns: [{ id: 'fee_amount', label: '本年收费金额（单位：万元）', type: 'amount' }],
      rows: [{ id: 'admin_fees', label: '行政事业性收费', match: ['行政事业性收费'] }],
    },
  ],
  '2019': [
    {
      id: 'art20_1', caption: '第二十条第（一）项', item: '一',
      columns: [count('new_made', '本年新制作数量'), count('new_public', '本年新公开数量'), count('total_public', '对外公开总数量')],
      rows: [
        { id: 'regulations', label: '规章', match: ['规章'] },
        { id: 'normative_docs', label: '规范性文件', match: ['规范性文件'] },
      ],
    },
    {
      id: 'art20_5', caption: '第二十条第（五）项', item: '五',
      columns: [...PREV_DELTA, count('decisions', '处理决定数量')],
      rows: [
        { id: 'admin_license', label: '行政许可', match: ['行政许可'] },
        { id: 'other_mgmt_services', label: '其他对外管理服务事项', match: ['其他对外管理服务事项'] },
      ],
    },
    {
      id: 'art20_6', caption: '第二十条第（六）项', item: '六',
      columns: [...PREV_DELTA, count('decisions', '处理决定数量')],
      rows: [
        { id: 'admin_penalty', label: '行政处罚', match: ['行政处罚'] },
        { id: 'admin_coercion', label: '行政强制', match: ['行政强制'] },
      ],
    },
    {
      id: 'art20_8', caption: '第二十条第（八）项', item: '八',
      columns: PREV_DELTA,
      rows: [{ id: 'admin_fees', label: '行政事业性收费', match: ['行政事业性收费'] }],
    },
    {
      id: 'art20_9', caption: '第二十条第（九）项', item: '九',
      columns: [count('projects', '采购项目数量'), { id: 'amount', label: '采购总金额', type: 'amount' }],
      rows: [{ id: 'central_procurement', label: '政府集中采购', match: ['政府集中采购'] }],
    },
  ],
};

/* ------------------------------------------------------------------ sections */

export interface SectionDef {
  id: 's1' | 's2' | 's3' | 's4' | 's5' | 's6';
  ordinal: string;
  title: string;
  /** A heading is the ordinal + 、 followed, within a short distance, by one of these. */
  keywords: string[];
}

export const SECTIONS: SectionDef[] = [
  { id: 's1', ordinal: '一', title: '总体情况', keywords: ['总体情况', '概述', '基本情况'] },
  { id: 's2', ordinal: '二', title: '主动公开政府信息情况', keywords: ['主动公开'] },
  { id: 's3', ordinal: '三', title: '收到和处理政府信息公开申请情况', keywords: ['收到和处理', '依申请', '处理政府信息公开申请'] },
  { id: 's4', ordinal: '四', title: '政府信息公开行政复议、行政诉讼情况', keywords: ['行政复议', '行政诉讼', '复议', '诉讼'] },
  { id: 's5', ordinal: '五', title: '存在的主要问题及改进情况', keywords: ['问题', '改进'] },
  { id: 's6', ordinal: '六', title: '其他需要报告的事项', keywords: ['其他需要报告', '其他需报告', '其他事项'] },
];

/* ------------------------------------------------------------------ detection */

/** Words only one of the formats uses (normalized, simplified). */
export const FORMAT_SIGNATURES: Record<FormatId, string[]> = {
  '2021': ['本年制发件数', '本年废止件数', '现行有效件数', '逾期不补正', '本年收费金额', '收费通知'],
  '2019': ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '政府集中采购', '其他对外管理服务事项'],
};

/** Phrases that mark a page as an annual report (normalized, simplified). */
export const PAGE_MARKERS = [
  '政府信息公开工作年度报告',
  '政府信息公开年度报告',
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '本年新收政府信息公开申请数量',
  '第二十条第(一)项',
  '本列数据的勾稽关系',
  '政府信息公开行政复议',
];

/** The format a report of this year must use. */
export function formatForYear(year: number): FormatId {
  return year >= 2021 ? '2021' : '2019';
}

export const FORMAT_DOC_NO: Record<FormatId, string> = {
  '2021': '国办公开办函〔2021〕30号',
  '2019': '国办公开办函〔2019〕60号',
};

/* ------------------------------------------------------------------ cell ids */

export const t3CellId = (row: string, col: string) => `t3.${row}.${col}`;
export const t4CellId = (col: string) => `t4.cases.${col}`;
export const t2CellId = (block: string, row: string, col: string) => `t2.${block}.${row}.${col}`;

/** Every cell id of a format, in table order: the columns of the data-set CSV. */
export function allCellIds(format: FormatId): string[] {
  const ids: string[] = [];
  for (const b of T2_BLOCKS[format]) for (const r of b.rows) for (const c of b.columns) ids.push(t2CellId(b.id, r.id, c.id));
  for (const r of T3_ROWS[format]) for (const c of T3_COLUMNS) ids.push(t3CellId(r.id, c.id));
  for (const c of T4_COLUMNS) ids.push(t4CellId(c.id));
  return ids;
}

/** Human label of a cell id, e.g. 表三「（一）予以公开」·自然人. */
export function cellLabel(cellId: string, format: FormatId): string {
  const [table, a, b, c] = cellId.split('.');
  if (table === 't3') {
    const row = T3_ROWS[format].find((r) => r.id === a) ?? T3_ROWS['2021'].find((r) => r.id === a) ?? T3_ROWS['2019'].find((r) => r.id === a);
    const col = T3_COLUMNS.find((x) => x.id === b);
    return `表三「${row?.label ?? a}」·${col?.label ?? b}`;
  }
  if (table === 't4') return `表四 ${T4_COLUMNS.find((x) => x.id === b)?.label ?? b}`;
  if (table === 't2') {
    const block = T2_BLOCKS[format].find((x) => x.id === a);
    const row = block?.rows.find((r) => r.id === b);
    const col = block?.columns.find((x) => x.id === c);
    return `表二 ${block?.caption ?? a}「${row?.label ?? b}」·${col?.label ?? c}`;
  }
  return cellId;
}
