// Text runs → lines → text: shared by table cells and paragraphs.
import { isCjkCode, type TextRun } from './geometry';

export interface Line {
  runs: TextRun[];
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** The largest font size on the line. */
  size: number;
}

/** Vertical middle of a run's glyph box. */
export function middle(run: TextRun): number {
  return (run.top + run.bottom) / 2;
}

/**
 * Runs grouped into lines: sorted once by their vertical middle, a run joins the current line when its
 * middle is within half a font size of the line's; each line's runs then go left to right.
 */
export function groupLines(runs: readonly TextRun[]): Line[] {
  const sorted = runs.slice().sort((a, b) => middle(a) - middle(b) || a.x0 - b.x0);
  const lines: Line[] = [];
  let current: TextRun[] = [];
  let mid = 0;
  let minSize = 0;
  for (const run of sorted) {
    const m = middle(run);
    if (current.length > 0 && Math.abs(m - mid) <= 0.5 * Math.min(minSize, run.size)) {
      current.push(run);
      minSize = Math.min(minSize, run.size);
      continue;
    }
    if (current.length > 0) lines.push(makeLine(current));
    current = [run];
    mid = m;
    minSize = run.size;
  }
  if (current.length > 0) lines.push(makeLine(current));
  return lines;
}

export function makeLine(runs: TextRun[]): Line {
  runs.sort((a, b) => a.x0 - b.x0);
  let text = '';
  let x0 = Infinity;
  let x1 = -Infinity;
  let top = Infinity;
  let bottom = -Infinity;
  let size = 0;
  let prev: TextRun | undefined;
  for (const run of runs) {
    if (prev) {
      // Overlapping runs (bold faked by printing twice, shadows) keep one copy.
      if (run.str === prev.str && Math.abs(run.x0 - prev.x0) < 0.3 * run.size) continue;
      if (needsSpace(prev, run)) text += ' ';
    }
    text += run.str;
    x0 = Math.min(x0, run.x0);
    x1 = Math.max(x1, run.x1);
    top = Math.min(top, run.top);
    bottom = Math.max(bottom, run.bottom);
    size = Math.max(size, run.size);
    prev = run;
  }
  return { runs, text, x0, x1, top, bottom, size };
}

/**
 * A blank between two runs of one line where the gap is wide: between Chinese characters only a gap
 * of about a character (justified or spread-out text is still one word), elsewhere a quarter em.
 */
function needsSpace(prev: TextRun, next: TextRun): boolean {
  const gap = next.x0 - prev.x1;
  const size = Math.min(prev.size, next.size);
  const a = prev.str.charCodeAt(prev.str.length - 1);
  const b = next.str.charCodeAt(0);
  const cjk = isCjkCode(a) || isCjkCode(b);
  return gap > (cjk ? 0.9 : 0.2) * size;
}

/** Lines of one paragraph or cell as one string: no blank at a break between Chinese characters or digits. */
export function joinWrapped(texts: readonly string[]): string {
  let out = '';
  for (const t of texts) {
    const text = t.trim();
    if (text === '') continue;
    if (out !== '' && /[A-Za-z]$/.test(out) && /^[A-Za-z]/.test(text)) out += ' ';
    out += text;
  }
  return out;
}
