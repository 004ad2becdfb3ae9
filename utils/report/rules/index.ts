/**
 * Every rule, in the order findings are listed. This folder holds exactly one file per rule,
 * named by the rule id, and this index (tests/unit/rules.meta.test.ts keeps it so, checks each
 * has fixtures and is listed in the README). Helpers shared by rules live in ../checks/.
 */
import type { Words } from '../formats.ts';
import type { Rule } from '../checks/rule.ts';
import type { Finding } from '../types.ts';
import tablesPresent from './tables.present.ts';
import t3Balance from './t3.balance.ts';
import t3ResultTotal from './t3.result_total.ts';
import t3RowTotal from './t3.row_total.ts';
import t4ReviewTotal from './t4.review_total.ts';
import t4LitDirectTotal from './t4.lit_direct_total.ts';
import t4LitAfterReviewTotal from './t4.lit_after_review_total.ts';
import cellsNonNegativeInteger from './cells.non_negative_integer.ts';
import cellsBlank from './cells.blank.ts';
import cellsUncertainSplit from './cells.uncertain_split.ts';
import sectionsPresent from './sections.present.ts';
import sectionsS5Nonempty from './sections.s5_nonempty.ts';
import yearConsistency from './year.consistency.ts';
import formatOutdated from './format.outdated.ts';
import s6FeeStatement from './s6.fee_statement.ts';
import s6FeeVsT3 from './s6.fee_vs_t3.ts';
import textT3New from './text.t3_new.ts';
import textT3Carried from './text.t3_carried.ts';
import textT3Forward from './text.t3_forward.ts';
import textT3ResultTotal from './text.t3_result_total.ts';
import textT4Review from './text.t4_review.ts';
import textT4Litigation from './text.t4_litigation.ts';
import textGroupTotals from './text.group_totals.ts';
import crossyearCarriedOver from './crossyear.carried_over.ts';
import crossyearInForce from './crossyear.in_force.ts';
import crossyearRepetition from './crossyear.repetition.ts';
import crossyearJump from './crossyear.jump.ts';
import publishDeadline from './publish.deadline.ts';

export const RULES: Rule[] = [
  tablesPresent,
  t3Balance,
  t3ResultTotal,
  t3RowTotal,
  t4ReviewTotal,
  t4LitDirectTotal,
  t4LitAfterReviewTotal,
  cellsNonNegativeInteger,
  cellsBlank,
  cellsUncertainSplit,
  sectionsPresent,
  sectionsS5Nonempty,
  yearConsistency,
  formatOutdated,
  s6FeeStatement,
  s6FeeVsT3,
  textT3New,
  textT3Carried,
  textT3Forward,
  textT3ResultTotal,
  textT4Review,
  textT4Litigation,
  textGroupTotals,
  // With the library: last year's report of the same agency, the publication date.
  crossyearCarriedOver,
  crossyearInForce,
  crossyearRepetition,
  crossyearJump,
  publishDeadline,
];

export type { Outcome, Report, Rule } from '../checks/rule.ts';

export interface RuleText {
  severity: Rule['severity'];
  title: Words;
  explanation: Words;
}

/**
 * Each rule's title and explanation (zh and en) by rule id, for the surfaces to show with its
 * findings: all rules, or only those of `findings` (what the background sends the overlay with
 * an analysis, so the page never loads the rules' code).
 */
export function ruleTexts(findings?: Finding[]): Record<string, RuleText> {
  const ids = findings && new Set(findings.map((f) => f.id));
  return Object.fromEntries(RULES.filter((r) => !ids || ids.has(r.id)).map((r) => [r.id, { severity: r.severity, title: r.title, explanation: r.explanation }]));
}
