// Recompute all totals: set every derived cell (a sum of other cells) to its sum, repeated until
// nothing changes, because a corrected subtotal can make a grand total wrong in turn.
import type { TextEdit } from '../base/types';
import type { Finding, Fix } from '../rules/types';
import type { ReportModel } from '../model/model';
import { parseReport } from '../parse/report';
import { runRules } from '../rules/engine';
import { derivedDepth } from '../spec/layout';
import { applyEdits } from './apply';
import { selectFixes } from './select';
import { splitLines } from '../base/text';

/** Passes before giving up; each pass settles one depth of totals. */
const MAX_PASSES = 12;

export interface RecomputeResult {
  /** The text with every total recomputed. */
  text: string;
  /** Minimal edits from the original text to `text` (one per changed line region). */
  edits: TextEdit[];
  /** Number of distinct cells rewritten. */
  changed: number;
}

/** The safe fix of a finding that sets a total to its sum (not a balance solved for one cell, which is not safe). */
function totalFix(finding: Finding): Fix | undefined {
  return finding.fixes.find((f) => f.total && f.safe);
}

/** How deep the total a fix sets sits among the sums of its table. */
function depthOf(model: ReportModel, fix: Fix): number {
  const target = fix.total!;
  const table = model.tables.find((t) => t.kind === target.table);
  return table ? derivedDepth(table.def, target.row, target.col) : 0;
}

/**
 * Totals settle inner to outer: each pass sets the shallowest wrong totals only (row totals before the
 * (七)总计 that adds them up), so a wrong cell fixed by its row total is not also "fixed" into a column
 * total in the same pass.
 */
export function recomputeTotals(original: string): RecomputeResult {
  let text = original;
  const cells = new Set<string>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const model = parseReport(text);
    const findings = runRules(model).findings;
    const depths = findings.flatMap((f) => {
      const fix = totalFix(f);
      return fix ? [depthOf(model, fix)] : [];
    });
    if (depths.length === 0) break;
    const depth = Math.min(...depths);
    const { fixed, edits } = selectFixes(findings, { includeTotals: true, accept: (fix) => fix.total !== undefined && depthOf(model, fix) === depth });
    for (const finding of fixed) {
      const target = totalFix(finding)!.total!;
      cells.add(`${target.table}:${target.row}:${target.col}`);
    }
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
