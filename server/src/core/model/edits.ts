// Text edits that insert whole lines, keeping the document's line ending.
import type { ReportModel } from './model';
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
