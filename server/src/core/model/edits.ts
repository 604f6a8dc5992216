// Text edits on the model: setting a cell, inserting whole lines with the document's line ending.
import type { Cell, ReportModel, RowSyntax, TableRow } from './model';
import type { WritableSyntax } from '../spec/templates';
import type { TextEdit } from '../base/types';
import { eolOf } from '../base/text';

/** Inserts lines right after line `index` (at the end of that line). */
export function insertLinesAfter(model: ReportModel, index: number, lines: string[]): TextEdit {
  const eol = eolOf(model.text);
  const at = model.lines[index].end;
  return { span: { start: at, end: at }, newText: lines.map((l) => eol + l).join('') };
}

/** Inserts lines right before line `index` (at its start). */
export function insertLinesBefore(model: ReportModel, index: number, lines: string[]): TextEdit {
  const eol = eolOf(model.text);
  const at = model.lines[index].start;
  return { span: { start: at, end: at }, newText: lines.map((l) => l + eol).join('') };
}

/** Replaces what a cell holds; a blank cell is written with the spacing its row uses. */
export function setCellEdit(row: TableRow, cell: Cell, text: string): TextEdit {
  if (cell.kind !== 'blank') return { span: cell.contentSpan, newText: text };
  const padded = row.syntax === 'tab' ? text : ` ${text} `;
  return { span: cell.span, newText: padded };
}

/** The syntax a row or table inserted into this table is written in ('spaced' PDF text becomes pipe rows). */
export function writable(syntax: RowSyntax): WritableSyntax {
  return syntax === 'spaced' ? 'pipe' : syntax;
}
