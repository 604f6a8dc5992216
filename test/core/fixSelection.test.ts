// The one fix-selection path (CLI --fix, fix-all, recompute-all): never two edits on overlapping
// ranges, never two different texts for one place — over whole classes of mutated reports, and in the
// case that once broke fix-all: a full-width total that is also wrong (GK207 and GK301 on one cell).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, check, fixText, recomputeTotals, selectFixes, type TextEdit } from '../../server/src/core';
import { SEEDS, replaceOnce, seedText } from './helpers';

const FC = { seed: 20261201, endOnFailure: true } as const;

const FULL_WIDTH = '０１２３４５６７８９';

/** Ways a number cell is written wrong: other digits, full width, separators, leading zeros, text, nothing. */
const mutation = fc.oneof(
  fc.constant((n: string) => [...n].map((d) => FULL_WIDTH[Number(d)] ?? d).join('')),
  fc.constant((n: string) => n.slice(0, -1) + FULL_WIDTH[Number(n.at(-1))] ),
  fc.constant((n: string) => String(Number(n) + 1)),
  fc.constant((n: string) => `${FULL_WIDTH[1]}${n}`),
  fc.constant((n: string) => `0${n}`),
  fc.constant((n: string) => (Number(n) >= 1000 ? Number(n).toLocaleString('en-US') : `1,${n.padStart(3, '0')}`)),
  fc.constant(() => ''),
  fc.constant(() => '—'),
  fc.constant(() => '无'),
  fc.constant((n: string) => `${n}.5`),
);

/** The number cells of a text (digits between bars), as [start, end] offsets. */
function numberCells(text: string): [number, number][] {
  const cells: [number, number][] = [];
  const re = /(?<=[|｜]\s*)\d+(?=\s*[|｜])/g;
  for (let m = re.exec(text); m; m = re.exec(text)) cells.push([m.index, m.index + m[0].length]);
  return cells;
}

/** The seeds that have tables to mutate. */
const seeds = Object.values(SEEDS).map(seedText).filter((text) => numberCells(text).length > 0);

/** A seed with some of its number cells rewritten. */
const mutatedSeed = fc
  .tuple(fc.nat(seeds.length - 1), fc.array(fc.tuple(fc.nat({ max: 100_000 }), mutation), { minLength: 1, maxLength: 10 }))
  .map(([i, changes]) => {
    const text = seeds[i];
    const cells = numberCells(text);
    const chosen = new Map<number, (n: string) => string>();
    for (const [at, change] of changes) chosen.set(at % cells.length, change);
    let out = '';
    let cursor = 0;
    [...chosen.keys()].sort((a, b) => a - b).forEach((k) => {
      const [start, end] = cells[k];
      out += text.slice(cursor, start) + chosen.get(k)!(text.slice(start, end));
      cursor = end;
    });
    return out + text.slice(cursor);
  });

function assertNoClash(edits: readonly TextEdit[]): void {
  for (let i = 0; i < edits.length; i++) {
    for (let j = i + 1; j < edits.length; j++) {
      // Checked here independently of the selection's own test: ranges that overlap, or one place twice.
      const [a, b] = [edits[i], edits[j]];
      assert.ok(!(a.span.start < b.span.end && b.span.start < a.span.end), `edits overlap: ${JSON.stringify(a)} / ${JSON.stringify(b)}`);
      const same = edits[i].span.start === edits[j].span.start && edits[i].span.end === edits[j].span.end;
      assert.ok(!same, 'one place is edited once');
    }
  }
}

describe('one fix-selection path', () => {
  test('a full-width wrong total (４8 for 47): GK207 and GK301 both offer a safe edit of the cell; one is chosen', () => {
    const seed = seedText(SEEDS.kunming2023);
    const row = '二、上年结转政府信息公开申请数量 | 47 | 0 | 0 | 0 | 0 | 0 | 47 |';
    const text = replaceOnce(seed, row, '二、上年结转政府信息公开申请数量 | 47 | 0 | 0 | 0 | 0 | 0 | ４8 |');
    const { findings } = check(text);
    const onCell = findings.filter((f) => text.slice(f.span.start, f.span.end) === '４8');
    assert.deepEqual(onCell.map((f) => f.ruleId).sort(), ['GK207', 'GK301']);
    assert.ok(onCell.every((f) => f.fixes.some((x) => x.safe)));
    const { edits } = selectFixes(findings, { includeTotals: true });
    assertNoClash(edits);
    assert.equal(edits.filter((e) => text.slice(e.span.start, e.span.end) === '４8').length, 1, 'the cell gets one edit');
    // Pass after pass, the CLI's loop settles on the right value (totals only when asked: --fix-totals).
    const outcome = fixText(text, check, undefined, { includeTotals: true });
    assert.equal(outcome.status, 'fixed');
    assert.ok(outcome.text.includes(row), 'the total is 47 again, in half-width digits');
  });

  test('over mutated seeds: fix-all (with and without totals) and the CLI loop never clash, and applying is exact', () => {
    fc.assert(
      fc.property(mutatedSeed, fc.boolean(), (text, includeTotals) => {
        const { findings } = check(text);
        const { edits, fixed } = selectFixes(findings, { includeTotals });
        assertNoClash(edits);
        // Every chosen fix is applied whole: its edits are all among the selection.
        for (const f of fixed) {
          const fix = f.fixes.find((x) => x.safe && (includeTotals || !x.total))!;
          for (const e of fix.edits) assert.ok(edits.some((s) => s.span.start === e.span.start && s.span.end === e.span.end && s.newText === e.newText));
        }
        // Non-clashing edits give the same text whatever order they are applied in.
        assert.equal(applyEdits(text, edits), applyEdits(text, [...edits].reverse()));
      }),
      { ...FC, numRuns: 200 },
    );
  });

  test('recompute-all over mutated seeds: its edits never clash and reach its own result', () => {
    fc.assert(
      fc.property(mutatedSeed, (text) => {
        const result = recomputeTotals(text);
        assertNoClash(result.edits);
        assert.equal(applyEdits(text, result.edits), result.text);
      }),
      { ...FC, numRuns: 60 },
    );
  });
});
