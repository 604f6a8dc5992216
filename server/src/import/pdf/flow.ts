// Pages → the document's blocks in reading order: page numbers and running headers dropped, wrapped
// lines joined into paragraphs (also across a page break), and a table that goes on over a page break
// joined back into one table.
import type { Block, SourceLocation, TableBlock, TableCell } from '../common/document';
import type { PageContent } from './geometry';
import { groupLines, joinWrapped, type Line } from './lines';
import { cluster, findTables, type GridCell, type PageTable } from './tables';

type PageItem = { kind: 'line'; line: Line; top: number } | { kind: 'table'; table: PageTable; top: number };

interface PageFlow {
  page: number;
  width: number;
  height: number;
  items: PageItem[];
}

/** Page numbers as footers write them: `-3-`, `— 3 —`, `3`, `第 3 页`, `第3页 共6页`, `3/6`, `Page 3 of 6`. */
const PAGE_NUMBER =
  /^(?:[-－—–~～·•]*\s*\d{1,4}\s*[-－—–~～·•]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;

/** Headings that always start a paragraph: `一、`, `（一）`, `(一)`, `第一章`. */
const HEADING = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十\d]{1,3}[章节部分])/;

/** Share of the page height at the top and bottom where headers and footers live. */
const MARGIN_ZONE = 0.12;

export function layout(pages: readonly PageContent[]): Block[] {
  const flows = pages.map(pageFlow);
  dropHeadersAndFooters(flows);
  const metrics = bodyMetrics(flows);
  return assemble(flows, metrics);
}

function pageFlow(content: PageContent): PageFlow {
  const { tables, rest } = findTables(content);
  const items: PageItem[] = [
    ...groupLines(rest).map((line): PageItem => ({ kind: 'line', line, top: line.top })),
    ...tables.map((table): PageItem => ({ kind: 'table', table, top: table.ys[0] })),
  ];
  items.sort((a, b) => a.top - b.top);
  return { page: content.page, width: content.width, height: content.height, items };
}

function inMarginZone(flow: PageFlow, line: Line): boolean {
  return line.top > flow.height * (1 - MARGIN_ZONE) || line.bottom < flow.height * MARGIN_ZONE;
}

/** Page numbers, and lines repeated in the top or bottom margin of most pages, are not the report's text. */
function dropHeadersAndFooters(flows: PageFlow[]): void {
  const keyOf = (line: Line) => line.text.replace(/\s+/g, '').replace(/\d+/g, '#');
  const pagesWith = new Map<string, Set<number>>();
  for (const flow of flows) {
    for (const item of flow.items) {
      if (item.kind !== 'line' || !inMarginZone(flow, item.line) || item.line.text.length > 60) continue;
      const key = keyOf(item.line);
      let set = pagesWith.get(key);
      if (!set) pagesWith.set(key, (set = new Set()));
      set.add(flow.page);
    }
  }
  const textPages = flows.filter((f) => f.items.length > 0).length;
  const repeated = (key: string) => textPages >= 2 && (pagesWith.get(key)?.size ?? 0) >= Math.max(2, Math.ceil(textPages / 2));
  const firstPage = flows.find((f) => f.items.length > 0)?.page;
  for (const flow of flows) {
    flow.items = flow.items.filter((item) => {
      if (item.kind !== 'line' || !inMarginZone(flow, item.line)) return true;
      const text = item.line.text.trim();
      if (PAGE_NUMBER.test(text)) return false;
      // A running header repeats the title: on the first page it may be the title itself.
      const top = item.line.bottom < flow.height * MARGIN_ZONE;
      return !repeated(keyOf(item.line)) || (top && flow.page === firstPage);
    });
  }
}

interface Metrics {
  /** Left and right edge of full body lines, per page (pages with few lines use the document's). */
  left: Map<number, number>;
  right: Map<number, number>;
  /** The commonest font size of the text. */
  bodySize: number;
}

/** The most common value of rounded numbers, counting a value's neighbours with it. */
function mode(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const counts = new Map<number, number>();
  for (const v of values) {
    const k = Math.round(v);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let best: number | undefined;
  let bestCount = -1;
  for (const k of counts.keys()) {
    const n = (counts.get(k - 1) ?? 0) + (counts.get(k) ?? 0) + (counts.get(k + 1) ?? 0);
    if (n > bestCount || (n === bestCount && best !== undefined && k < best)) {
      best = k;
      bestCount = n;
    }
  }
  return best;
}

function bodyMetrics(flows: readonly PageFlow[]): Metrics {
  const all: Line[] = [];
  const perPage = new Map<number, Line[]>();
  for (const flow of flows) {
    const lines = flow.items.flatMap((i) => (i.kind === 'line' ? [i.line] : []));
    perPage.set(flow.page, lines);
    all.push(...lines);
  }
  const sizes: number[] = [];
  for (const l of all) for (let i = 0; i < Math.min(l.text.length, 50); i++) sizes.push(l.size);
  const bodySize = mode(sizes) ?? 12;
  const isBody = (l: Line) => Math.abs(l.size - bodySize) <= 1.5 && l.text.length >= 4;
  const docLeft = mode(all.filter(isBody).map((l) => l.x0)) ?? 0;
  const docRight = mode(all.filter(isBody).map((l) => l.x1)) ?? Infinity;
  const left = new Map<number, number>();
  const right = new Map<number, number>();
  for (const flow of flows) {
    const body = (perPage.get(flow.page) ?? []).filter(isBody);
    const enough = body.length >= 6;
    const l = enough ? (mode(body.map((x) => x.x0)) ?? docLeft) : docLeft;
    // A right edge left of most lines' ends would cut paragraphs everywhere: keep the document's then.
    let r = enough ? (mode(body.map((x) => x.x1)) ?? docRight) : docRight;
    if (enough && body.filter((x) => x.x1 > r + 3).length > body.length / 3) r = docRight;
    // Lines that all end in the left half of the page are short lines, not a justified block: the
    // margin is then taken to mirror the left one.
    if (!(r > flow.width * 0.6)) r = flow.width - l;
    left.set(flow.page, l);
    right.set(flow.page, r);
  }
  return { left, right, bodySize };
}

const NUMERIC_RUN = /^[-+]?[\d,，.．]+%?$/;

/**
 * A row of a table drawn without rules: pieces far apart (more than a character and a half), at least
 * two of them numbers, e.g. `一、本年新收…   21   0   0   0   0   0   21`. Such a line stays a line of
 * its own (its pieces a space apart), as `pdftotext -layout` would write it, which the checker reads
 * as a table row; it is never run together with the lines around it.
 */
export function isTabularLine(line: Line): boolean {
  let pieces = 1;
  let numbers = 0;
  let piece = '';
  let prevEnd = -Infinity;
  for (const run of line.runs) {
    if (run.x0 - prevEnd > 1.5 * run.size && piece !== '') {
      if (NUMERIC_RUN.test(piece)) numbers++;
      pieces++;
      piece = '';
    }
    piece += run.str;
    prevEnd = run.x1;
  }
  if (NUMERIC_RUN.test(piece)) numbers++;
  return pieces >= 3 && numbers >= 2;
}

/** Whether `line` (on `page`) starts a new paragraph after `prev` (on `prevPage`, the same or the page before). */
function startsParagraph(prev: Line, line: Line, prevPage: number, page: number, m: Metrics): boolean {
  const left = m.left.get(page) ?? 0;
  const right = m.right.get(prevPage) ?? Infinity;
  if (isTabularLine(prev) || isTabularLine(line)) return true;
  if (prevPage === page && isTitleLine(prev, left, right, m) && isTitleLine(line, left, right, m)) {
    // A title set over two or three centred lines is one title.
    return !(Math.abs(line.size - prev.size) < 0.5 && line.top - prev.bottom < line.size);
  }
  if (Math.abs(line.size - prev.size) > 0.15 * Math.max(line.size, prev.size)) return true;
  if (line.x0 > left + 0.9 * line.size) return true; // indented first line, or a centred title
  if (prev.x1 < right - 1.5 * prev.size) return true; // the line before ended short of the margin
  if (HEADING.test(line.text.trim())) return true;
  if (prevPage === page && line.top - prev.bottom > 1.2 * line.size) return true; // extra space between
  return false;
}

/** A line in a larger font than the body, centred between the margins. */
function isTitleLine(line: Line, left: number, right: number, m: Metrics): boolean {
  if (!(line.size > m.bodySize + 0.5) || !Number.isFinite(right)) return false;
  const centre = (left + right) / 2;
  return line.x0 > left + line.size && Math.abs((line.x0 + line.x1) / 2 - centre) < 2 * line.size;
}

function pdfSource(page: number, x: number, y: number): SourceLocation {
  return { format: 'pdf', page, x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
}

/** A table being built: cells on a grid shared by all its page fragments. */
interface DocTable {
  page: number;
  xs: number[];
  top: number;
  rows: number;
  cells: GridCell[];
}

function assemble(flows: readonly PageFlow[], m: Metrics): Block[] {
  const blocks: Block[] = [];
  let para: { lines: Line[]; page: number; lastPage: number } | undefined;
  let table: DocTable | undefined;
  /** The item before was a table (on a new page: the previous page ended with it). */
  let lastWasTable = false;

  const flushPara = () => {
    if (!para) return;
    const first = para.lines[0];
    const text = joinWrapped(para.lines.map((l) => l.text));
    if (text !== '') blocks.push({ type: 'paragraph', text, source: pdfSource(para.page, first.x0, first.top) });
    para = undefined;
  };
  const flushTable = () => {
    if (table) blocks.push(tableBlock(table));
    table = undefined;
  };

  for (const flow of flows) {
    flow.items.forEach((item, index) => {
      const firstOnPage = index === 0;
      if (item.kind === 'table') {
        flushPara();
        if (table && firstOnPage && lastWasTable && appendFragment(table, item.table)) {
          // The table goes on from the previous page.
        } else {
          flushTable();
          table = docTable(item.table);
        }
        lastWasTable = true;
        return;
      }
      flushTable();
      lastWasTable = false;
      const line = item.line;
      const prev = para?.lines[para.lines.length - 1];
      if (para && prev && !startsParagraph(prev, line, para.lastPage, flow.page, m)) {
        para.lines.push(line);
        para.lastPage = flow.page;
        return;
      }
      flushPara();
      para = { lines: [line], page: flow.page, lastPage: flow.page };
    });
    // A table or paragraph may go on over the page break; anything else in between ends it.
    if (flow.items.length === 0) {
      flushPara();
      flushTable();
      lastWasTable = false;
    }
  }
  flushPara();
  flushTable();
  return blocks;
}

function docTable(t: PageTable): DocTable {
  return { page: t.page, xs: t.xs.slice(), top: t.ys[0], rows: t.ys.length - 1, cells: t.cells.map((c) => ({ ...c, lines: c.lines.slice() })) };
}

const cellText = (c: GridCell) => c.lines.join('');
const NUMBER = /^[-+]?[\d,，.．%％]+$/;
/** Cell text that starts a new row label: `（四）`, `3.`, `二、`, `第二十条`. */
const LABEL_START = /^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,3}\s*[.．、]|第[一二三四五六七八九十\d]{1,4}[条项章])/;

/**
 * Joins the fragment of a table on the next page to the table: same outer edges and mostly the same
 * column rules. A header row repeated at the top of the fragment is dropped; a cell at the top of the
 * fragment that goes on from the cell above it (no rule between them, or a merged label whose text the
 * page break cut, like `（四）无` | `法提供`) is joined into that cell, which then spans the rows of both.
 * Returns false (and changes nothing) when the fragment is another table.
 */
function appendFragment(table: DocTable, next: PageTable): boolean {
  const tol = 3;
  const a = table.xs;
  const b = next.xs;
  if (Math.abs(a[0] - b[0]) > tol || Math.abs(a[a.length - 1] - b[b.length - 1]) > tol) return false;
  const inner = b.slice(1, -1);
  const matching = inner.filter((x) => a.some((y) => Math.abs(x - y) <= tol)).length;
  if (inner.length > 0 && matching * 2 < inner.length) return false;

  const xs = cluster([...a, ...b], tol);
  const colOf = (x: number) => {
    let best = 0;
    for (let i = 1; i < xs.length; i++) if (Math.abs(xs[i] - x) < Math.abs(xs[best] - x)) best = i;
    return best;
  };
  const regrid = (c: GridCell): GridCell => {
    const col = colOf(c.x0);
    return { ...c, col, colSpan: Math.max(1, colOf(c.x1) - col) };
  };
  table.cells = table.cells.map(regrid);
  table.xs = xs;
  let cells = next.cells.map(regrid);
  let rows = next.ys.length - 1;

  // A repeated header: the fragment's first rows say what the table's first rows say.
  const rowKey = (list: GridCell[], r: number) =>
    list
      .filter((c) => c.row === r)
      .sort((p, q) => p.col - q.col)
      .map((c) => `${c.col}/${c.colSpan}/${c.rowSpan}/${cellText(c)}`)
      .join('|');
  let repeated = 0;
  while (repeated < rows && repeated < table.rows) {
    const key = rowKey(cells, repeated);
    if (key === '' || key !== rowKey(table.cells, repeated) || !/[^|/\d]/.test(key)) break;
    repeated++;
  }
  if (repeated > 0 && !cells.some((c) => c.row < repeated && c.row + c.rowSpan > repeated)) {
    cells = cells.filter((c) => c.row >= repeated).map((c) => ({ ...c, row: c.row - repeated }));
    rows -= repeated;
  }

  const bottom = new Map<string, GridCell>();
  for (const c of table.cells) if (c.row + c.rowSpan === table.rows) bottom.set(`${c.col}/${c.colSpan}`, c);
  const kept: GridCell[] = [];
  for (const c of cells) {
    const above = c.row === 0 ? bottom.get(`${c.col}/${c.colSpan}`) : undefined;
    if (above && goesOn(above, c)) {
      above.lines.push(...c.lines);
      above.rowSpan += c.rowSpan;
    } else {
      kept.push({ ...c, row: c.row + table.rows });
    }
  }
  table.cells.push(...kept);
  table.rows += rows;
  return true;
}

/**
 * Whether cell `below`, first on a new page, is the rest of cell `above` at the bottom of the previous
 * page: the page break cut a merged cell (no rule between the two parts, or a cell spanning several
 * rows on either side) and the lower part does not start a new label (`3.…`, `（五）…`). A number never
 * goes on into the next page; an empty slot under it does where no rule separates them (a whole row
 * cut by the page break).
 */
function goesOn(above: GridCell, below: GridCell): boolean {
  const a = cellText(above);
  const b = cellText(below);
  if (NUMBER.test(b)) return false;
  if (!below.openTop && above.rowSpan === 1 && below.rowSpan === 1) return false;
  // An empty part under a number only where no rule separates them (a row cut by the page break).
  if (b === '') return below.openTop || !NUMBER.test(a);
  return !NUMBER.test(a) && !LABEL_START.test(b);
}

/**
 * An empty cell right of a row label, in a column that holds no numbers anywhere in the table, is
 * part of the label's box (the 洪泽 2024 table 三 draws a rule between `（六）其他处理` and the empty
 * sub-label slot next to it): the label takes it over, so a row reads label, then its numbers.
 */
function absorbLabelPadding(t: DocTable): void {
  const valueColumn: boolean[] = [];
  for (const c of t.cells) if (NUMBER.test(cellText(c))) for (let k = c.col; k < c.col + c.colSpan; k++) valueColumn[k] = true;
  const at = new Map<string, GridCell>();
  for (const c of t.cells) at.set(`${c.row}/${c.col}`, c);
  const taken = new Set<GridCell>();
  for (const c of t.cells.slice().sort((p, q) => p.row - q.row || p.col - q.col)) {
    const text = cellText(c);
    if (taken.has(c) || text === '' || NUMBER.test(text)) continue;
    for (;;) {
      const next = at.get(`${c.row}/${c.col + c.colSpan}`);
      if (!next || taken.has(next) || cellText(next) !== '' || next.rowSpan !== c.rowSpan) break;
      let free = true;
      for (let k = next.col; k < next.col + next.colSpan; k++) if (valueColumn[k]) free = false;
      if (!free) break;
      c.colSpan += next.colSpan;
      c.x1 = next.x1;
      taken.add(next);
    }
  }
  if (taken.size > 0) t.cells = t.cells.filter((c) => !taken.has(c));
}

function tableBlock(t: DocTable): TableBlock {
  absorbLabelPadding(t);
  const rows: TableCell[][] = Array.from({ length: t.rows }, () => []);
  const sorted = t.cells.slice().sort((p, q) => p.row - q.row || p.col - q.col);
  for (const c of sorted) {
    rows[c.row]?.push({
      text: c.lines.join('\n'),
      rowSpan: c.rowSpan,
      colSpan: c.colSpan,
      source: pdfSource(c.page, c.textX, c.textY),
    });
  }
  return { type: 'table', rows, source: pdfSource(t.page, t.xs[0], t.top) };
}
