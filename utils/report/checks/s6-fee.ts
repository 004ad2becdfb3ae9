/** Shared by the two 信息处理费 rules: does 六 speak of the information-processing fee? */
import { sectionText } from '../narrative.ts';
import { normalize } from '../normalize.ts';
import type { Report } from './rule.ts';

/** null when there is no section 六. Never confuse with 行政事业性收费 (表二, a different fee). */
export function s6MentionsFee(report: Report): boolean | null {
  const text = sectionText(report.lines, report.sections, 's6');
  if (text === null) return null;
  return /信息处理费/.test(normalize(text));
}
