// Ruled tables ("lattice"): the page's horizontal and vertical strokes that touch each other form a
// table; the distinct x of its vertical rules and y of its horizontal rules form the grid; a grid slot
// whose right (bottom) side has no rule is merged with its neighbour, which gives each cell's row and
// column span; text runs go to the cell under their middle.
import { splitRun, type PageContent, type Segment, type TextRun } from './geometry';
import { groupLines, middle } from './lines';

/** A cell of a table found on one page, on that table's grid. */
export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** The cell's lines of text, top to bottom. */
  lines: string[];
  /** Where the text starts (left, top), or the cell's corner when it is empty. */
  textX: number;
  textY: number;
  /** No rule along the cell's top side: the cell goes on from above (e.g. from the previous page). */
  openTop: boolean;
  /** Page of the cell's first text. */
  page: number;
}

export interface PageTable {
  page: number;
  /** Column and row boundaries, left to right and top to bottom. */
  xs: number[];
  ys: number[];
  cells: GridCell[];
}

/** Positions closer than this (in points) are the same rule. */
const SAME = 2.5;
/** Grid slots a table may have; beyond that the strokes are a drawing. */
const MAX_SLOTS = 20_000;

/** Collinear strokes that overlap or touch, merged; strokes shorter than 3 points dropped. */
export function mergeSegments(segments: readonly Segment[]): Segment[] {
  const sorted = segments.slice().sort((a, b) => a.pos - b.pos || a.from - b.from);
  const out: Segment[] = [];
  // Strokes at (nearly) the same position, in order of start; one pass merges each group.
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1].pos - sorted[i].pos <= 1) j++;
    const group = sorted.slice(i, j + 1).sort((a, b) => a.from - b.from);
    let cur = { ...group[0] };
    for (let k = 1; k < group.length; k++) {
      const s = group[k];
      if (s.from <= cur.to + 1.5) cur.to = Math.max(cur.to, s.to);
      else {
        if (cur.to - cur.from >= 3) out.push(cur);
        cur = { ...s };
      }
    }
    if (cur.to - cur.from >= 3) out.push(cur);
    i = j + 1;
  }
  return out;
}

/** Sorted values with those closer than `tol` to the previous one folded into one (their mean). */
export function cluster(values: readonly number[], tol = SAME): number[] {
  const sorted = values.slice().sort((a, b) => a - b);
  const out: number[] = [];
  let sum = 0;
  let n = 0;
  let last = -Infinity;
  for (const v of sorted) {
    if (n > 0 && v - last > tol) {
      out.push(sum / n);
      sum = 0;
      n = 0;
    }
    sum += v;
    n++;
    last = v;
  }
  if (n > 0) out.push(sum / n);
  return out;
}

/** Index of the interval of `bounds` holding v (clamped to the first and last interval). */
export function intervalOf(bounds: readonly number[], v: number): number {
  let lo = 0;
  let hi = bounds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bounds[mid + 1] <= v) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, Math.min(bounds.length - 2, lo));
}

/** Index of the boundary nearest to v. */
function nearest(bounds: readonly number[], v: number): number {
  let best = 0;
  for (let i = 1; i < bounds.length; i++) if (Math.abs(bounds[i] - v) < Math.abs(bounds[best] - v)) best = i;
  return best;
}

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

interface Frame {
  h: Segment[];
  v: Segment[];
}

/** Groups of strokes that touch one another (a horizontal and a vertical stroke touch where they cross). */
function frames(h: Segment[], v: Segment[]): Frame[] {
  const uf = new UnionFind(h.length + v.length);
  const byX = v.map((s, i) => ({ s, i })).sort((a, b) => a.s.pos - b.s.pos);
  const xs = byX.map((e) => e.s.pos);
  let pairs = 0;
  for (let i = 0; i < h.length && pairs < 4_000_000; i++) {
    const hs = h[i];
    // Vertical strokes within the horizontal one's x range, found by binary search.
    let lo = 0;
    let hi = xs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[mid] < hs.from - SAME) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < byX.length && xs[k] <= hs.to + SAME; k++, pairs++) {
      const vs = byX[k].s;
      if (hs.pos >= vs.from - SAME && hs.pos <= vs.to + SAME) uf.union(i, h.length + byX[k].i);
    }
  }
  const groups = new Map<number, Frame>();
  const frameOf = (root: number) => {
    let f = groups.get(root);
    if (!f) groups.set(root, (f = { h: [], v: [] }));
    return f;
  };
  h.forEach((s, i) => frameOf(uf.find(i)).h.push(s));
  v.forEach((s, i) => frameOf(uf.find(h.length + i)).v.push(s));
  return [...groups.values()];
}

/** Whether the rules at one grid position cover the span [from, to] (with a little slack). */
function covered(rules: readonly Segment[] | undefined, from: number, to: number): boolean {
  if (!rules) return false;
  for (const s of rules) if (s.from <= from + SAME && s.to >= to - SAME) return true;
  return false;
}

/** Rules grouped by the grid boundary they lie on. */
function rulesAt(bounds: readonly number[], segments: readonly Segment[]): Segment[][] {
  const out: Segment[][] = bounds.map(() => []);
  for (const s of segments) {
    const i = nearest(bounds, s.pos);
    if (Math.abs(bounds[i] - s.pos) <= SAME) out[i].push(s);
  }
  return out;
}

interface Skeleton {
  xs: number[];
  ys: number[];
  cells: Omit<GridCell, 'lines' | 'textX' | 'textY' | 'page'>[];
  /** Index of the cell covering each grid slot, row by row. */
  owner: Int32Array;
}

/** The grid and cells of one frame, or undefined when the frame is no table (a box, an underline). */
function skeleton(frame: Frame): Skeleton | undefined {
  // At least two rules each way, or one side left open (a fragment of a table whose top rule is on the page before).
  if (frame.h.length < 1 || frame.v.length < 1 || frame.h.length + frame.v.length < 4) return undefined;
  const extent = (list: Segment[]) => {
    let from = Infinity;
    let to = -Infinity;
    for (const s of list) {
      from = Math.min(from, s.from);
      to = Math.max(to, s.to);
    }
    return [from, to];
  };
  const [hFrom, hTo] = extent(frame.h);
  const [vFrom, vTo] = extent(frame.v);
  // Rules that stick out past the outermost crossing rule still bound the table.
  const xs = cluster([...frame.v.map((s) => s.pos), hFrom, hTo]);
  const ys = cluster([...frame.h.map((s) => s.pos), vFrom, vTo]);
  const cols = xs.length - 1;
  const rows = ys.length - 1;
  if (cols < 1 || rows < 1 || cols * rows < 2 || cols * rows > MAX_SLOTS) return undefined;
  const vAt = rulesAt(xs, frame.v);
  const hAt = rulesAt(ys, frame.h);
  const hasRight = (r: number, c: number) => covered(vAt[c + 1], ys[r], ys[r + 1]);
  const hasBelow = (r: number, c: number) => covered(hAt[r + 1], xs[c], xs[c + 1]);
  const owner: Int32Array = new Int32Array(rows * cols).fill(-1);
  const cells: Skeleton['cells'] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (owner[r * cols + c] >= 0) continue;
      let c2 = c;
      while (c2 + 1 < cols && !hasRight(r, c2) && owner[r * cols + c2 + 1] < 0) c2++;
      let r2 = r;
      for (;;) {
        if (r2 + 1 >= rows) break;
        let open = true;
        for (let cc = c; cc <= c2 && open; cc++) {
          if (hasBelow(r2, cc) || owner[(r2 + 1) * cols + cc] >= 0) open = false;
          else if (cc < c2 && hasRight(r2 + 1, cc)) open = false; // the row below is split here
        }
        if (!open) break;
        r2++;
      }
      const index = cells.length;
      for (let rr = r; rr <= r2; rr++) for (let cc = c; cc <= c2; cc++) owner[rr * cols + cc] = index;
      let openTop = true;
      for (let cc = c; cc <= c2; cc++) if (covered(hAt[r], xs[cc], xs[cc + 1])) openTop = false;
      cells.push({
        row: r,
        col: c,
        rowSpan: r2 - r + 1,
        colSpan: c2 - c + 1,
        x0: xs[c],
        x1: xs[c2 + 1],
        top: ys[r],
        bottom: ys[r2 + 1],
        openTop,
      });
    }
  }
  return { xs, ys, cells, owner };
}

export interface PageTables {
  tables: PageTable[];
  /** Runs outside every table. */
  rest: TextRun[];
}

/** The ruled tables of a page and the text left outside them. */
export function findTables(content: PageContent): PageTables {
  const h = mergeSegments(content.hLines);
  const v = mergeSegments(content.vLines);
  const skeletons: Skeleton[] = [];
  for (const frame of frames(h, v)) {
    const sk = skeleton(frame);
    if (sk) skeletons.push(sk);
  }
  if (skeletons.length === 0) return { tables: [], rest: content.runs };
  skeletons.sort((a, b) => a.ys[0] - b.ys[0]);

  const inside: TextRun[][][] = skeletons.map((sk) => sk.cells.map(() => []));
  const rest: TextRun[] = [];
  for (const run of content.runs) {
    const cx = (run.x0 + run.x1) / 2;
    const cy = middle(run);
    const t = skeletons.findIndex(
      (sk) => cx >= sk.xs[0] - 1 && cx <= sk.xs[sk.xs.length - 1] + 1 && cy >= sk.ys[0] - 1 && cy <= sk.ys[sk.ys.length - 1] + 1,
    );
    if (t < 0) {
      rest.push(run);
      continue;
    }
    const sk = skeletons[t];
    const row = intervalOf(sk.ys, cy);
    // A run reaching over a column rule (one string written across cells) is cut at the rule.
    const pieces = run.x1 - run.x0 > 0.6 * run.size ? splitRun(run, (x) => intervalOf(sk.xs, x)) : [run];
    for (const piece of pieces) {
      const col = intervalOf(sk.xs, (piece.x0 + piece.x1) / 2);
      const cell = sk.owner[row * (sk.xs.length - 1) + col];
      if (cell >= 0) inside[t][cell].push(piece);
    }
  }

  const tables = skeletons.map((sk, t): PageTable => ({
    page: content.page,
    xs: sk.xs,
    ys: sk.ys,
    cells: sk.cells.map((cell, i): GridCell => {
      const lines = groupLines(inside[t][i]);
      const first = lines[0];
      return {
        ...cell,
        lines: lines.map((l) => l.text),
        textX: first ? lines.reduce((x, l) => Math.min(x, l.x0), Infinity) : cell.x0,
        textY: first ? first.top : cell.top,
        page: content.page,
      };
    }),
  }));
  return { tables, rest };
}
