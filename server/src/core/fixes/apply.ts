// Applying fixes: one shared function, so every adapter edits text the same way.
import type { TextEdit } from '../base/types';
import type { Finding } from '../rules/types';

/** Applies non-overlapping edits; an edit overlapping an earlier-applied one is skipped. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.span.start < cursor) continue;
    out += text.slice(cursor, edit.span.start) + edit.newText;
    cursor = edit.span.end;
  }
  return out + text.slice(cursor);
}

export interface SafeFixOptions {
  /** Include fixes that rewrite totals (a wrong total may be a wrong component). */
  includeTotals?: boolean;
}

/** The edits of every safe fix (the first safe fix of each finding), without overlaps. */
export function safeFixEdits(findings: readonly Finding[], options: SafeFixOptions = {}): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const finding of findings) {
    const fix = finding.fixes.find((f) => f.safe && (options.includeTotals || !f.setsTotal));
    if (fix) edits.push(...fix.edits);
  }
  return edits;
}
