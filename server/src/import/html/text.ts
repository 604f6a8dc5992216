// Whitespace as a browser shows it, for Chinese text: runs of blanks become one space, and a source
// line break between two Chinese characters (editors and Word wrap long lines anywhere) disappears.

export function isCjk(code: number): boolean {
  return (code >= 0x2e80 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xffef);
}

const RUN = /[ \t\n\r\f\v\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;
const ONLY_ASCII_WS_WITH_BREAK = /^[ \t\f\v]*[\n\r][ \t\n\r\f\v]*$/;
const ZERO_WIDTH = /^[\u200b\ufeff]+$/;

/** One line of inline text: blanks collapsed, trimmed, wrapped Chinese rejoined. */
export function collapse(raw: string): string {
  const out = raw.replace(RUN, (run: string, offset: number, s: string) => {
    if (ZERO_WIDTH.test(run)) return '';
    if (offset === 0 || offset + run.length >= s.length) return ' ';
    if (ONLY_ASCII_WS_WITH_BREAK.test(run) && isCjk(s.charCodeAt(offset - 1)) && isCjk(s.charCodeAt(offset + run.length))) return '';
    return ' ';
  });
  return out.trim();
}

/** Characters that are not blanks (a text-amount measure for density). */
export function visibleLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x20 && c !== 0xa0 && c !== 0x3000 && c !== 0x200b && c !== 0xfeff) n++;
  }
  return n;
}
