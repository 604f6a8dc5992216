// When the report was signed (the date line at its end, or under its title) and published (`发布时间：…`).
import type { Line } from '../../base/text';
import type { CompactText } from '../../base/compact';
import type { RawDate } from './dates';
import { hasAny } from './chars';
import { TITLE_STOP, type TitleFound } from './title';

/** Bodies whose name may stand before the date on a signature line (`昆明市政务服务管理局 2020年1月17日`). */
const ISSUER_ENDING = /(政府|局|委|委员会|办公室|办公厅|办|室|厅|处|中心|街道|办事处|会|院|所|站|队)$/;

/**
 * The date a line holds as a signature: the date alone (`2020年1月17日`, `(2026年1月23日)`), or after
 * the body's name on the same line.
 */
function signatureDate(c: CompactText, ln: Line, byStart: ReadonlyMap<number, RawDate>): RawDate | undefined {
  const s = c.s;
  if (ln.end - ln.start > 160) return undefined;
  let [cs, ce] = [c.indexAt(ln.start), c.indexAt(ln.end)];
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
    return ISSUER_ENDING.test(prefix) ? e : undefined;
  }
  return undefined;
}

const isBlank = (c: CompactText, ln: Line) => c.indexAt(ln.end) <= c.indexAt(ln.start);

/** The signature date: on one of the last lines of the text, else right under the title. */
export function findSigned(c: CompactText, lines: readonly Line[], byStart: ReadonlyMap<number, RawDate>, title: TitleFound | undefined): RawDate | undefined {
  let seen = 0;
  for (let li = lines.length - 1; li >= 0 && seen < 6; li--) {
    const ln = lines[li];
    if (isBlank(c, ln)) continue;
    seen++;
    const d = signatureDate(c, ln, byStart);
    if (d) return d;
    if (c.indexAt(ln.end) - c.indexAt(ln.start) > 40) break; // prose: the signature block is over
  }
  if (!title) return undefined;
  let seenUnder = 0;
  for (let li = title.lastLine + 1; li < lines.length && seenUnder < 3; li++) {
    if (isBlank(c, lines[li])) continue;
    seenUnder++;
    const d = signatureDate(c, lines[li], byStart);
    if (d) return d;
  }
  return undefined;
}

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
const LONGEST_KEY = Math.max(...KEYS.map(([key]) => key.length));

/** The dates a report says it was published and written on. */
type Publication = { published?: RawDate; written?: RawDate };

/** `发布时间：…` (published) and `成文日期：…` (written) in the head or on the last lines. */
export function findPublication(
  c: CompactText,
  lines: readonly Line[],
  byStart: ReadonlyMap<number, RawDate>,
  headEnd: number,
): Publication {
  const s = c.s;
  let tailStart = 0;
  for (let li = lines.length - 1, seen = 0; li >= 0; li--) {
    if (!isBlank(c, lines[li]) && ++seen >= 8) {
      tailStart = c.indexAt(lines[li].start);
      break;
    }
  }
  const found: Publication = {};
  findKeyedDates(c, byStart, 0, headEnd, found);
  findKeyedDates(c, byStart, Math.max(tailStart, headEnd), s.length, found);
  return found;
}

/** The dates right after a key (`发布时间：`) in compact [from, to), each kind's first kept in `found`. */
function findKeyedDates(c: CompactText, byStart: ReadonlyMap<number, RawDate>, from: number, to: number, found: Publication): void {
  const s = c.s;
  // A key found must start before `to`: searched for in the region only, not in the rest of the text.
  // Index loops, not for-of with destructuring: smaller optimised code, compiled sooner (cold runs).
  const region = s.slice(from, to + LONGEST_KEY - 1);
  for (let n = 0; n < KEYS.length; n++) {
    const key = KEYS[n][0];
    const kind = KEYS[n][1];
    let k = region.indexOf(key);
    let guard = 0;
    while (k >= 0 && from + k < to && guard++ < 50) {
      let p = from + k + key.length;
      if (s[p] === ':' || s[p] === '：') p++;
      const d = byStart.get(p);
      if (d) {
        found[kind] ??= d;
        break;
      }
      k = region.indexOf(key, k + 1);
    }
  }
}
