/** The key figures as a definition list. */
import { FIGURE_LABELS, formatFigure } from '../utils/report/figures.ts';
import type { Figures } from '../utils/report/types.ts';

const KEYS: (keyof Figures)[] = [
  'newReceived', 'carriedOver', 'resultTotal', 'granted', 'partial', 'grantedShare', 'denied', 'unable',
  'carryForward', 'reviewTotal', 'reviewCorrected', 'litigationTotal', 'litigationCorrected', 'adminLicense', 'adminPenalty',
];

export function FigureList({ figures, english = false }: { figures: Figures; english?: boolean }) {
  return (
    <dl class="grc-figures">
      {KEYS.map((k) => (
        <div key={k} data-figure={k}>
          <dt>{english ? FIGURE_LABELS[k].en : FIGURE_LABELS[k].zh}</dt>
          <dd>{formatFigure(k, figures[k])}</dd>
        </div>
      ))}
    </dl>
  );
}
