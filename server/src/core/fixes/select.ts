// The one way fixes are chosen to be applied together — by the CLI's --fix, the editor's fix-all and
// recompute-all: never two edits on overlapping ranges, never two different texts for one place.
import type { TextEdit } from '../base/types';
import type { Finding, Fix } from '../rules/types';

export interface FixPolicy {
  /** Include fixes that rewrite totals (a wrong total may be a wrong component). */
  includeTotals: boolean;
  /** Only fixes this accepts (recompute-all: those setting a total of the current depth). */
  accept?: (fix: Fix, finding: Finding) => boolean;
}

/** The fix of a finding the policy would apply: its first safe fix the policy allows. */
export function chosenFix(finding: Finding, policy: FixPolicy): Fix | undefined {
  return finding.fixes.find((f) => f.safe && (policy.includeTotals || !f.total) && (!policy.accept || policy.accept(f, finding)));
}

export interface Selection {
  /** The findings whose chosen fix is applied, whole. */
  fixed: Finding[];
  /** Their edits, without overlaps (an edit two findings share is taken once). */
  edits: TextEdit[];
}

const sameEdit = (a: TextEdit, b: TextEdit) => a.span.start === b.span.start && a.span.end === b.span.end && a.newText === b.newText;

/**
 * Two edits that cannot both be applied: the same range with different texts (two insertions at one
 * point included), or ranges that overlap. Ranges that only touch are fine.
 */
export function conflicting(a: TextEdit, b: TextEdit): boolean {
  if (a.span.start === b.span.start && a.span.end === b.span.end) return a.newText !== b.newText;
  return a.span.start < b.span.end && b.span.start < a.span.end;
}

/** Edits kept sorted by start, so a new edit is compared with its neighbours only. */
class EditSet {
  readonly sorted: TextEdit[] = [];

  /** Index of the first edit starting at or after `start`. */
  private lowerBound(start: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid].span.start < start) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Whether the edit is already taken, conflicts with a taken one, or neither. */
  relation(edit: TextEdit): 'taken' | 'conflict' | 'free' {
    let result: 'taken' | 'free' = 'free';
    // Taken edits never overlap one another, so only those starting near this edit can clash with it.
    for (let i = Math.max(0, this.lowerBound(edit.span.start) - 1); i < this.sorted.length; i++) {
      const other = this.sorted[i];
      if (other.span.start > edit.span.end) break;
      if (sameEdit(other, edit)) result = 'taken';
      else if (conflicting(other, edit)) return 'conflict';
    }
    return result;
  }

  add(edit: TextEdit): void {
    this.sorted.splice(this.lowerBound(edit.span.start), 0, edit);
  }
}

/**
 * For each finding in order, its chosen fix, when none of its edits clashes with an edit already
 * chosen (a fix is applied whole or not at all). What is left out may be fixed in a later pass.
 */
export function selectFixes(findings: readonly Finding[], policy: FixPolicy): Selection {
  const taken = new EditSet();
  const fixed: Finding[] = [];
  for (const finding of findings) {
    const fix = chosenFix(finding, policy);
    if (!fix || fix.edits.length === 0) continue;
    const relations = fix.edits.map((edit) => taken.relation(edit));
    if (relations.includes('conflict') || hasInnerConflict(fix.edits)) continue;
    fixed.push(finding);
    fix.edits.forEach((edit, i) => relations[i] === 'free' && taken.add(edit));
  }
  return { fixed, edits: taken.sorted };
}

/** A fix whose own edits clash (a rule bug) is never applied. */
function hasInnerConflict(edits: readonly TextEdit[]): boolean {
  for (let i = 0; i < edits.length; i++) for (let j = i + 1; j < edits.length; j++) if (conflicting(edits[i], edits[j])) return true;
  return false;
}
