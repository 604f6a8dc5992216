// Automatic numbering (w:numPr): the marker Word draws before a numbered paragraph, e.g. `一、`,
// `（二）`, `3.`, rebuilt from word/numbering.xml (and paragraph styles that carry a numbering).
// Bullets are dropped: they carry no heading number and are private-use glyphs.
import { attr, localName, parseXml } from './xml';

interface Level {
  start: number;
  format: string;
  text: string;
  /** What follows the marker: tab (default), space or nothing. */
  suffix: string;
}

interface NumInstance {
  abstractId: string;
  /** Per level: a replacement level definition and/or a restart value. */
  overrides: Map<number, { start?: number; level?: Level }>;
}

export interface StyleNumbering {
  numId?: string;
  ilvl?: number;
  basedOn?: string;
}

function newLevel(): Level {
  return { start: 1, format: 'decimal', text: '', suffix: 'tab' };
}

/** numbering.xml → its abstract definitions and numbering instances. */
export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, NumInstance>();
  private readonly counters = new Map<string, (number | undefined)[]>();
  /** Paragraph styles that carry a numbering (styleId → numPr, basedOn). */
  styles = new Map<string, StyleNumbering>();

  constructor(xml: string, maxDepth: number) {
    let abstract: Map<number, Level> | undefined;
    let num: NumInstance | undefined;
    let level: Level | undefined;
    let override: { start?: number; level?: Level } | undefined;
    parseXml(
      xml,
      {
        open: (name, a) => {
          switch (localName(name)) {
            case 'abstractNum':
              abstract = new Map();
              this.abstracts.set(attr(a, 'abstractNumId') ?? '', abstract);
              break;
            case 'num':
              num = { abstractId: '', overrides: new Map() };
              this.nums.set(attr(a, 'numId') ?? '', num);
              break;
            case 'abstractNumId':
              if (num) num.abstractId = attr(a, 'val') ?? '';
              break;
            case 'lvlOverride':
              if (num) {
                override = {};
                num.overrides.set(Number(attr(a, 'ilvl') ?? 0), override);
              }
              break;
            case 'startOverride':
              if (override) override.start = Number(attr(a, 'val') ?? 1);
              break;
            case 'lvl':
              level = newLevel();
              if (override) override.level = level;
              else abstract?.set(Number(attr(a, 'ilvl') ?? 0), level);
              break;
            case 'start':
              if (level) level.start = Number(attr(a, 'val') ?? 1) || 0;
              break;
            case 'numFmt':
              if (level) level.format = attr(a, 'val') ?? 'decimal';
              break;
            case 'lvlText':
              if (level) level.text = attr(a, 'val') ?? '';
              break;
            case 'suff':
              if (level) level.suffix = attr(a, 'val') ?? 'tab';
              break;
          }
        },
        close: (name) => {
          switch (localName(name)) {
            case 'abstractNum':
              abstract = undefined;
              break;
            case 'num':
              num = undefined;
              break;
            case 'lvlOverride':
              override = undefined;
              break;
            case 'lvl':
              level = undefined;
              break;
          }
        },
      },
      maxDepth,
    );
  }

  /** Whether any list draws a number (not only bullets): else markers need not be computed. */
  hasNumbers(): boolean {
    for (const levels of this.abstracts.values()) {
      for (const l of levels.values()) if (l.format !== 'bullet' && l.format !== 'none' && /%\d/.test(l.text)) return true;
    }
    return false;
  }

  /** The numbering of a paragraph style, following basedOn (a few steps at most). */
  styleNumbering(styleId: string | undefined): { numId?: string; ilvl?: number } {
    let numId: string | undefined;
    let ilvl: number | undefined;
    for (let id = styleId, steps = 0; id !== undefined && steps < 16; steps++) {
      const s = this.styles.get(id);
      if (!s) break;
      numId ??= s.numId;
      ilvl ??= s.ilvl;
      id = s.basedOn;
    }
    return { numId, ilvl };
  }

  /**
   * The marker of the next paragraph of list `numId` at level `ilvl` (advancing the counters), with the
   * separator Word puts after it; '' for bullets, unknown lists and numId 0 (numbering removed).
   */
  next(numId: string, ilvl: number): string {
    const num = this.nums.get(numId);
    if (!num || numId === '0') return '';
    const levels = this.abstracts.get(num.abstractId);
    const levelAt = (i: number): Level | undefined => num.overrides.get(i)?.level ?? levels?.get(i);
    const level = levelAt(ilvl);
    if (!level) return '';
    // Instances with overrides count on their own; plain instances of one definition share counters.
    const key = num.overrides.size > 0 ? `n${numId}` : `a${num.abstractId}`;
    let counts = this.counters.get(key);
    if (!counts) {
      counts = [];
      this.counters.set(key, counts);
      for (const [i, o] of num.overrides) if (o.start !== undefined) counts[i] = o.start - 1;
    }
    const startOf = (i: number) => num.overrides.get(i)?.start ?? levelAt(i)?.start ?? 1;
    counts[ilvl] = counts[ilvl] === undefined ? startOf(ilvl) : counts[ilvl]! + 1;
    for (let d = ilvl + 1; d < 10; d++) counts[d] = undefined;
    if (level.format === 'bullet') return '';
    const marker = level.text.replace(/%([1-9])/g, (_, n: string) => {
      const i = Number(n) - 1;
      const l = levelAt(i);
      const value = counts![i] ?? startOf(i);
      return formatNumber(value, i === ilvl ? level.format : (l?.format ?? 'decimal'));
    });
    if (marker === '') return '';
    if (level.suffix === 'nothing' || /[、，,．。：:）)\]】〕]$/.test(marker)) return marker;
    return marker + ' ';
  }
}

const CN_DIGITS = '〇一二三四五六七八九';
const CN_LEGAL = '零壹贰叁肆伍陆柒捌玖';

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (below 100 000). */
export function chineseCounting(n: number, digits = CN_DIGITS, units = ['', '十', '百', '千', '万']): string {
  if (n === 0) return digits[0];
  if (n < 0 || n >= 100_000) return String(n);
  const s = String(n);
  let out = '';
  let zero = false;
  for (let i = 0; i < s.length; i++) {
    const d = Number(s[i]);
    const unit = units[s.length - 1 - i];
    if (d === 0) {
      zero = true;
      continue;
    }
    if (zero && out !== '') out += digits[0];
    zero = false;
    // 十一, not 一十一, when ten is the leading unit.
    if (!(d === 1 && unit === units[1] && i === 0 && digits === CN_DIGITS)) out += digits[d];
    out += unit;
  }
  return out;
}

function letters(n: number, upper: boolean): string {
  if (n <= 0) return String(n);
  const ch = String.fromCharCode((upper ? 65 : 97) + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

/** A counter value in a w:numFmt format (the ones Chinese reports use, and the common Western ones). */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'none':
    case 'bullet':
      return '';
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
      return chineseCounting(n);
    case 'chineseLegalSimplified':
      return chineseCounting(n, CN_LEGAL, ['', '拾', '佰', '仟', '万']);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return String(n).replace(/\d/g, (d) => CN_DIGITS[Number(d)]);
    case 'ideographTraditional':
      return n >= 1 ? '甲乙丙丁戊己庚辛壬癸'[(n - 1) % 10] : String(n);
    case 'ideographZodiac':
      return n >= 1 ? '子丑寅卯辰巳午未申酉戌亥'[(n - 1) % 12] : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'upperLetter':
      return letters(n, true);
    case 'lowerLetter':
      return letters(n, false);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    default:
      return String(n);
  }
}

/** Paragraph styles with numbering, from styles.xml. */
export function readStyleNumbering(xml: string, maxDepth: number): Map<string, StyleNumbering> {
  const styles = new Map<string, StyleNumbering>();
  let style: StyleNumbering | undefined;
  let inPPr = false;
  parseXml(
    xml,
    {
      open(name, a) {
        switch (localName(name)) {
          case 'style':
            style = {};
            if ((attr(a, 'type') ?? 'paragraph') === 'paragraph') styles.set(attr(a, 'styleId') ?? '', style);
            break;
          case 'basedOn':
            if (style) style.basedOn = attr(a, 'val');
            break;
          case 'pPr':
            inPPr = true;
            break;
          case 'numId':
            if (style && inPPr) style.numId = attr(a, 'val');
            break;
          case 'ilvl':
            if (style && inPPr) style.ilvl = Number(attr(a, 'val') ?? 0);
            break;
        }
      },
      close(name) {
        const l = localName(name);
        if (l === 'style') style = undefined;
        else if (l === 'pPr') inPPr = false;
      },
    },
    maxDepth,
  );
  return styles;
}
