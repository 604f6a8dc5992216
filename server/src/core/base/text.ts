// Character-level helpers. Normalisation is one-to-one in UTF-16 units, so offsets found in a
// normalised line are offsets in the original text.

/** One line of a text. */
export interface Line {
  /** Offset of the first character. */
  start: number;
  /** Offset just past the last character, before the line break. */
  end: number;
  /** The raw text of the line (no line break). */
  text: string;
}

const FROM_CHAR_CODE_CHUNK = 8192;

/** The characters normalizeWidth changes (one class: a native scan, linear). */
const WIDTH_CHANGE = /[\uff01-\uff5e\u3000\u00a0\f\v]/;

function needsWidthChange(c: number): boolean {
  return (c >= 0xff01 && c <= 0xff5e) || c === 0x3000 || c === 0xa0 || c === 0x0c || c === 0x0b;
}

/** Full-width ASCII (digits, brackets, bar, punctuation) to half-width; ideographic/no-break space to space. */
export function normalizeWidth(s: string): string {
  // Most text is already half-width: find the first change before building anything.
  const first = s.search(WIDTH_CHANGE);
  if (first < 0) return s;
  const codes = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    codes[i] = c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : needsWidthChange(c) ? 0x20 : c;
  }
  // fromCharCode in chunks (argument count limit); keeps lone surrogates as they are, unlike TextDecoder.
  if (codes.length <= FROM_CHAR_CODE_CHUNK) return String.fromCharCode.apply(null, codes as unknown as number[]);
  let out = '';
  for (let i = 0; i < codes.length; i += FROM_CHAR_CODE_CHUNK) {
    out += String.fromCharCode.apply(null, codes.subarray(i, i + FROM_CHAR_CODE_CHUNK) as unknown as number[]);
  }
  return out;
}

export function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\u3000' || c === '\u00a0' || c === '\f' || c === '\v';
}

/**
 * 1 for a character that shows nothing: spaces of every width (Unicode Zs, TAB, form feeds) and the
 * invisible format characters a copy from Word, a web page or a PDF leaves in cells — byte order
 * mark U+FEFF, zero-width space, joiners and word joiner U+200B–U+200D and U+2060–U+2064, soft
 * hyphen, direction marks and embeddings, Mongolian vowel separator, interlinear annotation marks.
 * A table by char code: one load per character.
 */
const BLANK_CODES = new Uint8Array(0x10000);
for (const code of [0x09, 0x0b, 0x0c, 0x20, 0xa0, 0xad, 0x034f, 0x061c, 0x115f, 0x1160, 0x1680, 0x180e, 0x202f, 0x205f, 0x3000, 0x3164, 0xfeff, 0xffa0]) BLANK_CODES[code] = 1;
for (const [from, to] of [[0x2000, 0x200f], [0x202a, 0x202e], [0x2060, 0x206f], [0xfe00, 0xfe0f], [0xfff9, 0xfffb]]) for (let c = from; c <= to; c++) BLANK_CODES[c] = 1;

/** The character (by code) shows nothing: a space of any width or an invisible format character. */
export function isBlankCode(code: number): boolean {
  return BLANK_CODES[code] === 1;
}

/** A CJK ideograph (basic block, extension A, compatibility ideographs, or a surrogate of the planes above). */
export function isIdeographCode(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xd840 && code <= 0xd87f);
}

/** Splits into lines; CRLF, LF and lone CR all end a line. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  // Most text ends its lines with LF alone: a native search jumps from one to the next.
  if (text.indexOf('\r') < 0) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      lines.push({ start, end: i, text: text.slice(start, i) });
      start = i + 1;
    }
    lines.push({ start, end: text.length, text: text.slice(start) });
    return lines;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push({ start, end: i, text: text.slice(start, i) });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push({ start, end: text.length, text: text.slice(start) });
  return lines;
}

const KEY_DROP = new Set([
  ' ', '\t', ',', '，', '、', '.', '．', '。', ':', '：', ';', '；', '(', ')', '（', '）', '“', '”', '"', "'", '‘', '’',
  '《', '》', '-', '—', '_', '*', '#', '·', '|',
]);

/** Comparison key of a label: width-normalised, without spaces and punctuation. */
export const labelKey = memoize((s: string): string => {
  const n = normalizeWidth(s);
  let out = '';
  for (const ch of n) if (!KEY_DROP.has(ch) && !isBlankCode(ch.charCodeAt(0))) out += ch;
  return out;
});

/** Character bigrams of a string, for repeated similarity comparisons. */
export interface Profile {
  /**
   * Each bigram as its two UTF-16 units in one number (first << 16 | second), sorted, repeats kept:
   * a compact multiset that two profiles are compared on by one merge, with no map per profile.
   */
  grams: Uint32Array;
  size: number;
  text: string;
}

export const profile = memoize(bigramProfile);

function bigramProfile(text: string): Profile {
  const size = Math.max(0, text.length - 1);
  const grams = new Uint32Array(size);
  for (let i = 0; i < size; i++) grams[i] = ((text.charCodeAt(i) << 16) | text.charCodeAt(i + 1)) >>> 0;
  grams.sort();
  return { grams, size, text };
}

/** Sørensen–Dice similarity over character bigrams (0..1); good for Chinese labels. */
export function profileSimilarity(a: Profile, b: Profile): number {
  if (a.text === b.text) return 1;
  if (a.size === 0 || b.size === 0) return 0;
  // Bigrams in common, repeats counted as often as both have them: one merge of the sorted lists.
  const x = a.grams;
  const y = b.grams;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      common++;
      i++;
      j++;
    } else if (x[i] < y[j]) i++;
    else j++;
  }
  return (2 * common) / (a.size + b.size);
}

export function similarity(a: string, b: string): number {
  return a === b ? 1 : profileSimilarity(profile(a), profile(b));
}

/**
 * Memoises a pure function of a string. Report labels come from a small vocabulary, so checking the
 * same document again (every keystroke) finds them cached; the cache is dropped when it grows large.
 */
const MAX_MEMO_KEY = 256;

export function memoize<V>(fn: (s: string) => V, max = 4096): (s: string) => V {
  const cache = new Map<string, V>();
  return (s: string) => {
    if (s.length > MAX_MEMO_KEY) return fn(s); // long text is prose, not a label: not worth keeping
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as V;
    if (cache.size >= max) cache.clear();
    const value = fn(s);
    cache.set(s, value);
    return value;
  };
}

/** The line ending a text uses (its first one), `\n` when it has none. */
export function eolOf(text: string): string {
  const i = text.search(/\r\n|\n|\r/);
  return i < 0 ? '\n' : text[i] === '\r' && text[i + 1] === '\n' ? '\r\n' : text[i];
}

/** ASCII value of a half- or full-width digit's code, or -1. */
function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
  return -1;
}

/**
 * The numbers a line writes, as their digit runs (full-width made ASCII), leaving out numbering
 * markers (`1.`, `2、` before a word) and a line that is only a page number (`-3-`, `— 12 —`).
 */
export function dataNumbers(text: string): string[] {
  const out: string[] = [];
  let nonSpace = 0;
  for (let i = 0; i < text.length; ) {
    if (digitValue(text.charCodeAt(i)) < 0) {
      const c = text.charCodeAt(i);
      if (!isBlankCode(c) && c !== 0x2d && c !== 0x2014 && c !== 0x2013) nonSpace++;
      i++;
      continue;
    }
    let run = '';
    let j = i;
    for (; j < text.length && digitValue(text.charCodeAt(j)) >= 0; j++) run += digitValue(text.charCodeAt(j));
    const next = text[j];
    const marker = (next === '.' || next === '．' || next === '、') && digitValue(text.charCodeAt(j + 1)) < 0 && j + 1 < text.length && !isBlankCode(text.charCodeAt(j + 1));
    if (!marker) out.push(run);
    i = j;
  }
  // A line of one short number and dashes or blanks only is a page number of extracted PDF text.
  if (nonSpace === 0 && out.length === 1 && out[0].length <= 3) return [];
  return out;
}
