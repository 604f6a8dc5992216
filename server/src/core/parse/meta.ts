// Document metadata: title, agency, years, statistics period, signature / publication dates,
// every date, references to the 条例's articles, and document numbers.
//
// Reports come from web pages, PDF text extraction and OCR: words are broken across lines and
// spaced out (`2024 年 1 月 1 日`, `统计期限为 2025\n年 1 月 1 日`). So the scans run over a compact
// copy of the text without any whitespace, with an offset map back to the original; every span
// reported is a span of the original text. All scans are hand-written loops with bounded look-ahead
// and look-behind: linear in the length of the text, whatever the text.
import type { Span } from '../base/types';
import type { DateMention, DocumentMeta, DocumentNumber, IssuerKind, LawReference, Line, ReportModel } from '../model/model';
import { CHINESE_DIGITS, isChineseNumeralChar, parseChineseNumeral } from '../base/numerals';

// ---------------------------------------------------------------------------------------------
// The compact text

/** 1 for the whitespace the compact text drops, by char code (a table: one load per character). */
const SPACE = new Uint8Array(0x10000);
for (const code of [0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0xa0, 0x3000, 0xfeff, 0x200b, 0x2028, 0x2029]) SPACE[code] = 1;
for (let code = 0x2000; code <= 0x200a; code++) SPACE[code] = 1;

/** The text without whitespace, and where each of its characters sits in the original. */
export class CompactText {
  readonly s: string;
  /** map[i] = original offset of compact character i; map[length] = text length. */
  private readonly map: Int32Array;

  constructor(readonly text: string) {
    const map = new Int32Array(text.length + 1);
    const parts: string[] = [];
    let n = 0;
    let runStart = -1;
    for (let i = 0; i < text.length; i++) {
      if (SPACE[text.charCodeAt(i)] === 1) {
        if (runStart >= 0) {
          parts.push(text.slice(runStart, i));
          runStart = -1;
        }
        continue;
      }
      if (runStart < 0) runStart = i;
      map[n++] = i;
    }
    if (runStart >= 0) parts.push(text.slice(runStart));
    map[n] = text.length;
    this.s = parts.join('');
    this.map = map.subarray(0, n + 1);
  }

  get length(): number {
    return this.s.length;
  }

  /** Original offset of compact index i. */
  offset(i: number): number {
    return this.map[Math.max(0, Math.min(i, this.s.length))];
  }

  /** The original span of compact range [cs, ce). */
  span(cs: number, ce: number): Span {
    if (ce <= cs) {
      const o = this.offset(cs);
      return { start: o, end: o };
    }
    return { start: this.map[cs], end: this.map[ce - 1] + 1 };
  }

  /** Compact characters i-1 and i are neighbours in the original (no whitespace between). */
  joined(i: number): boolean {
    return i > 0 && i < this.s.length && this.map[i] === this.map[i - 1] + 1;
  }

  /** The first compact index whose original offset is ≥ offset. */
  indexAt(offset: number): number {
    let lo = 0;
    let hi = this.s.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.map[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/**
 * The compact text, kept per parsed document (keyed by its lines array, so it goes with the model):
 * the parser and the rules that re-read the head (preambleOf) share one.
 */
const compactCache = new WeakMap<Line[], CompactText>();

function compactOf(text: string, lines: Line[]): CompactText {
  let c = compactCache.get(lines);
  if (c?.text !== text) {
    c = new CompactText(text);
    compactCache.set(lines, c);
  }
  return c;
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function isCjk(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || c === 0x3007;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Negative when a is before b (by year, month, day as written). */
export function compareDates(a: { year: number; month: number; day: number }, b: { year: number; month: number; day: number }): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function formatDateZh(d: { year: number; month: number; day: number }): string {
  return `${d.year}年${d.month}月${d.day}日`;
}

export function formatDateEn(d: { year: number; month: number; day: number }): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.year}-${p(d.month)}-${p(d.day)}`;
}

// ---------------------------------------------------------------------------------------------
// Dates

interface RawDate {
  cs: number;
  ce: number;
  year: number;
  month: number;
  day: number;
  /** The year was not written (period end `至12月31日`). */
  yearless?: boolean;
}

/** Up to `max` ASCII digits at i; returns [value, count]. */
function digitsAt(s: string, i: number, max: number): [number, number] {
  let v = 0;
  let k = 0;
  while (k < max && isDigit(s[i + k])) {
    v = v * 10 + (s.charCodeAt(i + k) - 48);
    k++;
  }
  return [v, k];
}

/** `M月D日` (1–2 digits each) at i. */
function monthDayAt(c: CompactText, i: number): { month: number; day: number; end: number } | undefined {
  const s = c.s;
  const [month, mk] = digitsAt(s, i, 2);
  if (mk === 0 || isDigit(s[i + mk]) || s[i + mk] !== '月') return undefined;
  const j = i + mk + 1;
  const [day, dk] = digitsAt(s, j, 2);
  if (dk === 0 || s[j + dk] !== '日') return undefined;
  return { month, day, end: j + dk + 1 };
}

/** Chinese-numeral month or day (一 … 三十一) followed by `unit`, within 3 characters. */
function cnUnitAt(s: string, i: number, unit: string): { value: number; end: number } | undefined {
  let k = 0;
  while (k < 3 && isChineseNumeralChar(s[i + k])) k++;
  if (k === 0 || s[i + k] !== unit) return undefined;
  const value = parseChineseNumeral(s.slice(i, i + k));
  if (value === undefined) return undefined;
  return { value, end: i + k + 1 };
}

/** A full date starting at compact index i, or undefined. */
function dateAt(c: CompactText, i: number): RawDate | undefined {
  const s = c.s;
  const code = s.charCodeAt(i);
  if (code >= 0x30 && code <= 0x39) {
    // The year must not continue a number written right before it.
    if (i > 0 && isDigit(s[i - 1]) && c.joined(i)) return undefined;
    const [year, yk] = digitsAt(s, i, 5);
    if (yk !== 4) return undefined;
    const sep = s[i + 4];
    if (sep === '年') {
      const md = monthDayAt(c, i + 5);
      if (!md) return undefined;
      return { cs: i, ce: md.end, year, month: md.month, day: md.day };
    }
    if (sep === '-' || sep === '－' || sep === '/' || sep === '.') {
      if (i > 0 && (s[i - 1] === '.' || s[i - 1] === '/') && c.joined(i)) return undefined;
      if (year < 1900 || year > 2100) return undefined;
      const [month, mk] = digitsAt(s, i + 5, 2);
      if (mk === 0 || s[i + 5 + mk] !== sep) return undefined;
      const j = i + 6 + mk;
      const [day, dk] = digitsAt(s, j, 2);
      if (dk === 0) return undefined;
      const after = s[j + dk];
      // 2024-01-291 is not a date; `2024-01-29 09:11` is (the time is written apart).
      if (isDigit(after) && c.joined(j + dk)) return undefined;
      if (sep === '.' && after === '.' && c.joined(j + dk)) return undefined;
      // Only the unambiguous: a real month and day number.
      if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
      return { cs: i, ce: j + dk, year, month, day };
    }
    return undefined;
  }
  if (yearDigit(code) >= 0) {
    // 二〇二〇年一月十七日
    if (i > 0 && CHINESE_DIGIT_VALUE[s.charCodeAt(i - 1)] >= 0) return undefined;
    let year = 0;
    for (let k = 0; k < 4; k++) {
      const d = yearDigit(s.charCodeAt(i + k));
      if (d < 0) return undefined;
      year = year * 10 + d;
    }
    if (s[i + 4] !== '年' || year < 1900) return undefined;
    const m = cnUnitAt(s, i + 5, '月');
    if (!m) return undefined;
    const d = cnUnitAt(s, m.end, '日');
    if (!d) return undefined;
    return { cs: i, ce: d.end, year, month: m.value, day: d.value };
  }
  return undefined;
}

/** Value of each Chinese digit by char code, -1 for other characters (a table: no string per character). */
const CHINESE_DIGIT_VALUE = new Int8Array(0x10000).fill(-1);
for (const [ch, value] of Object.entries(CHINESE_DIGITS)) CHINESE_DIGIT_VALUE[ch.charCodeAt(0)] = value;
const LIANG = '两'.charCodeAt(0);

/** A digit of a year written in Chinese (二〇二四; 两 is not written in years), or -1. */
function yearDigit(code: number): number {
  return code === LIANG || !(code >= 0 && code < 0x10000) ? -1 : CHINESE_DIGIT_VALUE[code];
}

/** 1 for the char codes that may start a date: ASCII and Chinese digits (a table: no string per character). */
const DATE_START = new Uint8Array(0x10000);
for (const ch of [...'0123456789', ...Object.keys(CHINESE_DIGITS)]) DATE_START[ch.charCodeAt(0)] = 1;

function scanDates(c: CompactText): RawDate[] {
  const out: RawDate[] = [];
  const s = c.s;
  for (let i = 0; i < s.length; i++) {
    if (DATE_START[s.charCodeAt(i)] === 0) continue;
    const d = dateAt(c, i);
    if (d) {
      out.push(d);
      i = d.ce - 1;
    }
  }
  return out;
}

function toMention(c: CompactText, d: RawDate): DateMention {
  return {
    span: c.span(d.cs, d.ce),
    year: d.year,
    month: d.month,
    day: d.day,
    valid: isValidDate(d.year, d.month, d.day),
  };
}

// ---------------------------------------------------------------------------------------------
// Statistics period

const RANGE_CONNECTORS = ['起至', '——', '—', '–', '－', '-', '~', '～', '〜', '至', '到'];

interface RawPeriod {
  start: RawDate;
  end: RawDate;
  stat: boolean;
}

function periodAfter(c: CompactText, d: RawDate): RawDate | undefined {
  const s = c.s;
  let p = d.ce;
  let conn = '';
  for (const k of RANGE_CONNECTORS) {
    if (s.startsWith(k, p)) {
      conn = k;
      break;
    }
  }
  if (!conn && s[p] === '起') {
    p++;
    for (const k of RANGE_CONNECTORS) {
      if (s.startsWith(k, p)) {
        conn = k;
        break;
      }
    }
  }
  if (!conn) return undefined;
  p += conn.length;
  const full = dateAt(c, p);
  if (full) return full;
  const md = monthDayAt(c, p);
  if (md && !(p > 0 && isDigit(s[p - 1]))) {
    return { cs: p, ce: md.end, year: d.year, month: md.month, day: md.day, yearless: true };
  }
  return undefined;
}

function hasStatBefore(s: string, cs: number): boolean {
  const from = Math.max(0, cs - 24);
  const seg = s.slice(from, cs);
  const stop = Math.max(seg.lastIndexOf('。'), seg.lastIndexOf('；'));
  return seg.indexOf('统计', stop + 1) >= 0;
}

// ---------------------------------------------------------------------------------------------
// Title, preamble, agency

const TITLE_STOP = '。，,；;：:！？!?、';

function hasAny(s: string, chars: string): boolean {
  for (const ch of s) if (chars.includes(ch)) return true;
  return false;
}

/** A 4-digit year followed by 年 (not part of a longer number). */
function findYear(s: string, from = 0, to = s.length): { index: number; year: number } | undefined {
  for (let i = from; i + 4 < to + 1 && i + 4 < s.length + 1; i++) {
    if (!isDigit(s[i]) || (i > 0 && isDigit(s[i - 1]))) continue;
    const [year, k] = digitsAt(s, i, 5);
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
function parseTitle(t: string): { agency: string; year?: { index: number; year: number } } {
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

function stripMarkup(c: CompactText, cs: number, ce: number): [number, number] {
  const s = c.s;
  while (cs < ce && '#*>'.includes(s[cs])) cs++;
  while (ce > cs && '*#'.includes(s[ce - 1])) ce--;
  return [cs, ce];
}

interface TitleFound {
  cs: number;
  ce: number;
  firstLine: number;
  lastLine: number;
}

// ---------------------------------------------------------------------------------------------
// Legal references

const LAW_NAME_SUFFIXES = [
  '法', '办法', '规定', '细则', '规则', '决定', '意见', '通知', '章程', '准则', '纲要', '解释', '公约', '规程',
  '标准', '指南', '目录', '方案', '条款', '决议', '规范', '制度', '守则', '协定', '议定书', '令',
];

const SENTENCE_END = '。；;！？!?|｜';

export function isRegulationTitle(title: string): boolean {
  const t = title.replace(/[（(][^）)]{0,20}[）)]$/, '');
  return t === '条例' || t === '政府信息公开条例' || t === '中华人民共和国政府信息公开条例' || t === '新条例';
}

/** Numeral at i: Chinese (一 … 九百九十九) or 1–3 ASCII digits. */
function numeralAt(s: string, i: number): { value: number; end: number; arabic: boolean } | undefined {
  if (isDigit(s[i])) {
    const [v, k] = digitsAt(s, i, 4);
    if (k > 3 || v === 0) return undefined;
    return { value: v, end: i + k, arabic: true };
  }
  let k = 0;
  while (k < 7 && isChineseNumeralChar(s[i + k])) k++;
  if (k === 0) return undefined;
  const v = parseChineseNumeral(s.slice(i, i + k));
  if (v === undefined) return undefined;
  return { value: v, end: i + k, arabic: false };
}

/**
 * Whether the reference starting at i (its 第) and ending at `end` is to the 条例. Conservative:
 * a reference to another act must not be checked against the 条例.
 */
function toRegulationAt(s: string, i: number, end: number, hasSubdivision: boolean): boolean {
  // 1. A title right before: 《条例》第二十条.
  if (s[i - 1] === '》') return regulationTitleEndingAt(s, i - 1) ?? false;
  // 2. A law named without brackets right before: 行政许可法第三十条, 本条例第十九条.
  const before = s.slice(Math.max(0, i - 12), i);
  if (before.endsWith('条例')) {
    const pre = before.slice(0, -2);
    if (pre.endsWith('政府信息公开') || pre.endsWith('本') || pre.endsWith('新') || !isCjk(pre[pre.length - 1])) return true;
    return false;
  }
  for (const suf of LAW_NAME_SUFFIXES) if (before.endsWith(suf)) return false;
  // 3. The nearest title earlier in the same sentence decides.
  for (let k = i - 1, steps = 0; k >= 0 && steps < 120; k--, steps++) {
    const ch = s[k];
    if (SENTENCE_END.includes(ch)) break;
    if (ch === '》') return regulationTitleEndingAt(s, k) ?? false;
  }
  // 4. No title, no law name: a report's bare reference is to the 条例 — if it reads as a reference:
  // `第五十七条线路` counts things; a reference has a 款/项 or is followed by 规定, 要求, punctuation.
  if (!hasSubdivision && isCjk(s[end]) && !/^(规定|之规定|的规定|要求|的要求|所|明确|中|之|和|及|或|与|等|至|第)/.test(s.slice(end, end + 3))) {
    return false;
  }
  return true;
}

/** Whether the 《…》 title whose 》 is at index k is the 条例; undefined when no 《 is found. */
function regulationTitleEndingAt(s: string, k: number): boolean | undefined {
  for (let j = k - 1, steps = 0; j >= 0 && steps < 60; j--, steps++) {
    if (s[j] === '《') return isRegulationTitle(s.slice(j + 1, k));
    if (s[j] === '》') return undefined;
  }
  return undefined;
}

function scanLawRefs(c: CompactText): LawReference[] {
  const s = c.s;
  const out: LawReference[] = [];
  for (let i = s.indexOf('第'); i >= 0; i = s.indexOf('第', i + 1)) {
    // Article numerals: 第二十条 or 第二十、二十一条.
    const nums: { value: number; cs: number; ce: number; arabic: boolean }[] = [];
    let p = i + 1;
    let ok = false;
    while (nums.length < 6) {
      const n = numeralAt(s, p);
      if (!n) break;
      nums.push({ value: n.value, cs: p, ce: n.end, arabic: n.arabic });
      p = n.end;
      if (s[p] === '条') {
        ok = true;
        p++;
        break;
      }
      if (s[p] === '、' && nums.length < 6) {
        p++;
        continue;
      }
      break;
    }
    if (!ok || nums.length === 0) continue;
    const articleEnd = p;
    // Arabic article numbers are counted things (第3条建议) unless a law is named right before.
    if (nums.some((n) => n.arabic) && s[i - 1] !== '》' && !s.slice(Math.max(0, i - 2), i).endsWith('条例')) {
      i = articleEnd - 1;
      continue;
    }
    let paragraph: number | undefined;
    let paragraphEnd = articleEnd;
    if (nums.length === 1 && s[p] === '第') {
      const n = numeralAt(s, p + 1);
      if (n && s[n.end] === '款') {
        paragraph = n.value;
        p = n.end + 1;
        paragraphEnd = p;
      }
    }
    // Items: 第（一）项, 第(一)、(二)项, 第（一）（五）项, 第一项, （一）项.
    const items: { value: number; cs: number; ce: number }[] = [];
    if (nums.length === 1) {
      let q = p;
      const hadDi = s[q] === '第';
      if (hadDi) q++;
      while (items.length < 20) {
        const open = s[q] === '（' || s[q] === '(';
        if (!open && !hadDi) break; // a bare numeral needs 第: 第一项
        const n = numeralAt(s, open ? q + 1 : q);
        if (!n) break;
        let r = n.end;
        if (open) {
          if (s[r] !== '）' && s[r] !== ')') break;
          r++;
        }
        items.push({ value: n.value, cs: q, ce: r });
        q = r;
        if ((s[q] === '、' || s[q] === '和' || s[q] === '及') && (s[q + 1] === '（' || s[q + 1] === '(' || (!open && isChineseNumeralChar(s[q + 1])))) {
          q++;
          continue;
        }
        if (open && (s[q] === '（' || s[q] === '(')) continue;
        break;
      }
      if (items.length > 0 && s[q] === '项') p = q + 1;
      else items.length = 0;
    }
    const toRegulation = toRegulationAt(s, i, p, paragraph !== undefined || items.length > 0);
    if (items.length > 0) {
      items.forEach((it, k) => {
        const cs = k === 0 ? i : it.cs;
        const ce = k === items.length - 1 ? p : it.ce;
        out.push({ span: c.span(cs, ce), article: nums[0].value, paragraph, item: it.value, toRegulation });
      });
    } else if (nums.length === 1) {
      out.push({ span: c.span(i, paragraphEnd), article: nums[0].value, paragraph, toRegulation });
    } else {
      nums.forEach((n, k) => {
        const cs = k === 0 ? i : n.cs;
        const ce = k === nums.length - 1 ? articleEnd : n.ce;
        out.push({ span: c.span(cs, ce), article: n.value, toRegulation });
      });
    }
    i = p - 1;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Document numbers

const KNOWN_PREFIXES = ['国办公开办函', '国办公开办发', '国办秘函', '国办函', '国办发', '国发', '国函'];

/** 1 for the characters a document number scan stops at: opening brackets and 令. */
const DOC_NUMBER_START = new Uint8Array(0x10000);
for (const ch of '〔[【（(［令') DOC_NUMBER_START[ch.charCodeAt(0)] = 1;

function scanDocNumbers(c: CompactText): DocumentNumber[] {
  const s = c.s;
  const out: DocumentNumber[] = [];
  for (let i = 0; i < s.length; i++) {
    // By code first: a one-character string per character of the text would be garbage to collect.
    if (DOC_NUMBER_START[s.charCodeAt(i)] === 0) continue;
    const ch = s[i];
    if (ch === '〔' || ch === '[' || ch === '【' || ch === '（' || ch === '(' || ch === '［') {
      const [year, yk] = digitsAt(s, i + 1, 5);
      if (yk !== 4 || year < 1949 || year > 2100) continue;
      const close = s[i + 5];
      if (!'〕]】）)］'.includes(close)) continue;
      let p = i + 6;
      if (s[p] === '第') p++;
      const [num, nk] = digitsAt(s, p, 5);
      if (nk === 0 || nk > 4 || s[p + nk] !== '号') continue;
      // The issuer's abbreviation before the bracket.
      let k = i;
      while (k > 0 && i - k < 12 && isCjk(s[k - 1])) k--;
      const run = s.slice(k, i);
      if (!run) continue;
      let prefix = '';
      for (const kp of KNOWN_PREFIXES) {
        if (run.endsWith(kp)) {
          prefix = kp;
          break;
        }
      }
      if (!prefix && run.length <= 8 && !(k > 0 && isCjk(s[k - 1]))) prefix = run;
      if (!prefix) continue;
      const cs = i - prefix.length;
      const ce = p + nk + 1;
      out.push({ span: c.span(cs, ce), text: `${prefix}〔${year}〕${num}号` });
      i = ce - 1;
    } else if (ch === '令') {
      let cs = -1;
      if (s.slice(Math.max(0, i - 3), i) === '国务院') cs = i - 3;
      else if (s[i - 1] === '国' && !isCjk(s[i - 2])) cs = i - 1;
      if (cs < 0) continue;
      let p = i + 1;
      if (s[p] === '第') p++;
      const [num, nk] = digitsAt(s, p, 5);
      if (nk === 0 || nk > 4 || s[p + nk] !== '号') continue;
      const ce = p + nk + 1;
      out.push({ span: c.span(cs, ce), text: `国务院令第${num}号` });
      i = ce - 1;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The whole extraction

function emptyMeta(): DocumentMeta {
  return { issuerKind: 'unknown', dates: [], lawRefs: [], docNumbers: [] };
}

/**
 * Reads the metadata of a report. `lines` are all lines of `text` with their offsets;
 * `firstPartLine` is the index of the first part heading (`一、总体情况`), when found: the
 * title, preamble and publication details are looked for before it. Never throws.
 */
export function extractMeta(text: string, lines: Line[], firstPartLine: number | undefined): DocumentMeta {
  try {
    return extract(text, lines, firstPartLine);
  } catch {
    return emptyMeta();
  }
}

function extract(text: string, lines: Line[], firstPartLine: number | undefined): DocumentMeta {
  const c = compactOf(text, lines);
  const s = c.s;
  const meta = emptyMeta();

  // Lines in the head: before the first part, or the first 40 lines.
  const headLineEnd = Math.min(
    lines.length,
    firstPartLine !== undefined && firstPartLine >= 0 ? firstPartLine : 40,
    60,
  );
  const headEndOffset = headLineEnd < lines.length ? lines[headLineEnd].start : text.length;
  const headEnd = Math.min(c.indexAt(headEndOffset), c.indexAt(20000));

  const lineCompact = (ln: Line): [number, number] => [c.indexAt(ln.start), c.indexAt(ln.end)];
  const nonEmpty = (ln: Line): boolean => {
    const [a, b] = lineCompact(ln);
    return b > a;
  };

  // ---- dates ----
  const raw = scanDates(c);
  const byStart = new Map<number, RawDate>();
  for (const d of raw) byStart.set(d.cs, d);
  const mentions = raw.map((d) => toMention(c, d));

  // ---- statistics period ----
  let period: RawPeriod | undefined;
  {
    const candidates: RawPeriod[] = [];
    for (const d of raw) {
      const end = periodAfter(c, d);
      if (end) candidates.push({ start: d, end, stat: hasStatBefore(s, d.cs) });
      if (candidates.length > 200) break;
    }
    period =
      candidates.find((p) => p.stat && p.start.cs < headEnd) ??
      candidates.find((p) => p.start.cs < headEnd) ??
      candidates.find((p) => p.stat);
  }
  if (period) {
    const start = toMention(c, period.start);
    const end = toMention(c, period.end);
    meta.period = { span: c.span(period.start.cs, period.end.ce), start, end };
    if (period.end.yearless) mentions.push(end);
  }
  mentions.sort((a, b) => a.span.start - b.span.start);
  meta.dates = mentions;

  // ---- title ----
  let title: TitleFound | undefined;
  let titleInfo: { agency: string; year?: { index: number; year: number } } | undefined;
  {
    const qualifies = (ln: Line): { cs: number; ce: number; t: string } | undefined => {
      if (ln.end - ln.start > 400) return undefined;
      let [cs, ce] = lineCompact(ln);
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
      const t = s.slice(cs, q.ce);
      if (!t.includes('公开')) continue;
      title = { cs, ce: q.ce, firstLine: first, lastLine: li };
      titleInfo = info;
      break;
    }
  }
  if (title && titleInfo) {
    meta.title = { span: c.span(title.cs, title.ce), text: s.slice(title.cs, title.ce) };
    if (titleInfo.year) {
      const ycs = title.cs + titleInfo.year.index;
      meta.titleYear = { year: titleInfo.year.year, span: c.span(ycs, ycs + 4) };
    }
    if (titleInfo.agency) meta.agency = titleInfo.agency;
  }

  // ---- preamble: 现公布…2023年…年度报告 ----
  const preamble = findPreamble(c, headEnd);
  if (preamble) {
    if (!meta.titleYear && preamble.year) meta.titleYear = { year: preamble.year.year, span: c.span(preamble.year.cs, preamble.year.cs + 4) };
    if (!meta.agency && preamble.agency) meta.agency = preamble.agency;
  }
  meta.issuerKind = issuerKindOf(meta.agency);

  // ---- report year: title, else period, else preamble ----
  const titleYearFromTitle = title && titleInfo?.year ? titleInfo.year.year : undefined;
  meta.reportYear = titleYearFromTitle ?? meta.period?.end.year ?? preamble?.year?.year;

  // ---- signed: a date alone on one of the last lines, or right under the title ----
  // A signature line: the date alone (`2020年1月17日`, `(2026年1月23日)`), or after the body's name
  // on the same line (`昆明市政务服务管理局 2020年1月17日`).
  const dateOnlyLine = (ln: Line): RawDate | undefined => {
    if (ln.end - ln.start > 160) return undefined;
    let [cs, ce] = lineCompact(ln);
    if (ce - cs > 50) return undefined;
    if ((s[cs] === '(' || s[cs] === '（') && (s[ce - 1] === ')' || s[ce - 1] === '）')) {
      cs++;
      ce--;
    }
    const d = byStart.get(cs);
    if (d && d.ce === ce) return d;
    for (let k = cs + 2; k < ce; k++) {
      const e = byStart.get(k);
      if (!e) continue;
      if (e.ce !== ce) return undefined;
      const prefix = s.slice(cs, k);
      if (prefix.length > 30 || hasAny(prefix, TITLE_STOP)) return undefined;
      return /(政府|局|委|委员会|办公室|办公厅|办|室|厅|处|中心|街道|办事处|会|院|所|站|队)$/.test(prefix) ? e : undefined;
    }
    return undefined;
  };
  let signed: RawDate | undefined;
  {
    let seen = 0;
    for (let li = lines.length - 1; li >= 0 && seen < 6; li--) {
      const ln = lines[li];
      if (!nonEmpty(ln)) continue;
      seen++;
      const d = dateOnlyLine(ln);
      if (d) {
        signed = d;
        break;
      }
      const [a, b] = lineCompact(ln);
      if (b - a > 40) break; // prose: the signature block is over
    }
    if (!signed && title) {
      let seenT = 0;
      for (let li = title.lastLine + 1; li < lines.length && seenT < 3; li++) {
        if (!nonEmpty(lines[li])) continue;
        seenT++;
        const d = dateOnlyLine(lines[li]);
        if (d) {
          signed = d;
          break;
        }
      }
    }
  }

  // ---- published: 发布时间 / 发布日期 / 发布于 (and 成文日期 for the signature) ----
  let published: RawDate | undefined;
  let written: RawDate | undefined;
  {
    const tailStart = (() => {
      let seen = 0;
      for (let li = lines.length - 1; li >= 0; li--) {
        if (nonEmpty(lines[li]) && ++seen >= 8) return c.indexAt(lines[li].start);
      }
      return 0;
    })();
    const KEYS: [string, 'published' | 'written'][] = [
      ['发布时间', 'published'],
      ['发布日期', 'published'],
      ['发布于', 'published'],
      ['公布日期', 'published'],
      ['公布时间', 'published'],
      ['公开日期', 'published'],
      ['成文日期', 'written'],
      ['成文时间', 'written'],
    ];
    const regions: [number, number][] = [[0, headEnd], [Math.max(tailStart, headEnd), s.length]];
    for (const [from, to] of regions) {
      for (const [key, kind] of KEYS) {
        let k = s.indexOf(key, from);
        let guard = 0;
        while (k >= 0 && k < to && guard++ < 50) {
          let p = k + key.length;
          if (s[p] === ':' || s[p] === '：') p++;
          const d = byStart.get(p);
          if (d) {
            if (kind === 'published' && !published) published = d;
            if (kind === 'written' && !written) written = d;
            break;
          }
          k = s.indexOf(key, k + 1);
        }
      }
    }
  }
  if (!signed && written) signed = written;
  if (signed) meta.signed = toMention(c, signed);
  if (published) meta.published = toMention(c, published);

  // ---- legal references and document numbers ----
  meta.lawRefs = scanLawRefs(c);
  meta.docNumbers = scanDocNumbers(c);
  return meta;
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
function findPreamble(c: CompactText, headEnd: number): Preamble | undefined {
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

/** The preamble (`现公布XX2023年…年度报告`) of a report: its span, agency, year and completeness. */
export interface PreambleInfo {
  span: Span;
  /** Names agency, a four-digit year and 政府信息公开（工作）年度报告. */
  complete: boolean;
  agency: string;
  year?: { year: number; span: Span };
}

export function preambleOf(text: string, lines: Line[], firstPartLine: number | undefined): PreambleInfo | undefined {
  try {
    const c = compactOf(text, lines);
    const headLineEnd = Math.min(lines.length, firstPartLine !== undefined && firstPartLine >= 0 ? firstPartLine : 40, 60);
    const headEndOffset = headLineEnd < lines.length ? lines[headLineEnd].start : text.length;
    const p = findPreamble(c, Math.min(c.indexAt(headEndOffset), c.indexAt(20000)));
    if (!p) return undefined;
    return {
      span: c.span(p.cs, p.ce),
      complete: p.complete,
      agency: p.agency,
      year: p.year ? { year: p.year.year, span: c.span(p.year.cs, p.year.cs + 4) } : undefined,
    };
  } catch {
    return undefined;
  }
}

/** What a (compact) title names: agency, year, and the required subject wording. */
export function titleParts(title: string): { agency: string; year?: number; subject: boolean } {
  const t = title.replace(/\s+/g, '');
  const info = parseTitle(t);
  return { agency: info.agency, year: info.year?.year, subject: namesReportSubject(t) };
}

/**
 * Whether the report year is certain: the title (or preamble) year and the statistics period agree.
 * The deadline rules stay silent otherwise; GK501 reports the disagreement.
 */
export function reportYearSettled(meta: DocumentMeta): boolean {
  if (meta.reportYear === undefined) return false;
  const p = meta.period;
  if (p && p.start.year !== p.end.year) return false;
  if (meta.titleYear && p && meta.titleYear.year !== p.end.year) return false;
  return true;
}

/** The line of the first part heading, as the parser found it (for rules re-reading the head). */
export function firstPartLineOf(model: ReportModel): number | undefined {
  let first: number | undefined;
  for (const p of model.parts) if (first === undefined || p.heading.line < first) first = p.heading.line;
  return first;
}
