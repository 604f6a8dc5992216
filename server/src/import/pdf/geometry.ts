// What the layout analysis works on: a page's text runs and its straight horizontal and vertical
// strokes, all in page coordinates with the origin at the top-left corner and y growing downwards.
// Nothing here knows pdf.js; extract.ts fills these from it and tests can build them by hand.

/** A piece of text on one baseline, with its box. */
export interface TextRun {
  str: string;
  x0: number;
  x1: number;
  /** Top and bottom of the glyph box (y grows downwards). */
  top: number;
  bottom: number;
  /** Font size on the page. */
  size: number;
}

/** A straight stroke: a horizontal one at y = pos from x = from to x = to, or a vertical one at x = pos. */
export interface Segment {
  pos: number;
  from: number;
  to: number;
}

export interface PageContent {
  /** 1-based page number. */
  page: number;
  width: number;
  height: number;
  runs: TextRun[];
  hLines: Segment[];
  vLines: Segment[];
  /** Text-showing operations on the page: text is drawn even when none of it could be decoded. */
  textOps?: number;
}

/** An affine matrix [a, b, c, d, e, f] as PDF writes it. */
export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** The matrix that applies `n` first, then `m`. */
export function compose(m: Matrix, n: ArrayLike<number>): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

export function isCjkCode(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xffef)
  );
}

/** Rough advance of a character in ems: CJK and full-width forms are square, the rest about half. */
export function charWeight(code: number): number {
  return isCjkCode(code) ? 1 : 0.55;
}

/**
 * A horizontal run cut into pieces at its blanks and wherever `zoneOf` (e.g. the table column under a
 * character) changes, each piece placed by the rough advances of its characters: pdf.js gives the
 * width of a run, not of each glyph.
 */
export function splitRun(run: TextRun, zoneOf: (x: number) => number = () => 0): TextRun[] {
  const chars = Array.from(run.str);
  const weights = chars.map((ch) => charWeight(ch.codePointAt(0) ?? 0));
  const total = weights.reduce((a, b) => a + b, 0);
  const scale = total > 0 ? (run.x1 - run.x0) / total : 0;
  const out: TextRun[] = [];
  let x = run.x0;
  let piece = '';
  let pieceX0 = x;
  let pieceZone = NaN;
  for (let i = 0; i < chars.length; i++) {
    const w = weights[i] * scale;
    const blank = chars[i].trim() === '';
    const zone = zoneOf(x + w / 2);
    if (piece !== '' && (blank || zone !== pieceZone)) {
      out.push({ ...run, str: piece, x0: pieceX0, x1: x });
      piece = '';
    }
    if (!blank) {
      if (piece === '') {
        pieceX0 = x;
        pieceZone = zone;
      }
      piece += chars[i];
    }
    x += w;
  }
  if (piece !== '') out.push({ ...run, str: piece, x0: pieceX0, x1: x });
  return out;
}
