import { defineRule } from './types';
import { msg } from '../base/i18n';
import { proseFacts, type Percent } from '../analysis/prose/quantities';
import { tableQuantity } from '../analysis/prose/tableQuantities';

declare module './types' {
  interface RuleData {
    GK402: { written: string; expected: string; part: string; whole: string };
  }
}

/** `written` (scaled by 10^decimals) is `part / whole` to the precision written, rounded or truncated. */
export function percentFits(p: Pick<Percent, 'scaled' | 'decimals'>, part: bigint, whole: bigint): boolean {
  if (whole <= 0n) return false;
  const exact = part * 100n * 10n ** BigInt(p.decimals); // compared as exact / whole
  const diff = p.scaled * whole - exact;
  return (diff < 0n ? -diff : diff) < whole;
}

/** `part / whole` as a percentage with the given decimals, rounded half up. */
export function formatPercent(part: bigint, whole: bigint, decimals: number): string {
  const scale = 10n ** BigInt(decimals);
  const scaled = (part * 100n * scale * 2n + whole) / (2n * whole);
  const int = scaled / scale;
  const frac = (scaled % scale).toString().padStart(decimals, '0');
  return decimals > 0 ? `${int}.${frac}` : `${int}`;
}

/** Percentages of requests are shares of 收到 (new, or new + carried) or of 办结. */
const SHARE_OF = new Set(['received', 'natural', 'organisations', 'grantedPartial', 'granted', 'partial', 'withheld', 'unavailable', 'notProcessed', 'repeated', 'otherHandling', 'answered', 'forward']);

/**
 * The whole counts a percentage fits (`percentFits`), as an inclusive range: (s−1)·d < E < (s+1)·d
 * with s the written value scaled and E = part·100·10^decimals. `hi` undefined: no upper bound.
 */
export function fittingWholes(p: Pick<Percent, 'scaled' | 'decimals'>, part: bigint): { lo: bigint; hi?: bigint } {
  const e = part * 100n * 10n ** BigInt(p.decimals);
  const s = p.scaled;
  const lo = e / (s + 1n) + 1n; // d > E/(s+1)
  if (s <= 1n) return e === 0n && s === 1n ? { lo, hi: 0n } : { lo: lo < 1n ? 1n : lo };
  return { lo: lo < 1n ? 1n : lo, hi: (e + s - 2n) / (s - 1n) - 1n }; // d < E/(s−1)
}

/** First index of a sorted bigint array whose value is ≥ x. */
function lowerBound(sorted: readonly bigint[], x: bigint): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The candidate denominators, sorted, with where each stood in the list (the first listed wins a tie),
 * and a sparse table answering "the first listed among sorted[a..b]" in one step.
 */
class Denominators {
  readonly sorted: bigint[];
  private readonly order: number[];
  private readonly table: Int32Array[];

  constructor(readonly listed: readonly bigint[]) {
    const byValue = listed.map((d, i) => [d, i] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.sorted = byValue.map(([d]) => d);
    this.order = byValue.map(([, i]) => i);
    this.table = [Int32Array.from(this.order)];
    for (let k = 1; 1 << k <= this.order.length; k++) {
      const prev = this.table[k - 1];
      const row = new Int32Array(this.order.length - (1 << k) + 1);
      for (let i = 0; i < row.length; i++) row[i] = Math.min(prev[i], prev[i + (1 << (k - 1))]);
      this.table.push(row);
    }
  }

  /** Sorted indices [from, to) of the denominators a percentage fits. */
  fitting(p: Percent): [number, number] {
    const { lo, hi } = fittingWholes(p, p.of.value);
    const from = lowerBound(this.sorted, lo);
    const to = hi === undefined ? this.sorted.length : lowerBound(this.sorted, hi + 1n);
    return [from, Math.max(from, to)];
  }

  /** The position in the list of the first listed denominator among sorted indices [a, b). */
  firstListed(a: number, b: number): number {
    const k = 31 - Math.clz32(b - a);
    return Math.min(this.table[k][a], this.table[k][b - (1 << k)]);
  }
}

/**
 * The denominator most of a paragraph's percentages fit (the first listed on a tie), and how many fit
 * it: a sweep over the ranges each percentage fits, O(P log P).
 */
function mostFitted(denominators: Denominators, percents: readonly Percent[]): { best?: bigint; fits: number } {
  const events: [number, number][] = [];
  for (const p of percents) {
    const [from, to] = denominators.fitting(p);
    if (from < to) events.push([from, 1], [to, -1]);
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let count = 0;
  let fits = 0;
  let first = Infinity;
  for (let i = 0; i < events.length; ) {
    const at = events[i][0];
    while (i < events.length && events[i][0] === at) count += events[i++][1];
    const next = i < events.length ? events[i][0] : denominators.sorted.length;
    if (count === 0 || next <= at) continue;
    const listed = denominators.firstListed(at, next);
    if (count > fits || (count === fits && listed < first)) [fits, first] = [count, listed];
  }
  return fits > 0 ? { best: denominators.listed[first], fits } : { fits: 0 };
}

/** A percentage in the prose disagrees with the counts it describes. */
export default defineRule({
  meta: {
    id: 'GK402',
    name: 'narrative-percent',
    group: 'P',
    defaultSeverity: 'warning',
    description: msg(
      '正文中的百分比与其所述数量之比不符（按书写精度容许四舍五入）。',
      'A percentage in the prose disagrees with the counts it describes (rounding tolerated to the precision written).',
    ),
  },
  check(ctx) {
    const { model } = ctx;
    const facts = proseFacts(model);
    // Percentages of one paragraph share their denominator: the one most of them fit.
    const byParagraph = new Map<number, Percent[]>();
    let shared = false;
    for (const p of facts.percents) {
      if (!SHARE_OF.has(p.of.category)) continue;
      const list = byParagraph.get(p.sentence.paragraph);
      if (list) {
        list.push(p);
        shared = true;
      } else byParagraph.set(p.sentence.paragraph, [p]);
    }
    // Without two shares in a paragraph nothing is compared: the denominators are not worth reading.
    if (!shared) return;
    const listed = [
      ...(tableQuantity(model, 'received')?.candidates ?? []),
      ...(tableQuantity(model, 'answered')?.candidates ?? []),
      ...facts.quantities.filter((q) => q.category === 'received' || q.category === 'answered').map((q) => q.value),
    ];
    // Each denominator once, in the order first listed (a set: the list grows with the prose).
    const seen = new Set<bigint>();
    const denominators = new Denominators(listed.filter((d) => d > 0n && !seen.has(d) && seen.add(d)));
    for (const percents of byParagraph.values()) {
      if (percents.length < 2) continue;
      const { best, fits } = mostFitted(denominators, percents);
      if (best === undefined || fits < 2) continue;
      for (const p of percents) {
        const [from, to] = denominators.fitting(p);
        if (from < to) continue; // it fits some denominator
        const value = formatPercent(p.of.value, best, p.decimals);
        const written = model.text.slice(p.span.start, p.span.end);
        ctx.emit({
          span: p.span,
          message: msg(
            `正文写 ${written}%，按 ${p.of.value} ÷ ${best} 应为 ${value}%`,
            `The prose writes ${written}%; ${p.of.value} ÷ ${best} gives ${value}%`,
          ),
          related: [{ span: p.of.span, message: msg(`所述数量 ${p.of.value}`, `The count described: ${p.of.value}`) }],
          fixes: [
            {
              id: 'replace-percent',
              title: msg(`改为 ${value}`, `Replace with ${value}`),
              edits: [{ span: p.span, newText: value }],
              safe: false,
            },
          ],
          data: { written, expected: value, part: p.of.value.toString(), whole: best.toString() },
        });
      }
    }
  },
});
