/**
 * A report's verdict, as every surface shows it: the status in words from `summary` (never
 * "all hold" when something was not checked), the counts, what could not be checked, and a
 * line per table (the chip's words).
 */
import { TABLE_NAMES } from '../utils/report/labels.ts';
import { TABLE_IDS, type TableId } from '../utils/report/formats.ts';
import type { Summary } from '../utils/report/types.ts';
import type { Messages } from '../utils/i18n.ts';

export function StatusBlock({ summary, t, onTable }: { summary: Summary; t: Messages; onTable?: (table: TableId) => void }) {
  return (
    <div class="grc-verdict">
      <p class={`grc-status ${summary.status}`} data-status={summary.status}>
        {t.status(summary.status, summary)}
      </p>
      <p class="grc-counts">{t.counts(summary)}</p>
      {summary.notChecked.length > 0 && (
        <div class="grc-not-checked" data-not-checked>
          <h3>{t.notChecked}</h3>
          <ul>
            {summary.notChecked.map((n, i) => (
              <li key={i}>{n[t.lang]}</li>
            ))}
          </ul>
        </div>
      )}
      <ul class="grc-table-lines">
        {TABLE_IDS.map((table) => {
          const v = summary.tables[table];
          const name = TABLE_NAMES[table][t.lang];
          return (
            <li key={table} data-table={table} class={v.read ? v.status : 'incomplete'}>
              {onTable && v.read ? (
                <button type="button" class="grc-link" onClick={() => onTable(table)}>
                  {name}
                </button>
              ) : (
                <span>{name}</span>
              )}{' '}
              <span class="grc-table-status">{t.chip(v)}</span> <small>{t.chipDetail(v)}</small>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
