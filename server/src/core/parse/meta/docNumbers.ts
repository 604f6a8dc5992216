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
    const ch = s[i];
    if (ch === '〔' || ch === '[' || ch === '【' || ch === '（' || ch === '(' || ch === '［') {
      const yearYk = digitsAt(s, i + 1, 5);
      const year = yearYk[0];
      const yk = yearYk[1];
      if (yk !== 4 || year < 1949 || year > 2100) continue;
      const close = s[i + 5];
      if (!'〕]】）)］'.includes(close)) continue;
      let p = i + 6;
      if (s[p] === '第') p++;
      const numNk = digitsAt(s, p, 5);
      const num = numNk[0];
      const nk = numNk[1];
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
      DOC_NUMBER_START.lastIndex = ce;
    } else if (ch === '令') {
      let cs = -1;
      if (s.slice(Math.max(0, i - 3), i) === '国务院') cs = i - 3;
      else if (s[i - 1] === '国' && !isCjk(s[i - 2])) cs = i - 1;
      if (cs < 0) continue;
      let p = i + 1;
      if (s[p] === '第') p++;
      const numNk = digitsAt(s, p, 5);
      const num = numNk[0];
      const nk = numNk[1];
      if (nk === 0 || nk > 4 || s[p + nk] !== '号') continue;
      const ce = p + nk + 1;
      out.push({ span: c.span(cs, ce), text: `国务院令第${num}号` });
      DOC_NUMBER_START.lastIndex = ce;
    }
  }
  return out;
}
