// The text without whitespace, with an offset map back to the original.
//
// Reports come from web pages, PDF text extraction and OCR: words are broken across lines and
// spaced out (`2024 年 1 月 1 日`, `统计期限为 2025\n年 1 月 1 日`). Scans for dates, titles and
// references run over this compact copy; every span they report is a span of the original text.
import type { Span } from './types';

/** 1 for the whitespace the compact text drops, by char code (a table: one load per character). */
const SPACE = new Uint8Array(0x10000);
for (const code of [0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0xa0, 0x3000, 0xfeff, 0x200b, 0x2028, 0x2029]) SPACE[code] = 1;
for (let code = 0x2000; code <= 0x200a; code++) SPACE[code] = 1;

/** The text without whitespace, and where each of its characters sits in the original. */
export class CompactText {
  readonly s: string;
  /** map[i] = original offset of compact character i; map[length] = text length. */
  private readonly map: Int32Array;

  constructor(readonly text: string) {
    const map = new Int32Array(text.length + 1);
    const parts: string[] = [];
    let n = 0;
    let runStart = -1;
    for (let i = 0; i < text.length; i++) {
      if (SPACE[text.charCodeAt(i)] === 1) {
        if (runStart >= 0) {
          parts.push(text.slice(runStart, i));
          runStart = -1;
        }
        continue;
      }
      if (runStart < 0) runStart = i;
      map[n++] = i;
    }
    if (runStart >= 0) parts.push(text.slice(runStart));
    map[n] = text.length;
    this.s = parts.join('');
    this.map = map.subarray(0, n + 1);
  }

  get length(): number {
    return this.s.length;
  }

  /** Original offset of compact index i. */
  offset(i: number): number {
    return this.map[Math.max(0, Math.min(i, this.s.length))];
  }

  /** The original span of compact range [cs, ce). */
  span(cs: number, ce: number): Span {
    if (ce <= cs) {
      const o = this.offset(cs);
      return { start: o, end: o };
    }
    return { start: this.map[cs], end: this.map[ce - 1] + 1 };
  }

  /** Compact characters i-1 and i are neighbours in the original (no whitespace between). */
  joined(i: number): boolean {
    return i > 0 && i < this.s.length && this.map[i] === this.map[i - 1] + 1;
  }

  /** The first compact index whose original offset is ≥ offset. */
  indexAt(offset: number): number {
    let lo = 0;
    let hi = this.s.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.map[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
