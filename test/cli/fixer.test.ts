// --fix logic (core fixes/fixText.ts, the CLI's --fix) against a small fake checker, independent of the real rules.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fixText, mapSpan, MAX_PASSES } from '../../server/src/core/fixes/fixText';
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

/** The policy of --fix-totals: totals are rewritten too. */
const TOTALS = { includeTotals: true } as const;

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
    const outcome = fixText('1 + 2 = 4\n5 + 5 = 10', (t) => toyCheck(t), undefined, TOTALS);
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
    const outcome = fixText('1 + 2 = 4', (t) => toyCheck(t, { rowFixSafe: false }), undefined, TOTALS);
    assert.equal(outcome.status, 'nothing');
    assert.equal(outcome.text, '1 + 2 = 4');
    assert.equal(outcome.findings.length, 1);
  });

  test('rejects fixes after which the re-check still finds the problem', () => {
    // The broken fix writes 4 where 3 is due: it changes the text, yet the row is still wrong.
    const outcome = fixText('1 + 2 = 5', (t) => toyCheck(t, { brokenFix: true }), undefined, TOTALS);
    assert.equal(outcome.status, 'rejected');
    assert.equal(outcome.text, '1 + 2 = 5', 'the original text is kept');
    if (outcome.status === 'rejected') assert.deepEqual([...outcome.stillThere], [['SUM-ROW', 1]]);
  });

  test('repeats passes until dependent totals settle', () => {
    // Pass 1 sets the row to 3 and the sum to 4 + 10 = 14 (the wrong row as written); pass 2 sets the sum to 13.
    const outcome = fixText('1 + 2 = 4\n5 + 5 = 10\nsum = 99', (t) => toyCheck(t), undefined, TOTALS);
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
    const outcome = fixText('a', restless, undefined, TOTALS);
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

describe('fixText: nothing gets worse, totals only when asked', () => {
  test('totals are rewritten only when the caller asks: the default policy leaves them', () => {
    const outcome = fixText('1 + 2 = 4', (t) => toyCheck(t));
    assert.equal(outcome.status, 'nothing');
    assert.equal(outcome.text, '1 + 2 = 4');
  });

  /** The toy checker plus FIRST-OK: a note on the first row that adds up (a rule that moves when a row is fixed). */
  function withFirstOk(text: string) {
    const { findings } = toyCheck(text);
    let offset = 0;
    for (const line of text.split('\n')) {
      const row = /^(\d+) \+ (\d+) = (\d+)$/.exec(line);
      if (row && Number(row[1]) + Number(row[2]) === Number(row[3])) {
        findings.push(finding('FIRST-OK', { start: offset, end: offset + line.length }, []));
        break;
      }
      offset += line.length + 1;
    }
    return { findings };
  }

  test('rejects fixes after which another rule fires that did not before', () => {
    // Fixing the only row makes FIRST-OK appear: a new finding, so nothing is written.
    const outcome = fixText('1 + 2 = 4', withFirstOk, undefined, TOTALS);
    assert.equal(outcome.status, 'rejected');
    assert.equal(outcome.text, '1 + 2 = 4');
    if (outcome.status === 'rejected') {
      assert.deepEqual([...outcome.stillThere], [['FIRST-OK', 1]]);
      assert.deepEqual(outcome.introduced.map((f) => f.ruleId), ['FIRST-OK']);
      assert.match(outcome.reason['zh-cn'], /新的或更多的问题（FIRST-OK ×1）/);
      assert.match(outcome.reason.en, /new or more problems \(FIRST-OK ×1\)/);
    }
  });

  test('rejects a finding that moved to a new place even when its rule is no more frequent', () => {
    // Before: FIRST-OK on the second row. After fixing the first row it stands on the first: same count, new place.
    const outcome = fixText('1 + 2 = 4\n2 + 2 = 4', withFirstOk, undefined, TOTALS);
    assert.equal(outcome.status, 'rejected');
    if (outcome.status === 'rejected') assert.deepEqual(outcome.introduced.map((f) => [f.ruleId, f.span.start]), [['FIRST-OK', 0]]);
  });

  test('a rejection for fixes that never settle says so', () => {
    const restless = (text: string) => {
      const span = { start: text.length, end: text.length };
      return { findings: [finding('MORE', span, [setFix(span, 'x')])] };
    };
    const outcome = fixText('a', restless, undefined, TOTALS);
    assert.equal(outcome.status, 'rejected');
    if (outcome.status === 'rejected') assert.match(outcome.reason.en, /did not settle/);
  });
});

describe('mapSpan: a finding’s place carried through edits', () => {
  const edit = (start: number, end: number, newText: string) => ({ span: { start, end }, newText });
  test('edits before move it, edits after do not, a replaced span becomes the replacement', () => {
    assert.deepEqual(mapSpan({ start: 10, end: 12 }, [edit(0, 2, 'abcd')]), { start: 12, end: 14 });
    assert.deepEqual(mapSpan({ start: 10, end: 12 }, [edit(20, 22, 'abcd')]), { start: 10, end: 12 });
    assert.deepEqual(mapSpan({ start: 10, end: 14 }, [edit(10, 14, '7')]), { start: 10, end: 11 });
    assert.deepEqual(mapSpan({ start: 8, end: 20 }, [edit(10, 14, '7')]), { start: 8, end: 17 }, 'a row span over an edited cell');
  });
  test('an insertion at a span’s start moves it; one at its end does not extend it', () => {
    assert.deepEqual(mapSpan({ start: 10, end: 12 }, [edit(10, 10, 'xx')]), { start: 12, end: 14 });
    assert.deepEqual(mapSpan({ start: 10, end: 12 }, [edit(12, 12, 'xx')]), { start: 10, end: 12 });
    assert.deepEqual(mapSpan({ start: 10, end: 12 }, [edit(12, 13, 'xx')]), { start: 10, end: 12 }, 'a span ending where a replacement begins');
  });
});
