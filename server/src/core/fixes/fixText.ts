// Fixing a whole text (the CLI's --fix): apply the safe fixes, re-check, and accept the new text only
// when the fixed findings are gone and nothing got worse.
//
// What is applied: what `selectFixes` chooses under the policy (for each finding its first safe fix;
// a fix whose edits clash with an edit already taken in the same pass waits for the next pass). Totals
// are rewritten only when the caller asks (`includeTotals`, the CLI's --fix-totals): a wrong total
// may be a wrong component. Passes repeat on the new text until no safe fix changes it, at most
// MAX_PASSES: fixing a row total can change what a column total should be, and a column total set
// from a wrong row in the first pass is set right in the second.
//
// What is verified, against the findings of the original text:
//  - per rule, the final re-check shows at most (its findings before) − (its findings fixed): a fix
//    that leaves its finding in place, or makes a new finding of the same rule appear, fails it;
//  - no rule shows more findings than before, and no finding stands where none of its rule stood
//    before (spans carried through the edits of every pass): a fix that makes another rule fire fails;
//  - the passes settled.
// Otherwise nothing is written: status 'rejected', with the reason.
import type { Localized, Span, TextEdit } from '../base/types';
import { msg } from '../base/i18n';
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
  /**
   * Fixes did not hold or did not settle: keep the original. `stillThere`: rule id → how many findings
   * too many (left in place, more frequent, or new where the rule did not fire); `introduced`: the
   * findings of the fixed text that are new or too many; `reason`: one sentence for the user.
   */
  | {
      status: 'rejected';
      text: string;
      findings: Finding[];
      stillThere: Map<string, number>;
      introduced: Finding[];
      converged: boolean;
      reason: Localized;
    };

/** The policy when the caller gives none: no totals are rewritten. */
export const DEFAULT_FIX_POLICY: FixPolicy = { includeTotals: false };

function countByRule(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return counts;
}

/**
 * Where a span of the text lands after non-overlapping edits. An edit wholly before a boundary moves
 * it; an insertion at a span's start moves the start (the span's text now follows it) but not an end
 * there; a boundary inside a replaced range goes to that end of the replacement.
 */
export function mapSpan(span: Span, edits: readonly TextEdit[]): Span {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const at = (offset: number, isEnd: boolean) => {
    let delta = 0;
    for (const e of sorted) {
      const { start, end } = e.span;
      if (end < offset || (end === offset && (start < end || !isEnd))) delta += e.newText.length - (end - start);
      else if (start < offset) return start + delta + (isEnd ? e.newText.length : 0);
      else break;
    }
    return offset + delta;
  };
  const start = at(span.start, false);
  return { start, end: Math.max(start, at(span.end, true)) };
}

const spanKey = (ruleId: string, span: Span) => `${ruleId}@${span.start}-${span.end}`;

export function fixText(original: string, check: CheckFn, options?: CheckOptions, policy: FixPolicy = DEFAULT_FIX_POLICY): FixOutcome {
  const before = check(original, options).findings;
  let text = original;
  let findings = before;
  let converged = false;
  /** Where each finding of the original text stands now. */
  let spans = before.map((f) => f.span);

  for (let pass = 0; ; pass++) {
    const { edits } = selectFixes(findings, policy);
    const next = edits.length > 0 ? applyEdits(text, edits) : text;
    if (next === text) {
      converged = true;
      break;
    }
    if (pass === MAX_PASSES) break;
    spans = spans.map((s) => mapSpan(s, edits));
    text = next;
    findings = check(text, options).findings;
  }

  if (text === original) return { status: 'nothing', text: original, findings: before };

  const fixed = before.filter((f) => chosenFix(f, policy) !== undefined);
  const beforeCounts = countByRule(before);
  const fixedCounts = countByRule(fixed);
  const afterCounts = countByRule(findings);
  const stillThere = new Map<string, number>();
  for (const [ruleId, after] of afterCounts) {
    const allowed = (beforeCounts.get(ruleId) ?? 0) - (fixedCounts.get(ruleId) ?? 0);
    if (after > allowed) stillThere.set(ruleId, after - allowed);
  }
  // A finding where its rule found nothing before (its place carried through the edits) is new, even
  // when the rule's count went down elsewhere.
  const stood = new Set(before.map((f, i) => spanKey(f.ruleId, spans[i])));
  const introduced = findings.filter((f) => !stood.has(spanKey(f.ruleId, f.span)));
  for (const [ruleId, n] of countByRule(introduced)) stillThere.set(ruleId, Math.max(n, stillThere.get(ruleId) ?? 0));
  if (!converged || stillThere.size > 0) {
    const detail = [...stillThere].map(([ruleId, n]) => `${ruleId} ×${n}`).join(', ');
    const reason = !converged
      ? msg(`修复在 ${MAX_PASSES} 轮后仍未稳定`, `the fixes did not settle in ${MAX_PASSES} passes`)
      : msg(`修复后复查出现新的或更多的问题（${detail}）`, `after fixing, the re-check finds new or more problems (${detail})`);
    return { status: 'rejected', text: original, findings: before, stillThere, introduced, converged, reason };
  }
  return { status: 'fixed', text, findings, fixed };
}
