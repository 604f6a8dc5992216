// Linear in everything: the check's time and the memory its result keeps grow in proportion to the
// input, for a normal report and for texts heavy in prose counts and shares, in headings, in table rows.
// The figures are the benchmark's (`npm run bench -- linear`); here only growth, with generous bounds
// (a quadratic step shows as 16× for 4× the text, a linear one as 4×).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { check } from '../../server/src/core/service/check';
import { fittingWholes, percentFits } from '../../server/src/core/rules/gk402-narrative-percent';
import { generateShaped, type TextShape } from '../../scripts/gen-report';
import { cpuTime, retainedBy } from '../../scripts/measure';

const SHAPES: TextShape[] = ['normal', 'prose', 'headings', 'tables'];
const SMALL = 64 * 1024;

function medianTime(text: string, runs = 3): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(cpuTime(() => check(text)));
  return times.sort((a, b) => a - b)[runs >> 1];
}

describe('time grows in proportion to the text', () => {
  for (const shape of SHAPES) {
    test(`${shape}: 4× the text takes at most 6× the time`, () => {
      const small = generateShaped(shape, SMALL);
      const large = generateShaped(shape, 4 * SMALL);
      medianTime(small, 3); // warm-up
      const t1 = medianTime(small);
      const t4 = medianTime(large);
      // 100 ms absorb a collection or a neighbour's burst on a busy machine.
      assert.ok(t4 <= 6 * t1 + 100, `${t1.toFixed(0)} ms → ${t4.toFixed(0)} ms`);
    });
  }

  test('a paragraph of thousands of shares (GK402) and a text of bare 一、 headings stay linear', () => {
    const shares = (n: number) => `本年度共收到政府信息公开申请${n}件，其中予以公开${n >> 1}件，占50%，部分公开${n >> 2}件，占25%。`;
    const paragraph = (count: number) => `一、总体情况\n${Array.from({ length: count }, (_, i) => shares(100 + i)).join('')}\n`;
    const headings = (count: number) => '一、总体情况\n'.repeat(count);
    for (const [name, make, n] of [['shares', paragraph, 1500], ['headings', headings, 4000]] as const) {
      const t1 = medianTime(make(n));
      const t4 = medianTime(make(4 * n));
      assert.ok(t4 <= 6 * t1 + 100, `${name}: ${t1.toFixed(0)} ms → ${t4.toFixed(0)} ms`);
    }
  });
});

describe('memory the result keeps grows in proportion to the text', () => {
  for (const shape of SHAPES) {
    test(`${shape}: retained heap per input byte is bounded and does not grow with the text`, () => {
      const small = generateShaped(shape, SMALL);
      const large = generateShaped(shape, 4 * SMALL);
      // Five runs after one that fills the caches. A run can read low — a cache emptied while it ran frees
      // memory that counted before it — and hardly ever high: the small text’s most and the large text’s median are
      // compared, so growth with the text still fails and a low reading does not.
      const perByte = (text: string) => {
        check(text);
        return [0, 1, 2, 3, 4].map(() => retainedBy(() => check(text)) / Buffer.byteLength(text)).sort((a, b) => a - b);
      };
      const r1 = perByte(small)[4];
      const r4 = perByte(large)[2];
      assert.ok(r4 <= 40, `${r4.toFixed(1)} bytes kept per input byte`);
      assert.ok(r4 <= 2 * r1 + 5, `${r1.toFixed(1)} → ${r4.toFixed(1)} bytes per input byte`);
    });
  }
});

describe('GK402 finds the denominators a share fits by range, not by trying each', () => {
  test('the range of wholes agrees with percentFits', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 100_000n }), fc.nat(3), fc.bigInt({ min: 0n, max: 5000n }), fc.bigInt({ min: 1n, max: 20_000n }), (scaled, decimals, part, whole) => {
        const { lo, hi } = fittingWholes({ scaled, decimals }, part);
        const inRange = whole >= lo && (hi === undefined || whole <= hi);
        assert.equal(inRange, percentFits({ scaled, decimals }, part, whole), `${scaled}e-${decimals}% of ${whole} for ${part}`);
      }),
      { seed: 20261213, numRuns: 3000 },
    );
  });
});
