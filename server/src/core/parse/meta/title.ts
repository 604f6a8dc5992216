// The title, the preamble (`现公布…2023年…年度报告`), the issuing agency and what kind of body it is.
import type { IssuerKind } from '../../model/model';
import type { CompactText } from '../../base/compact';
import type { Line } from '../../base/text';
import { digitsAt, hasAny, isDigit } from './chars';

export const TITLE_STOP = '。，,；;：:！？!?、';

/** A 4-digit year followed by 年 (not part of a longer number). */
function findYear(s: string, from = 0, to = s.length): { index: number; year: number } | undefined {
  for (let i = from; i + 4 < to + 1 && i + 4 < s.length + 1; i++) {
    if (!isDigit(s[i]) || (i > 0 && isDigit(s[i - 1]))) continue;
    const yearK = digitsAt(s, i, 5);
    const year = yearK[0];
    const k = yearK[1];
    if (k === 4 && s[i + 4] === '年' && year >= 1900 && year <= 2100) return { index: i, year };
    i += k - 1;
  }
  return undefined;
}

/** Strips `（以下简称…）`, bracketed asides and stray punctuation from an agency name. */
function cleanAgency(raw: string): string {
  let s = raw;
  // Remove bracketed asides, bounded.
  for (let guard = 0; guard < 4; guard++) {
    const open = Math.max(s.lastIndexOf('（'), s.lastIndexOf('('));
    if (open < 0) break;
    const closeFull = s.indexOf('）', open);
    const closeHalf = s.indexOf(')', open);
    const close = closeFull < 0 ? closeHalf : closeHalf < 0 ? closeFull : Math.min(closeFull, closeHalf);
    s = close < 0 ? s.slice(0, open) : s.slice(0, open) + s.slice(close + 1);
  }
  s = s.replace(/^[#*>《「“"'\s]+/, '').replace(/[》」”"'*\s]+$/, '');
  if (s.startsWith('关于')) s = s.slice(2);
  if (s.endsWith('关于')) s = s.slice(0, -2);
  if (s.endsWith('的')) s = s.slice(0, -1);
  if (s.startsWith('正文')) s = s.slice(2);
  return s.length >= 2 && s.length <= 40 ? s : '';
}

const SUBJECT_MARKERS = ['政府信息公开', '政务公开', '信息公开', '政府信息', '年度报告'];

/** Agency and year named in a compact title such as `2024年上海市科委政府信息公开工作年度报告`. */
export interface TitleInfo {
  agency: string;
  /** The year and its index in the compact title. */
  year?: { index: number; year: number };
}

function parseTitle(t: string): TitleInfo {
  const year = findYear(t);
  if (year) {
    const prefix = cleanAgency(t.slice(0, year.index));
    if (prefix) return { agency: prefix, year };
    let rest = t.slice(year.index + 5);
    if (rest.startsWith('度')) rest = rest.slice(1);
    return { agency: agencyBeforeSubject(rest), year };
  }
  return { agency: agencyBeforeSubject(t) };
}

function agencyBeforeSubject(s: string): string {
  let cut = -1;
  for (const m of SUBJECT_MARKERS) {
    const k = s.indexOf(m);
    if (k >= 0 && (cut < 0 || k < cut)) cut = k;
  }
  if (cut <= 0) return '';
  let a = s.slice(0, cut);
  if (a.endsWith('人民')) a += '政府';
  return cleanAgency(a);
}

export function issuerKindOf(agency: string | undefined): IssuerKind {
  if (!agency) return 'unknown';
  const a = agency.replace(/[（(][^）)]{0,30}[）)]$/, '');
  if (/(街道办事处|街道办|街道|办事处)$/.test(a)) return 'subdistrict';
  if (/(办公室|办公厅)$/.test(a)) return 'office';
  if (/政府$/.test(a)) return 'government';
  return 'department';
}

/** The subject the spec requires in a title: 政府信息公开（工作）年度报告. */
export function namesReportSubject(compact: string): boolean {
  return /政府信息公开(工作)?年度报告/.test(compact.slice(0, 200));
}

export function stripMarkup(c: CompactText, cs: number, ce: number): [number, number] {
  const s = c.s;
  while (cs < ce && '#*>'.includes(s[cs])) cs++;
  while (ce > cs && '*#'.includes(s[ce - 1])) ce--;
  return [cs, ce];
}

export interface TitleFound {
  cs: number;
  ce: number;
  firstLine: number;
  lastLine: number;
}

/** The title of a report: a short line in the head naming …报告 and 公开, joined with up to two lines before it when they complete it. */
export function findTitle(c: CompactText, lines: readonly Line[], headLineEnd: number): { found: TitleFound; info: TitleInfo } | undefined {
  const s = c.s;
  const qualifies = (ln: Line): { cs: number; ce: number; t: string } | undefined => {
    if (ln.end - ln.start > 400) return undefined;
    let [cs, ce] = [c.indexAt(ln.start), c.indexAt(ln.end)];
    [cs, ce] = stripMarkup(c, cs, ce);
    const t = s.slice(cs, ce);
    if (t.length === 0 || t.length > 80 || hasAny(t, TITLE_STOP)) return undefined;
    return { cs, ce, t };
  };
  for (let li = 0; li < headLineEnd; li++) {
    const q = qualifies(lines[li]);
    if (!q || !q.t.includes('报告') || /^(根据|依据|按照|本报告|本年度|现)/.test(q.t)) continue;
    let first = li;
    let cs = q.cs;
    let info = parseTitle(q.t);
    for (let step = 0; step < 2 && !(info.year && info.agency); step++) {
      const pl = first - 1;
      if (pl < 0) break;
      const pq = qualifies(lines[pl]);
      if (!pq || pq.t.length > 40 || pq.t === '正文' || pq.t === '目录' || pq.t.includes('发布')) break;
      first = pl;
      cs = pq.cs;
      info = parseTitle(s.slice(cs, q.ce));
    }
    if (!s.slice(cs, q.ce).includes('公开')) continue;
    return { found: { cs, ce: q.ce, firstLine: first, lastLine: li }, info };
  }
  return undefined;
}

interface Preamble {
  cs: number;
  ce: number;
  agency: string;
  year?: { year: number; cs: number };
  /** The phrase names agency, year and 政府信息公开（工作）年度报告. */
  complete: boolean;
}

/** `现公布XX2023年政府信息公开工作年度报告` / `现将XX2025年…年度报告向社会公布`, in the head. */
export function findPreamble(c: CompactText, headEnd: number): Preamble | undefined {
  const s = c.s;
  let guard = 0;
  for (let i = s.indexOf('现'); i >= 0 && i < headEnd && guard++ < 200; i = s.indexOf('现', i + 1)) {
    let k = i + 1;
    let jiang = false;
    if (s.startsWith('公布', k)) k += 2;
    else if (s.startsWith('向社会公布', k)) k += 5;
    else if (s.startsWith('予以公布', k)) k += 4;
    else if (s.startsWith('将', k)) {
      k += 1;
      jiang = true;
    } else continue;
    let e = k;
    while (e < s.length && e < k + 120 && !'。；;！!？?'.includes(s[e])) e++;
    let seg = s.slice(k, e);
    const r = seg.indexOf('报告');
    if (r < 0) continue;
    // 现将…报告向社会公布: the announcing verb follows the report's name.
    if (jiang && !/公布|发布|公开/.test(seg.slice(r + 2))) continue;
    seg = seg.slice(0, r + 2);
    const y = findYear(seg);
    const agency = y ? cleanAgency(seg.slice(0, y.index)) : agencyBeforeSubject(seg);
    return {
      cs: k,
      ce: k + seg.length,
      agency,
      year: y ? { year: y.year, cs: k + y.index } : undefined,
      complete: !!agency && !!y && namesReportSubject(seg),
    };
  }
  return undefined;
}

/** What a (compact) title names: agency, year, and the required subject wording. */
export function titleParts(title: string): { agency: string; year?: number; subject: boolean } {
  const t = title.replace(/\s+/g, '');
  const info = parseTitle(t);
  return { agency: info.agency, year: info.year?.year, subject: namesReportSubject(t) };
}
