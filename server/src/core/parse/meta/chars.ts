// Character tests and small scanners shared by the metadata scans (all on the compact text).

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

export function isCjk(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || c === 0x3007;
}

/** Up to `max` ASCII digits at i; returns [value, count]. */
export function digitsAt(s: string, i: number, max: number): [number, number] {
  let v = 0;
  let k = 0;
  while (k < max && isDigit(s[i + k])) {
    v = v * 10 + (s.charCodeAt(i + k) - 48);
    k++;
  }
  return [v, k];
}

/** True when any character of `chars` occurs in s. */
export function hasAny(s: string, chars: string): boolean {
  for (const ch of s) if (chars.includes(ch)) return true;
  return false;
}
