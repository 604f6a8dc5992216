// Chinese numerals as written in headings and legal references (一 … 九十九, 一百…).

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

export function isChineseNumeralChar(ch: string): boolean {
  return ch in DIGITS || ch === '十' || ch === '百';
}

/** Value of a Chinese numeral up to 999, or undefined when the text is not one. */
export function parseChineseNumeral(s: string): number | undefined {
  if (s.length === 0 || s.length > 6) return undefined;
  let total = 0;
  let current = -1;
  for (const ch of s) {
    if (ch in DIGITS) {
      if (current >= 0) return undefined; // two digits in a row (一二)
      current = DIGITS[ch];
    } else if (ch === '十') {
      total += (current < 0 ? 1 : current) * 10;
      current = -1;
    } else if (ch === '百') {
      if (current < 0) return undefined;
      total += current * 100;
      current = -1;
    } else {
      return undefined;
    }
  }
  if (current >= 0) total += current;
  return total === 0 && !s.includes('零') && !s.includes('〇') ? undefined : total;
}

const SMALL = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 20 → 二十, 56 → 五十六 (up to 99). */
export function toChineseNumeral(n: number): string {
  if (n < 10) return SMALL[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : SMALL[tens]}十${ones === 0 ? '' : SMALL[ones]}`;
}
