// Document numbers: `国办公开办函〔2021〕30号`, `国务院令第711号`, normalised for lookup.
import type { DocumentNumber } from '../../model/model';
import type { CompactText } from '../../base/compact';
import { digitsAt, isCjk } from './chars';

const KNOWN_PREFIXES = ['国办公开办函', '国办公开办发', '国办秘函', '国办函', '国办发', '国发', '国函'];

/** The characters a document number scan stops at: opening brackets and 令 (global: a native scan from `lastIndex`). */
const DOC_NUMBER_START = /[〔[【（(［令]/g;

export function scanDocNumbers(c: CompactText): DocumentNumber[] {
  const s = c.s;
  const out: DocumentNumber[] = [];
  DOC_NUMBER_START.lastIndex = 0;
  while (DOC_NUMBER_START.test(s)) {
    const i = DOC_NUMBER_START.lastIndex - 1;
    const end = s[i] === '令' ? decreeNumberAt(c, i, out) : bracketedNumberAt(c, i, out);
    if (end >= 0) DOC_NUMBER_START.lastIndex = end;
  }
  return out;
}

// Each form in a function of its own: the scan's optimised code stays small (compiled sooner in cold runs).

/** `国办公开办函〔2021〕30号` whose opening bracket is at i, pushed to `out`; returns its end, or -1. */
function bracketedNumberAt(c: CompactText, i: number, out: DocumentNumber[]): number {
  const s = c.s;
  const yearYk = digitsAt(s, i + 1, 5);
  const year = yearYk[0];
  const yk = yearYk[1];
  if (yk !== 4 || year < 1949 || year > 2100) return -1;
  const close = s[i + 5];
  if (!'〕]】）)］'.includes(close)) return -1;
  const sign = numberSign(s, i + 6);
  if (!sign) return -1;
  const prefix = issuerBefore(s, i);
  if (!prefix) return -1;
  out.push({ span: c.span(i - prefix.length, sign.end), text: `${prefix}〔${year}〕${sign.num}号` });
  return sign.end;
}

/** `第711号` or `12号` at p (第 optional, 1–4 digits): its number and where it ends, or undefined. */
function numberSign(s: string, p: number): { num: number; end: number } | undefined {
  const at = s[p] === '第' ? p + 1 : p;
  const [num, nk] = digitsAt(s, at, 5);
  return nk === 0 || nk > 4 || s[at + nk] !== '号' ? undefined : { num, end: at + nk + 1 };
}

/** The issuer's abbreviation right before the bracket at i (`国办函`), or ''. */
function issuerBefore(s: string, i: number): string {
  let k = i;
  while (k > 0 && i - k < 12 && isCjk(s[k - 1])) k--;
  const run = s.slice(k, i);
  if (!run) return '';
  for (let n = 0; n < KNOWN_PREFIXES.length; n++) if (run.endsWith(KNOWN_PREFIXES[n])) return KNOWN_PREFIXES[n];
  return run.length <= 8 && !(k > 0 && isCjk(s[k - 1])) ? run : '';
}

/** `国务院令第711号` whose 令 is at i, pushed to `out`; returns its end, or -1. */
function decreeNumberAt(c: CompactText, i: number, out: DocumentNumber[]): number {
  const s = c.s;
  let cs = -1;
  if (s.slice(Math.max(0, i - 3), i) === '国务院') cs = i - 3;
  else if (s[i - 1] === '国' && !isCjk(s[i - 2])) cs = i - 1;
  if (cs < 0) return -1;
  const sign = numberSign(s, i + 1);
  if (!sign) return -1;
  out.push({ span: c.span(cs, sign.end), text: `国务院令第${sign.num}号` });
  return sign.end;
}
