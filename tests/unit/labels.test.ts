/** The words people read for ids: cell labels in both languages, digits grouped for display only. */
import { describe, expect, it } from 'vitest';
import { cellLabel, groupDigits } from '../../utils/report/labels.ts';
import { cellLabel as fromFormats } from '../../utils/report/formats.ts';

describe('labels', () => {
  it('a cell id in a person’s words, Chinese and English, with or without the table', () => {
    expect(cellLabel('t3.not_processed_massive.natural', '2021')).toBe('表三「4.无正当理由大量反复申请」·自然人');
    expect(cellLabel('t3.not_processed_massive.natural', '2021', 'en')).toBe('Table 3, row “(5) 4. Mass repeated applications”, natural persons');
    expect(cellLabel('t3.partial.total', '2021', 'zh', { table: false })).toBe('「（二）部分公开」·总计');
    expect(cellLabel('t4.cases.review_pending', '2021')).toBe('表四 行政复议·尚未审结');
    expect(cellLabel('t4.cases.review_pending', '2021', 'en')).toBe('Table 4, Administrative review, pending');
    expect(cellLabel('t2.art20_6.admin_penalty.decisions', '2021')).toBe('表二 第二十条第（六）项「行政处罚」·本年处理决定数量');
    expect(cellLabel('t2.art20_6.admin_penalty.decisions', '2021', 'en')).toBe('Table 2, Art. 20 (6), “Administrative penalties”, decisions this year');
    expect(cellLabel('x.y', '2021')).toBe('x.y');
    expect(fromFormats('t3.granted.natural', '2019')).toBe('表三「（一）予以公开」·自然人');
  });

  it('groups digits for the panel and the popup only', () => {
    expect(groupDigits(11398889)).toBe('11,398,889');
    expect(groupDigits(-1234.5, 'en')).toBe('-1,234.5');
    expect(groupDigits(999)).toBe('999');
  });
});
