/**
 * A module of its own, small: the overlay and the command line import it, and neither needs the
 * rest of the summary's code.
 */
import type { Finding, Suspect } from './types.ts';

/**
 * Failed findings as the lists show them (the panel's and popup's FindingList, the command
 * line's text): those a suspect cell explains gathered under it, the others alone, so that a
 * list counts what the summary counts (summary.ts counts a suspect once the same way).
 */
export function underSuspects(findings: Finding[], suspects: Suspect[]): { named: { suspect: Suspect; own: Finding[] }[]; alone: Finding[] } {
  const named = suspects.map((suspect) => ({ suspect, own: findings.filter((f) => f.suspect === suspect.cell) })).filter(({ own }) => own.length > 0);
  const alone = findings.filter((f) => !named.some(({ suspect }) => suspect.cell === f.suspect));
  return { named, alone };
}
