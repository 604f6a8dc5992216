// Document formatting: align the bars of pipe tables by display width (a CJK or full-width character
// takes two columns), and turn a TAB table into a pipe table. Cell contents are never changed: only
// the spaces around them.
import type { ReportModel, Table } from './model';
import type { TextEdit } from './types';
import { renderRow } from './templates';

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

/** Aligns one run of adjacent pipe lines: column i is as wide as its widest cell in the run. */
function alignRun(run: PipeLine[]): TextEdit[] {
  const widths: number[] = [];
  for (const line of run) {
    if (isSeparatorRow(line)) continue;
    line.cells.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  }
  const edits: TextEdit[] = [];
  for (const line of run) {
    const separator = isSeparatorRow(line);
    const cells = line.cells.map((cell, i) => (separator ? separatorCell(cell, widths[i] ?? 0) : pad(cell, widths[i] ?? 0)));
    let text = (line.leading ? '| ' : '') + cells.join(' | ') + (line.trailing ? ' |' : '');
    if (!line.trailing) text = text.trimEnd();
    if (text !== line.text) edits.push({ span: { start: line.start, end: line.end }, newText: text });
  }
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
