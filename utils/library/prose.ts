/**
 * What the library keeps of a report's prose for the repetition check next year: its sentences
 * in matching form (numbers masked), read exactly as the rule reads the page being analyzed.
 */
import { findSections, toLines } from '../report/narrative.ts';
import { proseSentences, reportProse } from '../report/crossyear.ts';
import { textBlocksToTables } from '../report/textTables.ts';
import type { PageSource } from '../report/types.ts';

export function proseOfPage(page: PageSource<unknown>): string[] {
  const blocks = textBlocksToTables(page.blocks);
  const lines = toLines(blocks.flatMap((b, blockIndex) => (b.kind === 'text' ? [{ text: b.text, blockIndex }] : [])));
  return proseSentences(reportProse(lines, findSections(lines)));
}
