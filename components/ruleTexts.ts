/**
 * Each rule's title and explanation (zh and en), for the findings lists: the popup reads them
 * here, the overlay gets those of its findings from the background (AnalyzeResponse.rules),
 * so the page never loads the rules' code.
 */
import { RULES } from '../utils/report/rules/index.ts';
import type { RuleTexts } from '../utils/i18n.ts';
import type { Finding } from '../utils/report/types.ts';

export function ruleTexts(findings: Finding[]): RuleTexts {
  const ids = new Set(findings.map((f) => f.id));
  const out: RuleTexts = {};
  for (const rule of RULES) if (ids.has(rule.id)) out[rule.id] = { title: rule.title, explanation: rule.explanation };
  return out;
}
