// The quantities prose states: `收到申请 2717 件`, `66件结转`, `行政复议 77 件`, `占30%`, each with
// the table quantity it names (its category) and the scope words around it.
import type { ReportModel } from '../../model/model';
import type { Span } from '../../base/types';
import { type Clause, type Sentence, forgetSentences, sentencesOf, spanOf } from './sentences';

export type Category =
  | 'received'
  | 'carried'
  | 'answered'
  | 'forward'
  | 'grantedPartial'
  | 'granted'
  | 'partial'
  | 'withheld'
  | 'unavailable'
  | 'notProcessed'
  | 'repeated'
  /** 1.本机关不掌握相关政府信息 alone: named by no keyword, offered when the prose says 不掌握. */
  | 'notHeld'
  | 'otherHandling'
  | 'natural'
  | 'organisations'
  | 'review'
  | 'litigation'
  | 'upheld'
  | 'corrected'
  | 'otherResult'
  | 'pending';

/** Keywords of each category, in priority order: the first category found in the words before a number wins. */
const KEYWORDS: [Category, string[]][] = [
  ['review', ['行政复议', '复议']],
  ['litigation', ['行政诉讼', '诉讼']],
  ['carried', ['上年结转', '上年度结转', '上一年度结转', '上一年结转', '上年转结']],
  ['forward', ['结转下', '转下一年', '转下年', '结转至下', '顺延到下', '顺延至下', '结转']],
  ['grantedPartial', ['予以公开及部分公开', '予以公开和部分公开', '公开及部分公开', '公开和部分公开']],
  ['partial', ['部分公开', '区分处理']],
  ['withheld', ['不予公开']],
  ['unavailable', ['无法提供']],
  ['notProcessed', ['不予处理']],
  ['repeated', ['重复申请']],
  ['otherHandling', ['其他处理']],
  ['granted', ['予以公开', '同意公开', '全部公开']],
  ['upheld', ['结果维持', '维持']],
  ['corrected', ['结果纠正', '纠正', '纠错']],
  ['otherResult', ['其他结果']],
  ['pending', ['尚未审结', '未审结', '正在审理', '审理中']],
  ['answered', ['办结', '答复', '办理完成', '办理完毕', '共办理']],
  ['received', ['收到', '受理', '新收', '接收', '共收']],
  ['natural', ['自然人', '个人申请', '公民申请']],
  ['organisations', ['法人或其他组织', '法人和其他组织', '法人及其他组织']],
];

/** Counts of other things than requests (suggestions, messages, cases…). */
export const OTHER_THINGS = ['留言', '建议', '提案', '来信', '信件', '咨询', '热线', '诉求', '舆情', '案件', '事项'];

/** Categories that need `申请` nearby, or the number right after the verb, to count requests. */
const NEEDS_REQUEST = new Set<Category>(['received', 'answered']);
/** Words saying the text is about disclosure requests (not licences, suggestions or proactive disclosure). */
export const DISCLOSURE_REQUESTS = ['信息公开', '依申请', '申请公开', '公开申请'];
const aboutRequests = (text: string) => includesAny(text, DISCLOSURE_REQUESTS);

/** Whether the text holds any of the words (a loop: no closure per call). */
export function includesAny(text: string, words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) if (text.includes(words[i])) return true;
  return false;
}

export interface Quantity {
  category: Category;
  /** Integer value as written. */
  value: bigint;
  /** The digits. */
  span: Span;
  sentence: Sentence;
  clauseIndex: number;
  /** Position of the digits inside the clause. */
  at: number;
  /** No other count follows in the clause. */
  lastInClause: boolean;
}

export interface Percent {
  /** Written value scaled by 10^decimals. */
  scaled: bigint;
  decimals: number;
  /** The digits (without %). */
  span: Span;
  sentence: Sentence;
  /** The count the percentage is a share of (the last count before it in the sentence). */
  of: Quantity;
}

export interface ProseFacts {
  sentences: Sentence[];
  quantities: Quantity[];
  percents: Percent[];
}

// Character codes, not `text[i]`: a one-character string of Chinese text is a new allocation each time.
/** 件 起 宗 例. */
const isCountUnit = (code: number) => code === 0x4ef6 || code === 0x8d77 || code === 0x5b97 || code === 0x4f8b;
const isLatinLetter = (code: number) => (code | 0x20) >= 97 && (code | 0x20) <= 122;
const DOT = 46;
const SPACE = 32;
const PERCENT = 37;

interface NumberToken {
  from: number;
  to: number;
  /** Index just past the unit. */
  unitEnd: number;
  kind: 'count' | 'percent';
  digits: string;
}

/** Runs of digits with dots between digits (`2717`, `41.7`): the regex finds the next one natively. */
const DIGITS = /\d(?:\d|\.(?=\d))*/g;

/** Numbers of a clause followed by a count unit or %. */
function numberTokens(c: Clause): NumberToken[] {
  const out: NumberToken[] = [];
  const t = c.text;
  DIGITS.lastIndex = 0;
  for (let m = DIGITS.exec(t); m !== null; m = DIGITS.exec(t)) {
    const i = m.index;
    const j = i + m[0].length;
    // A number right after a dot or a Latin letter (`.4件`, `A7件`) is no count; the whole run is skipped.
    // Never read past either end (-1 there): an out-of-bounds read throws the optimised loop away.
    const previous = i > 0 ? t.charCodeAt(i - 1) : -1;
    if (previous === DOT || isLatinLetter(previous)) continue;
    let k = j;
    while (k < t.length && t.charCodeAt(k) === SPACE) k++;
    const digits = m[0];
    const unit = k < t.length ? t.charCodeAt(k) : -1;
    if (unit === PERCENT) out.push({ from: i, to: j, unitEnd: k + 1, kind: 'percent', digits });
    else if (isCountUnit(unit) && !digits.includes('.')) out.push({ from: i, to: j, unitEnd: k + 1, kind: 'count', digits });
  }
  return out;
}

/** The highest-priority category named in a piece of text. */
function categoryIn(text: string): Category | undefined {
  // Index loops, no destructuring: unoptimised, each `[category, words]` ran the iterator protocol.
  for (let i = 0; i < KEYWORDS.length; i++) if (includesAny(text, KEYWORDS[i][1])) return KEYWORDS[i][0];
  return undefined;
}

const RECEIVED_WORDS = KEYWORDS.find(([c]) => c === 'received')![1];

/** The words end with a keyword, blanks left out: the number comes right after the verb. */
function endsWithKeyword(words: string): boolean {
  const compact = words.replace(/\s/g, '');
  for (let i = 0; i < KEYWORDS.length; i++) {
    const keywords = KEYWORDS[i][1];
    for (let k = 0; k < keywords.length; k++) if (compact.endsWith(keywords[k])) return true;
  }
  return false;
}

/** What is known of the sentence and clause, computed once for all their numbers. */
interface Context {
  sentenceAboutRequests: boolean;
  clauseNamesRequests: boolean;
}

/**
 * The category named in `words` counts what the number counts. `adjacent`: the number comes right after
 * the keyword; undefined for the words before the number, worked out from them only when it matters.
 */
function stands(context: Context, category: Category, words: string, adjacent: boolean | undefined): boolean {
  // 受理并办结 N 件: which one is counted is unclear.
  if (category === 'answered' && includesAny(words, RECEIVED_WORDS)) return false;
  if (!NEEDS_REQUEST.has(category)) return true;
  return context.sentenceAboutRequests && (context.clauseNamesRequests || (adjacent ?? endsWithKeyword(words)));
}

/** A category for the number, from the words before it, else (when they name none) the words after it. */
function classify(context: Context, before: string, after: string, atStart: boolean): Category | undefined {
  const named = categoryIn(before);
  if (named) return !includesAny(before, OTHER_THINGS) && stands(context, named, before, undefined) ? named : undefined;
  if (includesAny(after, OTHER_THINGS)) return undefined;
  const category = categoryIn(after);
  return category && stands(context, category, after, atStart) ? category : undefined;
}

const cache = new WeakMap<ReportModel, ProseFacts>();

/**
 * Drops what was worked out about the model's prose (sentences, clauses, quantities and the offsets of
 * every character): the rules share it while they run; kept with the model it would double its size.
 */
export function forgetProse(model: ReportModel): void {
  cache.delete(model);
  forgetSentences(model);
}

/** Matches `^(占|约占|占比|比例为)?` with nothing else: a clause holding only a share. */
const SHARE_ONLY = /^(约?占比?(为|达)?|比例(为)?)?$/;

/**
 * The clause's one percentage as a share of the quantity before it, when nothing else stands in the
 * clause (`占30%`, `（17.46%）`). Apart from proseFacts: most clauses have none.
 */
function shareOf(clause: Clause, token: NumberToken, sentence: Sentence, of: Quantity): Percent | undefined {
  const rest = (clause.text.slice(0, token.from) + clause.text.slice(token.unitEnd)).replace(/[\s。;!?]/g, '');
  if (!SHARE_ONLY.test(rest)) return undefined;
  const [int, frac = ''] = token.digits.split('.');
  return {
    scaled: BigInt(int + frac),
    decimals: frac.length,
    span: spanOf(clause, token.from, token.to),
    sentence,
    of,
  };
}

export function proseFacts(model: ReportModel): ProseFacts {
  const cached = cache.get(model);
  if (cached) return cached;
  const sentences = sentencesOf(model);
  const quantities: Quantity[] = [];
  const percents: Percent[] = [];
  /** The previous sentence counted requests received or answered. */
  let countedRequests: Sentence | undefined;
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i];
    // About requests: the sentence says so, or follows one counting them (`…受理申请N件。予以公开M件…`).
    const previous = i > 0 ? sentences[i - 1] : undefined; // no read at index -1 (a slow named-property lookup)
    const followsCount = previous !== undefined && countedRequests === previous && previous.paragraph === sentence.paragraph;
    const sentenceAboutRequests = aboutRequests(sentence.text);
    if (!(sentenceAboutRequests || followsCount) || sentence.text.includes('主动公开')) continue;
    let last: Quantity | undefined;
    const clauses = sentence.clauses;
    for (let clauseIndex = 0; clauseIndex < clauses.length; clauseIndex++) {
      const clause = clauses[clauseIndex];
      const tokens = numberTokens(clause);
      if (tokens.length === 0) continue;
      const context: Context = { sentenceAboutRequests, clauseNamesRequests: clause.text.includes('申请') };
      let lastCount = tokens.length - 1;
      while (lastCount >= 0 && tokens[lastCount].kind !== 'count') lastCount--;
      for (let n = 0; n < tokens.length; n++) {
        const token = tokens[n];
        if (token.kind === 'percent') {
          // A share stands alone in its clause: `占30%`, `（17.46%）`.
          if (tokens.length === 1 && last) {
            const percent = shareOf(clause, token, sentence, last);
            if (percent) percents.push(percent);
          }
          continue;
        }
        const before = clause.text.slice(n > 0 ? tokens[n - 1].unitEnd : 0, token.from);
        const after = clause.text.slice(token.unitEnd, n + 1 < tokens.length ? tokens[n + 1].from : clause.text.length);
        const atStart = n === 0 && before.replace(/\s|另有|共|有|其中/g, '') === '';
        const category = classify(context, before, after, atStart);
        if (!category) {
          last = undefined;
          continue;
        }
        last = { category, value: BigInt(token.digits), span: spanOf(clause, token.from, token.to), sentence, clauseIndex, at: token.from, lastInClause: n === lastCount };
        quantities.push(last);
        if (category === 'received' || category === 'answered') countedRequests = sentence;
      }
    }
  }
  const facts = { sentences, quantities, percents };
  cache.set(model, facts);
  return facts;
}
