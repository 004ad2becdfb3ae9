/**
 * Findings grouped by kind (errors, warnings, checks left incomplete by blank cells, notes),
 * failed ones only. Among the errors, a suspect cell comes as one item ("此格应为 42：…"), with
 * the failed checks it explains beneath it, so the list counts what the summary counts: each
 * suspect once, each unexplained failed check once. Each finding: the sentence in a person's
 * words, the rule's title with its explanation behind a toggle, the cell ids in a small line
 * for experts, 定位. Dismissed findings stay
 * visible, struck through with the reason, and are not counted. ↑/↓ move through the list
 * (and, with onStep, through the problems on the page).
 */
import type { Finding, Suspect } from '../utils/report/types.ts';
import type { Messages, RuleTexts } from '../utils/i18n.ts';
import { cellLabel } from '../utils/report/labels.ts';
import { underSuspects } from '../utils/report/suspectGroups.ts';
import type { Analysis } from '../utils/report/types.ts';

interface Props {
  findings: Finding[];
  /**
   * The analysis's suspects: the cells that explain failed checks. Required, so that no list
   * counts a wrong cell's checks one by one where the verdict counts the cell once.
   */
  suspects: Suspect[];
  /** The report's format, to name a suspect's cell by its row and column. */
  format: Analysis['format'];
  t: Messages;
  rules?: RuleTexts;
  /** 定位: where a finding points to on the page. */
  onLocate?: (f: Finding) => void;
  /** Called when ↑/↓ moves to a finding. */
  onStep?: (f: Finding) => void;
}

type Group = 'error' | 'warning' | 'incomplete' | 'info';
const ORDER: Group[] = ['error', 'warning', 'incomplete', 'info'];
const groupOf = (f: Finding): Group => (f.incomplete ? 'incomplete' : f.severity);

export const findingMessage = (f: Finding, t: Messages) => (t.lang === 'en' ? (f.messageEn ?? f.message) : f.message);
/** The engine's sentence for a suspect cell, in the interface's language. */
export const suspectMessage = (s: Suspect, t: Messages): string => (t.lang === 'en' ? s.messageEn : s.message);

export function FindingList({ findings, suspects, format, t, rules, onLocate, onStep }: Props) {
  const failed = findings.filter((f) => f.status === 'fail');
  const title: Record<Group, string> = { error: t.errors, warning: t.warningsTitle, incomplete: t.incompleteTitle, info: t.infos };
  const items: Finding[] = [];
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const list = [...((e.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('li[data-rule]'))];
    const from = list.findIndex((li) => li === (e.target as Element).closest?.('li[data-rule]'));
    const to = Math.max(0, Math.min(list.length - 1, from + (e.key === 'ArrowDown' ? 1 : -1)));
    if (from < 0 || to === from) return;
    e.preventDefault();
    list[to].focus();
    onStep?.(items[Number(list[to].dataset.index)]);
  };
  /** One finding; `locatable`: with its own 定位 (a finding under a suspect goes there by the suspect's). */
  const item = (f: Finding, locatable = false) => {
    const index = items.push(f) - 1;
    const rule = rules?.[f.id];
    return (
      <li key={f.check ?? index} data-rule={f.id} data-check={f.check} data-index={index} tabIndex={-1} class={f.dismissed ? 'grc-dismissed' : undefined}>
        <span class="grc-message">{f.dismissed ? <s>{findingMessage(f, t)}</s> : findingMessage(f, t)}</span>
        {f.dismissed && <span class="grc-reason">{t.dismissed(f.dismissed.reason)}</span>}
        {locatable && onLocate && f.cells.length > 0 && (
          <button type="button" class="grc-locate" onClick={() => onLocate(f)}>
            {t.locate}
          </button>
        )}
        {rule ? (
          <details class="grc-rule">
            <summary>{rule.title[t.lang]}</summary>
            <p>{rule.explanation[t.lang]}</p>
          </details>
        ) : null}
        <small class="grc-ids">
          {f.id}
          {f.cells.length ? ` · ${t.cellsLine}: ${f.cells.join(', ')}` : ''}
        </small>
      </li>
    );
  };
  return (
    <div class="grc-findings" onKeyDown={onKeyDown}>
      {ORDER.map((group) => {
        const list = failed.filter((f) => groupOf(f) === group);
        if (list.length === 0) return null;
        // Errors explained by a suspect cell gather under it (see the file's comment).
        const { named, alone } = underSuspects(list, group === 'error' ? suspects : []);
        const live = named.filter(({ own }) => own.some((f) => !f.dismissed)).length + alone.filter((f) => !f.dismissed).length;
        return (
          <section class={`grc-group grc-${group}`} key={group}>
            <h3>
              {title[group]} <span class="grc-count">{live}</span>
            </h3>
            <ul>
              {named.map(({ suspect: s, own }) => {
                const index = items.push(own[0]) - 1;
                return (
                  <li key={s.cell} class="grc-suspect" data-suspect={s.cell} data-rule={own[0].id} data-index={index} tabIndex={-1}>
                    <span class="grc-where">{cellLabel(s.cell, format === '2019' ? '2019' : '2021', t.lang)}</span>
                    <span class="grc-message">{suspectMessage(s, t)}</span>
                    {onLocate && (
                      <button type="button" class="grc-locate" onClick={() => onLocate(own[0])}>
                        {t.locate}
                      </button>
                    )}
                    <ul class="grc-explains">{own.map((f) => item(f))}</ul>
                  </li>
                );
              })}
              {alone.map((f) => item(f, true))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
