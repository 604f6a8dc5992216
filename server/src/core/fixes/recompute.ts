// Recompute all totals: set every derived cell (a sum of other cells) to its sum, repeated until
// nothing changes, because a corrected subtotal can make a grand total wrong in turn.
import type { TextEdit } from '../base/types';
import type { Finding } from '../rules/types';
import { check } from '../rules/engine';
import { applyEdits } from './apply';
import { splitLines } from '../base/text';

/** Passes before giving up; each pass settles one layer of totals. */
const MAX_PASSES = 12;

/**
 * Totals settle inner to outer: subtotals, then row totals, then column totals. One layer per pass, so
 * a wrong cell fixed by its row total is not also "fixed" into the column total in the same pass.
 */
const LAYERS = ['GK305', 'GK301', 'GK304', 'GK302'];
const layerOf = (finding: Finding) => {
  const i = LAYERS.indexOf(finding.ruleId);
  return i < 0 ? LAYERS.length : i;
};

export interface RecomputeResult {
  /** The text with every total recomputed. */
  text: string;
  /** Minimal edits from the original text to `text` (one per changed line region). */
  edits: TextEdit[];
  /** Number of distinct cells rewritten. */
  changed: number;
}

/** The safe fix of a finding that sets a total to its sum (not a balance solved for one cell). */
function totalFix(finding: Finding) {
  return finding.fixes.find((f) => f.setsTotal && f.safe);
}

function cellKey(finding: Finding): string {
  const d = finding.data ?? {};
  return `${String(d.table)}:${String(d.row)}:${String(d.col)}`;
}

export function recomputeTotals(original: string): RecomputeResult {
  let text = original;
  const cells = new Set<string>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fixable = check(text).findings.filter((f) => totalFix(f));
    const layer = Math.min(...fixable.map(layerOf));
    const edits: TextEdit[] = [];
    for (const finding of fixable.filter((f) => layerOf(f) === layer)) {
      edits.push(...totalFix(finding)!.edits);
      cells.add(cellKey(finding));
    }
    if (edits.length === 0) break;
    const next = applyEdits(text, edits);
    if (next === text) break;
    text = next;
  }
  return { text, edits: lineEdits(original, text), changed: text === original ? 0 : cells.size };
}

/**
 * Edits turning `before` into `after`, one per changed line and trimmed to the changed middle, so an
 * editor keeps cursors and undo steps on the cells that changed. Falls back to one whole-text edit when
 * the number of lines differs.
 */
export function lineEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const a = splitLines(before);
  const b = splitLines(after);
  if (a.length !== b.length) return [{ span: { start: 0, end: before.length }, newText: after }];
  const edits: TextEdit[] = [];
  a.forEach((line, i) => {
    const other = b[i].text;
    if (line.text === other) return;
    let head = 0;
    const max = Math.min(line.text.length, other.length);
    while (head < max && line.text[head] === other[head]) head++;
    let tail = 0;
    while (tail < max - head && line.text[line.text.length - 1 - tail] === other[other.length - 1 - tail]) tail++;
    edits.push({
      span: { start: line.start + head, end: line.end - tail },
      newText: other.slice(head, other.length - tail),
    });
  });
  return edits;
}
