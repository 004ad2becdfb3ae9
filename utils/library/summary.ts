/**
 * The summary of an Analysis whose findings changed after analyze (a dismissal, cross-year
 * findings recomputed in the library): counted again by the engine's own summarize, so every
 * surface keeps reading one verdict. What summarize cannot know from findings (notChecked:
 * tables not read, caps) is kept.
 */
import { resummarize as summaryOf } from '../report/analyze.ts';
import type { Analysis } from '../report/types.ts';

export function resummarize(analysis: Analysis): Analysis {
  return { ...analysis, summary: summaryOf(analysis) };
}
