// References to the 条例's articles, paragraphs and items: `《条例》第二十条第（一）项`, `第十六条第二款`.
// Conservative: a reference to another act is marked so that it is never checked against the 条例.
import type { LawReference } from '../../model/model';
import type { CompactText } from '../../base/compact';
import { isChineseNumeralChar, parseChineseNumeral } from '../../base/numerals';
import { digitsAt, isCjk, isDigit } from './chars';

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
    const vK = digitsAt(s, i, 4);
    const v = vK[0];
    const k = vK[1];
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

/** An article numeral of a reference, at compact [cs, ce). */
interface Numeral {
  value: number;
  cs: number;
  ce: number;
  arabic: boolean;
}

export function scanLawRefs(c: CompactText): LawReference[] {
  const s = c.s;
  const out: LawReference[] = [];
  for (let i = s.indexOf('第'); i >= 0; i = s.indexOf('第', i + 1)) {
    // Article numerals: 第二十条 or 第二十、二十一条.
    const nums: Numeral[] = [];
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
    if (ok) i = readReference(c, i, nums, p, out) - 1;
  }
  return out;
}

/**
 * The reference whose 第 is at i and whose article numerals end at `articleEnd` (its 条 included),
 * pushed to `out`; returns where the scan goes on. Out of line: most 第 start no article (第一季度).
 */
function readReference(c: CompactText, i: number, nums: Numeral[], articleEnd: number, out: LawReference[]): number {
  const s = c.s;
  let p = articleEnd;
  // Arabic article numbers are counted things (第3条建议) unless a law is named right before.
  let arabic = false;
  for (let k = 0; k < nums.length; k++) if (nums[k].arabic) arabic = true;
  if (arabic && s[i - 1] !== '》' && !s.slice(Math.max(0, i - 2), i).endsWith('条例')) return articleEnd;
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
    for (let k = 0; k < items.length; k++) {
      const cs = k === 0 ? i : items[k].cs;
      const ce = k === items.length - 1 ? p : items[k].ce;
      out.push({ span: c.span(cs, ce), article: nums[0].value, paragraph, item: items[k].value, toRegulation });
    }
  } else if (nums.length === 1) {
    out.push({ span: c.span(i, paragraphEnd), article: nums[0].value, paragraph, toRegulation });
  } else {
    for (let k = 0; k < nums.length; k++) {
      const cs = k === 0 ? i : nums[k].cs;
      const ce = k === nums.length - 1 ? articleEnd : nums[k].ce;
      out.push({ span: c.span(cs, ce), article: nums[k].value, toRegulation });
    }
  }
  return p;
}
