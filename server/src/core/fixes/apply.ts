// Applying edits to a text: one shared function, so every adapter edits text the same way.
import type { TextEdit } from '../base/types';

/** Applies non-overlapping edits (as `selectFixes` chooses them); an edit overlapping an earlier one is skipped. */
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
