/** The key figures a reader wants without reading the tables. */
import { resultGroupCells, t2CellId, t3CellId, t4CellId, type FormatId, type ResultGroup } from './formats.ts';
import { cellNumber, type CellReading } from './tables.ts';
import type { Figures } from './types.ts';

export const FIGURE_LABELS: Record<keyof Figures, { zh: string; en: string }> = {
  newReceived: { zh: '本年新收申请', en: 'New applications' },
  carriedOver: { zh: '上年结转', en: 'Carried over' },
  resultTotal: { zh: '办理总数', en: 'Handled' },
  granted: { zh: '予以公开', en: 'Granted' },
  partial: { zh: '部分公开', en: 'Partly granted' },
  grantedShare: { zh: '予以公开及部分公开占比', en: 'Granted share' },
  denied: { zh: '不予公开', en: 'Denied' },
  unable: { zh: '无法提供', en: 'Unable to provide' },
  notProcessed: { zh: '不予处理', en: 'Not processed' },
  otherProcessing: { zh: '其他处理', en: 'Other' },
  carryForward: { zh: '结转下年度', en: 'Carried forward' },
  reviewTotal: { zh: '行政复议', en: 'Administrative reviews' },
  reviewCorrected: { zh: '复议结果纠正', en: 'Reviews corrected' },
  litigationTotal: { zh: '行政诉讼', en: 'Lawsuits' },
  litigationCorrected: { zh: '诉讼结果纠正', en: 'Lawsuits corrected' },
  adminLicense: { zh: '行政许可', en: 'Licences' },
  adminPenalty: { zh: '行政处罚', en: 'Penalties' },
  adminCoercion: { zh: '行政强制', en: 'Coercive measures' },
  regulations: { zh: '现行有效规章', en: 'Regulations in force' },
  normativeDocs: { zh: '现行有效规范性文件', en: 'Normative documents in force' },
};

export function computeFigures(cells: Map<string, CellReading>, format: FormatId): Figures {
  const one = (id: string): number | null => cellNumber(cells.get(id));
  // A sum is known when at least one of its cells holds a number (blanks count as 0).
  const sum = (ids: string[]): number | null => {
    const values = ids.map(one);
    return values.some((v) => v !== null) ? values.reduce<number>((s, v) => s + (v ?? 0), 0) : null;
  };
  const t3 = (row: string) => one(t3CellId(row, 'total'));
  const group = (g: ResultGroup) => sum(resultGroupCells(format, g, 'total'));
  const resultTotal = t3('result_total');
  const granted = t3('granted');
  const partial = t3('partial');
  const share = resultTotal && resultTotal > 0 && (granted !== null || partial !== null)
    ? Math.round((((granted ?? 0) + (partial ?? 0)) / resultTotal) * 10000) / 10000
    : null;
  const art1 = format === '2021' ? 'valid' : 'total_public';
  return {
    newReceived: t3('new_received'),
    carriedOver: t3('carried_over'),
    resultTotal,
    granted,
    partial,
    grantedShare: share,
    denied: group('denied'),
    unable: group('unable'),
    notProcessed: group('not_processed'),
    otherProcessing: group('other'),
    carryForward: t3('carry_forward'),
    reviewTotal: one(t4CellId('review_total')),
    reviewCorrected: one(t4CellId('review_corrected')),
    litigationTotal: sum([t4CellId('lit_direct_total'), t4CellId('lit_after_review_total')]),
    litigationCorrected: sum([t4CellId('lit_direct_corrected'), t4CellId('lit_after_review_corrected')]),
    adminLicense: one(t2CellId('art20_5', 'admin_license', 'decisions')),
    adminPenalty: one(t2CellId('art20_6', 'admin_penalty', 'decisions')),
    adminCoercion: one(t2CellId('art20_6', 'admin_coercion', 'decisions')),
    regulations: one(t2CellId('art20_1', 'regulations', art1)),
    normativeDocs: one(t2CellId('art20_1', 'normative_docs', art1)),
  };
}

/** A figure as people read it: 予以公开占比 as a percentage, others as integers. */
export function formatFigure(key: keyof Figures, value: number | null): string {
  if (value === null) return '—';
  if (key === 'grantedShare') return `${(value * 100).toFixed(1)}%`;
  return String(value);
}
