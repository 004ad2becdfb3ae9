/** Findings grouped by severity, failed ones only, each with its message and cells. */
import type { Finding } from '../utils/report/types.ts';
import type { Messages } from '../utils/i18n.ts';

interface Props {
  findings: Finding[];
  t: Messages;
  onLocate?: (f: Finding) => void;
}

const ORDER: Finding['severity'][] = ['error', 'warning', 'info'];

export function FindingList({ findings, t, onLocate }: Props) {
  const failed = findings.filter((f) => f.status === 'fail');
  const title = { error: t.errors, warning: t.warningsTitle, info: t.infos };
  return (
    <div class="grc-findings">
      {ORDER.map((severity) => {
        const list = failed.filter((f) => f.severity === severity);
        if (list.length === 0) return null;
        return (
          <section class={`grc-group grc-${severity}`} key={severity}>
            <h3>
              {title[severity]} <span class="grc-count">{list.length}</span>
            </h3>
            <ul>
              {list.map((f, i) => (
                <li key={i} data-rule={f.id}>
                  <span class="grc-message">{f.message}</span>
                  <span class="grc-rule">{f.id}</span>
                  {onLocate && f.cells.length > 0 && (
                    <button type="button" class="grc-locate" onClick={() => onLocate(f)}>
                      {t.locate}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
