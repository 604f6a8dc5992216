// A SourceDocument → the report text the checker reads, plus a map from every stretch of that text
// back to its place in the source. Tables become Markdown pipe rows over the table's full grid:
// a merged cell's text sits in its top-left slot; slots it covers in later rows are left empty, slots
// it covers to its right are not written (see writeTable).
import type { Block, SourceDocument, SourceLocation, TableBlock } from './document';

export interface MappedSpan {
  start: number;
  end: number;
  source: SourceLocation;
}

export interface ImportedText {
  text: string;
  /** Spans of `text` in document order, each with its source location (paragraphs and cells). */
  map: MappedSpan[];
}

/** The source place of a text offset: the mapped span holding it, else the nearest one before it. */
export function locate(map: readonly MappedSpan[], offset: number): SourceLocation | undefined {
  let lo = 0;
  let hi = map.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid].start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? map[lo - 1].source : map[0]?.source;
}

function isCjk(code: number): boolean {
  return (code >= 0x3000 && code <= 0x9fff) || (code >= 0xff00 && code <= 0xffef);
}

/**
 * One line of text: line breaks inside a cell or paragraph are dropped between Chinese characters
 * (a wrapped label) and become a space elsewhere; runs of blanks become one space; bars and TABs,
 * which would split a line into cells, become `/` and a space.
 */
export function oneLine(text: string): string {
  let out = '';
  let pendingSpace = false;
  let pendingBreak = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = text.charCodeAt(i);
    if (ch === '\n' || ch === '\r') {
      pendingBreak = true;
      continue;
    }
    if (ch === ' ' || ch === '\t' || code === 0xa0 || code === 0x3000 || code === 0x0b || code === 0x0c) {
      pendingSpace = true;
      continue;
    }
    if (out.length > 0 && (pendingSpace || pendingBreak)) {
      const joinCjk = !pendingSpace && isCjk(out.charCodeAt(out.length - 1)) && isCjk(code);
      if (!joinCjk) out += ' ';
    }
    pendingSpace = false;
    pendingBreak = false;
    out += ch === '|' || ch === '｜' ? '/' : ch;
  }
  return out;
}

interface GridSlot {
  text: string;
  source: SourceLocation;
}

interface GridLayout {
  grid: (GridSlot | undefined)[][];
  /** Slots covered by a cell that starts to their left (a colSpan, in every row the cell covers). */
  continued: boolean[][];
}

function layoutGrid(table: TableBlock): GridLayout {
  const grid: (GridSlot | undefined)[][] = [];
  const covered: boolean[][] = [];
  const continued: boolean[][] = [];
  const isCovered = (r: number, c: number) => covered[r]?.[c] === true;
  table.rows.forEach((row, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (isCovered(r, c)) c++;
      const rowSpan = Math.max(1, Math.min(cell.rowSpan | 0, table.rows.length - r));
      const colSpan = Math.max(1, Math.min(cell.colSpan | 0, 1000));
      grid[r][c] = { text: oneLine(cell.text), source: cell.source };
      for (let dr = 0; dr < rowSpan; dr++) {
        covered[r + dr] ??= [];
        continued[r + dr] ??= [];
        for (let dc = 0; dc < colSpan; dc++) {
          covered[r + dr][c + dc] = true;
          if (dc > 0) continued[r + dr][c + dc] = true;
        }
      }
      c += colSpan;
    }
  });
  const width = covered.reduce((w, row) => Math.max(w, row?.length ?? 0), 0);
  return {
    grid: grid.map((row) => Array.from({ length: width }, (_, c) => row?.[c])),
    continued: grid.map((_, r) => Array.from({ length: width }, (_, c) => continued[r]?.[c] === true)),
  };
}

/** The table's rows on the full grid: slots covered by a merged cell are undefined. */
export function tableGrid(table: TableBlock): (GridSlot | undefined)[][] {
  return layoutGrid(table).grid;
}

class Writer {
  text = '';
  readonly map: MappedSpan[] = [];

  write(s: string, source?: SourceLocation): void {
    const start = this.text.length;
    this.text += s;
    if (source) this.map.push({ start, end: this.text.length, source });
  }
}

/**
 * A cell merged across columns is written once (`| 一、本年新收… | 2446 |`): the checker reads the
 * cells after a row label as its values, so the slots such a cell covers to its right must not become
 * empty cells. Slots covered from a row above stay empty cells, which keeps the columns below a
 * tall label (`|  | （二）部分公开… | 322 |`) where the checker expects them.
 */
function writeTable(w: Writer, table: TableBlock): void {
  const { grid, continued } = layoutGrid(table);
  let first = true;
  grid.forEach((row, r) => {
    // A grid row made only of slots covered from above says nothing.
    if (!row.some((slot) => slot !== undefined)) return;
    w.write('|');
    let cells = 0;
    row.forEach((slot, c) => {
      if (continued[r][c]) return;
      cells++;
      w.write(' ');
      if (slot) w.write(slot.text, slot.source);
      w.write(' |');
    });
    w.write('\n');
    if (first) {
      w.write(`|${'---|'.repeat(cells)}\n`);
      first = false;
    }
  });
}

function writeBlock(w: Writer, block: Block): void {
  if (block.type === 'paragraph') {
    const line = oneLine(block.text);
    if (line === '') return;
    w.write(line, block.source);
    w.write('\n');
  } else {
    writeTable(w, block);
  }
}

/** The report text of an imported document, blocks a blank line apart. */
export function toReportText(doc: SourceDocument): ImportedText {
  const w = new Writer();
  for (const block of doc.blocks) {
    const before = w.text.length;
    writeBlock(w, block);
    if (w.text.length > before) w.write('\n');
  }
  return { text: w.text, map: w.map };
}
