/** The key figures as a definition list, large numbers grouped (11,398,889) for reading. */
import { FIGURE_LABELS, formatFigure } from '../utils/report/figures.ts';
import type { Figures } from '../utils/report/types.ts';
import { groupDigits } from '../utils/report/labels.ts';
import type { Lang } from '../utils/report/labels.ts';

const KEYS: (keyof Figures)[] = [
  'newReceived', 'carriedOver', 'resultTotal', 'granted', 'partial', 'grantedShare', 'denied', 'unable',
  'carryForward', 'reviewTotal', 'reviewCorrected', 'litigationTotal', 'litigationCorrected', 'adminLicense', 'adminPenalty',
];

/** A figure for people: the share as a percentage, counts with their digits grouped. */
export function displayFigure(key: keyof Figures, value: number | null): string {
  return value !== null && key !== 'grantedShare' ? groupDigits(value) : formatFigure(key, value);
}

export function FigureList({ figures, lang }: { figures: Figures; lang: Lang }) {
  return (
    <dl class="grc-figures">
      {KEYS.map((k) => (
        <div key={k} data-figure={k}>
          <dt>{FIGURE_LABELS[k][lang]}</dt>
          <dd>{displayFigure(k, figures[k])}</dd>
        </div>
      ))}
    </dl>
  );
}
