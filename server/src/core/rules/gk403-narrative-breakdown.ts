import { defineRule } from './types';
import { msg } from '../base/i18n';
import { proseFacts, type Category, type Quantity } from '../analysis/prose/quantities';

declare module './types' {
  interface RuleData {
    GK403: { written: string; sum: string };
  }
}

/** Parts that together are the whole, by their own words: applicant kinds, outcomes, results. */
const EXHAUSTIVE: { of: Category[]; parts: Category[][] }[] = [
  { of: ['received'], parts: [['natural'], ['organisations']] },
  { of: ['review', 'litigation'], parts: [['upheld'], ['corrected'], ['otherResult'], ['pending']] },
  {
    of: ['received', 'answered'],
    parts: [['granted', 'partial'], ['withheld'], ['unavailable'], ['notProcessed'], ['otherHandling']],
  },
];

/** The most parts a set has. */
const MAX_PARTS = Math.max(...EXHAUSTIVE.map((set) => set.parts.flat().length));

/** Categories a part stands for (予以公开及部分公开 is two of them). */
const covers = (c: Category): Category[] => (c === 'grantedPartial' ? ['granted', 'partial'] : [c]);

/** The parts listed after `其中` that complete a set, or undefined. */
function breakdown(whole: Quantity, after: Quantity[]): Quantity[] | undefined {
  const clauses = whole.sentence.clauses;
  const next = after[0];
  if (!next) return undefined;
  const startsWithOf = (i: number) => clauses[i]?.text.trimStart().startsWith('其中');
  const sameClauseOf = next.clauseIndex === whole.clauseIndex && clauses[whole.clauseIndex].text.slice(whole.at, next.at).includes('其中');
  if (!sameClauseOf && !(next.clauseIndex === whole.clauseIndex + 1 && startsWithOf(next.clauseIndex))) return undefined;
  for (const set of EXHAUSTIVE) {
    if (!set.of.includes(whole.category)) continue;
    const wanted = set.parts.flat();
    const parts: Quantity[] = [];
    const seen = new Set<Category>();
    for (const q of after) {
      const names = covers(q.category);
      if (!names.every((c) => wanted.includes(c)) || names.some((c) => seen.has(c))) break;
      names.forEach((c) => seen.add(c));
      parts.push(q);
    }
    if (seen.size === wanted.length) return parts;
  }
  return undefined;
}

/** `N 件，其中 A 件、B 件…` where the parts are exhaustive by their own words and do not sum to N. */
export default defineRule({
  meta: {
    id: 'GK403',
    name: 'narrative-breakdown',
    group: 'P',
    defaultSeverity: 'info',
    description: msg(
      '正文“N件，其中A件、B件……”所列各项按其字面已涵盖全部，但合计不等于N。',
      '“N, of which A, B, …”: the parts cover the whole by their own words but do not add up to N.',
    ),
  },
  check(ctx) {
    // Quantities come in document order: those of one sentence are a run; a breakdown is short.
    const quantities = proseFacts(ctx.model).quantities;
    quantities.forEach((whole, i) => {
      let end = i + 1;
      while (end < quantities.length && end <= i + MAX_PARTS && quantities[end].sentence === whole.sentence) end++;
      const after = quantities.slice(i + 1, end);
      const parts = breakdown(whole, after);
      if (!parts) return;
      const total = parts.reduce((s, q) => s + q.value, 0n);
      if (total === whole.value) return;
      const last = parts[parts.length - 1];
      const listed = parts.map((q) => q.value.toString()).join(' + ');
      ctx.emit({
        span: { start: whole.span.start, end: last.span.end },
        message: msg(
          `正文总数 ${whole.value} 件，其中各项 ${listed} = ${total} 件`,
          `The prose gives ${whole.value} in all, but its parts ${listed} make ${total}`,
        ),
        data: { written: whole.value.toString(), sum: total.toString() },
      });
    });
  },
});
