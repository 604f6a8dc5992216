// Words that change what a prose number counts. When they are present and the number does not
// match the table, the prose may well be right about something else: the rules stay silent.
import type { ReportModel } from '../../model/model';
import { type Quantity, includesAny } from './quantities';
import type { Sentence } from './sentences';

/** Another body, a running total, a comparison or a filing: not this report's table. */
const ALWAYS_DOUBTFUL = ['代表', '备案', '累计', '以来', '同比', '去年', '较上年', '比上年', '历年', '平均'];
/** A whole area: the table of a department's report does not count it. */
const AREA = ['全市', '全区', '全县', '全省', '全州', '全镇', '全旗', '全盟', '系统'];
/** One office only: the table of a government's (compiled) report counts more. */
const OWN_OFFICE = ['本级', '本机关', '本部门'];
const INCLUDES_CARRIED = ['含上年', '包括上年', '含上一年', '包括上一年', '含上年度', '包括上年度'];

/** A year in the prose: `2022年`. */
const YEAR = /(\d{4})\s*年/g;

/** The sentence names a year other than the report's (a comparison with an earlier year). */
function otherYear(model: ReportModel, text: string): boolean {
  const year = model.meta.reportYear;
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(text); m !== null; m = YEAR.exec(text)) if (Number(m[1]) !== year) return true;
  return false;
}

/** The sentence may be about another body, area, year or kind of count than the report's tables. */
export function sentenceScopeIsDoubtful(model: ReportModel, sentence: Sentence): boolean {
  const text = sentence.text;
  if (includesAny(text, ALWAYS_DOUBTFUL)) return true;
  const government = model.meta.issuerKind === 'government';
  if (!government && includesAny(text, AREA)) return true;
  if (government && includesAny(text, OWN_OFFICE)) return true;
  return otherYear(model, text);
}

const doubtful = new WeakMap<Sentence, boolean>();

/** Whether the scope of a quantity is unclear enough that a mismatch proves nothing. */
export function scopeIsDoubtful(model: ReportModel, q: Quantity): boolean {
  let sentenceDoubt = doubtful.get(q.sentence);
  if (sentenceDoubt === undefined) doubtful.set(q.sentence, (sentenceDoubt = sentenceScopeIsDoubtful(model, q.sentence)));
  if (sentenceDoubt) return true;
  const clause = q.sentence.clauses[q.clauseIndex].text.trimStart();
  if ((q.category === 'received' || q.category === 'answered') && clause.startsWith('其中')) return true;
  return false;
}

/** `含上年结转` in the number's clause or the bracket right after it: 收到/受理 includes last year's requests. */
export function includesCarried(q: Quantity): boolean {
  const clauses = q.sentence.clauses;
  const own = clauses[q.clauseIndex].text;
  const next = clauses[q.clauseIndex + 1]?.text.trimStart() ?? '';
  for (let i = 0; i < INCLUDES_CARRIED.length; i++) {
    if (own.includes(INCLUDES_CARRIED[i]) || (q.lastInClause && next.startsWith(INCLUDES_CARRIED[i]))) return true;
  }
  return false;
}
