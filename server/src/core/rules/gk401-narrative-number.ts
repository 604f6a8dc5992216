import type { Localized } from '../base/types';
import type { RuleContext, RuleData } from './types';
import { defineRule } from './types';
import { msg } from '../base/i18n';
import { proseFacts, type Category, type Quantity } from '../analysis/prose/quantities';
import { includesCarried, scopeIsDoubtful } from '../analysis/prose/scope';
import { tableQuantity, type TableQuantity } from '../analysis/prose/tableQuantities';

declare module './types' {
  interface RuleData {
    GK401: { category: string; written: string; expected: string };
  }
}

/** How the prose names each quantity, for messages. */
const CATEGORY_NAMES: Record<Category, Localized> = {
  received: msg('收到申请', 'requests received'),
  carried: msg('上年结转', 'requests carried over from last year'),
  answered: msg('答复/办结', 'requests answered'),
  forward: msg('结转下年度', 'requests carried forward'),
  grantedPartial: msg('予以公开及部分公开', 'disclosed in full or in part'),
  granted: msg('予以公开', 'disclosed'),
  partial: msg('部分公开', 'partly disclosed'),
  withheld: msg('不予公开', 'withheld'),
  unavailable: msg('无法提供', 'not available'),
  notProcessed: msg('不予处理', 'not processed'),
  repeated: msg('重复申请', 'repeated requests'),
  notHeld: msg('本机关不掌握', 'not held by the agency'),
  otherHandling: msg('其他处理', 'handled otherwise'),
  natural: msg('自然人申请', 'requests from natural persons'),
  organisations: msg('法人或其他组织申请', 'requests from legal persons and organisations'),
  review: msg('行政复议', 'administrative reviews'),
  litigation: msg('行政诉讼', 'lawsuits'),
  upheld: msg('结果维持', 'upheld'),
  corrected: msg('结果纠正', 'corrected'),
  otherResult: msg('其他结果', 'other outcomes'),
  pending: msg('尚未审结', 'pending'),
};

/** Categories whose count the tables hold (outcomes of review and litigation are not told apart in prose). */
const COMPARED = new Set<Category>([
  'received', 'carried', 'answered', 'forward', 'grantedPartial', 'granted', 'partial', 'withheld',
  'unavailable', 'notProcessed', 'repeated', 'otherHandling', 'natural', 'organisations', 'review', 'litigation',
]);

/** The table quantity a prose number states, with any reading the prose's own words allow. */
function expectedFor(ctx: RuleContext, q: Quantity): TableQuantity | undefined {
  const carried = q.category === 'received' && includesCarried(q) ? 'with' : 'either';
  const found = tableQuantity(ctx.model, q.category, carried);
  if (!found || q.category !== 'unavailable' || !q.sentence.clauses[q.clauseIndex].text.includes('不掌握')) return found;
  // 因本机关不掌握等原因无法提供 N 件: N may be the 不掌握 row alone.
  const notHeld = tableQuantity(ctx.model, 'notHeld');
  return notHeld ? { ...found, candidates: [...found.candidates, ...notHeld.candidates] } : found;
}

/** A number in the prose that states a table quantity differs from the table. */
export default defineRule({
  meta: {
    id: 'GK401',
    name: 'narrative-number',
    group: 'P',
    defaultSeverity: 'warning',
    description: msg(
      '正文中陈述表格数量的数字（收到、答复、结转、各类办理结果、申请人类型、行政复议、行政诉讼件数）与表格不一致。',
      'A number in the prose that states a table quantity (received, answered, carried forward, each result, applicant kinds, reviews, lawsuits) differs from the table.',
    ),
  },
  check(ctx) {
    for (const q of proseFacts(ctx.model).quantities) {
      if (!COMPARED.has(q.category)) continue;
      const expected = expectedFor(ctx, q);
      if (!expected || expected.candidates.includes(q.value) || scopeIsDoubtful(ctx.model, q)) continue;
      report(ctx, q, expected);
    }
  },
});

/** The finding, apart from the loop (most quantities agree with the tables): its optimised code stays small. */
function report(ctx: RuleContext<RuleData['GK401']>, q: Quantity, expected: TableQuantity): void {
  const written = q.value.toString();
  const value = expected.candidates[0].toString();
  const name = CATEGORY_NAMES[q.category];
  const table = expected.table;
  ctx.emit({
    span: q.span,
    message: msg(
      `正文称${name['zh-cn']} ${written} 件，${table['zh-cn']}为 ${value} 件`,
      `The prose states ${written} ${name.en}; ${table.en} gives ${value}`,
    ),
    related: expected.cells.map((c) => ({
      span: c.span,
      message: msg(`${table['zh-cn']}“${c.name['zh-cn']}”`, `${table.en}: “${c.name.en}”`),
    })),
    fixes: [
      {
        id: 'replace-prose-number',
        title: msg(`改为表格数值 ${value}`, `Replace with the table value ${value}`),
        edits: [{ span: q.span, newText: value }],
        safe: false,
      },
    ],
    data: { category: q.category, written, expected: value },
  });
}
