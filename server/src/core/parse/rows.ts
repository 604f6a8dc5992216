// Splitting one line into table cells, for every table syntax we read.
import type { Cell, Line, RowSyntax } from '../model/model';
import type { Span } from '../base/types';
import { makeCell, isChineseNumberText } from './cell';
import { isIdeographCode, isSpace } from '../base/text';

export interface RawRow {
  syntax: RowSyntax;
  cells: Cell[];
  fullWidthBars: Span[];
}

export type LineRowShape = RawRow | 'separator' | undefined;

/** Rows without full-width bars (nearly all) share one empty list. */
const NO_SPANS: Span[] = Object.freeze([]) as unknown as Span[];

const BAR_CODE = 0x7c; // |
const FULL_BAR_CODE = 0xff5c; // ｜
const TAB_CODE = 0x09;
/** A line of only TABs is a blank template row (table 四's data row) only when it is that wide. */
const MIN_BLANK_TAB_CELLS = 5;

function isSeparatorCell(s: string): boolean {
  const t = s.trim();
  if (t.length === 0) return false;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c !== '-' && c !== ':' && c !== '—') return false;
  }
  return t.includes('-') || t.includes('—');
}

/**
 * Separator positions of the line splitDelimitedRow reads, emptied on each call: an array made per line
 * had an allocation site whose later decision (born young or old) threw splitDelimitedRow's optimised
 * code away.
 */
const SEPS: number[] = [];

/** Pipe (`a | b |`), Markdown (`| a | b |`) or TAB rows; undefined for any other line. */
export function splitDelimitedRow(line: Line): LineRowShape {
  const text = line.text;
  // Prose has no separators at all: native searches decide that faster than a loop over the line.
  const useBars = text.indexOf('|') >= 0 || text.indexOf('｜') >= 0;
  if (!useBars && text.indexOf('\t') < 0) return undefined;
  // One pass over the line: the bars, or the TABs of a line without bars. Both kinds of row run the
  // same comparisons and the same push, so a TAB row meeting optimised code made from pipe rows finds
  // nothing in it that never ran (which threw the optimised code away).
  const tabCode = useBars ? -1 : TAB_CODE;
  const seps = SEPS;
  seps.length = 0;
  let bars: Span[] | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BAR_CODE || c === FULL_BAR_CODE || c === tabCode) {
      seps.push(i);
      if (c === FULL_BAR_CODE) (bars ??= []).push({ start: line.start + i, end: line.start + i + 1 });
    }
  }
  const fullWidthBars = bars ?? NO_SPANS;
  // Cell k lies between separator k-1 and separator k; `first`/`last` drop the empty ends of `| a | b |`.
  const cellFrom = (k: number) => (k === 0 ? 0 : seps[k - 1] + 1);
  const cellTo = (k: number) => (k === seps.length ? text.length : seps[k]);
  let first = 0;
  let last = seps.length;
  let syntax: RowSyntax = useBars ? 'pipe' : 'tab';
  if (useBars) {
    if (text.slice(0, seps[0]).trim() === '') {
      // `| a | b |`: nothing before the first bar.
      first = 1;
      syntax = 'markdown';
    }
    if (last >= first && text.slice(cellFrom(last), cellTo(last)).trim() === '') last--;
    let separator = last >= first;
    for (let k = first; separator && k <= last; k++) separator = isSeparatorCell(text.slice(cellFrom(k), cellTo(k)));
    if (separator) return 'separator';
  }
  const cells: Cell[] = [];
  for (let k = first; k <= last; k++) cells.push(makeCell(text, line.start, cellFrom(k), cellTo(k)));
  let nonBlank = 0;
  for (let k = 0; k < cells.length; k++) if (cells[k].kind !== 'blank') nonBlank++;
  // A tab-indented paragraph is prose; an all-blank pipe row or `label<TAB>` (a template row) is a row.
  // (Each test below runs on every row, pipe or TAB: see the loop above.)
  const isTab = syntax === 'tab';
  const lastBlank = cells.length > 0 && cells[cells.length - 1].kind === 'blank';
  if (nonBlank === 0 && cells.length < (isTab ? MIN_BLANK_TAB_CELLS : 2)) return undefined;
  if (nonBlank === 1 && isTab && !lastBlank) return undefined;
  return { syntax, cells, fullWidthBars };
}

const MAX_LABEL_FOR_SPACED = 120;

function endsInDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/**
 * A space-aligned row as `pdftotext -layout` writes it: an optional label, then numbers separated by
 * spaces (`行政许可      550`, `一、本年新收…   21  0  0  0  0  0  21`).
 */
export function splitSpacedRow(line: Line): RawRow | undefined {
  const text = line.text;
  // Tokens by whitespace, scanned from the end while they are numbers.
  const tokens: [number, number][] = [];
  let i = text.length;
  while (i > 0) {
    while (i > 0 && isSpace(text[i - 1])) i--;
    if (i === 0) break;
    // A number ends in a digit (half or full width): most prose lines stop here, cheaply.
    if (!endsInDigit(text.charCodeAt(i - 1))) break;
    let j = i;
    while (j > 0 && !isSpace(text[j - 1])) j--;
    const cell = makeCell(text, line.start, j, i);
    if (cell.kind !== 'number' || cell.unit) break;
    tokens.push([j, i]);
    i = j;
  }
  if (tokens.length === 0) return undefined;
  tokens.reverse();
  const labelTo = tokens[0][0];
  const label = text.slice(0, labelTo).trim();
  if (label.length > MAX_LABEL_FOR_SPACED) return undefined;
  // Numbers glued to words (`2023 年`) are prose: the label must end in a space before the numbers.
  if (label !== '' && !isSpace(text[labelTo - 1])) return undefined;
  const cells: Cell[] = [];
  if (label !== '') cells.push(makeCell(text, line.start, 0, labelTo));
  // Index loops, not for-of with destructuring: the iterator protocol made a large optimised graph.
  for (let k = 0; k < tokens.length; k++) cells.push(makeCell(text, line.start, tokens[k][0], tokens[k][1]));
  return { syntax: 'spaced', cells, fullWidthBars: NO_SPANS };
}

/**
 * A text cell that can be (part of) a row label: it has a Chinese character. A value cell gone wrong
 * (`x`, `24 46`, Arabic-Indic digits, `N.A.`) has none and ends the label, so the row is still placed
 * by its label and its numbers stay in their columns.
 */
function labelLike(cell: Cell): boolean {
  if (cell.kind !== 'text') return false;
  const raw = cell.raw;
  for (let i = 0; i < raw.length; i++) if (isIdeographCode(raw.charCodeAt(i))) return true;
  return false;
}

/** Index of the first value cell: labels are the leading text cells with Chinese words (leading blanks skipped). */
export function labelEnd(cells: Cell[]): number {
  let i = 0;
  while (i < cells.length && cells[i].kind === 'blank') i++;
  const firstLabel = i;
  while (i < cells.length && labelLike(cells[i]) && !(i > firstLabel && isChineseNumberText(cells[i].raw))) i++;
  return i === firstLabel ? 0 : i;
}
