// Chinese numerals as written in headings and legal references (一 … 九十九, 一百…).

/** Digits as written in Chinese numerals; 〇 ○ Ｏ are zero in years and references. */
export const CHINESE_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, 'Ｏ': 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** By char code: `ch in CHINESE_DIGITS` would look a fresh one-character string up in the string table. */
const NUMERAL_CODES = new Set([...Object.keys(CHINESE_DIGITS), '十', '百'].map((ch) => ch.charCodeAt(0)));

export function isChineseNumeralChar(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && NUMERAL_CODES.has(ch.charCodeAt(0));
}

/** 一 … 九百九十九, including 一百零五; undefined when the text is not such a numeral. */
export function parseChineseNumeral(s: string): number | undefined {
  if (s.length === 0 || s.length > 7) return undefined;
  let total = 0;
  let current = -1;
  for (const ch of s) {
    if (ch === '十') {
      total += (current < 0 ? 1 : current) * 10;
      current = -1;
    } else if (ch === '百') {
      if (current < 0) return undefined;
      total += current * 100;
      current = -1;
    } else if (ch in CHINESE_DIGITS) {
      const d = CHINESE_DIGITS[ch];
      if (d === 0) {
        if (current >= 0 || total === 0) return undefined; // 零 only after 百: 一百零五
        continue;
      }
      if (current >= 0) return undefined; // two digits in a row (一二)
      current = d;
    } else return undefined;
  }
  if (current >= 0) total += current;
  return total > 0 ? total : undefined;
}

const SMALL = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 20 → 二十, 56 → 五十六, 105 → 一百零五, 120 → 一百二十 (up to 999). */
export function toChineseNumeral(n: number): string {
  if (n < 10) return SMALL[n];
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return `${tens === 1 ? '' : SMALL[tens]}十${ones === 0 ? '' : SMALL[ones]}`;
  }
  const rest = n % 100;
  const hundreds = `${SMALL[Math.floor(n / 100) % 10]}百`;
  if (rest === 0) return hundreds;
  // 一百一十: the ten is written in full after 百; 一百零五: a gap is written 零.
  return rest < 10 ? `${hundreds}零${SMALL[rest]}` : `${hundreds}${rest < 20 ? '一' : ''}${toChineseNumeral(rest)}`;
}
