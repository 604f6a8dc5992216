// Shared by the core tests: fixtures, running the checker, locating findings.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import assert from 'node:assert/strict';
import { check } from '../../server/src/core/service/check';
import { applyEdits } from '../../server/src/core/fixes/apply';
import { LineIndex } from '../../server/src/core/base/lineIndex';
import { isFindingOf, type Finding, type RuleId } from '../../server/src/core/rules/types';

export const fixtures = resolve(__dirname, '..', 'fixtures');
export const seedText = (name: string) => readFileSync(join(fixtures, 'seeds', name), 'utf8');
export const realText = (name: string) => readFileSync(join(fixtures, 'real', name), 'utf8');

export const SEEDS = {
  kunming2023: '000_62a988e64cb0ac5c.txt',
  kunmingBureau2019: '001_592af5ca0dea8887.txt',
  anning2022: '002_5d8db5c6007b71c2.txt',
  panlong2023: '003_5e8b3a9a41b72c94.txt',
  qilin2023: '004_726ada126d26dda0.txt',
} as const;

export function findings(text: string): Finding[] {
  return check(text).findings;
}

/** The findings of one rule, typed with that rule's data. */
export function ofRule<K extends RuleId>(text: string, rule: K): Extract<Finding, { ruleId: K }>[] {
  return findings(text).filter((f): f is Extract<Finding, { ruleId: K }> => isFindingOf(f, rule));
}

/** Findings of one rule among others, typed with that rule's data. */
export function only<K extends RuleId>(list: readonly Finding[], rule: K): Extract<Finding, { ruleId: K }>[] {
  return list.filter((f): f is Extract<Finding, { ruleId: K }> => isFindingOf(f, rule));
}

/** 1-based line of a finding. */
export function lineOf(text: string, f: Finding): number {
  return new LineIndex(text).positionAt(f.span.start).line + 1;
}

/** The finding's range as text. */
export function spanText(text: string, f: Finding): string {
  return text.slice(f.span.start, f.span.end);
}

/** Errors and warnings only (what "clean" is about). */
export function serious(list: Finding[]): Finding[] {
  return list.filter((f) => f.severity === 'error' || f.severity === 'warning');
}

/** Replaces exactly one occurrence, failing loudly if the fixture changed. */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  assert.ok(at >= 0, `fixture text not found: ${from}`);
  assert.equal(text.indexOf(from, at + 1), -1, `fixture text not unique: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/**
 * Applies a fix and checks that it removes its finding and edits nothing outside its edits' ranges.
 * Returns the fixed text.
 */
export function applyAndRecheck(text: string, finding: Finding, fixId?: string): string {
  const fix = fixId ? finding.fixes.find((f) => f.id === fixId) : finding.fixes[0];
  assert.ok(fix, `${finding.ruleId} offers ${fixId ?? 'a fix'}`);
  const fixed = applyEdits(text, fix.edits);
  const first = Math.min(...fix.edits.map((e) => e.span.start));
  const last = Math.max(...fix.edits.map((e) => e.span.end));
  assert.equal(fixed.slice(0, first), text.slice(0, first), 'text before the fix is unchanged');
  assert.equal(fixed.slice(fixed.length - (text.length - last)), text.slice(last), 'text after the fix is unchanged');
  const before = ofRule(text, finding.ruleId).length;
  const after = ofRule(fixed, finding.ruleId).length;
  assert.ok(after < before, `${finding.ruleId} fix "${fix.id}" removes its finding (${before} → ${after})`);
  return fixed;
}

/** The number cells of a text (digits between bars), as [start, end] offsets. */
export function numberCells(text: string): [number, number][] {
  const cells: [number, number][] = [];
  const re = /(?<=[|｜]\s*)\d+(?=\s*[|｜])/g;
  for (let m = re.exec(text); m; m = re.exec(text)) cells.push([m.index, m.index + m[0].length]);
  return cells;
}

/** `text` with the number cells chosen (by index, modulo their count) rewritten by their function. */
export function rewriteCells(text: string, changes: [number, (written: string) => string][]): string {
  const cells = numberCells(text);
  if (cells.length === 0) return text;
  const chosen = new Map<number, (n: string) => string>();
  for (const [at, change] of changes) chosen.set(at % cells.length, change);
  let out = '';
  let cursor = 0;
  [...chosen.keys()]
    .sort((a, b) => a - b)
    .forEach((k) => {
      const [start, end] = cells[k];
      out += text.slice(cursor, start) + chosen.get(k)!(text.slice(start, end));
      cursor = end;
    });
  return out + text.slice(cursor);
}

/** What a cell holds that is no number: blank, placeholders, text, a number with a stray space or zero-width space. */
export const UNREADABLE = ['', '—', '/', '无', 'x', '不详', '24 46', '24\u200b46', '٢٤'];
