// Document formatting: align the bars of pipe tables by display width (a CJK or full-width character
// takes two columns), and turn a TAB table into a pipe table. Cell contents are never changed: only
// the spaces around them.
import type { ReportModel, Table } from '../model/model';
import type { TextEdit } from '../base/types';
import { renderRow } from '../spec/templates';

/** Characters an East Asian font draws two columns wide (Unicode East_Asian_Width W and F). */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** Columns the text takes in a monospaced East Asian font. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return width;
}

interface PipeLine {
  start: number;
  end: number;
  text: string;
  leading: boolean;
  trailing: boolean;
  cells: string[];
}

function splitPipeLine(start: number, end: number, text: string): PipeLine {
  const trimmed = text.trim();
  const leading = trimmed.startsWith('|');
  const trailing = trimmed.length > 1 && trimmed.endsWith('|');
  const cells = trimmed.split('|').map((c) => c.trim());
  if (leading) cells.shift();
  if (trailing) cells.pop();
  return { start, end, text, leading, trailing, cells };
}

const isSeparatorCell = (cell: string) => /^:?-+:?$/.test(cell);
const isSeparatorRow = (line: PipeLine) => line.cells.length > 0 && line.cells.every(isSeparatorCell);

function pad(cell: string, width: number): string {
  return cell + ' '.repeat(Math.max(0, width - displayWidth(cell)));
}

function separatorCell(cell: string, width: number): string {
  const left = cell.startsWith(':') ? ':' : '';
  const right = cell.length > 1 && cell.endsWith(':') ? ':' : '';
  return left + '-'.repeat(Math.max(3, width) - left.length - right.length) + right;
}

/** A cell written as a plain number (digits with `.`, `,` or a leading `-`). */
function isNumberCell(cell: string): boolean {
  if (cell.length === 0) return false;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    const digit = (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
    if (!digit && c !== 0x2e && c !== 0x2c && !(c === 0x2d && i === 0)) return false;
  }
  return true;
}

/**
 * Where a row's cells go: data rows (ending in a number) are aligned on their last number, so a
 * row with fewer label cells (`（二）部分公开 | 322 | …` under `三、本年度办理结果 | （一）予以公开 | 1032 | …`)
 * keeps its numbers under the others' and its first cell spans the columns it lacks. Other rows
 * (headers) start at the left.
 */
function offsets(rows: PipeLine[]): number[] {
  const lastFilled = rows.map((line) => {
    let last = line.cells.length - 1;
    while (last >= 0 && line.cells[last] === '') last--;
    return last >= 0 && isNumberCell(line.cells[last]) ? last : -1;
  });
  const right = Math.max(-1, ...lastFilled);
  return lastFilled.map((last) => (last < 0 ? 0 : right - last));
}

/** Aligns one run of adjacent pipe lines: column i is as wide as its widest cell in the run. */
function alignRun(run: PipeLine[]): TextEdit[] {
  const shift = offsets(run.map((line) => (isSeparatorRow(line) ? { ...line, cells: [] } : line)));
  const widths: number[] = [];
  run.forEach((line, r) => {
    if (isSeparatorRow(line)) return;
    line.cells.forEach((cell, i) => {
      const column = i === 0 ? 0 : i + shift[r];
      if (i > 0 || shift[r] === 0) widths[column] = Math.max(widths[column] ?? 0, displayWidth(cell));
    });
  });
  // The first cell of a shifted row spans columns 0..shift; when wider, it widens the last of them.
  const spanWidth = (shift: number) => widths.slice(0, shift + 1).reduce((a, b) => a + (b ?? 0), 0) + 3 * shift;
  run.forEach((line, r) => {
    if (shift[r] > 0) widths[shift[r]] = (widths[shift[r]] ?? 0) + Math.max(0, displayWidth(line.cells[0]) - spanWidth(shift[r]));
  });
  const edits: TextEdit[] = [];
  run.forEach((line, r) => {
    const separator = isSeparatorRow(line);
    const cells = line.cells.map((cell, i) => {
      const width = i === 0 ? spanWidth(shift[r]) : (widths[i + shift[r]] ?? 0);
      return separator ? separatorCell(cell, width) : pad(cell, width);
    });
    let text = (line.leading ? '| ' : '') + cells.join(' | ') + (line.trailing ? ' |' : '');
    if (!line.trailing) text = text.trimEnd();
    if (text !== line.text) edits.push({ span: { start: line.start, end: line.end }, newText: text });
  });
  return edits;
}

/** Lines of the model's pipe tables, grouped into runs of adjacent lines that hold a bar. */
function pipeRuns(model: ReportModel): PipeLine[][] {
  const runs: PipeLine[][] = [];
  for (const table of model.tables) {
    if (table.syntax !== 'pipe' && table.syntax !== 'markdown') continue;
    let run: PipeLine[] = [];
    for (let n = table.lines.first; n <= table.lines.last; n++) {
      const line = model.lines[n];
      if (line.text.includes('|')) {
        run.push(splitPipeLine(line.start, line.end, line.text));
        continue;
      }
      if (run.length > 0) runs.push(run);
      run = [];
    }
    if (run.length > 0) runs.push(run);
  }
  return runs;
}

/** Edits aligning every pipe table of the report; applying them twice changes nothing more. */
export function formatTables(model: ReportModel): TextEdit[] {
  return pipeRuns(model).flatMap(alignRun);
}

/** Edits rewriting a TAB table as pipe rows (the cells as written), or none when it has no TAB rows. */
export function tabTableToPipe(model: ReportModel, table: Table): TextEdit[] {
  const edits: TextEdit[] = [];
  for (let n = table.lines.first; n <= table.lines.last; n++) {
    const line = model.lines[n];
    if (!line.text.includes('\t')) continue;
    const cells = line.text.split('\t').map((c) => c.trim());
    edits.push({ span: { start: line.start, end: line.end }, newText: renderRow('pipe', cells) });
  }
  return edits;
}
