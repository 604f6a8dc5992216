import type { Localized, Span } from '../base/types';
import { defineRule, type RuleContext, type RuleData } from './types';
import type { ReportModel } from '../model/model';
import { msg } from '../base/i18n';
import { DISCLOSURE_REQUESTS, OTHER_THINGS, includesAny, proseFacts, type Category } from '../analysis/prose/quantities';
import { type Sentence, sentenceSpan } from '../analysis/prose/sentences';
import { tableQuantity } from '../analysis/prose/tableQuantities';
import { sentenceScopeIsDoubtful } from '../analysis/prose/scope';

declare module './types' {
  interface RuleData {
    GK404: { categories: string[]; values: string[] } | { fee: true };
  }
}

interface Claim {
  /** The sentence says so. */
  says(s: Sentence): boolean;
  /** The quantities that must then be zero. */
  zero: Category[];
  claim: Localized;
}

const has = (s: Sentence, words: readonly string[]) => includesAny(s.text, words);
const hasCount = (s: Sentence) => /\d\s*[件起宗例]/.test(s.text);

/** In one clause, a denial word comes before a word naming what is denied (indexOf only: no backtracking on long text). */
function denies(s: Sentence, denials: string[], objects: string[]): boolean {
  // Clauses are pieces of the sentence: without both words in the sentence, no clause has them.
  if (!has(s, objects) || !has(s, denials)) return false;
  const clauses = s.clauses;
  for (let c = 0; c < clauses.length; c++) {
    const text = clauses[c].text;
    let last = -1;
    for (let i = 0; i < objects.length; i++) last = Math.max(last, text.lastIndexOf(objects[i]));
    if (last < 0) continue;
    for (let i = 0; i < denials.length; i++) {
      const at = text.indexOf(denials[i]);
      if (at >= 0 && at < last) return true;
    }
  }
  return false;
}

/** 复议/诉讼 named, but about corrections or lost cases, not the cases themselves. */
const OUTCOME_WORDS = ['纠错', '纠正', '败诉', '撤销', '确认违法', '被诉'];
const NO_REQUESTS = ['未收到', '没有收到', '未接到', '未受理'];
/** `无` only right before the request: `无政府信息公开申请`. */
const NO_REQUESTS_EXACT = ['无政府信息公开申请', '无信息公开申请', '无依申请公开申请', '无依申请', '无申请'];
const REVIEW_OR_LAWSUIT = ['行政复议', '行政诉讼'];
const NO_CASES = ['未发生', '未引起', '未产生', '没有发生', '未涉及', '未收到', '无'];
// The word lists of the claims below, built once (not an array, or a spread, per sentence asked).
const REQUEST = ['申请'];
/** A sentence about reviews, lawsuits or fees says nothing of requests received. */
const NOT_REQUESTS = ['复议', '诉讼', '费'];
const ALL_COMPLETED = ['全部办结', '均已办结', '全部办理完', '均已办理完', '均已按要求办理完', '均已办理完成', '全部答复完毕'];
/** Words that make `全部办结` about part of the requests, or about something else. */
const NOT_ALL_REQUESTS = ['除', '结转下', '转下一', '顺延', ...OTHER_THINGS];

const CLAIMS: Claim[] = [
  {
    // The word searches that rule out most sentences come first; the count pattern last.
    says: (s) =>
      has(s, DISCLOSURE_REQUESTS) && !has(s, NOT_REQUESTS) && !hasCount(s) &&
      (denies(s, NO_REQUESTS, REQUEST) || has(s, NO_REQUESTS_EXACT)),
    zero: ['received'],
    claim: msg('正文称未收到申请', 'The prose says no request was received'),
  },
  {
    says: (s) => has(s, REQUEST) && has(s, ALL_COMPLETED) && !has(s, NOT_ALL_REQUESTS),
    zero: ['forward'],
    claim: msg('正文称申请已全部办结', 'The prose says every request was completed'),
  },
  {
    says: (s) => has(s, REVIEW_OR_LAWSUIT) && !has(s, OUTCOME_WORDS) && !hasCount(s) && denies(s, NO_CASES, REVIEW_OR_LAWSUIT),
    zero: ['review', 'litigation'],
    claim: msg('正文称无行政复议、行政诉讼', 'The prose says there was no review or lawsuit'),
  },
];

/** The tables' non-zero counts among the given categories. */
function nonZero(model: ReportModel, categories: Category[]): { category: Category; value: bigint; cell?: Span }[] {
  return categories.flatMap((category) => {
    const found = tableQuantity(model, category);
    // Every reading of the table must be non-zero: a blank or doubtful total proves nothing.
    if (!found || found.candidates.some((v) => v === 0n)) return [];
    return [{ category, value: found.candidates[0], cell: found.cells[0]?.span }];
  });
}

const TABLE_WORDS: Record<string, Localized> = {
  received: msg('本年新收申请', 'new requests'),
  forward: msg('结转下年度继续办理', 'requests carried forward'),
  review: msg('行政复议', 'administrative reviews'),
  litigation: msg('行政诉讼', 'lawsuits'),
};

/** `未收到…申请` with 本年新收 > 0; `全部办结` with 结转 > 0; `无…行政复议` with table 四 > 0; fees both denied and stated. */
export default defineRule({
  meta: {
    id: 'GK404',
    name: 'narrative-contradiction',
    group: 'P',
    defaultSeverity: 'warning',
    description: msg(
      '正文所述与表格相矛盾：称未收到申请而本年新收大于0，称全部办结而有结转，称无行政复议、行政诉讼而表四不为0，称未收取信息处理费却又写明收费金额。',
      'The prose claims what the tables deny: no requests while some were received, all completed while some are carried forward, no review or lawsuit while table 4 has some, no fee while an amount is stated.',
    ),
  },
  check(ctx) {
    const { model } = ctx;
    const sentences = proseFacts(model).sentences;
    for (let i = 0; i < sentences.length; i++) {
      const sentence = sentences[i];
      for (let c = 0; c < CLAIMS.length; c++) {
        const claim = CLAIMS[c];
        if (!claim.says(sentence) || sentenceScopeIsDoubtful(model, sentence)) continue;
        const denied = nonZero(model, claim.zero);
        if (denied.length === 0) continue;
        report(ctx, sentence, claim, denied);
      }
    }
    feeContradiction(ctx.model, sentences, ctx.emit.bind(ctx));
  },
});

/** `未收取信息处理费` while part 六 also states an amount charged. */
function feeContradiction(model: ReportModel, sentences: Sentence[], emit: RuleContext<RuleData['GK404']>['emit']): void {
  const part = model.parts.find((p) => p.index === 6);
  if (!part) return;
  const inPart = sentences.filter((s) => s.start >= part.body.start && s.start < part.body.end);
  const denial = inPart.find((s) => denies(s, ['未收取', '未收'], ['费']));
  const charged = inPart.find((s) => s !== denial && !has(s, ['未收']) && has(s, ['收取']) && /[1-9]\d*(\.\d+)?\s*(万元|元)/.test(s.text));
  if (!denial || !charged) return;
  emit({
    span: sentenceSpan(denial),
    message: msg('正文称未收取信息处理费，但第六部分又写明了收费金额', 'The prose says no fee was charged, but part 6 states an amount charged'),
    related: [{ span: sentenceSpan(charged), message: msg('写明收费金额的句子', 'The sentence stating the amount') }],
    data: { fee: true },
  });
}

/** The finding, apart from the loop (most sentences claim nothing the tables deny): its optimised code stays small. */
function report(ctx: RuleContext<RuleData['GK404']>, sentence: Sentence, claim: Claim, denied: ReturnType<typeof nonZero>): void {
  const facts = denied.map((d) => ({ ...d, name: TABLE_WORDS[d.category] }));
  const zh = facts.map((f) => `${f.name['zh-cn']}为 ${f.value}`).join('，');
  const en = facts.map((f) => `${f.name.en}: ${f.value}`).join(', ');
  ctx.emit({
    span: sentenceSpan(sentence),
    message: msg(`${claim.claim['zh-cn']}，但表格中${zh}`, `${claim.claim.en}, but the tables give ${en}`),
    related: facts.flatMap((f) => (f.cell ? [{ span: f.cell, message: f.name }] : [])),
    data: { categories: denied.map((d) => d.category), values: denied.map((d) => d.value.toString()) },
  });
}
