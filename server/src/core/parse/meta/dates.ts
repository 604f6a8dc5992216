// Dates as written in reports: `2023年12月31日`, `2024-01-29`, `二〇二〇年一月十七日`, spaced out or not.
// Hand-written scans with bounded look-ahead: linear in the text, whatever the text.
import type { DateMention } from '../../model/model';
import type { CompactText } from '../../base/compact';
import { isValidDate } from '../../base/calendar';
import { CHINESE_DIGITS, isChineseNumeralChar, parseChineseNumeral } from '../../base/numerals';
import { digitsAt, isDigit } from './chars';

export interface RawDate {
  cs: number;
  ce: number;
  year: number;
  month: number;
  day: number;
  /** The year was not written (period end `至12月31日`). */
  yearless?: boolean;
}

/** `M月D日` (1–2 digits each) at i. */
export function monthDayAt(c: CompactText, i: number): { month: number; day: number; end: number } | undefined {
  const s = c.s;
  const monthMk = digitsAt(s, i, 2);
  const month = monthMk[0];
  const mk = monthMk[1];
  if (mk === 0 || isDigit(s[i + mk]) || s[i + mk] !== '月') return undefined;
  const j = i + mk + 1;
  const dayDk = digitsAt(s, j, 2);
  const day = dayDk[0];
  const dk = dayDk[1];
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
export function dateAt(c: CompactText, i: number): RawDate | undefined {
  const s = c.s;
  const code = s.charCodeAt(i);
  if (code >= 0x30 && code <= 0x39) {
    // The year must not continue a number written right before it.
    if (i > 0 && isDigit(s[i - 1]) && c.joined(i)) return undefined;
    const yearYk = digitsAt(s, i, 5);
    const year = yearYk[0];
    const yk = yearYk[1];
    if (yk !== 4) return undefined;
    const sep = s[i + 4];
    if (sep === '年') {
      const md = monthDayAt(c, i + 5);
      if (!md) return undefined;
      return { cs: i, ce: md.end, year, month: md.month, day: md.day };
    }
    if (sep === '-' || sep === '－' || sep === '/' || sep === '.') return separatedDateAt(c, i, year, sep);
    return undefined;
  }
  if (yearDigit(code) >= 0) return chineseDateAt(c, i);
  return undefined;
}

// The rarer forms out of line, so that dateAt's optimised code stays small (compiled sooner in cold runs).

/** `2024-01-29`, `2024/1/29`, `2024.01.29` at i, the year and separator already read. */
function separatedDateAt(c: CompactText, i: number, year: number, sep: string): RawDate | undefined {
  const s = c.s;
  if (i > 0 && (s[i - 1] === '.' || s[i - 1] === '/') && c.joined(i)) return undefined;
  if (year < 1900 || year > 2100) return undefined;
  const monthMk = digitsAt(s, i + 5, 2);
  const month = monthMk[0];
  const mk = monthMk[1];
  if (mk === 0 || s[i + 5 + mk] !== sep) return undefined;
  const j = i + 6 + mk;
  const dayDk = digitsAt(s, j, 2);
  const day = dayDk[0];
  const dk = dayDk[1];
  if (dk === 0) return undefined;
  const after = s[j + dk];
  // 2024-01-291 is not a date; `2024-01-29 09:11` is (the time is written apart).
  if (isDigit(after) && c.joined(j + dk)) return undefined;
  if (sep === '.' && after === '.' && c.joined(j + dk)) return undefined;
  // Only the unambiguous: a real month and day number.
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return { cs: i, ce: j + dk, year, month, day };
}

/** 二〇二〇年一月十七日 at i. */
function chineseDateAt(c: CompactText, i: number): RawDate | undefined {
  const s = c.s;
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

/** Value of each Chinese digit by char code, -1 for other characters (a table: no string per character). */
const CHINESE_DIGIT_VALUE = new Int8Array(0x10000).fill(-1);
for (const [ch, value] of Object.entries(CHINESE_DIGITS)) CHINESE_DIGIT_VALUE[ch.charCodeAt(0)] = value;
const LIANG = '两'.charCodeAt(0);

/** A digit of a year written in Chinese (二〇二四; 两 is not written in years), or -1. */
function yearDigit(code: number): number {
  return code === LIANG || !(code >= 0 && code < 0x10000) ? -1 : CHINESE_DIGIT_VALUE[code];
}

/** The characters that may start a date: ASCII and Chinese digits (global: a native scan from `lastIndex`). */
const DATE_START = new RegExp(`[0-9${Object.keys(CHINESE_DIGITS).join('')}]`, 'g');

export function scanDates(c: CompactText): RawDate[] {
  const out: RawDate[] = [];
  const s = c.s;
  DATE_START.lastIndex = 0;
  while (DATE_START.test(s)) {
    const d = dateAt(c, DATE_START.lastIndex - 1);
    if (d) {
      out.push(d);
      DATE_START.lastIndex = d.ce;
    }
  }
  return out;
}

export function toMention(c: CompactText, d: RawDate): DateMention {
  return {
    span: c.span(d.cs, d.ce),
    year: d.year,
    month: d.month,
    day: d.day,
    valid: isValidDate(d.year, d.month, d.day),
  };
}
