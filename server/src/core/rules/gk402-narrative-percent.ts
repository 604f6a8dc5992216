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
    const denominators = [
      ...(tableQuantity(model, 'received')?.candidates ?? []),
      ...(tableQuantity(model, 'answered')?.candidates ?? []),
      ...facts.quantities.filter((q) => q.category === 'received' || q.category === 'answered').map((q) => q.value),
    ].filter((d, i, all) => d > 0n && all.indexOf(d) === i);
    // Percentages of one paragraph share their denominator: the one most of them fit.
    const byParagraph = new Map<number, Percent[]>();
    for (const p of facts.percents) {
      if (!SHARE_OF.has(p.of.category)) continue;
      byParagraph.set(p.sentence.paragraph, [...(byParagraph.get(p.sentence.paragraph) ?? []), p]);
    }
    for (const percents of byParagraph.values()) {
      if (percents.length < 2) continue;
      let best: bigint | undefined;
      let bestFits = 0;
      for (const d of denominators) {
        const fits = percents.filter((p) => percentFits(p, p.of.value, d)).length;
        if (fits > bestFits) [best, bestFits] = [d, fits];
      }
      if (best === undefined || bestFits < 2) continue;
      for (const p of percents) {
        if (denominators.some((d) => percentFits(p, p.of.value, d))) continue;
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
