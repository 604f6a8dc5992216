// Fixing a whole text (the CLI's --fix): apply the safe fixes, re-check, and accept the new text only
// when the fixed findings are gone.
//
// What is applied: what `selectFixes` chooses under the policy (for each finding its first safe fix;
// a fix whose edits clash with an edit already taken in the same pass waits for the next pass). Passes repeat on the new text until no safe fix
// changes it, at most MAX_PASSES: fixing a row total can change what a column total should be,
// and a column total set from a wrong row in the first pass is set right in the second.
//
// What is verified: the findings "fixed" are those of the original text that offered a safe fix.
// For every rule, the final re-check may show at most (its findings before) − (its fixed findings).
// Counting per rule rather than matching positions keeps the test simple and strict: a fix that
// leaves its finding in place, or makes a new finding of the same rule appear, fails it, and so
// do fixes that never settle; then nothing is written.
import { applyEdits } from './apply';
import { chosenFix, selectFixes, type FixPolicy } from './select';
import type { CheckOptions, Finding } from '../rules/types';

export const MAX_PASSES = 10;

export type CheckFn = (text: string, options?: CheckOptions) => { findings: Finding[] };

export type FixOutcome =
  /** No safe fix applies: the text is unchanged. */
  | { status: 'nothing'; text: string; findings: Finding[] }
  /** Fixes applied and verified: write `text`; `findings` are what remains; `fixed` are findings of the original text. */
  | { status: 'fixed'; text: string; findings: Finding[]; fixed: Finding[] }
  /** Fixes did not hold (`stillThere`: rule id → how many too many) or did not settle: keep the original. */
  | { status: 'rejected'; text: string; findings: Finding[]; stillThere: Map<string, number>; converged: boolean };

function countByRule(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return counts;
}

export function fixText(original: string, check: CheckFn, options?: CheckOptions, policy: FixPolicy = { includeTotals: true }): FixOutcome {
  const before = check(original, options).findings;
  let text = original;
  let findings = before;
  let converged = false;

  for (let pass = 0; ; pass++) {
    const { edits } = selectFixes(findings, policy);
    const next = edits.length > 0 ? applyEdits(text, edits) : text;
    if (next === text) {
      converged = true;
      break;
    }
    if (pass === MAX_PASSES) break;
    text = next;
    findings = check(text, options).findings;
  }

  if (text === original) return { status: 'nothing', text: original, findings: before };

  const fixed = before.filter((f) => chosenFix(f, policy) !== undefined);
  const beforeCounts = countByRule(before);
  const fixedCounts = countByRule(fixed);
  const afterCounts = countByRule(findings);
  const stillThere = new Map<string, number>();
  for (const [ruleId, n] of fixedCounts) {
    const allowed = (beforeCounts.get(ruleId) ?? 0) - n;
    const after = afterCounts.get(ruleId) ?? 0;
    if (after > allowed) stillThere.set(ruleId, after - allowed);
  }
  if (!converged || stillThere.size > 0) return { status: 'rejected', text: original, findings: before, stillThere, converged };
  return { status: 'fixed', text, findings, fixed };
}
