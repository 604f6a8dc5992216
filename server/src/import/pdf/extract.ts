// One pdf.js page → its text runs and straight strokes (geometry.ts), in top-left page coordinates.
//
// Text comes from pdf.js's text content, except for fonts in vertical writing mode: pdf.js 5.4 drops
// characters of vertical text whose glyphs are spread out (the `三、本年度办理结果` label of the
// 洪泽 reports comes out as `三、本年`), so those glyphs are placed from the operator list instead.
// Strokes come from the operator list: stroked paths and thin filled rectangles, under the current
// transformation matrix; white ones are skipped.
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { apply, compose, IDENTITY, splitRun, type Matrix, type PageContent, type Segment, type TextRun } from './geometry';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** Strokes kept per page; a page drawn from tens of thousands of strokes is a drawing, not a table. */
const MAX_SEGMENTS = 20_000;

/** pdf.js's path buffer codes (DrawOPS). */
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUAD_TO = 3;
const CLOSE = 4;

interface Glyph {
  unicode?: string;
  width?: number;
  isSpace?: boolean;
  vmetric?: number[];
}

interface GState {
  ctm: Matrix;
  stroke: string;
  fill: string;
  font: string;
  size: number;
  charSpacing: number;
  wordSpacing: number;
  leading: number;
  rise: number;
}

const WHITE = new Set(['#ffffff', '#fff', 'white']);

export async function extractPage(pdfjs: PdfJs, page: PDFPageProxy, pageNumber: number): Promise<PageContent> {
  const viewport = page.getViewport({ scale: 1 });
  const vt = viewport.transform as unknown as Matrix;
  const content = await page.getTextContent({ disableNormalization: false });
  const verticalFonts = new Set<string>();
  for (const [name, style] of Object.entries(content.styles)) if (style.vertical) verticalFonts.add(name);

  const runs: TextRun[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '' || verticalFonts.has(item.fontName)) continue;
    const run = runOfItem(vt, item.transform as number[], item.width, item.str);
    if (run) for (const piece of splitRun(run)) runs.push(piece);
  }

  const ops = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
  const hLines: Segment[] = [];
  const vLines: Segment[] = [];
  const textOps = walkOperators(pdfjs.OPS, ops.fnArray, ops.argsArray, vt, verticalFonts, runs, hLines, vLines);
  return { page: pageNumber, width: viewport.width, height: viewport.height, runs, hLines, vLines, textOps };
}

/** A text content item as a run; rotated items keep their bounding box. */
function runOfItem(vt: Matrix, transform: number[], width: number, str: string): TextRun | undefined {
  const m = compose(vt, transform);
  const size = Math.hypot(m[2], m[3]);
  const along = Math.hypot(m[0], m[1]);
  if (!(size > 0) || !(along > 0) || !Number.isFinite(m[4]) || !Number.isFinite(m[5])) return undefined;
  const ux = m[0] / along;
  const uy = m[1] / along;
  if (Math.abs(uy) < 0.05 && ux > 0) {
    // Upright text: the common case.
    return { str, x0: m[4], x1: m[4] + Math.max(width, 0), top: m[5] - 0.85 * size, bottom: m[5] + 0.15 * size, size };
  }
  // Rotated text: the box of the run's four corners ("up" is the transformed text-space y axis).
  const upx = m[2] / size;
  const upy = m[3] / size;
  const xs: number[] = [];
  const ys: number[] = [];
  for (const t of [0, width]) {
    for (const s of [-0.15 * size, 0.85 * size]) {
      xs.push(m[4] + ux * t + upx * s);
      ys.push(m[5] + uy * t + upy * s);
    }
  }
  return { str, x0: Math.min(...xs), x1: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys), size };
}

function walkOperators(
  OPS: PdfJs['OPS'],
  fnArray: number[],
  argsArray: unknown[],
  vt: Matrix,
  verticalFonts: Set<string>,
  runs: TextRun[],
  hLines: Segment[],
  vLines: Segment[],
): number {
  let textOps = 0;
  let gs: GState = {
    ctm: IDENTITY,
    stroke: '#000000',
    fill: '#000000',
    font: '',
    size: 0,
    charSpacing: 0,
    wordSpacing: 0,
    leading: 0,
    rise: 0,
  };
  const stack: GState[] = [];
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;
  const strokeOps = new Set<number>([
    OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke,
  ]);
  const fillOps = new Set<number>([OPS.fill, OPS.eoFill]);
  let budget = MAX_SEGMENTS;

  const addSegment = (x0: number, y0: number, x1: number, y1: number) => {
    if (budget <= 0) return;
    const dx = Math.abs(x1 - x0);
    const dy = Math.abs(y1 - y0);
    if (dy <= 0.8 && dx >= 2) {
      hLines.push({ pos: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) });
      budget--;
    } else if (dx <= 0.8 && dy >= 2) {
      vLines.push({ pos: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) });
      budget--;
    }
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
        stack.push(gs);
        gs = { ...gs };
        break;
      case OPS.restore:
        gs = stack.pop() ?? gs;
        break;
      case OPS.transform:
        if (args && args.length >= 6) gs.ctm = compose(gs.ctm, args as number[]);
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push(gs);
        gs = { ...gs };
        const matrix = args?.[0] as number[] | null | undefined;
        if (matrix && matrix.length >= 6) gs.ctm = compose(gs.ctm, matrix);
        break;
      }
      case OPS.paintFormXObjectEnd:
        gs = stack.pop() ?? gs;
        break;
      case OPS.setStrokeRGBColor:
        gs.stroke = String(args?.[0] ?? '').toLowerCase();
        break;
      case OPS.setFillRGBColor:
        gs.fill = String(args?.[0] ?? '').toLowerCase();
        break;
      case OPS.constructPath: {
        if (budget <= 0 || !args) break;
        const op = args[0] as number;
        const buffer = (args[1] as (ArrayLike<number> | null)[] | undefined)?.[0];
        if (!buffer) break;
        const stroked = strokeOps.has(op) && !WHITE.has(gs.stroke);
        const filled = (fillOps.has(op) || op === OPS.fillStroke || op === OPS.eoFillStroke) && !WHITE.has(gs.fill);
        if (!stroked && !filled) break;
        pathSegments(buffer, compose(vt, gs.ctm), stroked, filled, addSegment);
        break;
      }
      // Text state, followed only to place glyphs of vertical fonts.
      case OPS.beginText:
        tm = IDENTITY;
        tlm = IDENTITY;
        break;
      case OPS.setFont:
        gs.font = String(args?.[0] ?? '');
        gs.size = Number(args?.[1]) || 0;
        break;
      case OPS.setCharSpacing:
        gs.charSpacing = Number(args?.[0]) || 0;
        break;
      case OPS.setWordSpacing:
        gs.wordSpacing = Number(args?.[0]) || 0;
        break;
      case OPS.setLeading:
        gs.leading = Number(args?.[0]) || 0;
        break;
      case OPS.setTextRise:
        gs.rise = Number(args?.[0]) || 0;
        break;
      case OPS.setTextMatrix: {
        const m = (args?.[0] ?? args) as ArrayLike<number> | undefined;
        if (m && m.length >= 6) {
          tm = [m[0], m[1], m[2], m[3], m[4], m[5]];
          tlm = tm;
        }
        break;
      }
      case OPS.moveText:
      case OPS.setLeadingMoveText: {
        const tx = Number(args?.[0]) || 0;
        const ty = Number(args?.[1]) || 0;
        if (fn === OPS.setLeadingMoveText) gs.leading = -ty;
        tlm = compose(tlm, [1, 0, 0, 1, tx, ty]);
        tm = tlm;
        break;
      }
      case OPS.nextLine:
        tlm = compose(tlm, [1, 0, 0, 1, 0, -gs.leading]);
        tm = tlm;
        break;
      case OPS.showText:
        textOps++;
        if (verticalFonts.has(gs.font) && Array.isArray(args?.[0])) {
          tm = verticalGlyphs(args[0] as (Glyph | number | null)[], gs, tm, compose(vt, gs.ctm), runs);
        }
        break;
    }
  }
  return textOps;
}

/** The straight pieces of one painted path. */
function pathSegments(
  buffer: ArrayLike<number>,
  m: Matrix,
  stroked: boolean,
  filled: boolean,
  add: (x0: number, y0: number, x1: number, y1: number) => void,
): void {
  let startX = 0;
  let startY = 0;
  let curX = 0;
  let curY = 0;
  let sub: number[] = []; // corners of the current subpath when it is made of straight lines only
  let straight = true;
  const endSubpath = () => {
    if (filled && straight) thinRectangle(sub, add);
    sub = [];
    straight = true;
  };
  for (let k = 0; k < buffer.length; ) {
    const code = buffer[k++];
    if (code === MOVE_TO) {
      endSubpath();
      [curX, curY] = apply(m, buffer[k], buffer[k + 1]);
      k += 2;
      startX = curX;
      startY = curY;
      sub.push(curX, curY);
    } else if (code === LINE_TO) {
      const [x, y] = apply(m, buffer[k], buffer[k + 1]);
      k += 2;
      if (stroked) add(curX, curY, x, y);
      curX = x;
      curY = y;
      sub.push(x, y);
    } else if (code === CURVE_TO || code === QUAD_TO) {
      const n = code === CURVE_TO ? 6 : 4;
      [curX, curY] = apply(m, buffer[k + n - 2], buffer[k + n - 1]);
      k += n;
      straight = false;
    } else if (code === CLOSE) {
      if (stroked) add(curX, curY, startX, startY);
      curX = startX;
      curY = startY;
    } else {
      break; // unknown code: the rest cannot be read reliably
    }
  }
  endSubpath();
}

/** A filled axis-aligned rectangle no thicker than a rule is a line (some writers draw borders so). */
function thinRectangle(corners: number[], add: (x0: number, y0: number, x1: number, y1: number) => void): void {
  const n = corners.length / 2;
  if (n < 4 || n > 5) return;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < corners.length; i += 2) {
    minX = Math.min(minX, corners[i]);
    maxX = Math.max(maxX, corners[i]);
    minY = Math.min(minY, corners[i + 1]);
    maxY = Math.max(maxY, corners[i + 1]);
  }
  // Every corner must sit on the box: an axis-aligned rectangle, not a slanted shape.
  for (let i = 0; i < corners.length; i += 2) {
    const onX = Math.abs(corners[i] - minX) < 0.5 || Math.abs(corners[i] - maxX) < 0.5;
    const onY = Math.abs(corners[i + 1] - minY) < 0.5 || Math.abs(corners[i + 1] - maxY) < 0.5;
    if (!onX || !onY) return;
  }
  const w = maxX - minX;
  const h = maxY - minY;
  if (h <= 2.5 && w >= 4) add(minX, (minY + maxY) / 2, maxX, (minY + maxY) / 2);
  else if (w <= 2.5 && h >= 4) add((minX + maxX) / 2, minY, (minX + maxX) / 2, maxY);
}

/**
 * Glyphs of a vertical font placed one below the other: the text position is the top centre of a glyph
 * and advances downwards by the glyph's vertical advance (one em unless the font says otherwise).
 */
function verticalGlyphs(glyphs: (Glyph | number | null)[], gs: GState, tm: Matrix, m: Matrix, runs: TextRun[]): Matrix {
  for (const glyph of glyphs) {
    if (typeof glyph === 'number') {
      tm = compose(tm, [1, 0, 0, 1, 0, (-glyph / 1000) * gs.size]);
      continue;
    }
    if (!glyph) continue;
    const trm = compose(m, tm);
    const [ox, oy] = apply(trm, 0, gs.rise);
    const em = Math.hypot(trm[2], trm[3]) * gs.size;
    const downX = -trm[2] / (Math.hypot(trm[2], trm[3]) || 1);
    const downY = -trm[3] / (Math.hypot(trm[2], trm[3]) || 1);
    const cx = ox + (downX * em) / 2;
    const cy = oy + (downY * em) / 2;
    const str = glyph.unicode ?? '';
    if (str.trim() !== '' && em > 0 && Number.isFinite(cx) && Number.isFinite(cy)) {
      runs.push({ str, x0: cx - em / 2, x1: cx + em / 2, top: cy - em / 2, bottom: cy + em / 2, size: em });
    }
    const advance = glyph.vmetric && Number.isFinite(glyph.vmetric[0]) ? -glyph.vmetric[0] : 1000;
    const ty = -(advance / 1000) * gs.size + gs.charSpacing + (glyph.isSpace ? gs.wordSpacing : 0);
    tm = compose(tm, [1, 0, 0, 1, 0, ty]);
  }
  return tm;
}
