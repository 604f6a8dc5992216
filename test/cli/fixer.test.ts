// --fix logic (server/src/cli/fixer.ts) against a small fake checker, independent of the real rules.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fixText, MAX_PASSES } from '../../server/src/core/fixes/fixText';
import { selectFixes } from '../../server/src/core/fixes/select';
import { msg } from '../../server/src/core/base/i18n';
import type { Span } from '../../server/src/core/base/types';
import type { Finding, Fix } from '../../server/src/core/rules/types';

/** A finding of a made-up rule (no registered id, hence the cast). */
function finding(ruleId: string, span: Span, fixes: Fix[]): Finding {
  return { ruleId, severity: 'error', span, message: msg('测试', 'test'), related: [], fixes, data: {} } as unknown as Finding;
}

function setFix(span: Span, newText: string, safe = true): Fix {
  return { id: 'set', title: msg('设为', 'set'), edits: [{ span, newText }], safe, total: { table: 'requests', row: 'r', col: 'c' } };
}

/**
 * A toy report: lines `a + b = c`, then a last line `sum = s` where s must be the sum of the c's.
 * SUM-ROW: c ≠ a + b (safe fix: set c). SUM-ALL: s ≠ Σc (safe fix: set s to the Σ of the c's as written).
 */
function toyCheck(text: string, options: { rowFixSafe?: boolean; brokenFix?: boolean } = {}) {
  const findings: Finding[] = [];
  let offset = 0;
  let sumOfC = 0;
  for (const line of text.split('\n')) {
    const row = /^(\d+) \+ (\d+) = (\d+)$/.exec(line);
    const total = /^sum = (\d+)$/.exec(line);
    if (row) {
      const [a, b, c] = row.slice(1).map(Number);
      sumOfC += c;
      const span = { start: offset + line.lastIndexOf(' ') + 1, end: offset + line.length };
      const value = options.brokenFix ? String(a + b + 1) : String(a + b);
      if (a + b !== c) findings.push(finding('SUM-ROW', span, [setFix(span, value, options.rowFixSafe ?? true)]));
    } else if (total && Number(total[1]) !== sumOfC) {
      const span = { start: offset + 'sum = '.length, end: offset + line.length };
      findings.push(finding('SUM-ALL', span, [setFix(span, String(sumOfC))]));
    }
    offset += line.length + 1;
  }
  return { findings };
}

describe('fixText', () => {
  test('applies a safe fix and reports what it fixed', () => {
    const outcome = fixText('1 + 2 = 4\n5 + 5 = 10', (t) => toyCheck(t));
    assert.equal(outcome.status, 'fixed');
    assert.equal(outcome.text, '1 + 2 = 3\n5 + 5 = 10');
    assert.deepEqual(outcome.findings, []);
    if (outcome.status === 'fixed') assert.deepEqual(outcome.fixed.map((f) => f.ruleId), ['SUM-ROW']);
  });

  test('leaves the text alone when there is nothing to fix', () => {
    const outcome = fixText('1 + 2 = 3', (t) => toyCheck(t));
    assert.equal(outcome.status, 'nothing');
    assert.equal(outcome.text, '1 + 2 = 3');
  });

  test('does not apply a fix that is not safe', () => {
    const outcome = fixText('1 + 2 = 4', (t) => toyCheck(t, { rowFixSafe: false }));
    assert.equal(outcome.status, 'nothing');
    assert.equal(outcome.text, '1 + 2 = 4');
    assert.equal(outcome.findings.length, 1);
  });

  test('rejects fixes after which the re-check still finds the problem', () => {
    // The broken fix writes 4 where 3 is due: it changes the text, yet the row is still wrong.
    const outcome = fixText('1 + 2 = 5', (t) => toyCheck(t, { brokenFix: true }));
    assert.equal(outcome.status, 'rejected');
    assert.equal(outcome.text, '1 + 2 = 5', 'the original text is kept');
    if (outcome.status === 'rejected') assert.deepEqual([...outcome.stillThere], [['SUM-ROW', 1]]);
  });

  test('repeats passes until dependent totals settle', () => {
    // Pass 1 sets the row to 3 and the sum to 4 + 10 = 14 (the wrong row as written); pass 2 sets the sum to 13.
    const outcome = fixText('1 + 2 = 4\n5 + 5 = 10\nsum = 99', (t) => toyCheck(t));
    assert.equal(outcome.status, 'fixed');
    assert.equal(outcome.text, '1 + 2 = 3\n5 + 5 = 10\nsum = 13');
    assert.deepEqual(outcome.findings, []);
  });

  test('gives up, unchanged, when fixes never settle', () => {
    // A checker whose fix always appends: the text keeps changing.
    let calls = 0;
    const restless = (text: string) => {
      calls++;
      const span = { start: text.length, end: text.length };
      return { findings: [finding('MORE', span, [setFix(span, 'x')])] };
    };
    const outcome = fixText('a', restless);
    assert.equal(outcome.status, 'rejected');
    assert.equal(outcome.text, 'a');
    if (outcome.status === 'rejected') assert.equal(outcome.converged, false);
    assert.ok(calls <= MAX_PASSES + 2, `bounded work (${calls} checks)`);
  });
});

describe('selectFixes', () => {
  test('takes each finding whole or not at all when edits overlap', () => {
    const a = finding('A', { start: 0, end: 3 }, [setFix({ start: 0, end: 3 }, 'x')]);
    const b = finding('B', { start: 2, end: 5 }, [setFix({ start: 2, end: 5 }, 'y')]);
    const c = finding('C', { start: 6, end: 7 }, [setFix({ start: 6, end: 7 }, 'z')]);
    const same = finding('D', { start: 0, end: 3 }, [setFix({ start: 0, end: 3 }, 'x')]);
    const { fixed, edits } = selectFixes([a, b, c, same], { includeTotals: true });
    assert.deepEqual(fixed.map((f) => f.ruleId), ['A', 'C', 'D']);
    assert.equal(edits.length, 2, 'the identical edit of D is applied once');
  });
});
