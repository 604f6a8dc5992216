// Exact decimals as a scaled bigint: counts are integers (scale 0), 万元 amounts keep their digits.
// No floating point ever decides whether a total holds.

export interface Decimal {
  /** value = units / 10^scale */
  units: bigint;
  scale: number;
}

/**
 * Every decimal is made by this constructor, not by an object literal: a literal's allocation site
 * decides after a while whether its objects are born old, and that decision threw away the optimised
 * code of every parser function that had parseDecimal inlined. Same fields in the same order, one map.
 */
class Dec implements Decimal {
  declare readonly units: bigint;
  declare readonly scale: number;
  constructor(units: bigint, scale: number) {
    this.units = units;
    this.scale = scale;
  }
}

export const ZERO: Decimal = new Dec(0n, 0);

/**
 * Counts 0–9999 as shared values: a report's tables hold them by the hundred thousand, and a decimal
 * is never changed once made (every operation returns a new one).
 */
const SMALL: (Decimal | undefined)[] = new Array(10000);

/** Parses plain ASCII `-?digits(.digits)?`; returns undefined for anything else. */
export function parseDecimal(s: string): Decimal | undefined {
  if (s.length > 0 && s.length <= 4) {
    let n = 0;
    let i = 0;
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) break;
      n = n * 10 + (c - 48);
    }
    if (i === s.length) return (SMALL[n] ??= new Dec(BigInt(n), 0));
  }
  return parseLong(s);
}

function parseLong(s: string): Decimal | undefined {
  const negative = s.charCodeAt(0) === 45; // -
  const from = negative ? 1 : 0;
  let dot = -1;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (c !== 46 || dot >= 0) return undefined; // one . at most
    dot = i;
  }
  // A digit before the point (`.5` is not a number) and after it (`5.` is not either).
  if (s.length === from || dot === from || dot === s.length - 1) return undefined;
  const digits = dot < 0 ? s.slice(from) : s.slice(from, dot) + s.slice(dot + 1);
  const units = BigInt(digits);
  return new Dec(negative ? -units : units, dot < 0 ? 0 : s.length - dot - 1);
}

function rescale(d: Decimal, scale: number): bigint {
  return d.units * 10n ** BigInt(scale - d.scale);
}

export function add(a: Decimal, b: Decimal): Decimal {
  if (a.scale === b.scale) return new Dec(a.units + b.units, a.scale); // counts: no rescaling
  const scale = Math.max(a.scale, b.scale);
  return new Dec(rescale(a, scale) + rescale(b, scale), scale);
}

export function sub(a: Decimal, b: Decimal): Decimal {
  return add(a, new Dec(-b.units, b.scale));
}

export function sum(values: Decimal[]): Decimal {
  return values.reduce(add, ZERO);
}

export function compare(a: Decimal, b: Decimal): number {
  if (a.scale === b.scale) return a.units < b.units ? -1 : a.units > b.units ? 1 : 0;
  const scale = Math.max(a.scale, b.scale);
  const x = rescale(a, scale);
  const y = rescale(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function equals(a: Decimal, b: Decimal): boolean {
  return compare(a, b) === 0;
}

export function toString(d: Decimal): string {
  const negative = d.units < 0n;
  let digits = (negative ? -d.units : d.units).toString();
  if (d.scale > 0) {
    digits = digits.padStart(d.scale + 1, '0');
    let int = digits.slice(0, digits.length - d.scale);
    let frac = digits.slice(digits.length - d.scale);
    let end = frac.length;
    while (end > 0 && frac.charCodeAt(end - 1) === 48) end--; // trailing zeros (a loop: /0+$/ backtracks on long zero runs)
    frac = frac.slice(0, end);
    if (int === '') int = '0';
    digits = frac ? `${int}.${frac}` : int;
  }
  return negative && digits !== '0' ? `-${digits}` : digits;
}
